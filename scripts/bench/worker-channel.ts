/**
 * A long-lived child process pinned to one core, spoken to in JSON lines: one request on its
 * stdin, one reply on its stdout. The bench keeps two: the raw in-process runner (core 0, like the
 * services) and the load generator (core 1). Their stderr is kept for error messages.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { ROOT } from '../lib/processes.js';

export interface WorkerReply {
  error?: string;
  [key: string]: unknown;
}

export class PinnedWorker {
  readonly child: ChildProcess;
  private stderr = '';
  private pending: { resolve: (reply: WorkerReply) => void; reject: (error: Error) => void } | undefined;
  private exited = false;

  /** Runs `node --import tsx <script>` under `taskset -c <cpus>` (unpinned when cpus is undefined). */
  constructor(
    readonly name: string,
    cpus: string | undefined,
    script: string,
    env: Record<string, string> = {},
  ) {
    const argv = [process.execPath, '--import', 'tsx', script];
    const [command, ...args] = cpus === undefined ? argv : ['taskset', '-c', cpus, ...argv];
    this.child = spawn(command as string, args, {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      this.stderr = (this.stderr + chunk).slice(-8_000);
    });
    createInterface({ input: this.child.stdout! }).on('line', (line) => {
      const pending = this.pending;
      this.pending = undefined;
      if (!pending) return;
      try {
        pending.resolve(JSON.parse(line) as WorkerReply);
      } catch {
        pending.reject(new Error(`${this.name} wrote a line that is not JSON: ${line.slice(0, 200)}`));
      }
    });
    this.child.once('exit', (code, signal) => {
      this.exited = true;
      this.pending?.reject(new Error(`${this.name} exited (${signal ?? code}): ${this.stderr.trim()}`));
      this.pending = undefined;
    });
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  /** One request at a time; rejects if the worker answers with an error or dies. */
  async request<T = WorkerReply>(message: Record<string, unknown>): Promise<T> {
    if (this.exited) throw new Error(`${this.name} is not running: ${this.stderr.trim()}`);
    if (this.pending) throw new Error(`${this.name} is busy`);
    const reply = await new Promise<WorkerReply>((resolve, reject) => {
      this.pending = { resolve, reject };
      this.child.stdin!.write(`${JSON.stringify(message)}\n`);
    });
    if (reply.error) throw new Error(`${this.name}: ${reply.error}`);
    return reply as unknown as T;
  }

  async stop(): Promise<void> {
    if (this.exited) return;
    const done = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.stdin!.end();
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 3_000);
    await done;
    clearTimeout(timer);
  }
}

/** The worker side: answers each JSON line on stdin with the handler's result on stdout, in order. */
export function serveLines(handle: (message: Record<string, unknown>) => Promise<Record<string, unknown>>): void {
  const lines = createInterface({ input: process.stdin });
  let queue = Promise.resolve();
  lines.on('line', (line) => {
    queue = queue.then(async () => {
      let reply: Record<string, unknown>;
      try {
        reply = await handle(JSON.parse(line) as Record<string, unknown>);
      } catch (error) {
        reply = { error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
      }
      process.stdout.write(`${JSON.stringify(reply)}\n`);
    });
  });
  lines.on('close', () => {
    void queue.then(() => process.exit(0));
  });
}
