/**
 * `npm run bench`: throughput of every endpoint, called directly on its backend and through the
 * gateway, on real English texts of about 100 B, 1 KB, 10 KB and 100 KB, each figure next to the
 * limit it is judged against, all measured in this one run:
 *
 *   - an NLP endpoint called directly   vs  the same domain function in-process, no HTTP, one core
 *   - an endpoint through the gateway   vs  the same endpoint called directly on its backend
 *   - /health                           vs  a bare node:http server answering a constant JSON
 *
 * plus cost growth from 10 KB to 100 KB, RSS after the 100 KB rows, start-up to ready, the cost of
 * request logging, the keyphrase algorithms' in-process CPU per KB (tagging included) beside
 * RAKE's on the same texts, and CPU per request and RSS under npm start's configuration (npm-start.ts). Prints a Markdown report and writes it to bench/results/latest.md, with
 * the numbers in bench/results/bench-<timestamp>.json. Missed targets are reported, never fatal.
 *
 * Pinning: our server side (services, bare server, in-process runner) on the first allowed CPU,
 * autocannon and this script on the second; pinningNote() and bench/README.md say why that is fair.
 *
 *   npm run bench                      # about seven minutes
 *   npm run bench -- --quick           # short windows, for development
 *   npm run bench -- --only keywords   # only the parts whose name matches (a regular expression)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { ENDPOINTS as CATALOGUE } from '@nlp-api/api-schema';
import { freePort, ROOT, startProcess, waitReady, type RunningProcess, type ServiceName } from '../lib/processes.js';
import { buildTexts, dataDir, loadCorpus, SIZES, type SizeName } from '@nlp-api/corpus';
import type { Phase, PhaseResult } from './load-worker.js';
import type { RawFn } from './raw-worker.js';
import { aggregate, FULL, planFor, QUICK, type Plan, type SliceResult } from './series.js';
import { affinityOf, loadAverage, memoryMiB, pin, totalCpuMs } from './procfs.js';
import {
  atMost,
  BARE_ID,
  BARE_PROXY_ID,
  busyProxyId,
  busyServerId,
  ceilings,
  compare,
  costGrowth,
  costPerKb,
  median,
  renderMarkdown,
  TARGETS,
  type BenchReport,
  type LoggingResult,
  type MemoryRow,
  type Row,
  type StartupRow,
  type Throughput,
  type Via,
} from './report.js';
import { measureNpmStart } from './npm-start.js';
import { NPM_START_PART, type NpmStartResult } from './npm-start-report.js';
import { PinnedWorker } from './worker-channel.js';

const USAGE = `usage: npm run bench -- [options]
  --quick            short warm-ups and windows (for development; figures are rougher)
  --only <regex>     run only the parts whose name matches, case-insensitive: "startup", "npm-start", "/health",
                     "/keywords 1KB", "/keywords positionrank 1KB", "/tokens 100KB", ...,
                     "logging /keywords 1KB" (e.g. --only keywords, --only positionrank,
                     --only '1KB$', --only 'health|startup')
  --no-build         skip "tsc -b" (the services must already be built)
  --connections <n>  connections of timed rows (default 10 for texts up to 1 KB and /health, 4 above)
  --out <dir>        where results go (default bench/results)
  --list             print the part names and exit`;

/**
 * What is measured: a backend's endpoint, the keyword algorithm the request body picks (sent as
 * {"text", "algorithm"}; absent: the default, RAKE for /keywords), the in-process function doing
 * the same work (raw-worker.ts), and the text sizes (default all). Rows are named by the path and
 * the algorithm: "/keywords positionrank 1KB direct".
 */
interface Endpoint {
  path: string;
  algorithm?: 'positionrank' | 'multipartiterank';
  service: 'rake-app' | 'prose-app';
  fn: RawFn;
  sizes?: readonly SizeName[];
  /** In-process CPU per KB set beside this endpoint's (by name) on the same texts, and judged at 1 KB. */
  perKb?: { beside: string; besideLabel: string; maxUsPerKb: number };
}

// The noun-phrase algorithms tag the text first; at 100 B their figure adds nothing to the 1 KB one.
const KEYPHRASE_SIZES: readonly SizeName[] = ['1KB', '10KB', '100KB'];
const KEYPHRASE_PER_KB = { beside: '/keywords', besideLabel: 'RAKE', maxUsPerKb: TARGETS.maxKeyphraseCpuUsPerKb };

/** Every endpoint of the catalogue with its default options, and /keywords also with each noun-phrase algorithm. */
const ENDPOINTS: readonly Endpoint[] = CATALOGUE.flatMap((e): Endpoint[] => [
  { path: e.path, service: e.backend, fn: e.name },
  ...(e.name === 'keywords'
    ? (['positionrank', 'multipartiterank'] as const).map((algorithm): Endpoint => ({ path: e.path, algorithm, service: e.backend, fn: algorithm, sizes: KEYPHRASE_SIZES, perKb: KEYPHRASE_PER_KB }))
    : []),
]);

/** "/keywords", "/keywords positionrank": the endpoint column of the report, and the start of row names. */
const nameOf = (endpoint: Endpoint): string => (endpoint.algorithm ? `${endpoint.path} ${endpoint.algorithm}` : endpoint.path);
/** What the body carries besides the text. */
const fieldsOf = (endpoint: Endpoint): Record<string, string> => (endpoint.algorithm ? { algorithm: endpoint.algorithm } : {});

const AUTH_KEY = 'bench-key-not-a-secret-0123456789';
const HOST = '127.0.0.1';
/** Far above the slowest request here (tokens of 100 KB, a few seconds, queued behind another). */
const UPSTREAM_TIMEOUT_MS = 120_000;
const CLIENT_TIMEOUT_SEC = 180;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

function options() {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      only: { type: 'string' },
      'no-build': { type: 'boolean', default: false },
      connections: { type: 'string' },
      out: { type: 'string', default: join(ROOT, 'bench', 'results') },
      list: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  let only: RegExp | undefined;
  if (values.only !== undefined) {
    try {
      only = new RegExp(values.only, 'i');
    } catch (error) {
      console.error(`--only: not a regular expression: ${messageOf(error)}\n${USAGE}`);
      process.exit(2);
    }
  }
  let connections: number | undefined;
  if (values.connections !== undefined) {
    connections = Number(values.connections);
    if (!Number.isInteger(connections) || connections < 1 || connections > 1_000) {
      console.error(`--connections: expected a whole number from 1 to 1000, got "${values.connections}"\n${USAGE}`);
      process.exit(2);
    }
  }
  return { quick: values.quick, only, onlyText: values.only, build: !values['no-build'], outDir: values.out, list: values.list, connections };
}

/** A part of a run: start-up, /health, the logging pair, or one endpoint at one size (a "cell"). */
interface Part {
  name: string;
  endpoint?: Endpoint;
  size?: SizeName;
}

const LOGGING_PART = 'logging /keywords 1KB';

/** The parts of a run, in order; --only filters them by name. */
function partList(): Part[] {
  const parts: Part[] = [{ name: 'startup' }, { name: NPM_START_PART }, { name: '/health' }];
  for (const endpoint of ENDPOINTS) {
    for (const size of endpoint.sizes ?? SIZES.map((s) => s.name)) {
      parts.push({ name: `${nameOf(endpoint)} ${size}`, endpoint, size });
      if (endpoint.path === '/keywords' && !endpoint.algorithm && size === '1KB') parts.push({ name: LOGGING_PART });
    }
  }
  return parts;
}

/** Two CPUs this process may use: the first for the server side, the second for the client. */
function chooseCores(): { pinned: boolean; server: string; client: string; why?: string } {
  const allowed = affinityOf(process.pid);
  if (allowed === undefined) return { pinned: false, server: 'any', client: 'any', why: 'taskset is not available' };
  const cpus = allowed.split(',').flatMap((part) => {
    const [from, to] = part.split('-').map(Number) as [number, number | undefined];
    return to === undefined ? [from] : Array.from({ length: to - from + 1 }, (_, i) => from + i);
  });
  if (cpus.length < 2) return { pinned: false, server: allowed, client: allowed, why: `only CPU ${allowed} is available to this process` };
  return { pinned: true, server: String(cpus[0]), client: String(cpus[1]) };
}

function pinningNote(cores: ReturnType<typeof chooseCores>): string {
  if (!cores.pinned) return `NOT PINNED (${cores.why}): server and client share the CPUs, so ratios are rougher.`;
  return (
    `every server-side process (rake-app, prose-app, the gateway, the bare node:http server and the in-process runner) is started under ` +
    `\`taskset -c ${cores.server}\`; autocannon runs in a child under \`taskset -c ${cores.client}\`, and this script pins itself there too (it idles during a row). ` +
    `Gateway rows run the gateway and its backend both on CPU ${cores.server}, exactly as direct rows run the backend alone on CPU ${cores.server}: ` +
    `both rows get the same single core of server CPU and autocannon has CPU ${cores.client} to itself in both, so gateway ÷ direct is ` +
    `t_backend ÷ (t_backend + t_gateway), the share of one core's work left for the backend once the gateway's per-request cost is added. ` +
    `(The gateway on CPU ${cores.client} would compete with autocannon; a core of its own would need a third CPU and would compare two cores with one.) ` +
    `/health through the gateway and the bare server likewise get CPU ${cores.server} alone; the in-process runner gets CPU ${cores.server} alone, one core like a service.`
  );
}

/** Newest modification time of the files under a folder (0 when it is absent). */
function newest(dir: string): number {
  if (!existsSync(dir)) return 0;
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) latest = Math.max(latest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return latest;
}

/** Packages whose src/ has changed since their dist/ was last written. */
function staleBuilds(): string[] {
  return ['packages/service-kit', 'packages/english', 'services/rake-app', 'services/prose-app', 'services/nlp-client'].filter(
    (dir) => newest(join(ROOT, dir, 'src')) > newest(join(ROOT, dir, 'dist')),
  );
}

async function main(): Promise<void> {
  const opts = options();
  const parts = partList();
  const names = parts.map((part) => part.name);
  if (opts.list) {
    console.log(names.join('\n'));
    return;
  }
  const selected = (name: string): boolean => !opts.only || opts.only.test(name);
  if (!names.some(selected)) {
    console.error(`--only ${opts.onlyText}: matches none of\n  ${names.join('\n  ')}`);
    process.exit(2);
  }
  const base = opts.quick ? QUICK : FULL;
  const settings = opts.connections ? { ...base, connectionsSmall: opts.connections, connectionsLarge: opts.connections } : base;
  const startedAt = new Date();
  const runStart = performance.now();
  const loadAverageBefore = loadAverage();
  const log = (line: string): void => {
    process.stderr.write(`[bench ${((performance.now() - runStart) / 1000).toFixed(0).padStart(4)} s] ${line}\n`);
  };

  // Before pinning this process: the build may use both CPUs.
  if (opts.build) {
    log('building (tsc -b)');
    const built = spawnSync(join(ROOT, 'node_modules', '.bin', 'tsc'), ['-b'], { cwd: ROOT, stdio: 'inherit' });
    if (built.status !== 0) {
      console.error('the build failed; the bench needs the compiled services (or pass --no-build to use the current dist/)');
      process.exit(1);
    }
  }

  // The npm-start part runs its processes on all of these, as a user's shell would.
  const allowedCpus = affinityOf(process.pid);
  const cores = chooseCores();
  if (cores.pinned && !pin(process.pid, cores.client)) {
    cores.pinned = false;
    cores.why = 'taskset could not pin this process';
  }
  log(cores.pinned ? `server side on CPU ${cores.server}, load generator on CPU ${cores.client}` : `not pinned: ${cores.why}`);

  const corpus = loadCorpus(dataDir(process.env, ROOT));
  const texts = buildTexts(corpus);
  if (texts.fallback) log(`WARNING: ${texts.source}; using built-in sentences`);
  const tmp = mkdtempSync(join(os.tmpdir(), 'nlp-bench-'));
  const textsFile = join(tmp, 'texts.json');
  writeFileSync(textsFile, JSON.stringify(texts));

  const notes: string[] = [];
  const rows: Row[] = [];
  const startup: StartupRow[] = [];
  const memoryAfter: Record<string, { rss: number; after: string }> = {};
  let logging: LoggingResult | undefined;
  let npmStart: NpmStartResult | undefined;
  let memory: MemoryRow[] = [];
  const processes: RunningProcess[] = [];
  const workers: PinnedWorker[] = [];
  let interrupted = false;

  const stopAll = async (): Promise<void> => {
    await Promise.all(workers.map((worker) => worker.stop().catch(() => undefined)));
    await Promise.all(
      processes.map(async (proc) => {
        const timer = setTimeout(() => proc.child.kill('SIGKILL'), 5_000);
        await proc.stop();
        clearTimeout(timer);
      }),
    );
  };
  process.once('SIGINT', () => {
    interrupted = true;
    log('interrupted: stopping the services');
    void stopAll().then(() => {
      rmSync(tmp, { recursive: true, force: true });
      process.exit(130);
    });
  });

  // ---- processes ----

  const spawnServer = (command: string, args: string[], env: Record<string, string>, logFile?: string): RunningProcess => {
    const argv = logFile ? ['sh', '-c', 'exec "$0" "$@" >>"$BENCH_LOG_FILE" 2>&1', command, ...args] : [command, ...args];
    const fullEnv = logFile ? { ...env, BENCH_LOG_FILE: logFile } : env;
    const [first, ...rest] = cores.pinned ? ['taskset', '-c', cores.server, ...argv] : argv;
    return startProcess(first as string, rest, fullEnv);
  };
  const entryOf = (name: ServiceName): string => {
    const entry = join(ROOT, 'services', name, 'dist', 'server.js');
    if (!existsSync(entry)) throw new Error(`${entry} is missing: run "npm run build" first`);
    return entry;
  };
  const serviceEnv = (name: ServiceName, port: number, extra: Record<string, string> = {}): Record<string, string> => {
    const portVar = { 'rake-app': 'RAKE_PORT', 'prose-app': 'PROSE_PORT', 'nlp-client': 'NLP_CLIENT_PORT' }[name];
    return { NODE_ENV: 'production', HOST, AUTH_KEY, LOG_LEVEL: 'warn', [portVar]: String(port), ...extra };
  };
  const gatewayEnv = (rakeUrl: string, proseUrl: string): Record<string, string> => ({
    RAKE_ENDPOINT: rakeUrl,
    PROSE_ENDPOINT: proseUrl,
    RATE_LIMIT_PER_MINUTE: '0',
    UPSTREAM_TIMEOUT_MS: String(UPSTREAM_TIMEOUT_MS),
  });
  const startService = async (name: ServiceName, extra: Record<string, string> = {}, logFile?: string) => {
    const port = await freePort();
    const proc = spawnServer(process.execPath, [entryOf(name)], serviceEnv(name, port, extra), logFile);
    processes.push(proc);
    const url = `http://${HOST}:${port}`;
    try {
      await waitReady(url, 60_000);
    } catch (error) {
      throw new Error(`${name} did not become ready: ${messageOf(error)}\n${proc.output().slice(-2_000)}`);
    }
    return { proc, url, pid: proc.child.pid as number };
  };

  /** Milliseconds from spawn to the first 200 on /ready, polling every 5 ms from this (other) CPU. */
  const timeStartup = async (name: ServiceName, extra: Record<string, string>): Promise<number> => {
    const port = await freePort();
    const url = `http://${HOST}:${port}/ready`;
    const started = performance.now();
    const proc = spawnServer(process.execPath, [entryOf(name)], serviceEnv(name, port, extra));
    try {
      for (;;) {
        const ok = await fetch(url, { signal: AbortSignal.timeout(2_000) }).then(
          async (res) => (await res.arrayBuffer(), res.status === 200),
          () => false,
        );
        if (ok) return performance.now() - started;
        if (proc.child.exitCode !== null) throw new Error(`${name} exited with ${proc.child.exitCode}: ${proc.output().slice(-1_000)}`);
        if (performance.now() - started > 60_000) throw new Error(`${name} was not ready after 60 s`);
        await sleep(5);
      }
    } finally {
      await proc.stop();
    }
  };

  try {
    // fetch (undici) loads lazily: its first call is slow, and must not count as start-up time.
    await fetch(`http://${HOST}:${await freePort()}/`).catch(() => undefined);

    // ---- start-up ----
    if (selected('startup')) {
      log(`start-up: ${settings.startupRuns} runs each`);
      const measureStartup = async (service: ServiceName, extra: Record<string, string> = {}) => {
        const row: StartupRow = { service, samplesMs: [], maxMs: TARGETS.startupMs[service] as number, verdict: 'n/a' };
        try {
          for (let i = 0; i < settings.startupRuns; i++) row.samplesMs.push(await timeStartup(service, extra));
          row.medianMs = median(row.samplesMs);
          row.verdict = atMost(row.medianMs, row.maxMs);
        } catch (error) {
          row.error = messageOf(error);
        }
        startup.push(row);
        log(`  ${service}: median ${row.medianMs === undefined ? row.error : Math.round(row.medianMs)} ms`);
      };
      await measureStartup('rake-app');
      await measureStartup('prose-app');
      // The gateway is ready once both backends answer its readiness checks: give it live ones.
      const rake = await startService('rake-app');
      const prose = await startService('prose-app');
      await measureStartup('nlp-client', gatewayEnv(rake.url, prose.url));
      await Promise.all([rake.proc.stop(), prose.proc.stop()]);
      processes.splice(processes.indexOf(rake.proc), 1);
      processes.splice(processes.indexOf(prose.proc), 1);
    }

    if (selected(NPM_START_PART)) {
      npmStart = await measureNpmStart({
        settings,
        textsFile,
        cpus: allowedCpus,
        log,
        track: (proc) => processes.push(proc),
        trackWorker: (worker) => workers.push(worker),
      });
    }

    // ---- the services under test ----
    const cells = parts.filter((part) => part.name !== 'startup' && part.name !== NPM_START_PART && selected(part.name));
    const nlpCells = cells.filter((part) => part.endpoint !== undefined);
    if (cells.length > 0) {
      log('starting the services');
      const rake = await startService('rake-app');
      const prose = await startService('prose-app');
      const gateway = await startService('nlp-client', gatewayEnv(rake.url, prose.url));
      const servicePids: Record<string, number> = { 'rake-app': rake.pid, 'prose-app': prose.pid, 'nlp-client': gateway.pid };
      const serverPids = [rake.pid, prose.pid, gateway.pid];
      const idleRss = Object.fromEntries(Object.entries(servicePids).map(([service, pid]) => [service, memoryMiB(pid)?.rss]));

      let bareUrl: string | undefined;
      let bareProxyUrl: string | undefined;
      if (cells.some((part) => part.name === '/health')) {
        const port = await freePort();
        const bare = spawnServer(process.execPath, [join(ROOT, 'scripts', 'bench', 'bare-server.mjs')], { PORT: String(port), HOST });
        processes.push(bare);
        bareUrl = `http://${HOST}:${port}`;
        await waitReady(bareUrl, 30_000);
        serverPids.push(bare.child.pid as number);
        const proxyPort = await freePort();
        const proxy = spawnServer(process.execPath, [join(ROOT, 'scripts', 'bench', 'bare-proxy.mjs')], { PORT: String(proxyPort), HOST, TARGET: bareUrl });
        processes.push(proxy);
        bareProxyUrl = `http://${HOST}:${proxyPort}`;
        await waitReady(bareProxyUrl, 30_000);
        serverPids.push(proxy.child.pid as number);
      }
      let rakeInfo: { url: string; pid: number } | undefined;
      const infoLog = join(tmp, 'rake-app-info.log');
      if (cells.some((part) => part.name === LOGGING_PART)) {
        rakeInfo = await startService('rake-app', { LOG_LEVEL: 'info' }, infoLog);
        serverPids.push(rakeInfo.pid);
      }
      let raw: PinnedWorker | undefined;
      if (nlpCells.length > 0) {
        raw = new PinnedWorker('in-process runner', cores.pinned ? cores.server : undefined, join(ROOT, 'scripts', 'bench', 'raw-worker.ts'));
        workers.push(raw);
        await raw.request({ op: 'init', textsFile });
        serverPids.push(raw.pid);
      }
      const load = new PinnedWorker('load generator', cores.pinned ? cores.client : undefined, join(ROOT, 'scripts', 'bench', 'load-worker.ts'));
      workers.push(load);
      await load.request({ op: 'init', textsFile });

      // One real answer from each endpoint (and algorithm), both ways, before measuring anything.
      // startService waited for /ready, which rake-app answers 200 only once its tagger is loaded.
      const authHeaders = { authorization: `Bearer ${AUTH_KEY}`, 'content-type': 'application/json' };
      for (const endpoint of ENDPOINTS) {
        for (const base of [endpoint.service === 'rake-app' ? rake.url : prose.url, gateway.url]) {
          const res = await fetch(`${base}${endpoint.path}`, { method: 'POST', headers: authHeaders, body: JSON.stringify({ text: texts.texts['1KB'][0], ...fieldsOf(endpoint) }) });
          const body = await res.text();
          if (res.status !== 200 || !body.startsWith('[')) throw new Error(`${base}${endpoint.path} (${nameOf(endpoint)}) answered ${res.status}: ${body.slice(0, 300)}`);
        }
      }

      /** Waits until our server side has been idle for 50 ms (at most 10 s): abandoned requests of a timed slice finish first. */
      const waitIdle = async (): Promise<void> => {
        const deadline = performance.now() + 10_000;
        let before = totalCpuMs(serverPids);
        while (performance.now() < deadline) {
          await sleep(50);
          const now = totalCpuMs(serverPids);
          if (now - before <= 10) return;
          before = now;
        }
      };

      /** One row measured over slices: its warm-up, and one slice. */
      interface Series {
        row: Row;
        mode: Throughput['mode'];
        connections?: number;
        warmup: () => Promise<unknown>;
        slice: () => Promise<SliceResult>;
      }

      /** Warm-ups in order, then slice 1 of every row, slice 2 of every row, ...; then each row's figure. */
      const runInterleaved = async (series: Series[], slices: number): Promise<void> => {
        const results = new Map<Series, SliceResult[]>(series.map((s) => [s, []]));
        const failed = (s: Series, error: unknown) => {
          s.row.error = messageOf(error);
          log(`  ${s.row.id}: ERROR ${s.row.error}`);
        };
        for (const s of series) {
          rows.push(s.row);
          await waitIdle();
          await s.warmup().catch((error: unknown) => failed(s, error));
        }
        for (let i = 0; i < slices; i++) {
          for (const s of series) {
            if (s.row.error) continue;
            await waitIdle();
            try {
              results.get(s)!.push(await s.slice());
            } catch (error) {
              failed(s, error);
            }
          }
        }
        await waitIdle();
        for (const s of series) {
          const done = results.get(s)!;
          if (s.row.error || done.length === 0) continue;
          const result = aggregate(done, s.mode, s.connections);
          s.row.result = result;
          const unit = s.mode === 'in-process' ? 'calls/s' : 'req/s';
          const cpu = result.cpuMsPerReq === undefined ? '' : `, ${result.cpuMsPerReq.toFixed(3)} CPU ms each`;
          const shares = s.mode === 'in-process' ? '' : `, srv CPU ${Math.round((result.serverCpu ?? 0) * 100)}%, client CPU ${Math.round((result.clientCpu ?? 0) * 100)}%`;
          log(`  ${s.row.id}: ${result.reqPerSec.toFixed(1)} ${unit} (${result.requests} in ${result.windowSec} s${cpu}${shares})${result.problems.length ? ` ${result.problems.join('; ')}` : ''}`);
        }
      };

      const httpSeries = (row: Row, baseUrl: string, method: 'GET' | 'POST', plan: Plan, path = row.endpoint, fields: Record<string, string> = {}): Series => {
        const message = {
          op: 'run',
          url: baseUrl,
          method,
          path,
          ...(row.size ? { size: row.size } : {}),
          ...(Object.keys(fields).length > 0 ? { fields } : {}),
          headers: method === 'POST' ? authHeaders : {},
          connections: plan.connections,
          timeoutSec: CLIENT_TIMEOUT_SEC,
        };
        const phase: Phase = plan.kind === 'timed' ? { seconds: plan.sliceSec } : { amount: plan.amountPerSlice };
        return {
          row,
          mode: plan.kind,
          connections: plan.connections,
          warmup: async () => (plan.warmup ? load.request({ ...message, phase: plan.warmup }) : undefined),
          slice: async () => {
            const cpuBefore = totalCpuMs(serverPids);
            const started = performance.now();
            const m = await load.request<PhaseResult>({ ...message, phase });
            const wallMs = performance.now() - started;
            return {
              counted: m.counted,
              windowSec: m.windowSec,
              total: m.total2xx,
              cpuMs: totalCpuMs(serverPids) - cpuBefore,
              wallMs,
              clientCpuMs: m.clientCpuMs,
              latenciesMs: m.latenciesMs,
              non2xx: m.non2xx,
              errors: m.errors,
              timeouts: m.timeouts,
              statusCodes: m.statusCodes,
            };
          },
        };
      };

      interface RawReply {
        iterations: number;
        elapsedMs: number;
        cpuMs: number;
        /** Warm-ups: time per call once warm (raw-worker.ts). */
        settledMsPerCall?: number;
      }
      const rawMeasure = (fn: RawFn, size: SizeName, json: boolean, how: Record<string, unknown>) =>
        raw!.request<RawReply>({ op: 'measure', fn, size, json, ...how });
      const warmRaw = (fn: RawFn, size: SizeName, json: boolean) =>
        rawMeasure(fn, size, json, { durationMs: settings.rawWarmupMs, wholeRounds: false });
      const rawSeries = (row: Row, fn: RawFn, size: SizeName, json: boolean, plan: Plan, warmed: boolean): Series => ({
        row,
        mode: 'in-process',
        warmup: async () => (warmed ? undefined : warmRaw(fn, size, json)),
        slice: async () => {
          const how = plan.kind === 'timed' ? { durationMs: plan.sliceSec * 1000 } : { rounds: plan.rawRoundsPerSlice };
          const r = await rawMeasure(fn, size, json, how);
          return { counted: r.iterations, windowSec: r.elapsedMs / 1000, total: r.iterations, cpuMs: r.cpuMs, wallMs: r.elapsedMs };
        },
      });

      /** RSS of each service after a cell's rows; the largest reading counts, with the cell it followed. */
      const recordMemory = (services: string[], after: string) => {
        const readings: string[] = [];
        for (const service of services) {
          const mem = memoryMiB(servicePids[service] as number);
          if (!mem) continue;
          readings.push(`${service} ${mem.rss.toFixed(1)} MiB`);
          if (mem.rss > (memoryAfter[service]?.rss ?? -1)) memoryAfter[service] = { rss: mem.rss, after };
        }
        log(`  RSS after ${after}: ${readings.join(', ')}`);
      };

      const id = (endpoint: string, size: SizeName | undefined, via: Via) => [endpoint, size, via].filter(Boolean).join(' ');
      const variantsOf = (size: SizeName) => texts.texts[size].length;

      for (const { name: cell, endpoint, size: cellSize } of cells) {
        log(cell);
        if (cell === '/health') {
          const bareId = BARE_ID;
          const plan = planFor(undefined, 1, false, settings);
          await runInterleaved(
            [
              httpSeries({ id: BARE_ID, endpoint: '/health', via: 'bare node:http' }, bareUrl!, 'GET', plan),
              httpSeries({ id: BARE_PROXY_ID, endpoint: '/health', via: 'bare proxy', limitId: BARE_ID }, bareProxyUrl!, 'GET', plan),
              httpSeries({ id: '/health gateway', endpoint: '/health', via: 'gateway', limitId: bareId, minRatio: TARGETS.healthVsBare }, gateway.url, 'GET', plan),
              httpSeries({ id: '/health direct (rake-app)', endpoint: '/health', via: 'direct (rake-app)', limitId: bareId }, rake.url, 'GET', plan),
              httpSeries({ id: '/health direct (prose-app)', endpoint: '/health', via: 'direct (prose-app)', limitId: bareId }, prose.url, 'GET', plan),
            ],
            plan.slices,
          );
          continue;
        }
        if (cell === LOGGING_PART) {
          const plan = planFor(undefined, variantsOf('1KB'), false, settings);
          const warnId = '/keywords 1KB direct, LOG_LEVEL=warn';
          const infoId = '/keywords 1KB direct, LOG_LEVEL=info';
          const warn: Row = { id: warnId, endpoint: '/keywords', size: '1KB', via: 'direct, LOG_LEVEL=warn' };
          const info: Row = { id: infoId, endpoint: '/keywords', size: '1KB', via: 'direct, LOG_LEVEL=info', limitId: warnId };
          await runInterleaved([httpSeries(warn, rake.url, 'POST', plan), httpSeries(info, rakeInfo!.url, 'POST', plan)], plan.slices);
          await sleep(200);
          const lines = existsSync(infoLog) ? readFileSync(infoLog, 'utf8').split('\n').filter((line) => line.includes('"msg":"request"')).length : undefined;
          const w = warn.result?.reqPerSec;
          const i = info.result?.reqPerSec;
          const wc = warn.result?.cpuMsPerReq;
          const ic = info.result?.cpuMsPerReq;
          logging = {
            warnId,
            infoId,
            ratio: w && i ? i / w : undefined,
            extraUsPerReq: w && i ? 1e6 / i - 1e6 / w : undefined,
            extraCpuUsPerReq: wc !== undefined && ic !== undefined ? (ic - wc) * 1000 : undefined,
            logLines: lines,
          };
          continue;
        }
        if (!endpoint || !cellSize) continue;
        const name = nameOf(endpoint);
        const sizeName = cellSize;
        const fields = fieldsOf(endpoint);
        const backendUrl = endpoint.service === 'rake-app' ? rake.url : prose.url;
        const target = sizeName === '1KB';
        const rawId = id(name, sizeName, 'in-process');
        const directId = id(name, sizeName, 'direct');
        // The in-process warm-up also tells how long a call takes, which decides the plan.
        let estimateMs: number | undefined;
        try {
          const warm = await warmRaw(endpoint.fn, sizeName, false);
          estimateMs = warm.settledMsPerCall ?? warm.elapsedMs / warm.iterations;
        } catch (error) {
          log(`  in-process warm-up failed: ${messageOf(error)}`);
        }
        const plan = planFor(estimateMs, variantsOf(sizeName), sizeName === '10KB' || sizeName === '100KB', settings);
        const series: Series[] = [rawSeries({ id: rawId, endpoint: name, size: sizeName, via: 'in-process' }, endpoint.fn, sizeName, false, plan, true)];
        // What the per-KB figure is set beside (RAKE), in-process on the same texts: measured here,
        // interleaved, unless this run has measured it already.
        const beside = endpoint.perKb && ENDPOINTS.find((e) => nameOf(e) === endpoint.perKb!.beside);
        const besideId = beside && id(nameOf(beside), sizeName, 'in-process');
        if (beside && besideId && !rows.some((row) => row.id === besideId)) {
          try {
            const warm = await warmRaw(beside.fn, sizeName, false);
            const besidePlan = planFor(warm.settledMsPerCall ?? warm.elapsedMs / warm.iterations, variantsOf(sizeName), sizeName === '10KB' || sizeName === '100KB', settings);
            series.unshift(rawSeries({ id: besideId, endpoint: nameOf(beside), size: sizeName, via: 'in-process' }, beside.fn, sizeName, false, besidePlan, true));
          } catch (error) {
            log(`  in-process warm-up of ${besideId} failed: ${messageOf(error)}`);
          }
        }
        if (target) {
          series.push(
            rawSeries({ id: id(name, sizeName, 'in-process + JSON'), endpoint: name, size: sizeName, via: 'in-process + JSON', limitId: rawId }, endpoint.fn, sizeName, true, plan, false),
          );
        }
        series.push(
          httpSeries(
            { id: directId, endpoint: name, size: sizeName, via: 'direct', limitId: rawId, ...(target ? { minRatio: TARGETS.directVsInProcess } : {}) },
            backendUrl,
            'POST',
            plan,
            endpoint.path,
            fields,
          ),
          httpSeries(
            { id: id(name, sizeName, 'gateway'), endpoint: name, size: sizeName, via: 'gateway', limitId: directId, ...(target ? { minRatio: TARGETS.gatewayVsDirect } : {}) },
            gateway.url,
            'POST',
            plan,
            endpoint.path,
            fields,
          ),
        );
        await runInterleaved(series, plan.slices);
        if (sizeName === '100KB') recordMemory([endpoint.service, 'nlp-client'], cell);

        // The hop's ceiling in front of a backend that costs what this one does: the bare proxy in
        // front of the bare server kept busy for the direct row's CPU per request (less its own).
        const directCpu = rows.find((row) => row.id === directId)?.result?.cpuMsPerReq;
        const bareCpu = rows.find((row) => row.id === BARE_ID)?.result?.cpuMsPerReq;
        if (target && bareUrl && bareProxyUrl && directCpu !== undefined && bareCpu !== undefined) {
          const busyUs = Math.max(0, Math.round((directCpu - bareCpu) * 1000));
          const busyId = busyServerId(name, sizeName);
          const busyRow: Row = { id: busyId, endpoint: name, size: sizeName, via: `bare server, busy ${busyUs} µs` };
          const proxyRow: Row = { id: busyProxyId(name, sizeName), endpoint: name, size: sizeName, via: 'bare proxy → that server', limitId: busyId };
          await runInterleaved(
            [httpSeries(busyRow, bareUrl, 'POST', plan, `/busy/${busyUs}`), httpSeries(proxyRow, bareProxyUrl, 'POST', plan, `/busy/${busyUs}`)],
            plan.slices,
          );
        }
      }

      // Peak RSS over the whole run, while the processes still live.
      const peaks = Object.fromEntries(Object.entries(servicePids).map(([service, pid]) => [service, memoryMiB(pid)?.peak]));
      memory = Object.keys(memoryAfter).map((service) => ({
        service,
        rssIdleMiB: idleRss[service],
        rssAfterMiB: memoryAfter[service]?.rss,
        largestAfter: memoryAfter[service]?.after,
        peakMiB: peaks[service],
        maxMiB: TARGETS.maxRssMiB,
        verdict: atMost(memoryAfter[service]?.rss, TARGETS.maxRssMiB),
      }));

      // Rows the figures may be doubtful in.
      const pct = (x: number | undefined) => `${Math.round((x ?? 0) * 100)}%`;
      const http = rows.filter((row) => row.result && row.result.mode !== 'in-process');
      const clientBound = http.filter((row) => (row.result!.clientCpu ?? 0) >= 0.9);
      const starved = http.filter((row) => (row.result!.serverCpu ?? 1) < 0.8 && (row.result!.clientCpu ?? 0) < 0.9);
      if (clientBound.length > 0) {
        notes.push(`autocannon used 90% or more of its CPU in ${clientBound.map((row) => `${row.id} (${pct(row.result!.clientCpu)})`).join(', ')}: the client may have limited these figures.`);
      }
      if (starved.length > 0) {
        notes.push(
          `Our server side got less than 80% of CPU ${cores.server} in ${starved.map((row) => `${row.id} (${pct(row.result!.serverCpu)})`).join(', ')}: ` +
            'other load on the machine took the rest (or the server waited on the client); their CPU ratios are the steadier figures.',
        );
      }
    }
  } finally {
    await stopAll();
    rmSync(tmp, { recursive: true, force: true });
  }
  if (interrupted) return;

  const stale = staleBuilds();
  if (stale.length > 0) {
    notes.unshift(
      `The build is older than the sources of ${stale.join(', ')}${opts.build ? '' : ' (--no-build)'}: the services run older code than the in-process runner, which imports the sources.`,
    );
  }
  if (texts.fallback) notes.unshift(`Texts: ${texts.source}. The shared data folder was not found, so real but few sentences are repeated; figures for large texts are less representative.`);
  notes.push(
    `Settings: ${opts.quick ? 'quick' : 'full'}. Each row is measured for ${settings.windowSec} s in ${settings.slices} slices, interleaved with the rows it is compared with ` +
      `(in-process, direct, gateway, in-process, direct, ...), after a warm-up (${settings.warmupSec} s per HTTP row, ${settings.rawWarmupMs} ms in-process). ` +
      `Timed slices use ${settings.connectionsSmall} connections up to 1 KB and ${settings.connectionsLarge} above, and count the answers inside the window; rows expected to answer fewer than ${settings.minAnswersPerSlice} ` +
      `requests in a slice send a fixed number instead (whole rounds over the texts, 1–2 connections, fewer slices), timed to the last answer, and the in-process ` +
      `row makes the same number of calls. Gateway with RATE_LIMIT_PER_MINUTE=0 and UPSTREAM_TIMEOUT_MS=${UPSTREAM_TIMEOUT_MS}; LOG_LEVEL=warn everywhere except ` +
      `the logging row; NODE_ENV=production. The npm-start part is measured as its section says, unpinned, with npm start's settings.`,
  );

  const comparisons = compare(rows);
  const report: BenchReport = {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    runSeconds: (performance.now() - runStart) / 1000,
    quick: opts.quick,
    ...(opts.onlyText ? { only: opts.onlyText } : {}),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown',
      node: process.versions.node,
      loadAverageBefore,
      loadAverageAfter: loadAverage(),
    },
    pinning: { pinned: cores.pinned, serverCore: cores.server, clientCore: cores.client, note: pinningNote(cores) },
    corpus: {
      source: texts.source,
      fallback: texts.fallback,
      sizes: Object.fromEntries(
        SIZES.map((size) => {
          const lengths = texts.texts[size.name].map((text) => Buffer.byteLength(text, 'utf8'));
          return [size.name, { variants: lengths.length, meanBytes: Math.round(texts.meanBytes[size.name]), minBytes: Math.min(...lengths), maxBytes: Math.max(...lengths) }];
        }),
      ),
    },
    settings: { ...settings, upstreamTimeoutMs: UPSTREAM_TIMEOUT_MS, clientTimeoutSec: CLIENT_TIMEOUT_SEC },
    rows,
    comparisons,
    ceilings: ceilings(rows),
    growth: costGrowth(rows, texts.meanBytes, ['direct', 'gateway']),
    costPerKb: costPerKb(
      rows,
      texts.meanBytes,
      ENDPOINTS.flatMap((endpoint) => (endpoint.perKb ? [{ endpoint: nameOf(endpoint), ...endpoint.perKb, judgedSizes: ['1KB' as const] }] : [])),
    ),
    memory,
    startup,
    ...(logging ? { logging } : {}),
    ...(npmStart ? { npmStart } : {}),
    notes,
  };

  const markdown = renderMarkdown(report);
  mkdirSync(opts.outDir, { recursive: true });
  const stamp = startedAt.toISOString().replace(/[:.]/g, '-');
  const jsonFile = join(opts.outDir, `bench-${stamp}.json`);
  writeFileSync(jsonFile, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(join(opts.outDir, 'latest.md'), `${markdown}\n`);
  console.log(markdown);
  log(`wrote ${relative(process.cwd(), jsonFile)} and ${relative(process.cwd(), join(opts.outDir, 'latest.md'))}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
