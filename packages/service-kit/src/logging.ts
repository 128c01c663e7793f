import { pino, type Logger } from 'pino';
import type { RequestHandler } from 'express';
import type { LogLevel } from './settings/common.js';
import { principalOf } from './auth.js';
import { requestIdOf } from './request-id.js';

export type { Logger } from 'pino';

/** JSON lines on stdout. Credentials are redacted wherever they might appear. */
export function createLogger(service: string, level: LogLevel = 'info'): Logger {
  return pino({
    level,
    base: { service },
    redact: {
      paths: ['authorization', 'headers.authorization', 'req.headers.authorization', 'auth', '*.auth', 'key', 'token', 'secret'],
      censor: '[redacted]',
    },
    timestamp: pino.stdTimeFunctions.isoTime,
  });
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

/** One line per request once it is answered: no headers, no bodies, so no secrets and no user text. */
export function requestLogging(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.on('close', () => {
      const error = res.locals.error as Error | undefined;
      if (!wantsRequestLine(logger, res.statusCode, error)) return;
      const line: RequestLine = {
        requestId: requestIdOf(res),
        principal: principalOf(res)?.id,
        method: req.method,
        path: req.path,
        status: res.statusCode,
        ms: millisecondsSince(started),
        bytesIn: Number(req.headers['content-length'] ?? 0),
        completed: res.writableFinished,
      };
      logRequest(logger, line, error);
    });
    next();
  };
}
