import { pino, type Logger } from 'pino';
import type { RequestHandler } from 'express';
import type { LogLevel } from './config.js';
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

/** One line per request once it is answered: no headers, no bodies, so no secrets and no user text. */
export function requestLogging(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.on('close', () => {
      // At LOG_LEVEL=warn and above, answered requests are not logged: don't build their lines.
      if (res.statusCode < 500 && res.locals.error === undefined && !logger.isLevelEnabled('info')) return;
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const line = {
        requestId: requestIdOf(res),
        principal: principalOf(res)?.id,
        method: req.method,
        path: req.path,
        status: res.statusCode,
        ms: Math.round(ms * 10) / 10,
        bytesIn: Number(req.headers['content-length'] ?? 0),
        completed: res.writableFinished,
      };
      const error = res.locals.error as Error | undefined;
      if (error) logger.error({ ...line, err: error }, 'request failed');
      else if (res.statusCode >= 500) logger.warn(line, 'request answered with an error');
      else logger.info(line, 'request');
    });
    next();
  };
}
