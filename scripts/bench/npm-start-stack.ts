/**
 * The npm-start part's server side: the three services with the environment `npm start` gives them
 * (scripts/lib/local-plan.mjs), and the bare node:http server, on free loopback ports, all allowed
 * every CPU the bench may use, as a user's shell would run them.
 */
import { join, relative } from 'node:path';
import { localPlan, type LocalService } from '../lib/local-plan.mjs';
import { freePort, ROOT, startProcess, waitReady, type RunningProcess } from '../lib/processes.js';
import { treePids } from './proc-tree.js';

export interface Server {
  name: string;
  url: string;
  proc: RunningProcess;
  /** The process and its workers, read again on every call (a dead worker is replaced). */
  tree: () => number[];
}

export interface NpmStartStack {
  key: string;
  gateway: Server;
  backends: Record<'rake-app' | 'prose-app', Server>;
  bare: Server;
  /** Each service's own variables, in words, for the report. */
  config: string[];
}

/** At LOG_LEVEL=info every request writes a line, and a run writes hundreds of thousands: keep the end, for errors. */
const OUTPUT_KEPT = 16_000;

const defined = (env: Record<string, string | undefined>): Record<string, string> =>
  Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined));

/** Starts everything and waits until each answers /ready; `track` learns of every process at once, so Ctrl-C stops it. */
export async function startNpmStartStack(cpus: string | undefined, track: (proc: RunningProcess) => void): Promise<NpmStartStack> {
  const launch = (name: string, url: string, entry: string, env: Record<string, string>): Server => {
    const argv = [process.execPath, entry];
    const [command, ...args] = cpus === undefined ? argv : ['taskset', '-c', cpus, ...argv];
    const proc = startProcess(command as string, args, env, OUTPUT_KEPT);
    track(proc);
    return { name, url, proc, tree: () => treePids(proc.child.pid as number) };
  };
  // Only what a user's shell would add to npm start's own variables: no LOG_LEVEL, NODE_ENV or rate limit.
  const ports = { RAKE_PORT: String(await freePort()), PROSE_PORT: String(await freePort()), NLP_CLIENT_PORT: String(await freePort()) };
  const plan = await localPlan({ HOST: '127.0.0.1', ...ports });
  const byName = (name: LocalService['name']): LocalService => plan.services.find((service) => service.name === name)!;
  // NLP_BENCH_SERVICES_FROM names another built checkout (an earlier commit, say) whose services run
  // instead, under the same plan and client, to give before-and-after figures of one benchmark.
  const from = process.env.NLP_BENCH_SERVICES_FROM;
  const entryOf = (service: LocalService): string => (from ? join(from, relative(ROOT, service.entry)) : service.entry);
  const start = (service: LocalService) => launch(service.name, service.url, entryOf(service), { ...defined(plan.shared), ...service.env });
  const rake = start(byName('rake-app'));
  const prose = start(byName('prose-app'));
  const gateway = start(byName('nlp-client'));
  const barePort = String(await freePort());
  const bare = launch('bare node:http', `http://127.0.0.1:${barePort}`, join(ROOT, 'scripts', 'bench', 'bare-server.mjs'), { HOST: '127.0.0.1', PORT: barePort });
  for (const server of [rake, prose, gateway, bare]) {
    try {
      await waitReady(server.url, 60_000);
    } catch (error) {
      throw new Error(`${server.name} did not become ready: ${String(error)}\n${server.proc.output().slice(-2_000)}`);
    }
  }
  return {
    key: plan.key as string,
    gateway,
    backends: { 'rake-app': rake, 'prose-app': prose },
    bare,
    config: plan.services.map((s) => `${s.name} WORKERS=${s.env.WORKERS ?? 'unset'}`),
  };
}
