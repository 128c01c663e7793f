import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { Principal } from './auth.js';
import { HttpError, payloadTooLarge } from './errors.js';
import { writeJson } from './json-response.js';

/** What an API endpoint gets: the body as received and who sent it. */
export interface ApiCall {
  body: Buffer;
  headers: IncomingHttpHeaders;
  requestId: string;
  principal: Principal;
  /** True once the caller has hung up: work for it would be wasted. */
  abandoned: () => boolean;
}

/** A JSON value to serialise, or bytes that are already JSON (a backend's answer, forwarded). */
export type ApiAnswer = { status?: number; json: unknown } | { status: number; contentType: string; body: Buffer };

/**
 * A POST endpoint that reads a whole body and answers JSON. The kit serves it without express
 * (see createServiceApp): these are the routes every request of the product goes through.
 */
export class ApiEndpoint {
  constructor(
    /** Bodies longer than this are refused with 413 before they are read. */
    readonly bodyLimit: number,
    /** Undefined when there is nobody left to answer (the caller hung up). */
    readonly handle: (call: ApiCall) => ApiAnswer | undefined | Promise<ApiAnswer | undefined>,
  ) {}
}

/**
 * Reads a request body up to `limit` bytes. Rejects with 413 as soon as the declared or received
 * length passes the limit, and with 400 when the client aborts.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = req.headers['content-length'];
  if (declared !== undefined && Number(declared) > limit) {
    return Promise.reject(payloadTooLarge(`request body exceeds the limit of ${limit} bytes`));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const cleanup = (): void => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onAbort);
      req.off('close', onClose);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) {
        cleanup();
        reject(payloadTooLarge(`request body exceeds the limit of ${limit} bytes`));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = (): void => {
      cleanup();
      resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size));
    };
    const onAbort = (): void => {
      cleanup();
      reject(new HttpError(400, 'REQUEST_ABORTED', 'the client aborted the request body'));
    };
    const onClose = (): void => {
      if (!req.complete) onAbort();
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onAbort);
    req.on('close', onClose);
  });
}

/** Writes an answer with the headers already set on `res` (request id, security headers, ...). */
export function writeAnswer(res: ServerResponse, answer: ApiAnswer): void {
  if ('json' in answer) {
    writeJson(res, answer.status ?? 200, answer.json);
    return;
  }
  res.writeHead(answer.status, { 'Content-Type': answer.contentType, 'Content-Length': answer.body.length });
  res.end(answer.body);
}
