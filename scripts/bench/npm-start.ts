/**
 * The bench's npm-start part: CPU per request of each service under `npm start`'s configuration
 * (npm-start-stack.ts), read from /proc over each service's process tree, beside a bare node:http
 * server that only parses the JSON body, measured by the same client in interleaved slices; then
 * the RSS of every process after 100 KB texts on all four endpoints. Reported by npm-start-report.ts.
 */
import { join } from 'node:path';
import { ENDPOINTS } from '@nlp-api/api-schema';
import { GATEWAY_SETTINGS } from '@nlp-api/nlp-client/settings';
import { ROOT, type RunningProcess } from '../lib/processes.js';
import type { Phase, PhaseResult } from './load-worker.js';
import { NPM_START_TARGETS, type NpmStartProcess, type NpmStartResult, type NpmStartRow, type NpmStartTarget } from './npm-start-report.js';
import { startNpmStartStack, type Server } from './npm-start-stack.js';
import { treeCpuNs, treeRss } from './proc-tree.js';
import type { Settings } from './series.js';
import { PinnedWorker } from './worker-channel.js';

export interface NpmStartContext {
  settings: Settings;
  textsFile: string;
  /** The CPUs the bench may use (before it pinned itself), given to every process of this part. */
  cpus: string | undefined;
  log: (line: string) => void;
  /** Lets the bench's Ctrl-C handler stop these too. */
  track: (proc: RunningProcess) => void;
  trackWorker: (worker: PinnedWorker) => void;
}

const CONNECTIONS = 4;
const BIG_CONNECTIONS = 2;
const TIMEOUT_SEC = 60;
/** Paced rows get this share of the gateway's default rate limit, so that none is answered 429. */
const PACE_SHARE = 0.8;
const IDLE_MS = 2_000;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** One row: where the client sends, whose tree's CPU counts, and (through the gateway) the backend's. */
interface Series {
  row: NpmStartRow;
  server: Server;
  backend?: Server;
  path: string;
  rate?: number;
  cpuNs: number;
  backendNs: number;
}

export async function measureNpmStart(ctx: NpmStartContext): Promise<NpmStartResult> {
  const { settings, log } = ctx;
  const perMinute = Number(GATEWAY_SETTINGS.rateLimitPerMinute.default);
  const pace = Math.max(1, Math.floor((perMinute / 60) * PACE_SHARE));
  const result: NpmStartResult = {
    config: [],
    rows: [],
    targets: [],
    memoryAfter: '100 KB texts on all four endpoints through the gateway',
    memory: [],
    maxRssMiB: NPM_START_TARGETS.maxRssMiB,
    notes: [],
  };
  const stopped: RunningProcess[] = [];
  const track = (proc: RunningProcess): void => {
    stopped.push(proc);
    ctx.track(proc);
  };
  const load = new PinnedWorker('npm-start load generator', ctx.cpus, join(ROOT, 'scripts', 'bench', 'load-worker.ts'));
  ctx.trackWorker(load);
  try {
    log(`npm-start: starting the services as npm start does`);
    const stack = await startNpmStartStack(ctx.cpus, track);
    await load.request({ op: 'init', textsFile: ctx.textsFile });
    const headers = { authorization: `Bearer ${stack.key}`, 'content-type': 'application/json' };
    const workers = (server: Server) => server.tree().length;
    result.config = [
      ...stack.config.map((line) => line.replace(/^prose-app WORKERS=auto$/, `prose-app WORKERS=auto (${workers(stack.backends['prose-app']) - 1} workers)`)),
      'LOG_LEVEL and RATE_LIMIT_PER_MINUTE unset (info, one line per request to a pipe this script reads; ' + `${perMinute} a minute per key)`,
    ];
    const servers = [stack.gateway, stack.backends['rake-app'], stack.backends['prose-app'], stack.bare];

    // One real answer from each endpoint both ways, before anything is measured.
    for (const endpoint of ENDPOINTS) {
      for (const server of [stack.backends[endpoint.backend], stack.gateway]) {
        const res = await fetch(`${server.url}${endpoint.path}`, { method: 'POST', headers, body: JSON.stringify({ text: 'The Internet links devices worldwide.' }) });
        const body = await res.text();
        if (res.status !== 200) throw new Error(`${server.name}${endpoint.path} answered ${res.status}: ${body.slice(0, 300)}`);
      }
    }

    const run = (server: Server, path: string, phase: Phase, how: { rate?: number; size?: '1KB' | '100KB'; connections?: number } = {}) =>
      load.request<PhaseResult>({
        op: 'run',
        url: server.url,
        method: 'POST',
        path,
        size: how.size ?? '1KB',
        headers,
        connections: how.connections ?? CONNECTIONS,
        timeoutSec: TIMEOUT_SEC,
        ...(how.rate ? { overallRate: how.rate } : {}),
        phase,
      });
    const allCpuNs = () => servers.reduce((sum, server) => sum + treeCpuNs(server.tree()), 0);
    /** Until the servers have been idle for 50 ms (at most 5 s): the last slice's requests are done. */
    const waitIdle = async () => {
      const deadline = performance.now() + 5_000;
      let before = allCpuNs();
      while (performance.now() < deadline) {
        await sleep(50);
        const now = allCpuNs();
        if (now - before <= 5e6) return;
        before = now;
      }
    };
    const series = (row: Omit<NpmStartRow, 'answers' | 'seconds' | 'problems'>, server: Server, path: string, extra: Partial<Series> = {}): Series => {
      const s: Series = { row: { ...row, answers: 0, seconds: 0, problems: [] }, server, path, cpuNs: 0, backendNs: 0, ...extra };
      result.rows.push(s.row);
      return s;
    };
    /** Warm-ups, then slice 1 of every row, slice 2 of every row, ... */
    const interleave = async (group: Series[], sliceSec: number) => {
      for (const s of group) {
        await waitIdle();
        await run(s.server, s.path, { seconds: settings.warmupSec }, s).catch((error: unknown) => (s.row.error = messageOf(error)));
      }
      for (let i = 0; i < settings.slices; i++) {
        for (const s of group) {
          if (s.row.error) continue;
          await waitIdle();
          const mine = s.server.tree();
          const theirs = s.backend?.tree() ?? [];
          const before = [treeCpuNs(mine), treeCpuNs(theirs)];
          try {
            const m = await run(s.server, s.path, { seconds: sliceSec }, s);
            s.cpuNs += treeCpuNs(mine) - before[0]!;
            s.backendNs += treeCpuNs(theirs) - before[1]!;
            s.row.answers += m.total2xx;
            s.row.seconds += m.windowSec;
            if (m.non2xx > 0) s.row.problems.push(`${m.non2xx} non-2xx ${JSON.stringify(m.statusCodes)}`);
            if (m.errors > 0) s.row.problems.push(`${m.errors} socket errors`);
          } catch (error) {
            s.row.error = messageOf(error);
          }
        }
      }
      for (const s of group) {
        if (s.row.answers === 0) continue;
        s.row.cpuUsPerReq = s.cpuNs / 1000 / s.row.answers;
        if (s.backend) s.row.backendCpuUsPerReq = s.backendNs / 1000 / s.row.answers;
        log(`  ${s.row.id}: ${(s.row.answers / s.row.seconds).toFixed(0)} req/s, ${Math.round(s.row.cpuUsPerReq)} µs CPU each${s.row.problems.length ? ` (${s.row.problems.join('; ')})` : ''}`);
      }
    };

    const sliceSec = settings.windowSec / settings.slices;
    const bareId = 'bare node:http /json 1KB';
    const pacedBareId = `${bareId}, ${pace} req/s`;
    log(`npm-start: direct, as fast as answered, ${CONNECTIONS} connections`);
    await interleave(
      [
        series({ id: bareId, measured: stack.bare.name, endpoint: '/json', via: 'bare' }, stack.bare, '/json'),
        ...ENDPOINTS.map((e) =>
          series({ id: `${e.backend} ${e.path} 1KB direct`, measured: e.backend, endpoint: e.path, via: 'direct', bareId }, stack.backends[e.backend], e.path),
        ),
      ],
      sliceSec,
    );
    // What each tree spends with no request, warm, which every row's figure includes: at the pace it
    // is this much per request.
    await waitIdle();
    const idleBefore = servers.map((server) => treeCpuNs(server.tree()));
    await sleep(IDLE_MS);
    const idle = servers.map((server, i) => {
      const msPerSec = (treeCpuNs(server.tree()) - idleBefore[i]!) / 1e6 / (IDLE_MS / 1000);
      return `${server.name} ${msPerSec.toFixed(1)} ms/s (${Math.round((msPerSec * 1000) / pace)} µs per request at ${pace} req/s)`;
    });
    result.notes.push(`CPU with no request over ${IDLE_MS / 1000} s, after the direct rows: ${idle.join(', ')}.`);
    // A paced row answers fewer requests a slice: twice the slice length, in whole seconds because
    // autocannon paces per second (1.5 s at 80 req/s sends 160).
    log(`npm-start: through the gateway, paced at ${pace} req/s under its default rate limit`);
    await interleave(
      [
        series({ id: pacedBareId, measured: stack.bare.name, endpoint: '/json', via: 'bare', pacedPerSec: pace }, stack.bare, '/json', { rate: pace }),
        ...ENDPOINTS.map((e) =>
          series(
            { id: `nlp-client ${e.path} 1KB gateway`, measured: 'nlp-client', endpoint: e.path, via: 'gateway', pacedPerSec: pace, bareId: pacedBareId },
            stack.gateway,
            e.path,
            { rate: pace, backend: stack.backends[e.backend] },
          ),
        ),
      ],
      Math.max(1, Math.round(sliceSec * 2)),
    );
    result.targets = targetsFor(ENDPOINTS);

    log(`npm-start: ${result.memoryAfter}`);
    for (const e of ENDPOINTS) {
      const m = await run(stack.gateway, e.path, { amount: BIG_CONNECTIONS * 2 }, { size: '100KB', connections: BIG_CONNECTIONS });
      if (m.non2xx > 0 || m.errors > 0) result.notes.push(`100 KB ${e.path} through the gateway: ${m.non2xx} non-2xx ${JSON.stringify(m.statusCodes)}, ${m.errors} socket errors.`);
    }
    await waitIdle();
    result.memory = [stack.gateway, stack.backends['rake-app'], stack.backends['prose-app']].flatMap((server): NpmStartProcess[] => {
      const rss = treeRss(server.tree());
      return rss.map(({ pid, rssMiB }, i) => ({ service: server.name, role: rss.length === 1 ? 'main' : i === 0 ? 'supervisor' : `worker ${i}`, pid, rssMiB }));
    });
  } catch (error) {
    result.error = messageOf(error);
    log(`npm-start: ERROR ${result.error}`);
  } finally {
    await load.stop().catch(() => undefined);
    await Promise.all(
      stopped.map(async (proc) => {
        const timer = setTimeout(() => proc.child.kill('SIGKILL'), 10_000);
        await proc.stop();
        clearTimeout(timer);
      }),
    );
  }
  return result;
}

/** The issue's targets, on the rows above. */
function targetsFor(endpoints: typeof ENDPOINTS): NpmStartTarget[] {
  const byName = (name: string) => endpoints.find((endpoint) => endpoint.name === name)!;
  const direct = (name: string, target: Pick<NpmStartTarget, 'maxCpuUs' | 'maxTimesBare'>, what = ''): NpmStartTarget => {
    const e = byName(name);
    return { rowId: `${e.backend} ${e.path} 1KB direct`, label: `${e.backend} ${e.path}${what}, 1 KB`, ...target };
  };
  const keywords = byName('keywords');
  return [
    direct('tokens', { maxCpuUs: NPM_START_TARGETS.tokensCpuUs }),
    direct('entities', { maxCpuUs: NPM_START_TARGETS.entitiesCpuUs }),
    direct('sentences', { maxTimesBare: NPM_START_TARGETS.sentencesTimesBare }),
    direct('keywords', { maxTimesBare: NPM_START_TARGETS.keywordsTimesBare }, ' (RAKE)'),
    { rowId: `nlp-client ${keywords.path} 1KB gateway`, label: `the gateway's own CPU per forwarded ${keywords.path}, 1 KB`, maxTimesBare: NPM_START_TARGETS.gatewayTimesBare },
  ];
}
