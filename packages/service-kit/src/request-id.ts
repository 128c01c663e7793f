import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';

export const REQUEST_ID_HEADER = 'x-request-id';

// A client-sent id is kept only if it is short and plain, so it cannot forge log lines.
const ACCEPTABLE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function acceptOrCreateRequestId(sent: string | string[] | undefined): string {
  const value = Array.isArray(sent) ? sent[0] : sent;
  return value !== undefined && ACCEPTABLE_ID.test(value) ? value : randomUUID();
}

/** Puts the id in res.locals.requestId and echoes it in the response's X-Request-Id. */
export const requestId: RequestHandler = (req, res, next) => {
  const id = acceptOrCreateRequestId(req.headers[REQUEST_ID_HEADER]);
  res.locals.requestId = id;
  res.setHeader('X-Request-Id', id);
  next();
};

export function requestIdOf(res: { locals: Record<string, unknown> }): string {
  return String(res.locals.requestId ?? '');
}
