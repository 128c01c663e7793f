import type { RequestHandler } from 'express';

/**
 * Headers for a JSON API: nothing may be sniffed, framed, cached or embedded elsewhere, and no
 * referrer leaks. Routes that serve HTML (a docs page) can set their own Content-Security-Policy.
 */
export const securityHeaders: RequestHandler = (_req, res, next) => {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  res.setHeader('Cache-Control', 'no-store');
  next();
};
