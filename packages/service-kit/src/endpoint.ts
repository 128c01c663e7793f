import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import type { Principal } from './auth.js';
import { writeJson } from './json-response.js';

/** What an API endpoint gets: the body as received (decoded) and who sent it. */
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

/** A POST endpoint that reads a whole body and answers JSON: what every API request of the product is. */
export class ApiEndpoint {
  constructor(
    /** Bodies longer than this (after decoding) are refused with 413. */
    readonly bodyLimit: number,
    /** Undefined when there is nobody left to answer (the caller hung up). */
    readonly handle: (call: ApiCall) => ApiAnswer | undefined | Promise<ApiAnswer | undefined>,
  ) {}
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
