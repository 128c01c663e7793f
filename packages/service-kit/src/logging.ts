import { pino, type Logger } from 'pino';
import type { LogLevel } from './settings/common.js';

export type { Logger } from 'pino';

const FLUSH_WITHIN_MS = 100;
const WARN = 40;

/**
 * JSON lines on stdout. Credentials are redacted wherever they might appear.
 *
 * A write per line cost the gateway about a tenth of its CPU per request at the default level, so
 * info lines are gathered into 4 KB writes and flushed within FLUSH_WITHIN_MS; warnings and errors
 * are written at once, and pino writes what is left when the process exits.
 */
export function createLogger(service: string, level: LogLevel = 'info'): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service },
    redact: {
      paths: ['authorization', 'headers.authorization', 'req.headers.authorization', 'auth', '*.auth', 'key', 'token', 'secret'],
      censor: '[redacted]',
    },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  if (level === 'silent') return pino(options);
  const destination = pino.destination({ dest: 1, sync: false, minLength: 4096 });
  let flushQueued = false;
  const flushSoon = (): void => {
    if (flushQueued) return;
    flushQueued = true;
    setTimeout(() => {
      flushQueued = false;
      destination.flush();
    }, FLUSH_WITHIN_MS).unref();
  };
  const hooks: pino.LoggerOptions['hooks'] = {
    logMethod(args, method, lineLevel) {
      method.apply(this, args);
      // A flush while a write is under way leaves the rest for the next one: flushSoon catches it.
      if (lineLevel >= WARN) destination.flush();
      flushSoon();
    },
  };
  return pino({ ...options, hooks }, destination);
}

export interface RequestLine {
  requestId: string;
  principal: string | undefined;
  method: string | undefined;
  path: string;
  status: number;
  ms: number;
  bytesIn: number;
  completed: boolean;
}

/** Whether a finished request gets a line: at LOG_LEVEL=warn and above, answered requests do not. */
export function wantsRequestLine(logger: Logger, status: number, error: unknown): boolean {
  return status >= 500 || error !== undefined || logger.isLevelEnabled('info');
}

export function logRequest(logger: Logger, line: RequestLine, error: unknown): void {
  if (error !== undefined) logger.error({ ...line, err: error }, 'request failed');
  else if (line.status >= 500) logger.warn(line, 'request answered with an error');
  else logger.info(line, 'request');
}

export const millisecondsSince = (started: bigint): number => Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10;
