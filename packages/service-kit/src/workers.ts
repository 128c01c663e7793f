import cluster, { type Worker } from 'node:cluster';
import type { Logger } from './logging.js';

export interface SuperviseOptions {
  count: number;
  logger: Logger;
  /** More deaths than this within `deathWindowMs` stop the service rather than fork in a loop. */
  maxDeaths?: number;
  deathWindowMs?: number;
}

/**
 * With more than one worker, this process becomes their supervisor and returns true: it forks
 * `count` copies of itself that share the listening port, replaces one that dies, and on SIGTERM or
 * SIGINT passes the signal on and exits once every worker has drained (0 if each exited 0).
 * Returns false in a worker, or when one process serves alone: the caller then serves.
 */
export function superviseWorkers(options: SuperviseOptions): boolean {
  if (options.count <= 1 || cluster.isWorker) return false;
  const { logger } = options;
  const maxDeaths = options.maxDeaths ?? 5;
  const deathWindowMs = options.deathWindowMs ?? 60_000;
  const deaths: number[] = [];
  let stopping: NodeJS.Signals | undefined;
  let failed = false;

  const fork = (): Worker => cluster.fork();
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      // A worker still loading has no handler for the signal yet and dies of it: nothing was in flight.
      if (code !== 0 && signal !== stopping) failed = true;
      if (Object.keys(cluster.workers ?? {}).length === 0) {
        logger.info({ clean: !failed }, 'all workers stopped');
        logger.flush(() => process.exit(failed ? 1 : 0));
      }
      return;
    }
    const now = Date.now();
    deaths.push(now);
    while (deaths.length > 0 && deaths[0]! < now - deathWindowMs) deaths.shift();
    if (deaths.length > maxDeaths) {
      logger.fatal({ deaths: deaths.length, windowMs: deathWindowMs }, 'workers keep dying; stopping');
      stop('SIGTERM');
      return;
    }
    logger.error({ pid: worker.process.pid, code, signal }, 'worker died; starting another');
    fork();
  });

  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = signal;
    if (deaths.length > maxDeaths) failed = true;
    logger.info({ signal }, 'stopping workers');
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));

  logger.info({ workers: options.count }, 'starting workers');
  for (let i = 0; i < options.count; i++) fork();
  return true;
}
