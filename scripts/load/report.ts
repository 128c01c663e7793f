/** The Markdown report printed at the end of a load run; the same data is written as JSON. */
import type { LatencySummary, PhaseStats } from './traffic.js';

/** A phase's counters as the run collected them, with latencies summarised instead of listed. */
export interface PhaseSummary extends Omit<PhaseStats, 'latencies' | 'byKind'> {
  connections: number;
  reqPerSec: number;
  failures: { count: number; kinds: string[] };
  latencyMs: LatencySummary;
  byKind: Record<string, LatencySummary & { statuses: Record<string, number> }>;
  /** Average cores used during the phase: each service, this load client, the whole machine, and everything else on it. */
  cpuCores?: Record<string, number>;
}

export interface ServiceReport {
  pid: number;
  rssStartKiB?: number;
  rssEndKiB?: number;
  rssMaxKiB?: number;
  rssMinKiB?: number;
  cpuSecondsDuringRun?: number;
  diedWith?: string;
  stopExitCode?: number | null;
  logLines: Record<string, number>;
  logSample: string[];
}

export interface LoadReport {
  ok: boolean;
  verdict: string;
  startedAt: string;
  finishedAt: string;
  machine: { cpus: number; node: string; loadAverageBefore: string; loadAverageAfter: string };
  config: Record<string, unknown>;
  corpus: { source: string; fallback: boolean; sentences: number; textBytes: Record<string, { min: number; max: number; variants: number }> };
  warmup?: PhaseSummary;
  ramp: { steps: PhaseSummary[]; chosen?: number; rule: string };
  run?: PhaseSummary;
  services: Record<string, ServiceReport>;
  rssCurve: { tSec: number; rssKiB: Record<string, number | undefined> }[];
  health: Record<string, LatencySummary & { failed: number }>;
  loadClientCpuSeconds?: number;
  interrupted: boolean;
}

const ms = (value: number): string => (Number.isFinite(value) ? (value >= 100 ? value.toFixed(0) : value.toFixed(1)) : '–');
const mb = (kib: number | undefined): string => (kib === undefined ? '–' : (kib / 1024).toFixed(1));
const cores = (value: number | undefined): string => (value === undefined ? '–' : value.toFixed(2));
const sum = (record: Record<string, number>): number => Object.values(record).reduce((a, b) => a + b, 0);
const list = (record: Record<string, number>): string =>
  Object.keys(record).length === 0
    ? '0'
    : Object.entries(record)
        .sort((a, b) => b[1] - a[1])
        .map(([key, n]) => `${key}: ${n}`)
        .join('; ');

export function phaseErrors(phase: PhaseSummary): { non2xx: Record<string, number>; count429: number } {
  const non2xx = Object.fromEntries(Object.entries(phase.byStatus).filter(([status]) => !status.startsWith('2')));
  return { non2xx, count429: phase.byStatus['429'] ?? 0 };
}

export function renderMarkdown(report: LoadReport): string {
  const out: string[] = [];
  const { run } = report;
  out.push(`## Load test through the gateway — ${report.verdict}`, '');
  out.push(
    `${report.startedAt}, ${report.machine.cpus} CPUs, Node ${report.machine.node}, load average before ${report.machine.loadAverageBefore}, after ${report.machine.loadAverageAfter}.`,
    `Corpus: ${report.corpus.source}${report.corpus.fallback ? ' (FALLBACK: shared data absent)' : ''}, ${report.corpus.sentences} sentences.`,
    `Mix: ${String(report.config.endpointMix)}; sizes ${String(report.config.sizeMix)}.`,
    '',
  );

  // On a shared machine the numbers say as much about the neighbours as about the services: say so.
  const contended = [...report.ramp.steps, ...(run ? [run] : [])].filter((p) => (p.cpuCores?.others ?? 0) > 0.25 * report.machine.cpus);
  if (contended.length > 0) {
    const worst = Math.max(...contended.map((p) => p.cpuCores?.others ?? 0));
    out.push(
      `**Contended machine:** other processes used up to ${worst.toFixed(2)} of ${report.machine.cpus} cores during ${contended.length} of the measured phases; ` +
        'throughput, latency and the ramp\'s choice reflect that contention, not only the services.',
      '',
    );
  }

  if (report.ramp.steps.length > 0) {
    out.push(`### Ramp (${report.ramp.rule})`, '');
    out.push(
      '| connections | req/s | p50 ms | p99 ms | max ms | prose-app cores | other processes\' cores | 429 | other errors |',
      '|---:|---:|---:|---:|---:|---:|---:|---:|---|',
    );
    for (const step of report.ramp.steps) {
      const chosen = step.connections === report.ramp.chosen ? ' **←**' : '';
      out.push(
        `| ${step.connections}${chosen} | ${step.reqPerSec.toFixed(1)} | ${ms(step.latencyMs.p50)} | ${ms(step.latencyMs.p99)} | ${ms(step.latencyMs.max)} | ` +
          `${cores(step.cpuCores?.['prose-app'])} | ${cores(step.cpuCores?.others)} | ${phaseErrors(step).count429} | ${step.failures.kinds.join('; ') || '0'} |`,
      );
    }
    out.push('');
  }

  if (run) {
    const { non2xx, count429 } = phaseErrors(run);
    out.push(`### Run: ${run.connections} connections, ${run.durationSec.toFixed(1)} s`, '');
    out.push('| metric | value |', '|---|---|');
    out.push(`| requests served (responses) | ${run.responses} (sent ${run.sent}) |`);
    out.push(`| throughput | ${run.reqPerSec.toFixed(1)} req/s |`);
    out.push(`| 2xx | ${sum(Object.fromEntries(Object.entries(run.byStatus).filter(([s]) => s.startsWith('2'))))} |`);
    out.push(`| 429 (rate limited, allowed) | ${count429} |`);
    out.push(`| non-2xx by status | ${list(non2xx)} |`);
    out.push(`| non-2xx by error code | ${list(run.errorCodes)} |`);
    out.push(`| client timeouts (${String(report.config.clientTimeoutSec)} s) | ${list(run.timeouts)} |`);
    out.push(`| connection errors | ${list(run.connErrors)} |`);
    out.push(`| connections closed by the server mid-request | ${list(run.closedInFlight)} |`);
    out.push(`| connections opened / closed idle by server | ${run.connects} / ${run.closedIdle} |`);
    out.push(`| latency p50 / p90 / p99 / max | ${ms(run.latencyMs.p50)} / ${ms(run.latencyMs.p90)} / ${ms(run.latencyMs.p99)} / ${ms(run.latencyMs.max)} ms |`);
    out.push(`| failures (anything but 2xx and 429) | ${run.failures.count}${run.failures.kinds.length ? ` (${run.failures.kinds.join('; ')})` : ''} |`);
    out.push('');

    out.push('#### By endpoint and text size', '');
    out.push('| request | count | p50 ms | p90 ms | p99 ms | max ms | statuses |', '|---|---:|---:|---:|---:|---:|---|');
    for (const [kind, s] of Object.entries(run.byKind).sort()) {
      out.push(`| ${kind} | ${s.count} | ${ms(s.p50)} | ${ms(s.p90)} | ${ms(s.p99)} | ${ms(s.max)} | ${list(s.statuses)} |`);
    }
    out.push('');
  }

  out.push('### Services', '');
  out.push('| service | RSS start MB | RSS end MB | growth MB | RSS min–max MB | CPU s in run (cores) | /health p50 / max ms | exit |', '|---|---:|---:|---:|---:|---:|---:|---|');
  const duration = run?.durationSec ?? NaN;
  for (const [name, s] of Object.entries(report.services)) {
    const growth = s.rssStartKiB !== undefined && s.rssEndKiB !== undefined ? s.rssEndKiB - s.rssStartKiB : undefined;
    const sign = growth !== undefined && growth >= 0 ? '+' : '';
    const cpu = s.cpuSecondsDuringRun === undefined ? '–' : `${s.cpuSecondsDuringRun.toFixed(1)} (${(s.cpuSecondsDuringRun / duration).toFixed(2)})`;
    const health = report.health[name];
    const probe = health ? `${ms(health.p50)} / ${ms(health.max)}${health.failed ? `, ${health.failed} failed` : ''}` : '–';
    const exit = s.diedWith ? `DIED: ${s.diedWith}` : `stopped, exit ${String(s.stopExitCode)}`;
    out.push(`| ${name} | ${mb(s.rssStartKiB)} | ${mb(s.rssEndKiB)} | ${growth === undefined ? '–' : sign + mb(growth)} | ${mb(s.rssMinKiB)}–${mb(s.rssMaxKiB)} | ${cpu} | ${probe} | ${exit} |`);
  }
  const machine = run?.cpuCores;
  if (machine) {
    out.push(
      '',
      `CPU during the run, in cores of ${report.machine.cpus}: whole machine busy ${cores(machine.machine)}, of which the three services ` +
        `${cores((machine['rake-app'] ?? 0) + (machine['prose-app'] ?? 0) + (machine['nlp-client'] ?? 0))}, this load client (autocannon) ` +
        `${cores(machine.client)}, other processes on the machine ${cores(machine.others)}; hypervisor steal ${cores(machine.steal)}.`,
    );
  }
  out.push('');

  if (report.rssCurve.length > 0) {
    const names = Object.keys(report.services);
    out.push('#### RSS over the run (MB)', '');
    out.push(`| t s | ${names.join(' | ')} |`, `|---:|${names.map(() => '---:').join('|')}|`);
    for (const point of report.rssCurve) out.push(`| ${point.tSec.toFixed(0)} | ${names.map((n) => mb(point.rssKiB[n])).join(' | ')} |`);
    out.push('');
  }

  for (const [name, s] of Object.entries(report.services)) {
    if (s.logSample.length === 0) continue;
    out.push(`${name} logged (warn and above): ${list(s.logLines)}`, ...s.logSample.map((line) => `    ${line}`), '');
  }
  return out.join('\n');
}
