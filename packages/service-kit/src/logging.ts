import { pino, type Logger } from 'pino';
import type { LogLevel } from './settings/common.js';

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
