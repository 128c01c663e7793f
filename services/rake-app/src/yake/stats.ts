/**
 * numpy's float64 sum (pairwise summation), mean, population standard deviation
 * and median, computed the same way so YAKE's scores match the reference
 * implementation to the last bit where possible.
 */

const BLOCK = 128;

/** numpy's pairwise_sum over values[start, start + n). */
function pairwiseSum(values: readonly number[], start: number, n: number): number {
  if (n < 8) {
    // numpy starts from -0.0 so an all-(-0.0) sum stays -0.0; 0 is equivalent for our non-negative data.
    let res = 0;
    for (let i = 0; i < n; i++) res += values[start + i] ?? 0;
    return res;
  }
  if (n <= BLOCK) {
    const r = [0, 0, 0, 0, 0, 0, 0, 0].map((_, j) => values[start + j] ?? 0);
    let i = 8;
    for (; i < n - (n % 8); i += 8) {
      for (let j = 0; j < 8; j++) r[j] = (r[j] ?? 0) + (values[start + i + j] ?? 0);
    }
    let res = ((r[0]! + r[1]!) + (r[2]! + r[3]!)) + ((r[4]! + r[5]!) + (r[6]! + r[7]!));
    for (; i < n; i++) res += values[start + i] ?? 0;
    return res;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return pairwiseSum(values, start, n2) + pairwiseSum(values, start + n2, n - n2);
}

export const sum = (values: readonly number[]): number => pairwiseSum(values, 0, values.length);

export const mean = (values: readonly number[]): number => sum(values) / values.length;

/** numpy.std with ddof=0. */
export function std(values: readonly number[]): number {
  const m = mean(values);
  return Math.sqrt(sum(values.map((v) => (v - m) * (v - m))) / values.length);
}

/** numpy.median. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  if (sorted.length % 2 === 1) return sorted[mid] ?? Number.NaN;
  return ((sorted[mid - 1] ?? Number.NaN) + (sorted[mid] ?? Number.NaN)) / 2;
}
