import type { RequestHandler } from 'express';

/** Allowed browser origins: none (CORS off, the default), a list, or any ("*"). */
export type CorsOrigins = 'none' | 'any' | readonly string[];

const ALLOWED_HEADERS = 'Authorization, Content-Type, X-Request-Id';
const EXPOSED_HEADERS = 'X-Request-Id, Retry-After, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset';

/**
 * CORS for the listed origins only. Preflights are answered here (204); with CORS off nothing is
 * added, so browsers on other origins cannot read responses.
 */
export function cors(origins: CorsOrigins, allowedMethods = 'GET, POST, OPTIONS'): RequestHandler {
  return (req, res, next) => {
    const origin = req.headers.origin;
    if (origins === 'none' || origin === undefined) {
      next();
      return;
    }
    res.vary('Origin');
    const allowed = origins === 'any' || origins.includes(origin);
    if (!allowed) {
      next();
      return;
    }
    res.setHeader('Access-Control-Allow-Origin', origins === 'any' ? '*' : origin);
    res.setHeader('Access-Control-Expose-Headers', EXPOSED_HEADERS);
    if (req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined) {
      res.setHeader('Access-Control-Allow-Methods', allowedMethods);
      res.setHeader('Access-Control-Allow-Headers', ALLOWED_HEADERS);
      res.setHeader('Access-Control-Max-Age', '600');
      res.status(204).end();
      return;
    }
    next();
  };
}
