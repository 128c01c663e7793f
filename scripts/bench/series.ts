/**
 * How a row is measured: in slices, interleaved with the rows it is compared with (limit, row,
 * limit, row, ...), so that a change in the machine's other load hits both alike; then the slices
 * are summed into one figure. Pure functions, tested in test/bench-report.test.ts.
 */
import { percentile, type Throughput } from './report.js';

export interface Settings {
  /** Warm-up of each HTTP row before its first slice, seconds. */
  warmupSec: number;
  /** Total measured time of each row, split into `slices` slices. */
  windowSec: number;
  slices: number;
  /** Warm-up of the in-process runner, which also estimates the time per call. */
  rawWarmupMs: number;
  startupRuns: number;
  /** A timed slice must be expected to hold this many answers; below it a slice sends a fixed amount. */
  minAnswersPerSlice: number;
  /** A row that sends fixed amounts sends at least this many requests in all. */
  minAmountRequests: number;
  /** Connections of timed rows, for texts up to 1 KB and above. */
  connectionsSmall: number;
  connectionsLarge: number;
}

export const FULL: Settings = {
  warmupSec: 1,
  windowSec: 4,
  slices: 4,
  rawWarmupMs: 500,
  startupRuns: 5,
  minAnswersPerSlice: 50,
  minAmountRequests: 8,
  connectionsSmall: 10,
  connectionsLarge: 4,
};
export const QUICK: Settings = { ...FULL, warmupSec: 0.5, windowSec: 1.5, slices: 2, rawWarmupMs: 200, startupRuns: 3, minAnswersPerSlice: 30, minAmountRequests: 4 };

/** How the rows of one cell are driven. The in-process row follows the same plan. */
export type Plan =
  | { kind: 'timed'; connections: number; sliceSec: number; slices: number; warmup: { seconds: number } }
  | {
      kind: 'amount';
      connections: number;
      /** Requests per slice: whole rounds over the texts on every connection. */
      amountPerSlice: number;
      /** In-process calls per slice are the same number: this many rounds over the texts. */
      rawRoundsPerSlice: number;
      slices: number;
      warmup: { amount: number } | null;
    };

/**
 * Timed slices (a fixed window, answers counted in it) when a slice should hold enough answers;
 * otherwise a fixed number of requests per slice, timed to the last answer, so a slow endpoint
 * is not measured by how many of its few answers happen to fall inside a window.
 *
 * estimateMs: in-process time per call (undefined for /health); the HTTP time is guessed a bit
 * above it.
 */
export function planFor(estimateMs: number | undefined, variants: number, largeText: boolean, settings: Settings): Plan {
  const sliceSec = settings.windowSec / settings.slices;
  const httpMs = estimateMs === undefined ? 0 : estimateMs * 1.3 + 0.3;
  if (estimateMs === undefined || (sliceSec * 1000) / httpMs >= settings.minAnswersPerSlice) {
    return { kind: 'timed', connections: largeText ? settings.connectionsLarge : settings.connectionsSmall, sliceSec, slices: settings.slices, warmup: { seconds: settings.warmupSec } };
  }
  // One connection keeps a one-core server busy when a request takes this long: the gap between
  // an answer and the next request is well under 1 % of it. Two when requests are shorter.
  const connections = httpMs >= 100 ? 1 : 2;
  const perRound = connections * variants;
  const roundMs = httpMs * perRound;
  const roundsPerSlice = Math.max(1, Math.round((sliceSec * 1000) / roundMs));
  // At least minAmountRequests answers per row: a single garbage collection moves a figure of two or
  // three 100 KB requests by a third.
  const slices = Math.max(
    Math.min(settings.slices, Math.max(1, Math.round((settings.windowSec * 1000) / (roundsPerSlice * roundMs)))),
    Math.ceil(settings.minAmountRequests / (roundsPerSlice * perRound)),
  );
  // A warm-up only when it is short: the smaller texts before have already run the same code.
  const warmup = httpMs * connections <= settings.warmupSec * 2000 ? { amount: connections } : null;
  return { kind: 'amount', connections, amountPerSlice: roundsPerSlice * perRound, rawRoundsPerSlice: roundsPerSlice * connections, slices, warmup };
}

export interface SliceResult {
  /** Answers (or calls) the rate is computed from, and the seconds they were counted over. */
  counted: number;
  windowSec: number;
  /** Every 2xx answer of the slice, and the server-side CPU ms spent on the slice. */
  total: number;
  cpuMs: number;
  wallMs: number;
  clientCpuMs?: number;
  latenciesMs?: number[];
  non2xx?: number;
  errors?: number;
  timeouts?: number;
  statusCodes?: Record<string, number>;
}

/** The slices of one row summed into one figure. */
export function aggregate(slices: readonly SliceResult[], mode: Throughput['mode'], connections?: number): Throughput {
  const sum = (pick: (s: SliceResult) => number | undefined): number => slices.reduce((total, s) => total + (pick(s) ?? 0), 0);
  const counted = sum((s) => s.counted);
  const windowSec = sum((s) => s.windowSec);
  const total = sum((s) => s.total);
  const cpuMs = sum((s) => s.cpuMs);
  const wallMs = sum((s) => s.wallMs);
  const latencies = slices.flatMap((s) => s.latenciesMs ?? []);
  const statusCodes: Record<string, number> = {};
  for (const s of slices) for (const [code, n] of Object.entries(s.statusCodes ?? {})) statusCodes[code] = (statusCodes[code] ?? 0) + n;
  const problems: string[] = [];
  const non2xx = sum((s) => s.non2xx);
  const errors = sum((s) => s.errors);
  const timeouts = sum((s) => s.timeouts);
  if (non2xx > 0) problems.push(`${non2xx} non-2xx (${JSON.stringify(statusCodes)})`);
  if (errors > 0) problems.push(`${errors} socket errors${timeouts ? `, ${timeouts} of them timeouts` : ''}`);
  if (counted === 0) problems.push('no answer counted');
  const clientCpuMs = mode === 'in-process' ? undefined : sum((s) => s.clientCpuMs);
  return {
    reqPerSec: windowSec > 0 ? counted / windowSec : 0,
    requests: counted,
    windowSec: Math.round(windowSec * 100) / 100,
    mode,
    ...(connections === undefined ? {} : { connections }),
    slices: slices.length,
    ...(total > 0 ? { cpuMsPerReq: cpuMs / total } : {}),
    ...(wallMs > 0 ? { serverCpu: cpuMs / wallMs } : {}),
    ...(clientCpuMs !== undefined && wallMs > 0 ? { clientCpu: clientCpuMs / wallMs } : {}),
    ...(latencies.length > 0 ? { p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99) } : {}),
    problems,
  };
}
