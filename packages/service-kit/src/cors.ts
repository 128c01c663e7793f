import type { IncomingMessage, ServerResponse } from 'node:http';
import corsMiddleware from 'cors';

/** Allowed browser origins: none (CORS off, the default), a list, or any ("*"). */
export type CorsOrigins = 'none' | 'any' | readonly string[];

/**
 * CORS for the listed origins only: returns true when it has answered a preflight itself (204).
 * With CORS off nothing is added, so browsers on other origins cannot read responses.
 */
export function createCors(origins: CorsOrigins): (req: IncomingMessage, res: ServerResponse) => boolean {
  if (origins === 'none') return () => false;
  const middleware = corsMiddleware({
    origin: origins === 'any' ? '*' : (origin, allow) => allow(null, origin !== undefined && origins.includes(origin) ? origin : false),
    methods: 'GET, POST, OPTIONS',
    allowedHeaders: 'Authorization, Content-Type, X-Request-Id',
    exposedHeaders: 'X-Request-Id, Retry-After, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset',
    maxAge: 600,
    optionsSuccessStatus: 204,
  });
  return (req, res) => {
    if (req.headers.origin === undefined) return false;
    // With fixed options and a synchronous origin check, the middleware has either ended the
    // response (a preflight) or called next by the time it returns.
    let passedOn = false;
    middleware(req, res, () => {
      passedOn = true;
    });
    return !passedOn;
  };
}
