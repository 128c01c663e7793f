/**
 * Bounded load test through the gateway: starts rake-app, prose-app and nlp-client from their
 * compiled builds on free loopback ports, finds the concurrency where throughput stops growing
 * (unless --connections is given), runs mixed traffic for --duration seconds, and reports
 * throughput, errors by kind, latency percentiles and each service's RSS and CPU.
 *
 *   npm run test:load                      # 60 s, concurrency chosen by a short ramp
 *   npm run test:load -- --duration 20 --connections 8
 *
 * Exits 1 on any answer other than 2xx or 429, any client timeout, socket error or lost request,
 * or a service that died; 130 on Ctrl-C; 124 if the whole run overran its time budget.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import type autocannon from 'autocannon';
import { freePort, ROOT, startService, waitReady, type RunningProcess, type ServiceName } from '../lib/processes.js';
import { loadCorpus } from './corpus.js';
import { cpuSeconds, loadAverage, machineCpuSeconds, overTree, probeHealth, rssKiB } from './procfs.js';
import { renderMarkdown, type LoadReport, type PhaseSummary, type ServiceReport } from './report.js';
import { buildPools, ENDPOINTS, failuresOf, runPhase, SIZES, summarise, type BodyPools, type PhaseStats } from './traffic.js';

const USAGE = `usage: tsx scripts/load/run-load.ts [options]
  --duration <s>        length of the measured run (default 60)
  --connections <n>     concurrent connections; default: chosen by a ramp
  --ramp <list>         connection counts to try (default 2,4,8,16,32,64)
  --ramp-seconds <s>    length of each ramp step (default 5)
  --warmup <s>          warm-up before the ramp, not measured (default 5)
  --sample-every <s>    RSS sampling interval during the run (default 5)
  --timeout <s>         client timeout per request (default 10; the gateway answers 504 after its own 5 s)
  --rate-limit <n>      gateway RATE_LIMIT_PER_MINUTE (default 600000: on, but far above what one client reaches here)
  --seed <n>            seed of the request mix (default 1)
  --workers <spec>      WORKERS for the services: "2" for all, or "prose-app=2,rake-app=1" (default 1 each);
                        CPU and RSS are then summed over each service's supervisor and workers
  --out <dir>           where the JSON goes (default bench/results)`;

const SERVICE_NAMES: readonly ServiceName[] = ['rake-app', 'prose-app', 'nlp-client'];

/** "2" → every service 2; "prose-app=2,rake-app=1" → those two; the rest 1. */
export function parseWorkers(spec: string): Record<ServiceName, string> {
  const workers = Object.fromEntries(SERVICE_NAMES.map((name) => [name, '1'])) as Record<ServiceName, string>;
  for (const part of spec.split(',').map((p) => p.trim()).filter(Boolean)) {
    const [name, count] = part.includes('=') ? part.split('=') : [undefined, part];
    if (!/^(\d+|auto)$/.test(count ?? '') || (name !== undefined && !SERVICE_NAMES.includes(name as ServiceName))) {
      console.error(`--workers: expected "2" or "prose-app=2,rake-app=1", got "${spec}"\n${USAGE}`);
      process.exit(2);
    }
    for (const service of name === undefined ? SERVICE_NAMES : [name as ServiceName]) workers[service] = count!;
  }
  return workers;
}

function options() {
  const { values } = parseArgs({
    options: {
      duration: { type: 'string', default: '60' },
      connections: { type: 'string' },
      ramp: { type: 'string', default: '2,4,8,16,32,64' },
      'ramp-seconds': { type: 'string', default: '5' },
      warmup: { type: 'string', default: '5' },
      'sample-every': { type: 'string', default: '5' },
      timeout: { type: 'string', default: '10' },
      'rate-limit': { type: 'string', default: '600000' },
      seed: { type: 'string', default: '1' },
      workers: { type: 'string', default: '1' },
      out: { type: 'string', default: join(ROOT, 'bench', 'results') },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const positive = (name: string, raw: string | undefined, integer = true): number => {
    const value = Number(raw);
    if (!Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value))) {
      console.error(`--${name}: expected a positive ${integer ? 'whole ' : ''}number, got "${raw}"\n${USAGE}`);
      process.exit(2);
    }
    return value;
  };
  return {
    durationSec: positive('duration', values.duration),
    connections: values.connections === undefined ? undefined : positive('connections', values.connections),
    ramp: values.ramp.split(',').map((n) => positive('ramp', n.trim())),
    rampSec: positive('ramp-seconds', values['ramp-seconds']),
    warmupSec: positive('warmup', values.warmup),
    sampleEverySec: positive('sample-every', values['sample-every'], false),
    timeoutSec: positive('timeout', values.timeout),
    rateLimitPerMinute: positive('rate-limit', values['rate-limit']),
    seed: positive('seed', values.seed),
    workers: parseWorkers(values.workers),
    outDir: values.out,
  };
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const WARMUP_CONNECTIONS = 4;
const KNEE = 0.9;
// The gateway gives up on a backend after UPSTREAM_TIMEOUT_MS (5 s by default). A 5 s ramp step can
// hardly show a 504 itself (the first would fire 5 s in), so a step whose p99 is already past half
// of that is treated as overloaded, like a step with errors.
const GATEWAY_UPSTREAM_TIMEOUT_MS = 5_000;
const P99_CEILING_MS = GATEWAY_UPSTREAM_TIMEOUT_MS / 2;
const RAMP_RULE =
  `the fewest connections reaching ${KNEE * 100}% of the best throughput among steps without errors ` +
  `and with p99 under ${P99_CEILING_MS} ms (half the gateway's upstream timeout)`;

function summarisePhase(connections: number, stats: PhaseStats): PhaseSummary {
  const { latencies, byKind, ...counters } = stats;
  return {
    ...counters,
    connections,
    reqPerSec: stats.responses / stats.durationSec,
    failures: failuresOf(stats),
    latencyMs: summarise(latencies),
    byKind: Object.fromEntries([...byKind].map(([kind, entry]) => [kind, { ...summarise(entry.latencies), statuses: entry.statuses }])),
  };
}

function chooseConnections(steps: PhaseSummary[]): number {
  const clean = steps.filter((step) => step.failures.count === 0 && step.latencyMs.p99 < P99_CEILING_MS);
  if (clean.length === 0) return Math.min(...steps.map((step) => step.connections));
  const best = Math.max(...clean.map((step) => step.reqPerSec));
  return clean.filter((step) => step.reqPerSec >= KNEE * best).sort((a, b) => a.connections - b.connections)[0]!.connections;
}

/** Pino JSON lines at warn and above, counted by level, message, status and path, plus a few verbatim. */
function summariseLogs(output: string): Pick<ServiceReport, 'logLines' | 'logSample'> {
  const logLines: Record<string, number> = {};
  const logSample: string[] = [];
  const names: Record<number, string> = { 40: 'warn', 50: 'error', 60: 'fatal' };
  for (const line of output.split('\n')) {
    if (line.trim() === '') continue;
    let key = 'non-JSON output';
    try {
      const entry = JSON.parse(line) as { level?: number; msg?: string; status?: number; path?: string };
      key = [names[entry.level ?? 0] ?? String(entry.level), entry.msg, entry.status, entry.path].filter((x) => x !== undefined).join(' ');
    } catch {
      // stderr text such as a stack trace
    }
    logLines[key] = (logLines[key] ?? 0) + 1;
    if (logSample.length < 5) logSample.push(line.length > 400 ? `${line.slice(0, 400)}…` : line);
  }
  return { logLines, logSample };
}

async function main(): Promise<number> {
  const opts = options();
  const key = randomBytes(24).toString('base64url');
  const startedAt = new Date();
  const loadBefore = loadAverage();
  const services = new Map<ServiceName, RunningProcess>();
  const died = new Map<ServiceName, string>();
  const stopCodes = new Map<ServiceName, number | null>();
  let current: autocannon.Instance | undefined;
  let interrupted = false;
  let stopping = false;
  let failure: string | undefined;

  // Time budget: a run that overruns it (a hung service, a stuck client) is killed, not waited on.
  const rampSteps = opts.connections === undefined ? opts.ramp.length : 0;
  const budgetSec = opts.warmupSec + rampSteps * (opts.rampSec + 30) + opts.durationSec + 30 + 60 + 60;
  const watchdog = setTimeout(() => {
    console.error(`load: the run overran its ${budgetSec} s budget; killing the services`);
    for (const service of services.values()) service.child.kill('SIGKILL');
    process.exit(124);
  }, budgetSec * 1000);
  watchdog.unref();

  const onSignal = (signal: NodeJS.Signals): void => {
    if (interrupted) {
      for (const service of services.values()) service.child.kill('SIGKILL');
      process.exit(130);
    }
    interrupted = true;
    // A terminal's Ctrl-C reaches the services too (same process group); their exit is no crash.
    stopping = true;
    console.error(`\nload: ${signal}; stopping the load and the services (again to kill at once)`);
    current?.stop();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  const corpus = loadCorpus(join(ROOT, '..', 'shared', 'data'));
  if (corpus.fallback) console.warn(`load: ${corpus.source}; using the built-in sentences instead of the shared corpus`);
  const pools: BodyPools = buildPools(corpus, opts.seed);

  const report: LoadReport = {
    ok: false,
    verdict: '',
    startedAt: startedAt.toISOString(),
    finishedAt: '',
    machine: { cpus: os.availableParallelism(), node: process.version, loadAverageBefore: loadBefore, loadAverageAfter: '' },
    config: {
      durationSec: opts.durationSec,
      connections: opts.connections ?? 'chosen by ramp',
      rampConnections: opts.ramp,
      rampSec: opts.rampSec,
      warmupSec: opts.warmupSec,
      clientTimeoutSec: opts.timeoutSec,
      gatewayUpstreamTimeoutMs: `${GATEWAY_UPSTREAM_TIMEOUT_MS} (service default, not overridden)`,
      rateLimitPerMinute: opts.rateLimitPerMinute,
      rateLimitBurst: Math.ceil(opts.rateLimitPerMinute / 60),
      logLevel: 'warn',
      seed: opts.seed,
      endpointMix: ENDPOINTS.map((e) => `${e.path} ${e.weight}%`).join(', '),
      sizeMix: SIZES.map((s) => `${s.name} ${(s.weight / 10).toFixed(1)}%`).join(', '),
    },
    corpus: { source: corpus.source, fallback: corpus.fallback, sentences: corpus.sentences.length, textBytes: pools.textBytes },
    ramp: { steps: [], rule: RAMP_RULE },
    services: {},
    rssCurve: [],
    health: {},
    interrupted: false,
  };

  const ports = { rake: await freePort(), prose: await freePort(), gateway: await freePort() };
  const common = { AUTH_KEY: key, HOST: '127.0.0.1', LOG_LEVEL: 'warn' };
  const base = `http://127.0.0.1:${ports.gateway}`;
  const direct: Record<ServiceName, string> = {
    'rake-app': `http://127.0.0.1:${ports.rake}`,
    'prose-app': `http://127.0.0.1:${ports.prose}`,
    'nlp-client': base,
  };
  let deathSignal: (reason: Error) => void = () => {};
  const anyDeath = new Promise<never>((_, reject) => (deathSignal = reject));
  anyDeath.catch(() => {});

  const start = (name: ServiceName, env: Record<string, string>): void => {
    const service = startService(name, { ...common, WORKERS: opts.workers[name], ...env });
    services.set(name, service);
    void service.exited.then((code) => {
      if (stopping) return;
      const how = `exit code ${code} signal ${service.child.signalCode ?? 'none'}`;
      died.set(name, how);
      console.error(`load: ${name} died (${how}) during the run\n${service.output().slice(-2000)}`);
      current?.stop();
      deathSignal(new Error(`${name} died (${how})`));
    });
  };

  const phase = async (label: string, connections: number, durationSec: number): Promise<PhaseSummary> => {
    if (interrupted) throw new Error('interrupted');
    if (died.size > 0) throw new Error(`${[...died.keys()].join(', ')} died`);
    process.stdout.write(`load: ${label}: ${connections} connections for ${durationSec} s … `);
    const cpuBefore = cpuSnapshot();
    const { stats } = await runPhase({
      url: base,
      key,
      connections,
      durationSec,
      timeoutSec: opts.timeoutSec,
      pools,
      seed: opts.seed,
      onInstance: (instance) => (current = instance),
    });
    current = undefined;
    const summary = summarisePhase(connections, stats);
    summary.cpuCores = coresBetween(cpuBefore, cpuSnapshot(), stats.durationSec);
    console.log(
      `${summary.reqPerSec.toFixed(1)} req/s, p50 ${summary.latencyMs.p50.toFixed(0)} ms, p99 ${summary.latencyMs.p99.toFixed(0)} ms` +
        (summary.failures.count ? `, ERRORS: ${summary.failures.kinds.join('; ')}` : ''),
    );
    return summary;
  };

  const cpuSnapshot = (): Record<string, number | undefined> => {
    const machine = machineCpuSeconds();
    const client = process.cpuUsage();
    const snapshot: Record<string, number | undefined> = {
      machine: machine?.busy,
      steal: machine?.steal,
      client: (client.user + client.system) / 1e6,
    };
    for (const [name, service] of services) snapshot[name] = service.child.pid === undefined ? undefined : overTree(service.child.pid, cpuSeconds);
    return snapshot;
  };
  const coresBetween = (before: Record<string, number | undefined>, after: Record<string, number | undefined>, seconds: number): Record<string, number> => {
    const cores: Record<string, number> = {};
    for (const [key, start] of Object.entries(before)) {
      const end = after[key];
      if (start !== undefined && end !== undefined) cores[key] = (end - start) / seconds;
    }
    const ours = ['client', ...services.keys()].reduce((total, key) => total + (cores[key] ?? 0), 0);
    if (cores.machine !== undefined) cores.others = Math.max(0, cores.machine - ours);
    return cores;
  };

  /** autocannon stops with requests still queued in the backends: wait until every /health is quick again. */
  const settle = async (): Promise<void> => {
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline && !interrupted) {
      const probes = await Promise.all(Object.values(direct).map((url) => probeHealth(url, 5_000)));
      if (probes.every((t) => t !== undefined && t < 50)) return;
      await sleep(250);
    }
  };

  let runStarted = 0;
  const logOffset = new Map<ServiceName, number>();
  try {
    start('rake-app', { RAKE_PORT: String(ports.rake) });
    start('prose-app', { PROSE_PORT: String(ports.prose) });
    start('nlp-client', {
      NLP_CLIENT_PORT: String(ports.gateway),
      RAKE_ENDPOINT: direct['rake-app'],
      PROSE_ENDPOINT: direct['prose-app'],
      RATE_LIMIT_PER_MINUTE: String(opts.rateLimitPerMinute),
      RATE_LIMIT_BURST: String(report.config.rateLimitBurst),
    });
    await Promise.race([waitReady(base, 60_000), anyDeath]);
    // The gateway logs a warn line for each 503 /ready while polling start-up; summarise only what follows.
    for (const [name, service] of services) logOffset.set(name, service.output().length);
    console.log(`load: three services ready at ${base} (rake-app :${ports.rake}, prose-app :${ports.prose}); corpus ${corpus.source}`);

    report.warmup = await phase('warm-up (not measured)', WARMUP_CONNECTIONS, opts.warmupSec);
    await settle();

    let connections = opts.connections;
    if (connections === undefined) {
      for (const n of opts.ramp) {
        report.ramp.steps.push(await phase('ramp', n, opts.rampSec));
        await settle();
      }
      connections = chooseConnections(report.ramp.steps);
      report.ramp.chosen = connections;
      console.log(`load: chose ${connections} connections (${RAMP_RULE})`);
    }

    const names = [...services.keys()];
    const pidOf = (name: ServiceName): number => services.get(name)!.child.pid!;
    const rssMax = new Map<ServiceName, number>();
    const rssMin = new Map<ServiceName, number>();
    const sampleRss = (tSec: number): Record<string, number | undefined> => {
      const rss = Object.fromEntries(names.map((name) => [name, overTree(pidOf(name), rssKiB)]));
      for (const name of names) {
        rssMax.set(name, Math.max(rssMax.get(name) ?? 0, rss[name] ?? 0));
        rssMin.set(name, Math.min(rssMin.get(name) ?? Infinity, rss[name] ?? Infinity));
      }
      const last = report.rssCurve[report.rssCurve.length - 1];
      if (last && tSec - last.tSec < 0.5) report.rssCurve.pop();
      report.rssCurve.push({ tSec, rssKiB: rss });
      return rss;
    };

    const rssStart = sampleRss(0);
    const cpuStart = Object.fromEntries(names.map((name) => [name, overTree(pidOf(name), cpuSeconds)]));
    const clientCpuStart = process.cpuUsage();
    runStarted = performance.now();
    const sampler = setInterval(() => sampleRss((performance.now() - runStarted) / 1000), opts.sampleEverySec * 1000);
    const healthMs = new Map<ServiceName, { times: number[]; failed: number; busy: boolean }>(
      names.map((name) => [name, { times: [], failed: 0, busy: false }]),
    );
    const prober = setInterval(() => {
      for (const name of names) {
        const entry = healthMs.get(name)!;
        if (entry.busy) continue;
        entry.busy = true;
        void probeHealth(direct[name], 10_000).then((t) => {
          entry.busy = false;
          if (t === undefined) entry.failed++;
          else entry.times.push(t);
        });
      }
    }, 1_000);

    try {
      report.run = await phase('run', connections, opts.durationSec);
    } finally {
      clearInterval(sampler);
      clearInterval(prober);
    }
    const runSec = (performance.now() - runStarted) / 1000;
    const rssEnd = sampleRss(runSec);
    const clientCpu = process.cpuUsage(clientCpuStart);
    report.loadClientCpuSeconds = (clientCpu.user + clientCpu.system) / 1e6;
    for (const name of names) {
      const cpuEnd = overTree(pidOf(name), cpuSeconds);
      const before = cpuStart[name];
      report.services[name] = {
        pid: pidOf(name),
        rssStartKiB: rssStart[name],
        rssEndKiB: rssEnd[name],
        rssMaxKiB: rssMax.get(name),
        rssMinKiB: rssMin.get(name),
        cpuSecondsDuringRun: cpuEnd !== undefined && before !== undefined ? cpuEnd - before : undefined,
        logLines: {},
        logSample: [],
      };
      const h = healthMs.get(name)!;
      report.health[name] = { ...summarise(h.times), failed: h.failed };
    }
    const ready = await fetch(`${base}/ready`).then((res) => res.ok).catch(() => false);
    report.config.gatewayReadyAfterRun = ready;
    if (!ready) failure = 'the gateway was not ready after the run';
  } catch (error) {
    failure = interrupted ? 'interrupted' : (error as Error).message;
  } finally {
    stopping = true;
    await Promise.all(
      [...services].map(async ([name, service]) => {
        const clean = await Promise.race([service.stop('SIGTERM'), sleep(15_000).then(() => 'timeout' as const)]);
        stopCodes.set(name, clean === 'timeout' ? await service.stop('SIGKILL') : clean);
      }),
    );
    clearTimeout(watchdog);
  }

  for (const [name, service] of services) {
    const entry: ServiceReport = (report.services[name] ??= { pid: service.child.pid ?? -1, logLines: {}, logSample: [] });
    Object.assign(entry, summariseLogs(service.output().slice(logOffset.get(name) ?? 0)));
    entry.stopExitCode = died.has(name) ? undefined : stopCodes.get(name);
    if (died.has(name)) entry.diedWith = died.get(name);
  }
  report.interrupted = interrupted;
  report.finishedAt = new Date().toISOString();
  report.machine.loadAverageAfter = loadAverage();

  const problems: string[] = [];
  if (failure) problems.push(failure);
  if (died.size > 0) problems.push(`died: ${[...died].map(([n, how]) => `${n} (${how})`).join(', ')}`);
  if (report.run) {
    if (report.run.failures.count > 0) problems.push(`${report.run.failures.count} failed requests: ${report.run.failures.kinds.join('; ')}`);
    if (report.run.responses === 0) problems.push('no responses');
  }
  report.ok = problems.length === 0 && report.run !== undefined;
  report.verdict = report.ok ? 'PASS (no errors other than 429, all services alive)' : `FAIL: ${problems.join('; ') || 'no run'}`;

  console.log(`\n${renderMarkdown(report)}`);
  mkdirSync(opts.outDir, { recursive: true });
  const file = join(opts.outDir, `load-${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`JSON: ${relative(process.cwd(), file) || file}`);
  return interrupted ? 130 : report.ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
