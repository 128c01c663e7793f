import type { ServerResponse } from 'node:http';
import type { ErrorRequestHandler, RequestHandler } from 'express';
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

/** Maps the errors express's body parser throws (they carry `type` and `status`) to our shape. */
function fromBodyParser(err: { type?: unknown; status?: unknown; limit?: unknown }): HttpError | undefined {
  switch (err.type) {
    case 'entity.too.large':
      return payloadTooLarge(`request body exceeds the limit of ${String(err.limit)} bytes`);
    case 'request.aborted':
      return new HttpError(400, 'REQUEST_ABORTED', 'the client aborted the request body');
    case 'request.size.invalid':
      return badRequest('INVALID_BODY', 'request body length does not match Content-Length');
    case 'encoding.unsupported':
      return new HttpError(415, 'UNSUPPORTED_ENCODING', 'unsupported Content-Encoding');
    case 'entity.verify.failed':
    case 'charset.unsupported':
      return new HttpError(415, 'UNSUPPORTED_CHARSET', 'unsupported charset');
    default:
      if (typeof err.status === 'number' && err.status >= 400 && err.status < 500) {
        return badRequest('INVALID_REQUEST', 'the request could not be read');
      }
      return undefined;
  }
}

/** Answers with the error's status, headers and JSON body; on express's responses and node's alike. */
export function sendError(res: ServerResponse, error: HttpError): void {
  for (const [name, value] of Object.entries(error.headers)) res.setHeader(name, value);
  writeJson(res, error.status, error.toBody());
}

export const notFoundHandler: RequestHandler = (req, res) => {
  sendError(res, new HttpError(404, 'NOT_FOUND', `no route for ${req.method} ${req.path}`));
};

/** Last in the chain: anything thrown becomes a JSON error, and the process keeps serving. */
export const errorHandler: ErrorRequestHandler = (err: unknown, req, res, next) => {
  const known = err instanceof HttpError ? err : fromBodyParser((err ?? {}) as Record<string, unknown>);
  if (res.headersSent) {
    next(err);
    return;
  }
  if (known) {
    sendError(res, known);
    return;
  }
  res.locals.error = err;
  sendError(res, new HttpError(500, 'INTERNAL', 'internal error; the request id identifies it in the logs'));
};
