import cluster from 'node:cluster';
import http, { type Server } from 'node:http';
import { markDraining, type ServiceApp } from './app.js';
import type { Logger } from './logging.js';

export interface ServeOptions {
  app: ServiceApp;
  port: number;
  host: string;
  logger: Logger;
  /** How long in-flight requests may take to finish after SIGTERM. */
  shutdownTimeoutMs: number;
  /**
   * Prepares what requests need, e.g. loads models. Alone, a service runs it once listening, so
   * /health answers at once and /ready says 503 until it is done. As one of several workers sharing
   * the port it runs it before listening: the others must not hand it requests it cannot serve yet.
   */
  prepare?: () => void | Promise<void>;
  /** Lets the caller release its own resources (agents, timers) before exit. */
  onShutdown?: () => void | Promise<void>;
}

/** What a running service exposes to its owner and to tests. */
export interface RunningServer {
  server: Server;
  port: number;
  /** Stops accepting, lets in-flight requests finish (bounded), resolves true if all finished in time. */
  shutdown: () => Promise<boolean>;
}

/**
 * Requests node rejects before express sees them (a malformed request line, 16 KB of headers) still
 * get the JSON error shape, not an empty body.
 */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
    const status = tooLarge ? '431 Request Header Fields Too Large' : '400 Bad Request';
    const body = JSON.stringify(
      tooLarge
        ? { message: 'request line and headers exceed the size limit', code: 'HEADERS_TOO_LARGE' }
        : { message: 'malformed HTTP request', code: 'BAD_REQUEST' },
    );
    socket.end(
      `HTTP/1.1 ${status}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}

export function listen(options: ServeOptions): Promise<RunningServer> {
  const { app, logger } = options;
  const server = http.createServer(app);
  server.listen(options.port, options.host);
  answerClientErrors(server);
  // Longer than a load balancer's idle timeout, so the balancer closes idle connections first.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.requestTimeout = 120_000;

  let shuttingDown: Promise<boolean> | undefined;
  const shutdown = (): Promise<boolean> => {
    shuttingDown ??= new Promise<boolean>((resolve) => {
      markDraining(app);
      // Connections that finish their last response while draining become idle keep-alive
      // sockets; closing them as they appear lets close() complete as soon as the work is done.
      const sweep = setInterval(() => server.closeIdleConnections(), 50);
      const timer = setTimeout(() => {
        logger.warn({ timeoutMs: options.shutdownTimeoutMs }, 'shutdown timed out; closing remaining connections');
        clearInterval(sweep);
        server.closeAllConnections();
        resolve(false);
      }, options.shutdownTimeoutMs);
      timer.unref();
      server.close(() => {
        clearTimeout(timer);
        clearInterval(sweep);
        resolve(true);
      });
      server.closeIdleConnections();
    }).then(async (clean) => {
      await options.onShutdown?.();
      return clean;
    });
    return shuttingDown;
  };

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.once('listening', () => {
      server.off('error', reject);
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : options.port;
      logger.info({ host: options.host, port }, 'listening');
      resolve({ server, port, shutdown });
      if (cluster.isWorker) return;
      void Promise.resolve(options.prepare?.()).catch((error: unknown) => {
        logger.fatal({ err: error }, 'start-up failed after listening');
        process.exit(1);
      });
    });
  });
}

/**
 * Runs a service as a process: listens, and on SIGTERM or SIGINT drains and exits
 * (0 when every in-flight request finished within the bound, 1 otherwise).
 */
export async function serve(options: ServeOptions): Promise<RunningServer> {
  let running: RunningServer;
  if (cluster.isWorker) {
    try {
      await options.prepare?.();
    } catch (error) {
      options.logger.fatal({ err: error }, 'start-up failed');
      process.exit(1);
    }
  }
  try {
    running = await listen(options);
  } catch (error) {
    options.logger.fatal({ err: error, port: options.port, host: options.host }, 'cannot listen');
    process.exit(1);
  }
  const onSignal = (signal: NodeJS.Signals): void => {
    options.logger.info({ signal }, 'draining before exit');
    void running.shutdown().then((clean) => {
      options.logger.info({ clean }, 'stopped');
      // Every request line must reach the log before the process is gone.
      options.logger.flush(() => process.exit(clean ? 0 : 1));
    });
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
  return running;
}
