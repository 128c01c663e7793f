/**
 * YAKE's deduplication similarity, as in the reference implementation's
 * `Levenshtein.ratio` (yake/Levenshtein.py): 1 - distance / length of the
 * longer string, with the plain Levenshtein distance (insert, delete and
 * substitute each cost 1) over code points.
 *
 * `isSimilar` answers "ratio > threshold" without computing most distances:
 * the distance is at least the length difference and at least the number of
 * character classes (of 32, by code point) present in one string and absent
 * from the other, and when those bounds already rule a pair out the dynamic
 * programming is skipped; otherwise only a diagonal band as wide as the allowed
 * distance is filled. Keeping a few hundred keywords out of a 100 KB text stays
 * fast, while the answers are exactly those of the full computation.
 */

export interface DedupKey {
  readonly chars: readonly number[];
  /** Bit c is set when a code point with (code point mod 32) = c occurs. */
  readonly mask: number;
}

export function dedupKey(text: string): DedupKey {
  const chars = Array.from(text, (c) => c.codePointAt(0) ?? 0);
  let mask = 0;
  for (const c of chars) mask |= 1 << (c & 31);
  return { chars, mask };
}

function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Levenshtein distance if it is at most `bound`, otherwise some value above `bound`. */
function boundedDistance(a: readonly number[], b: readonly number[], bound: number): number {
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > bound) return bound + 1;
  const INF = bound + 1;
  let previous = new Array<number>(m + 1);
  let current = new Array<number>(m + 1);
  for (let j = 0; j <= m; j++) previous[j] = j <= bound ? j : INF;
  for (let i = 1; i <= n; i++) {
    const from = Math.max(1, i - bound);
    const to = Math.min(m, i + bound);
    current.fill(INF);
    current[0] = i <= bound ? i : INF;
    let rowMin = current[0] ?? INF;
    for (let j = from; j <= to; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min((previous[j] ?? INF) + 1, (current[j - 1] ?? INF) + 1, (previous[j - 1] ?? INF) + cost);
      current[j] = value > INF ? INF : value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > bound) return INF;
    [previous, current] = [current, previous];
  }
  return previous[m] ?? INF;
}

/** The reference implementation's ratio: 1 - distance / max(length). */
export function levenshteinRatio(a: string, b: string): number {
  const ka = dedupKey(a).chars;
  const kb = dedupKey(b).chars;
  const longer = Math.max(ka.length, kb.length);
  if (longer === 0) return 1;
  return 1 - boundedDistance(ka, kb, longer) / longer;
}

/** Whether 1 - distance(a, b) / max(|a|, |b|) > threshold. */
export function isSimilar(a: DedupKey, b: DedupKey, threshold: number): boolean {
  const longer = Math.max(a.chars.length, b.chars.length);
  if (longer === 0) return 1 > threshold;
  // ratio > threshold  <=>  distance < (1 - threshold) * longer: the largest such whole distance,
  // found with the same floating-point test the reference implementation makes.
  let bound = Math.min(longer, Math.floor((1 - threshold) * longer) + 1);
  while (bound >= 0 && !(1 - bound / longer > threshold)) bound -= 1;
  if (bound < 0) return false;
  if (Math.abs(a.chars.length - b.chars.length) > bound) return false;
  const onlyA = popcount(a.mask & ~b.mask);
  const onlyB = popcount(b.mask & ~a.mask);
  if (Math.max(onlyA, onlyB) > bound) return false;
  return boundedDistance(a.chars, b.chars, bound) <= bound;
}

/**
 * The keywords kept so far, indexed so that "is this candidate similar to one
 * of them?" costs a handful of look-ups instead of one comparison per kept
 * keyword. If two strings are within Levenshtein distance d, then of the
 * d + 1 pieces one of them is cut into, at least one is untouched by the edits
 * (pigeonhole) and so occurs in the other string, shifted by at most d
 * positions. Each kept string is indexed by its pieces for the one or two
 * distances that can matter to it; a candidate looks up its own substrings at
 * those positions, and only the strings found are compared exactly with
 * {@link isSimilar}. The answers are those of comparing with every kept string.
 */
export class Deduplicator {
  private readonly kept: DedupKey[] = [];
  private readonly keptText = new Set<string>();
  private readonly byLength = new Map<number, number[]>();
  private readonly pieces = new Map<string, Map<string, number[]>>();
  private readonly bounds = new Map<number, number>();

  constructor(private readonly threshold: number) {}

  /** The largest whole distance d with 1 - d / length > threshold (-1 if none). */
  private bound(length: number): number {
    let d = this.bounds.get(length);
    if (d === undefined) {
      d = Math.min(length, Math.floor((1 - this.threshold) * length) + 1);
      while (d >= 0 && !(1 - d / length > this.threshold)) d -= 1;
      this.bounds.set(length, d);
    }
    return d;
  }

  /** Whether `text` is similar to a kept keyword; if not, keeps it. */
  addUnlessSimilar(text: string): boolean {
    const key = dedupKey(text);
    if (this.hasSimilar(text, key)) return false;
    this.add(text, key);
    return true;
  }

  private hasSimilar(text: string, key: DedupKey): boolean {
    if (this.keptText.has(text)) return 1 > this.threshold;
    const length = key.chars.length;
    const checked = new Set<number>();
    const similar = (id: number): boolean => {
      if (checked.has(id)) return false;
      checked.add(id);
      const other = this.kept[id];
      return other !== undefined && isSimilar(key, other, this.threshold);
    };
    // Kept strings no longer than this one: distance bound set by this one's length.
    for (let other = length; other >= 0 && length - other <= this.bound(length); other--) {
      if (this.lengthHasSimilar(key, other, this.bound(length), similar)) return true;
    }
    // Longer kept strings: bound set by theirs.
    for (let other = length + 1; other - length <= this.bound(other); other++) {
      if (this.lengthHasSimilar(key, other, this.bound(other), similar)) return true;
    }
    return false;
  }

  private lengthHasSimilar(key: DedupKey, length: number, d: number, similar: (id: number) => boolean): boolean {
    const ids = this.byLength.get(length);
    // Distance 0 means equal strings, which the caller has already looked for.
    if (ids === undefined || d < 1) return false;
    const pieces = partition(length, d);
    const base = this.bound(length);
    if ((d !== base && d !== base + 1) || pieces.some((p) => p.length === 0)) return ids.some(similar);
    const chars = key.chars;
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i]!;
      const index = this.pieces.get(`${length}:${d}:${i}`);
      if (index === undefined) continue;
      const from = Math.max(0, piece.start - d);
      const to = Math.min(chars.length - piece.length, piece.start + d);
      for (let s = from; s <= to; s++) {
        const found = index.get(String.fromCodePoint(...chars.slice(s, s + piece.length)));
        if (found !== undefined && found.some(similar)) return true;
      }
    }
    return false;
  }

  private add(text: string, key: DedupKey): void {
    const id = this.kept.length;
    this.kept.push(key);
    this.keptText.add(text);
    const length = key.chars.length;
    let ids = this.byLength.get(length);
    if (ids === undefined) {
      ids = [];
      this.byLength.set(length, ids);
    }
    ids.push(id);
    const base = this.bound(length);
    for (const d of [base, base + 1]) {
      if (d < 1) continue;
      partition(length, d).forEach((piece, i) => {
        if (piece.length === 0) return;
        const name = `${length}:${d}:${i}`;
        let index = this.pieces.get(name);
        if (index === undefined) {
          index = new Map();
          this.pieces.set(name, index);
        }
        const value = String.fromCodePoint(...key.chars.slice(piece.start, piece.start + piece.length));
        const list = index.get(value);
        if (list === undefined) index.set(value, [id]);
        else list.push(id);
      });
    }
  }
}

interface Piece {
  readonly start: number;
  readonly length: number;
}

const partitions = new Map<string, Piece[]>();

/** Cuts a string of `length` code points into d + 1 nearly equal pieces. */
function partition(length: number, d: number): Piece[] {
  const name = `${length}:${d}`;
  let pieces = partitions.get(name);
  if (pieces === undefined) {
    const count = d + 1;
    const short = Math.floor(length / count);
    const longCount = length % count;
    pieces = [];
    let start = 0;
    for (let i = 0; i < count; i++) {
      const size = i < count - longCount ? short : short + 1;
      pieces.push({ start, length: size });
      start += size;
    }
    partitions.set(name, pieces);
  }
  return pieces;
}
