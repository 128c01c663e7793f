/**
 * The npm-start part of the report: CPU per request of each service as `npm start` runs it, beside
 * a bare node:http server that only parses the JSON body, and the RSS of every process. Pure
 * functions over measured numbers, tested in test/bench-report.test.ts.
 */
import { atMost, table, type Verdict } from './table.js';

export const NPM_START_PART = 'npm-start';

export const NPM_START_TARGETS = {
  tokensCpuUs: 1_500,
  entitiesCpuUs: 1_000,
  sentencesTimesBare: 2,
  keywordsTimesBare: 1.6,
  gatewayTimesBare: 1.5,
  maxRssMiB: 150,
} as const;

export interface NpmStartRow {
  /** Unique: "prose-app /tokens 1KB direct", "nlp-client /keywords 1KB gateway", "bare node:http /json 1KB". */
  id: string;
  /** Whose process tree (the process and its workers) the CPU figure is: "prose-app", "nlp-client", "bare node:http". */
  measured: string;
  endpoint: string;
  via: 'direct' | 'gateway' | 'bare';
  /** Requests per second the client was held to; absent: as fast as the server answered. */
  pacedPerSec?: number;
  /** 2xx answers, over how many seconds of slices. */
  answers: number;
  seconds: number;
  /** CPU microseconds of `measured`'s tree per 2xx answer. */
  cpuUsPerReq?: number;
  /** Through the gateway: the backend tree's CPU per answer, for information. */
  backendCpuUsPerReq?: number;
  /** The bare row measured at the same pace, the floor this row is set beside. */
  bareId?: string;
  problems: string[];
  error?: string;
}

/** A judged row: at most maxCpuUs per request, or at most maxTimesBare its bare row's CPU. */
export interface NpmStartTarget {
  rowId: string;
  label: string;
  maxCpuUs?: number;
  maxTimesBare?: number;
}

export interface NpmStartProcess {
  service: string;
  /** "main" for a service in one process; "supervisor", "worker 1", ... for a node:cluster. */
  role: string;
  pid: number;
  rssMiB?: number;
}

export interface NpmStartResult {
  /** The environment each service ran with, in words. */
  config: string[];
  rows: NpmStartRow[];
  targets: NpmStartTarget[];
  /** What was sent before the RSS was read. */
  memoryAfter: string;
  memory: NpmStartProcess[];
  maxRssMiB: number;
  notes: string[];
  error?: string;
}

export interface NpmStartJudged {
  label: string;
  rowId: string;
  cpuUs?: number;
  bareUs?: number;
  timesBare?: number;
  target: string;
  verdict: Verdict;
}

const us = (value: number | undefined): string => (value === undefined || !Number.isFinite(value) ? '–' : `${Math.round(value).toLocaleString('en-US')} µs`);
const times = (value: number | undefined): string => (value === undefined || !Number.isFinite(value) ? '–' : `${value.toFixed(2)}×`);
const mib = (value: number | undefined): string => (value === undefined ? '–' : `${value.toFixed(1)} MiB`);

export function judgeNpmStart(result: Pick<NpmStartResult, 'rows' | 'targets'>): NpmStartJudged[] {
  const byId = new Map(result.rows.map((row) => [row.id, row]));
  return result.targets.map((target) => {
    const row = byId.get(target.rowId);
    const cpuUs = row?.error ? undefined : row?.cpuUsPerReq;
    const bareUs = row?.bareId ? byId.get(row.bareId)?.cpuUsPerReq : undefined;
    const timesBare = cpuUs !== undefined && bareUs !== undefined && bareUs > 0 ? cpuUs / bareUs : undefined;
    const [text, verdict] =
      target.maxCpuUs !== undefined
        ? [`≤ ${us(target.maxCpuUs)}`, atMost(cpuUs, target.maxCpuUs)]
        : [`≤ ${target.maxTimesBare}× bare`, atMost(timesBare, target.maxTimesBare)];
    return { label: target.label, rowId: target.rowId, cpuUs, bareUs, timesBare, target: text, verdict };
  });
}

export const memoryVerdict = (process: NpmStartProcess, maxMiB: number): Verdict => atMost(process.rssMiB, maxMiB);

/** Every judged figure of the part, for the report's summary of targets. */
export function npmStartVerdicts(result: NpmStartResult): { verdict: Verdict; text: string }[] {
  const cpu = judgeNpmStart(result).map((j) => ({
    verdict: j.verdict,
    text: `npm start, ${j.label}: ${us(j.cpuUs)} CPU per request, ${times(j.timesBare)} bare node:http's ${us(j.bareUs)} (target ${j.target})`,
  }));
  const memory = result.memory.map((p) => ({
    verdict: memoryVerdict(p, result.maxRssMiB),
    text: `npm start, ${p.service} ${p.role}: RSS ${mib(p.rssMiB)} after ${result.memoryAfter} (target ≤ ${result.maxRssMiB} MiB)`,
  }));
  return [...cpu, ...memory];
}

export function npmStartTable(judged: readonly NpmStartJudged[]): string {
  return table(
    ['row', 'CPU per request', 'bare node:http', 'ratio to bare', 'target', 'result'],
    judged.map((j) => [j.label, us(j.cpuUs), us(j.bareUs), times(j.timesBare), j.target, j.verdict]),
  );
}

export function npmStartRowsTable(rows: readonly NpmStartRow[]): string {
  return table(
    ['row', 'CPU of', 'pace', 'answers', 'req/s', 'CPU per request', 'backend CPU per request', 'notes'],
    rows.map((row) => [
      row.id,
      row.measured,
      row.pacedPerSec === undefined ? 'as fast as answered' : `${row.pacedPerSec} req/s`,
      String(row.answers),
      row.seconds > 0 ? (row.answers / row.seconds).toFixed(0) : '–',
      us(row.cpuUsPerReq),
      us(row.backendCpuUsPerReq),
      [...row.problems, ...(row.error ? [`ERROR: ${row.error}`] : [])].join('; '),
    ]),
  );
}

export function npmStartMemoryTable(memory: readonly NpmStartProcess[], maxMiB: number): string {
  return table(
    ['process', 'pid', 'RSS', 'target', 'result'],
    memory.map((p) => [`${p.service} ${p.role}`, String(p.pid), mib(p.rssMiB), `≤ ${maxMiB} MiB`, memoryVerdict(p, maxMiB)]),
  );
}

export function npmStartMarkdown(result: NpmStartResult): string {
  const out = [
    '## Under npm start',
    '',
    'The three services started as `npm start` starts them (scripts/lib/local-plan.mjs), unpinned: ' +
      `${result.config.join('; ')}. CPU per request = user + system CPU of the service's process tree (supervisor and workers, every thread, ` +
      'from /proc schedstat) over a row\'s slices ÷ its 2xx answers; 1 KB texts, 4 keep-alive connections. ' +
      'The bare node:http server reads the body and parses it as JSON, nothing else; the gateway rows are paced under its default rate limit, ' +
      'and are set beside the bare server at the same pace.',
    '',
  ];
  if (result.error) out.push(`ERROR: ${result.error}`, '');
  if (result.targets.length > 0) out.push(npmStartTable(judgeNpmStart(result)), '');
  if (result.rows.length > 0) out.push(npmStartRowsTable(result.rows), '');
  if (result.memory.length > 0) out.push(`RSS of every process after ${result.memoryAfter}:`, '', npmStartMemoryTable(result.memory, result.maxRssMiB), '');
  if (result.notes.length > 0) out.push(...result.notes.map((note) => `- ${note}`), '');
  return out.join('\n');
}
