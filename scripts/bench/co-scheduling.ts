/**
 * What sharing a core costs: the CPU per request of a backend and of the gateway when the gateway
 * runs on the backend's core (as the bench's gateway rows, and a Fargate task's containers on one
 * vCPU, run them) and when it runs on the other core. Every other cost is the same in the two
 * arrangements, so the difference is what two processes pay for taking turns on one core: context
 * switches on every hop and each one's caches evicted by the other.
 *
 *   npm run build && npx tsx scripts/bench/co-scheduling.ts [seconds per row]
 *
 * Needs 2 CPUs and taskset. Texts: ~1 KB of EWT dev prose; autocannon (10 connections) on CPU 1.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { freePort, ROOT, startService, waitReady, type RunningProcess } from '../lib/processes.js';
import { buildTexts, dataDir, loadCorpus, SIZES } from '@nlp-api/corpus';
import { cpuMs, pin } from './procfs.js';

const seconds = process.argv[2] ?? '5';
const KEY = 'co-scheduling-key';
const common = { AUTH_KEY: KEY, HOST: '127.0.0.1', LOG_LEVEL: 'warn', NODE_ENV: 'production', RATE_LIMIT_PER_MINUTE: '0' };
const text = buildTexts(loadCorpus(dataDir(process.env, ROOT)), SIZES.filter((s) => s.name === '1KB')).texts['1KB'][0]!;
const body = JSON.stringify({ text });

const running: RunningProcess[] = [];
async function start(name: 'rake-app' | 'prose-app' | 'nlp-client', env: Record<string, string>, cpu: string): Promise<{ url: string; pid: number }> {
  const port = await freePort();
  const portVariable = { 'rake-app': 'RAKE_PORT', 'prose-app': 'PROSE_PORT', 'nlp-client': 'NLP_CLIENT_PORT' }[name];
  const service = startService(name, { ...common, ...env, [portVariable]: String(port) });
  running.push(service);
  pin(service.child.pid!, cpu);
  const url = `http://127.0.0.1:${port}`;
  await waitReady(url, 60_000);
  return { url, pid: service.child.pid! };
}

function load(url: string, path: string, duration: string): number {
  const args = ['-c', '1', join(ROOT, 'node_modules', '.bin', 'autocannon'), '-j', '-c', '10', '-d', duration, '-m', 'POST'];
  args.push('-H', `Authorization=Bearer ${KEY}`, '-H', 'Content-Type=application/json', '-b', body, `${url}${path}`);
  const out = spawnSync('taskset', args, { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  const result = JSON.parse(out.stdout) as { requests: { total: number }; non2xx: number; errors: number };
  if (result.non2xx + result.errors > 0) throw new Error(`${url}${path}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return result.requests.total;
}

try {
  const rake = await start('rake-app', {}, '0');
  const prose = await start('prose-app', {}, '0');
  const backends = { RAKE_ENDPOINT: rake.url, PROSE_ENDPOINT: prose.url };
  const sameCore = await start('nlp-client', backends, '0');
  const otherCore = await start('nlp-client', backends, '1');
  const rows: string[] = [];
  for (const [path, backend] of [['/keywords', rake], ['/sentences', prose], ['/entities', prose]] as const) {
    const measure = (how: string, url: string, gateway?: number) => {
      load(url, path, '1');
      const before = [cpuMs(backend.pid), gateway === undefined ? 0 : cpuMs(gateway)];
      const requests = load(url, path, seconds);
      const backendUs = ((cpuMs(backend.pid) - before[0]!) * 1000) / requests;
      const gatewayUs = gateway === undefined ? undefined : ((cpuMs(gateway) - before[1]!) * 1000) / requests;
      rows.push(`| ${path} 1KB | ${how} | ${requests} | ${backendUs.toFixed(0)} | ${gatewayUs === undefined ? '–' : gatewayUs.toFixed(0)} |`);
    };
    measure('direct (backend alone on CPU 0)', backend.url);
    measure('gateway on CPU 0, with the backend', sameCore.url, sameCore.pid);
    measure('gateway on CPU 1, with autocannon', otherCore.url, otherCore.pid);
  }
  console.log(['| endpoint | called | requests | backend CPU µs/request | gateway CPU µs/request |', '|---|---|---|---|---|', ...rows].join('\n'));
} finally {
  await Promise.all(running.map((service) => service.stop()));
}
