import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export type ServiceName = 'rake-app' | 'prose-app' | 'nlp-client';

/** A port the kernel just handed out and took back; free for the next listener. */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export interface RunningProcess {
  child: ChildProcess;
  /** Everything the process wrote to stdout and stderr so far. */
  output: () => string;
  exited: Promise<number | null>;
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
}

/** `keepChars`: keep only the end of the output, for a process that writes a line per request. */
export function startProcess(command: string, args: string[], env: Record<string, string>, keepChars = Infinity): RunningProcess {
  const child = spawn(command, args, { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: string) => {
    output += chunk;
    if (output.length > keepChars) output = output.slice(-keepChars);
  };
  child.stdout?.setEncoding('utf8').on('data', keep);
  child.stderr?.setEncoding('utf8').on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    output: () => output,
    exited,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** Starts one service from its compiled build, as its Docker image does. */
export function startService(name: ServiceName, env: Record<string, string>): RunningProcess {
  const entry = join(ROOT, 'services', name, 'dist', 'server.js');
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run "npm run build" first (npm test does)`);
  return startProcess(process.execPath, [entry], env);
}

export async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}

export async function waitReady(baseUrl: string, timeoutMs = 30_000): Promise<void> {
  await waitFor(async () => (await fetch(`${baseUrl}/ready`)).ok, timeoutMs, `${baseUrl}/ready`);
}

export interface Stack {
  rake: RunningProcess;
  prose: RunningProcess;
  gateway: RunningProcess;
  ports: { rake: number; prose: number; gateway: number };
  /** The gateway's base URL. */
  base: string;
  stop: () => Promise<void>;
}

/**
 * The three real services on free loopback ports, the gateway pointed at the backends.
 * `env` goes to all three, `gatewayEnv` to the gateway only; resolves once the gateway is ready.
 */
export async function startStack(env: Record<string, string>, gatewayEnv: Record<string, string> = {}): Promise<Stack> {
  const ports = { rake: await freePort(), prose: await freePort(), gateway: await freePort() };
  const common = { HOST: '127.0.0.1', ...env };
  const rake = startService('rake-app', { ...common, RAKE_PORT: String(ports.rake) });
  const prose = startService('prose-app', { ...common, PROSE_PORT: String(ports.prose) });
  const gateway = startService('nlp-client', {
    ...common,
    NLP_CLIENT_PORT: String(ports.gateway),
    RAKE_ENDPOINT: `http://127.0.0.1:${ports.rake}`,
    PROSE_ENDPOINT: `http://127.0.0.1:${ports.prose}`,
    ...gatewayEnv,
  });
  const base = `http://127.0.0.1:${ports.gateway}`;
  const stop = async () => {
    await Promise.all([rake, prose, gateway].map((p) => p.stop()));
  };
  try {
    await waitReady(base);
  } catch (error) {
    await stop();
    throw error;
  }
  return { rake, prose, gateway, ports, base, stop };
}
