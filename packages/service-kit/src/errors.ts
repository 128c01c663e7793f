import type { ServerResponse } from 'node:http';
import { writeJson } from './json-response.js';

/** The one error shape every service answers with: `{"message","code"}` plus the right status. */
export interface ErrorBody {
  message: string;
  code: string;
  [extra: string]: unknown;
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }

  toBody(): ErrorBody {
    return { message: this.message, code: this.code, ...this.extra };
  }
}

export const badRequest = (code: string, message: string): HttpError => new HttpError(400, code, message);

export const payloadTooLarge = (message: string): HttpError => new HttpError(413, 'PAYLOAD_TOO_LARGE', message);

export const notReady = (message: string, extra: Record<string, unknown> = {}): HttpError =>
  new HttpError(503, 'NOT_READY', message, {}, extra);

/** Answers with the error's status, headers and JSON body; on express's responses and node's alike. */
export function sendError(res: ServerResponse, error: HttpError): void {
  for (const [name, value] of Object.entries(error.headers)) res.setHeader(name, value);
  writeJson(res, error.status, error.toBody());
}

const internal = (): HttpError => new HttpError(500, 'INTERNAL', 'internal error; the request id identifies it in the logs');

/**
 * The one way any failure becomes an answer: an HttpError as it is, a client error that a library
 * threw (it carries a 4xx `status`) as a 400, anything else as a 500 whose cause goes to the log
 * (`logAs` keeps it). After the headers are out there is nothing left to say: the connection is cut.
 */
export function answerError(res: ServerResponse, error: unknown, logAs: { error?: unknown }): void {
  if (res.headersSent) {
    logAs.error ??= error;
    res.destroy();
    return;
  }
  if (error instanceof HttpError) {
    sendError(res, error);
    return;
  }
  const status = (error as { status?: unknown } | null)?.status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    sendError(res, badRequest('INVALID_REQUEST', 'the request could not be read'));
    return;
  }
  logAs.error = error;
  sendError(res, internal());
}
