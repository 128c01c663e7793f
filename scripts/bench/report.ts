/**
 * Ratios, targets and the Markdown report of a bench run. Pure functions over measured numbers,
 * so they are tested on fixed figures (test/bench-report.test.ts).
 */
import type { SizeName } from '@nlp-api/corpus';
import { npmStartMarkdown, npmStartVerdicts, type NpmStartResult } from './npm-start-report.js';
import { atLeast, atMost, table, type Verdict } from './table.js';

export { atLeast, atMost, table, type Verdict };

/** How the figure was obtained: 'in-process', 'direct', 'gateway', 'bare node:http', 'direct (rake-app)', ... */
export type Via = string;

export interface Throughput {
  reqPerSec: number;
  /** Requests (or calls) the rate was computed from, and over how many seconds. */
  requests: number;
  windowSec: number;
  /** 'timed': answers within a fixed window; 'amount': a fixed number of requests; 'in-process': calls in a loop. */
  mode: 'timed' | 'amount' | 'in-process';
  connections?: number;
  /** Slices the figure was measured in, interleaved with the rows it is compared with. */
  slices?: number;
  /** CPU milliseconds spent on core 0 by the bench's own server-side processes, per answer (or per call). */
  cpuMsPerReq?: number;
  /** Share of one core the server side got during the run (CPU seconds / wall seconds). */
  serverCpu?: number;
  /** Share of one core the load generator used. */
  clientCpu?: number;
  p50Ms?: number;
  p99Ms?: number;
  /** Anything that makes the figure doubtful: non-2xx answers, socket errors, timeouts. */
  problems: string[];
}

export interface Row {
  /** Unique, e.g. "/keywords 1KB gateway", "/keywords positionrank 1KB direct". */
  id: string;
  /** The path, followed by the algorithm when the request body picks one: "/keywords positionrank". */
  endpoint: string;
  size?: SizeName;
  via: Via;
  result?: Throughput;
  error?: string;
  /** The row this one is compared against (its limit), by id. */
  limitId?: string;
  /** Lowest ratio to the limit that passes; undefined: the ratio is shown for information. */
  minRatio?: number;
}

export interface Comparison {
  rowId: string;
  limitId: string;
  /** Throughput of the row over throughput of its limit (wall clock, the figure the target is about). */
  ratio?: number;
  /** The same on CPU cost: limit's CPU per request over the row's. Robust to other load on the machine. */
  cpuRatio?: number;
  minRatio?: number;
  verdict: Verdict;
  /** The same target judged on the CPU ratio. */
  cpuVerdict: Verdict;
}

export interface GrowthRow {
  endpoint: string;
  via: Via;
  /** Milliseconds per KB of text (1,024 bytes) at 10 KB and at 100 KB, from throughput. */
  msPerKb10?: number;
  msPerKb100?: number;
  /** msPerKb100 / msPerKb10. */
  growth?: number;
  /** The same on server CPU milliseconds per KB. */
  cpuGrowth?: number;
  maxGrowth?: number;
  verdict: Verdict;
}

/** An endpoint's in-process CPU per KB of text, beside another's measured in the same run. */
export interface CostPerKbRow {
  /** e.g. "/keywords positionrank". */
  endpoint: string;
  size: SizeName;
  /** In-process CPU milliseconds per call. */
  cpuMsPerCall?: number;
  /** The same per KB of text (1,024 bytes), in microseconds. */
  cpuUsPerKb?: number;
  /** What it is set beside: an endpoint name ("/keywords") and what to call it ("RAKE"). */
  beside: string;
  besideLabel: string;
  besideCpuUsPerKb?: number;
  /** cpuUsPerKb ÷ besideCpuUsPerKb: how many times the other's cost. */
  times?: number;
  /** Judged at this size: at most this many µs per KB; undefined: shown for information. */
  maxUsPerKb?: number;
  verdict: Verdict;
}

export interface MemoryRow {
  service: string;
  /** VmRSS once ready, before any measured request, MiB. */
  rssIdleMiB?: number;
  /** VmRSS right after the 100 KB rows (the largest reading after any of them), MiB. */
  rssAfterMiB?: number;
  /** The part after which that largest reading was taken, e.g. "/keywords multipartiterank 100KB". */
  largestAfter?: string;
  /** VmHWM, the process's peak RSS over the whole run, MiB. */
  peakMiB?: number;
  maxMiB: number;
  verdict: Verdict;
}

export interface StartupRow {
  service: string;
  samplesMs: number[];
  medianMs?: number;
  maxMs: number;
  verdict: Verdict;
  error?: string;
}

export interface LoggingResult {
  warnId: string;
  infoId: string;
  /** info throughput over warn throughput. */
  ratio?: number;
  /** Extra microseconds per request with one info line per request, from throughput and from server CPU. */
  extraUsPerReq?: number;
  extraCpuUsPerReq?: number;
  logLines?: number;
}

export interface BenchReport {
  startedAt: string;
  finishedAt: string;
  runSeconds: number;
  quick: boolean;
  only?: string;
  machine: { cpus: number; cpuModel: string; node: string; loadAverageBefore: string; loadAverageAfter: string };
  pinning: { pinned: boolean; serverCore: string; clientCore: string; note: string };
  corpus: { source: string; fallback: boolean; sizes: Record<string, { variants: number; meanBytes: number; minBytes: number; maxBytes: number }> };
  settings: Record<string, unknown>;
  rows: Row[];
  comparisons: Comparison[];
  ceilings: Ceiling[];
  growth: GrowthRow[];
  costPerKb: CostPerKbRow[];
  memory: MemoryRow[];
  startup: StartupRow[];
  logging?: LoggingResult;
  npmStart?: NpmStartResult;
  notes: string[];
}

export const TARGETS = {
  healthVsBare: 0.4,
  directVsInProcess: 0.8,
  gatewayVsDirect: 0.85,
  maxGrowth: 1.5,
  /** PositionRank and MultipartiteRank on a 1 KB text, in-process, tagging included: CPU µs per KB. */
  maxKeyphraseCpuUsPerKb: 2_000,
  maxRssMiB: 150,
  startupMs: { 'rake-app': 1_000, 'nlp-client': 1_000, 'prose-app': 3_000 } as Record<string, number>,
} as const;

export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** The p-th percentile (0–100) by nearest rank, or undefined for no values. */
export function percentile(values: readonly number[], p: number): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1];
}

const usable = (row: Row | undefined): Throughput | undefined =>
  row?.result && row.result.reqPerSec > 0 && Number.isFinite(row.result.reqPerSec) ? row.result : undefined;

/** Every row that names a limit, with its ratio to it. */
export function compare(rows: readonly Row[]): Comparison[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  const out: Comparison[] = [];
  for (const row of rows) {
    if (!row.limitId) continue;
    const mine = usable(row);
    const limit = usable(byId.get(row.limitId));
    const ratio = mine && limit ? mine.reqPerSec / limit.reqPerSec : undefined;
    const cpuRatio =
      mine?.cpuMsPerReq && limit?.cpuMsPerReq && mine.cpuMsPerReq > 0 ? limit.cpuMsPerReq / mine.cpuMsPerReq : undefined;
    out.push({
      rowId: row.id,
      limitId: row.limitId,
      ratio,
      cpuRatio,
      minRatio: row.minRatio,
      verdict: atLeast(ratio, row.minRatio),
      cpuVerdict: atLeast(cpuRatio, row.minRatio),
    });
  }
  return out;
}

/** The best ratio this machine allows a judged row, from costs no server can avoid. */
export interface Ceiling {
  rowId: string;
  /** Limit CPU ÷ (the limit's CPU plus the unavoidable extra), as a ratio like the row's. */
  ceiling: number;
  /** The figures it was computed from, in words. */
  basis: string;
  cpuRatio?: number;
  /** How much of the ceiling the row reached: its CPU ratio ÷ the ceiling. */
  reached?: number;
  minRatio?: number;
  /** No server could meet the target here: it is above the ceiling. */
  targetAboveCeiling: boolean;
}

export const BARE_ID = '/health bare node:http';
export const BARE_PROXY_ID = '/health bare proxy';
/** The bare server kept busy per request for as long as an endpoint's backend works, and the bare proxy in front of it. */
export const busyServerId = (endpoint: string, size: SizeName): string => `${endpoint} ${size} bare server, busy`;
export const busyProxyId = (endpoint: string, size: SizeName): string => `${endpoint} ${size} bare proxy, busy`;

const cpuOf = (row: Row | undefined): number | undefined => {
  const cpu = usable(row)?.cpuMsPerReq;
  return cpu !== undefined && cpu > 0 ? cpu : undefined;
};

/**
 * Ceilings for the judged NLP rows, on CPU per request measured in the same run:
 * - called directly, a service must at least parse the request JSON and serialise the answer
 *   ("in-process + JSON") and pay what a bare node:http server pays per request, so the best
 *   ratio to the in-process rate is in-process ÷ (in-process + JSON + bare);
 * - through the gateway, a request pays at least what a proxy that does nothing but forward pays
 *   per hop (bare proxy in front of the bare server, minus the bare server alone), so the best
 *   ratio to the direct rate is direct ÷ (direct + hop).
 */
export function ceilings(rows: readonly Row[]): Ceiling[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  const bare = cpuOf(byId.get(BARE_ID));
  const proxy = cpuOf(byId.get(BARE_PROXY_ID));
  const hop = bare !== undefined && proxy !== undefined ? Math.max(0, proxy - bare) : undefined;
  const ms = (value: number) => `${(value * 1000).toFixed(0)} µs`;
  const out: Ceiling[] = [];
  for (const row of rows) {
    if (row.minRatio === undefined || !row.limitId || row.size === undefined) continue;
    const mine = cpuOf(row);
    const limit = cpuOf(byId.get(row.limitId));
    if (limit === undefined) continue;
    let ceiling: number | undefined;
    let basis = '';
    if (row.via === 'direct' && bare !== undefined) {
      const withJson = cpuOf(byId.get(`${row.endpoint} ${row.size} in-process + JSON`)) ?? limit;
      ceiling = limit / (withJson + bare);
      basis = `in-process ${ms(limit)} ÷ (in-process + JSON ${ms(withJson)} + bare node:http ${ms(bare)})`;
    } else if (row.via === 'gateway') {
      // A hop costs more in front of a backend that works longer per request (fewer requests per
      // wake-up, each after the backend had the core): measured in front of a like backend when the
      // run has it, else in front of the bare server.
      const busy = cpuOf(byId.get(busyServerId(row.endpoint, row.size)));
      const busyProxy = cpuOf(byId.get(busyProxyId(row.endpoint, row.size)));
      if (busy !== undefined && busyProxy !== undefined) {
        const likeHop = Math.max(0, busyProxy - busy);
        ceiling = limit / (limit + likeHop);
        basis = `direct ${ms(limit)} ÷ (direct + bare proxy hop in front of a bare server as busy, ${ms(likeHop)})`;
      } else if (hop !== undefined) {
        ceiling = limit / (limit + hop);
        basis = `direct ${ms(limit)} ÷ (direct + bare proxy hop ${ms(hop)})`;
      }
    }
    if (ceiling === undefined) continue;
    const cpuRatio = mine !== undefined ? limit / mine : undefined;
    out.push({
      rowId: row.id,
      ceiling,
      basis,
      cpuRatio,
      reached: cpuRatio !== undefined ? cpuRatio / ceiling : undefined,
      minRatio: row.minRatio,
      targetAboveCeiling: ceiling < row.minRatio,
    });
  }
  return out;
}

export function ceilingTable(rows: readonly Ceiling[]): string {
  return table(
    ['row', 'CPU ratio', 'ceiling', 'share of the ceiling reached', 'target', 'target possible here?', 'ceiling from'],
    rows.map((c) => [
      c.rowId,
      formatPercent(c.cpuRatio),
      formatPercent(c.ceiling),
      formatPercent(c.reached),
      targetText(c.minRatio),
      c.targetAboveCeiling ? 'no: above the ceiling' : 'yes',
      c.basis,
    ]),
  );
}

/** Time per KB of text at 10 KB and 100 KB, per endpoint and way of calling it. */
export function costGrowth(
  rows: readonly Row[],
  meanBytes: Partial<Record<SizeName, number>>,
  judged: readonly Via[] = ['direct', 'gateway'],
): GrowthRow[] {
  const out: GrowthRow[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    if (row.size !== '10KB') continue;
    const key = `${row.endpoint} ${row.via}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const big = rows.find((other) => other.endpoint === row.endpoint && other.via === row.via && other.size === '100KB');
    const perKb = (r: Row | undefined, size: SizeName, cpu: boolean): number | undefined => {
      const result = usable(r);
      const bytes = meanBytes[size];
      const ms = cpu ? result?.cpuMsPerReq : result ? 1000 / result.reqPerSec : undefined;
      return ms !== undefined && bytes ? ms / (bytes / 1024) : undefined;
    };
    const ratio = (a: number | undefined, b: number | undefined) => (a !== undefined && b !== undefined && a > 0 ? b / a : undefined);
    const msPerKb10 = perKb(row, '10KB', false);
    const msPerKb100 = perKb(big, '100KB', false);
    const growth = ratio(msPerKb10, msPerKb100);
    const cpuGrowth = ratio(perKb(row, '10KB', true), perKb(big, '100KB', true));
    const maxGrowth = judged.includes(row.via) ? TARGETS.maxGrowth : undefined;
    out.push({ endpoint: row.endpoint, via: row.via, msPerKb10, msPerKb100, growth, cpuGrowth, maxGrowth, verdict: atMost(growth, maxGrowth) });
  }
  return out;
}

/** Which in-process rows to set beside which, and where the per-KB target applies. */
export interface CostPerKbSpec {
  endpoint: string;
  beside: string;
  besideLabel: string;
  maxUsPerKb?: number;
  /** Sizes judged against maxUsPerKb; the other sizes measured are shown for information. */
  judgedSizes: readonly SizeName[];
}

/**
 * CPU per KB of text of each spec's in-process rows, every size the run measured, beside the
 * in-process row of the same size of the endpoint it names (RAKE for the keyphrase algorithms).
 */
export function costPerKb(rows: readonly Row[], meanBytes: Partial<Record<SizeName, number>>, specs: readonly CostPerKbSpec[]): CostPerKbRow[] {
  const inProcess = (endpoint: string, size: SizeName) => rows.find((row) => row.endpoint === endpoint && row.size === size && row.via === 'in-process');
  const perKb = (cpuMs: number | undefined, size: SizeName): number | undefined => {
    const bytes = meanBytes[size];
    return cpuMs !== undefined && bytes ? (cpuMs * 1000) / (bytes / 1024) : undefined;
  };
  const out: CostPerKbRow[] = [];
  for (const spec of specs) {
    for (const row of rows) {
      if (row.endpoint !== spec.endpoint || row.via !== 'in-process' || row.size === undefined) continue;
      const cpuMsPerCall = cpuOf(row);
      const cpuUsPerKb = perKb(cpuMsPerCall, row.size);
      const besideCpuUsPerKb = perKb(cpuOf(inProcess(spec.beside, row.size)), row.size);
      const maxUsPerKb = spec.judgedSizes.includes(row.size) ? spec.maxUsPerKb : undefined;
      out.push({
        endpoint: spec.endpoint,
        size: row.size,
        cpuMsPerCall,
        cpuUsPerKb,
        beside: spec.beside,
        besideLabel: spec.besideLabel,
        besideCpuUsPerKb,
        times: cpuUsPerKb !== undefined && besideCpuUsPerKb !== undefined ? cpuUsPerKb / besideCpuUsPerKb : undefined,
        maxUsPerKb,
        verdict: atMost(cpuUsPerKb, maxUsPerKb),
      });
    }
  }
  return out;
}

// ---- formatting ----

export function formatRate(reqPerSec: number | undefined): string {
  if (reqPerSec === undefined || !Number.isFinite(reqPerSec)) return '–';
  if (reqPerSec >= 100) return Math.round(reqPerSec).toLocaleString('en-US');
  if (reqPerSec >= 10) return reqPerSec.toFixed(1);
  return reqPerSec.toFixed(2);
}

export function formatMs(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms)) return '–';
  if (ms >= 100) return ms.toFixed(0);
  if (ms >= 10) return ms.toFixed(1);
  if (ms >= 1) return ms.toFixed(2);
  return ms.toFixed(3);
}

export function formatLatency(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms)) return '–';
  if (ms >= 1000) return Math.round(ms).toLocaleString('en-US');
  return formatMs(ms);
}

export function formatPercent(fraction: number | undefined): string {
  if (fraction === undefined || !Number.isFinite(fraction)) return '–';
  return `${(fraction * 100).toFixed(fraction >= 0.1 ? 0 : 1)}%`;
}

export function formatRatio(ratio: number | undefined): string {
  if (ratio === undefined || !Number.isFinite(ratio)) return '–';
  return ratio.toFixed(2);
}

function targetText(minRatio: number | undefined): string {
  return minRatio === undefined ? '' : `≥ ${Math.round(minRatio * 100)}%`;
}

/** The throughput table: one line per measured row, with its ratio to its limit. */
export function throughputTable(rows: readonly Row[], comparisons: readonly Comparison[]): string {
  const byRow = new Map(comparisons.map((c) => [c.rowId, c]));
  const body = rows.map((row) => {
    const r = row.result;
    const c = byRow.get(row.id);
    const msPerReq = r && r.reqPerSec > 0 ? 1000 / r.reqPerSec : undefined;
    const slices = r?.slices && r.slices > 1 ? `${r.slices} slices, ` : '';
    const load = !r
      ? ''
      : r.mode === 'in-process'
        ? `${slices}${r.requests} calls in ${r.windowSec} s`
        : `${r.connections ?? '?'} conn, ${slices}${r.mode === 'amount' ? `${r.requests} req` : `${r.windowSec} s`}`;
    const flags = [...(r?.problems ?? []), ...(row.error ? [`ERROR: ${row.error}`] : [])].join('; ');
    return [
      row.endpoint,
      row.size ?? '',
      row.via,
      formatRate(r?.reqPerSec),
      formatMs(msPerReq),
      formatMs(r?.cpuMsPerReq),
      row.limitId ? row.limitId.replace(`${row.endpoint} ${row.size ?? ''}`.trim(), '').trim() || row.limitId : '',
      c ? formatPercent(c.ratio) : '',
      c ? formatPercent(c.cpuRatio) : '',
      targetText(row.minRatio),
      c?.verdict ? `${c.verdict}${c.cpuVerdict && c.cpuVerdict !== c.verdict ? ` (CPU: ${c.cpuVerdict})` : ''}` : '',
      formatLatency(r?.p50Ms),
      formatLatency(r?.p99Ms),
      formatPercent(r?.serverCpu),
      formatPercent(r?.clientCpu),
      load,
      flags,
    ];
  });
  return table(
    ['endpoint', 'text', 'called', 'req/s', 'ms/req', 'CPU ms/req', 'limit', 'ratio', 'CPU ratio', 'target', 'result', 'p50 ms', 'p99 ms', 'srv CPU', 'client CPU', 'load', 'notes'],
    body,
  );
}

export function growthTable(growth: readonly GrowthRow[]): string {
  return table(
    ['endpoint', 'called', 'ms/KB at 10 KB', 'ms/KB at 100 KB', 'growth', 'growth on CPU', 'target', 'result'],
    growth.map((g) => [
      g.endpoint,
      g.via,
      formatMs(g.msPerKb10),
      formatMs(g.msPerKb100),
      g.growth === undefined ? '–' : `${g.growth.toFixed(2)}×`,
      g.cpuGrowth === undefined ? '–' : `${g.cpuGrowth.toFixed(2)}×`,
      g.maxGrowth === undefined ? '(information)' : `≤ ${g.maxGrowth}×`,
      g.verdict,
    ]),
  );
}

const formatUs = (us: number | undefined): string => (us === undefined || !Number.isFinite(us) ? '–' : Math.round(us).toLocaleString('en-US'));
const formatTimes = (times: number | undefined): string => (times === undefined || !Number.isFinite(times) ? '–' : `${times.toFixed(times >= 10 ? 0 : 1)}×`);

export function costPerKbTable(cost: readonly CostPerKbRow[]): string {
  return table(
    ['endpoint', 'text', 'CPU ms/call', 'CPU µs/KB', 'beside', 'its CPU µs/KB', 'times its cost', 'target', 'result'],
    cost.map((c) => [
      c.endpoint,
      c.size,
      formatMs(c.cpuMsPerCall),
      formatUs(c.cpuUsPerKb),
      c.besideLabel,
      formatUs(c.besideCpuUsPerKb),
      formatTimes(c.times),
      c.maxUsPerKb === undefined ? '(information)' : `≤ ${formatUs(c.maxUsPerKb)} µs/KB`,
      c.verdict,
    ]),
  );
}

export function memoryTable(memory: readonly MemoryRow[]): string {
  return table(
    ['service', 'RSS idle, once ready (MiB)', 'RSS after the 100 KB rows (MiB)', 'peak RSS (MiB)', 'target', 'result'],
    memory.map((m) => [
      m.service,
      m.rssIdleMiB?.toFixed(1) ?? '–',
      m.rssAfterMiB === undefined ? '–' : `${m.rssAfterMiB.toFixed(1)}${m.largestAfter ? ` (after ${m.largestAfter})` : ''}`,
      m.peakMiB?.toFixed(1) ?? '–',
      `≤ ${m.maxMiB} MiB`,
      m.verdict,
    ]),
  );
}

export function startupTable(startup: readonly StartupRow[]): string {
  return table(
    ['service', 'median spawn → 200 on /ready', 'samples (ms)', 'target', 'result'],
    startup.map((s) => [
      s.service,
      s.medianMs === undefined ? (s.error ?? '–') : `${Math.round(s.medianMs)} ms`,
      s.samplesMs.map((ms) => Math.round(ms)).join(', '),
      `≤ ${s.maxMs / 1000} s`,
      s.verdict,
    ]),
  );
}

/** Every judged figure in one list, failures first. */
export function targetSummary(
  report: Pick<BenchReport, 'comparisons' | 'growth' | 'memory' | 'startup'> & Partial<Pick<BenchReport, 'ceilings' | 'costPerKb' | 'npmStart'>>,
): { passed: string[]; failed: string[]; missing: string[] } {
  const ceilingOf = new Map((report.ceilings ?? []).map((c) => [c.rowId, c]));
  const passed: string[] = [];
  const failed: string[] = [];
  const missing: string[] = [];
  const file = (verdict: Verdict, text: string) => {
    if (verdict === 'PASS') passed.push(text);
    else if (verdict === 'FAIL') failed.push(text);
    else if (verdict === 'n/a') missing.push(text);
  };
  for (const c of report.comparisons) {
    if (c.minRatio === undefined) continue;
    const ceiling = ceilingOf.get(c.rowId);
    const bound = ceiling
      ? `; ceiling here ${formatPercent(ceiling.ceiling)}${ceiling.targetAboveCeiling ? ', below the target' : ''}, ${formatPercent(ceiling.reached)} of it reached`
      : '';
    file(c.verdict, `${c.rowId}: ${formatPercent(c.ratio)} of ${c.limitId} (target ≥ ${Math.round(c.minRatio * 100)}%; on CPU cost ${formatPercent(c.cpuRatio)}, ${c.cpuVerdict}${bound})`);
  }
  for (const g of report.growth) {
    if (g.maxGrowth === undefined) continue;
    file(
      g.verdict,
      `${g.endpoint} ${g.via}: time per KB at 100 KB is ${g.growth === undefined ? '–' : g.growth.toFixed(2)}× that at 10 KB ` +
        `(target ≤ ${g.maxGrowth}×; on CPU ${g.cpuGrowth === undefined ? '–' : g.cpuGrowth.toFixed(2)}×)`,
    );
  }
  for (const c of report.costPerKb ?? []) {
    if (c.maxUsPerKb === undefined) continue;
    file(
      c.verdict,
      `${c.endpoint} ${c.size} in-process: ${formatUs(c.cpuUsPerKb)} µs CPU per KB, tagging included, ${formatTimes(c.times)} ${c.besideLabel}'s ` +
        `(target ≤ ${formatUs(c.maxUsPerKb)} µs per KB)`,
    );
  }
  for (const m of report.memory) {
    const after = m.largestAfter ? `, the largest reading after ${m.largestAfter}` : '';
    file(m.verdict, `${m.service}: RSS ${m.rssAfterMiB?.toFixed(1) ?? '–'} MiB after the 100 KB rows${after} (target ≤ ${m.maxMiB} MiB)`);
  }
  for (const s of report.startup) file(s.verdict, `${s.service}: start-up ${s.medianMs === undefined ? '–' : Math.round(s.medianMs)} ms median (target ≤ ${s.maxMs} ms)`);
  for (const j of report.npmStart ? npmStartVerdicts(report.npmStart) : []) file(j.verdict, j.text);
  return { passed, failed, missing };
}

export function renderMarkdown(report: BenchReport): string {
  const out: string[] = [];
  const summary = targetSummary(report);
  out.push(`# Benchmark — ${report.startedAt}${report.quick ? ' (quick)' : ''}${report.only ? ` (--only ${report.only})` : ''}`, '');
  out.push(
    `${report.machine.cpus} CPUs (${report.machine.cpuModel}), Node ${report.machine.node}; load average before ${report.machine.loadAverageBefore}, after ${report.machine.loadAverageAfter}; run took ${Math.round(report.runSeconds)} s.`,
    `Texts: ${report.corpus.source}${report.corpus.fallback ? ' — **FALLBACK: the shared data folder is absent, built-in sentences repeated**' : ''}; ` +
      Object.entries(report.corpus.sizes)
        .map(([name, s]) => `${name}: ${s.variants} texts of ${s.minBytes}–${s.maxBytes} B`)
        .join(', ') +
      '.',
    `Pinning: ${report.pinning.note}`,
    '',
    `Targets: **${summary.passed.length} PASS, ${summary.failed.length} FAIL**${summary.missing.length ? `, ${summary.missing.length} not measured` : ''}. ` +
      'This is a report: a missed target never fails the run.',
    '',
  );
  if (summary.failed.length > 0) {
    out.push('Missed:', '', ...summary.failed.map((line) => `- FAIL ${line}`), '');
  }
  if (report.rows.length > 0) {
    out.push('## Throughput', '');
    out.push(
      'ratio = req/s over the limit\'s req/s, measured in this run; CPU ratio = the same on server-side CPU per request ' +
        '(limit CPU ms/req ÷ row CPU ms/req), which other load on the machine disturbs less. ' +
        'srv CPU = share of core 0 our server processes got; client CPU = share of core 1 autocannon used (near 100%: the client, not the server, may be the bottleneck).',
      '',
      throughputTable(report.rows, report.comparisons),
      '',
    );
  }
  if (report.ceilings.length > 0) {
    out.push(
      '## Ceilings',
      '',
      'The best CPU ratio a judged row can reach on this machine, from costs measured in this run that no server avoids: ' +
        'a direct call parses the request JSON, serialises the answer and pays what a bare node:http server pays per request; ' +
        'a call through the gateway pays at least one hop of a proxy that only forwards (scripts/bench/bare-proxy.mjs, both on the server core), ' +
        'measured in front of the bare server kept busy per request for as long as the endpoint\'s backend works (a hop costs more in front of a slower backend).',
      '',
      ceilingTable(report.ceilings),
      '',
    );
  }
  if (report.growth.length > 0) out.push('## Cost growth', '', growthTable(report.growth), '');
  if (report.costPerKb.length > 0) {
    out.push(
      '## In-process CPU per KB',
      '',
      'CPU per call of the in-process rows (the whole runner process, garbage collection included) over the texts\' mean size in KB of 1,024 bytes, ' +
        'beside the in-process row of the same texts it is compared with, measured in this run. The keyphrase algorithms\' figures include tagging the text.',
      '',
      costPerKbTable(report.costPerKb),
      '',
    );
  }
  if (report.memory.length > 0) out.push('## Memory', '', memoryTable(report.memory), '');
  if (report.startup.length > 0) out.push('## Start-up', '', startupTable(report.startup), '');
  if (report.logging) {
    const l = report.logging;
    out.push(
      '## Logging cost',
      '',
      `/keywords 1KB direct with LOG_LEVEL=info (one JSON line per request, to a file) runs at ${formatPercent(l.ratio)} of the same with LOG_LEVEL=warn: ` +
        `${l.extraUsPerReq === undefined ? '–' : Math.round(l.extraUsPerReq)} µs more per request ` +
        `(${l.extraCpuUsPerReq === undefined ? '–' : Math.round(l.extraCpuUsPerReq)} µs more server CPU)` +
        `${l.logLines === undefined ? '' : ` (${l.logLines.toLocaleString('en-US')} lines written)`}.`,
      '',
    );
  }
  if (report.npmStart) out.push(npmStartMarkdown(report.npmStart));
  if (report.notes.length > 0) out.push('## Notes', '', ...report.notes.map((note) => `- ${note}`), '');
  return out.join('\n');
}
