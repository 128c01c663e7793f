import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { HttpError, sendError } from './errors.js';

const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

/**
 * Checks keys in constant time. Hashing first gives equal-length buffers, so neither the
 * comparison nor an early length check leaks how much of a key was right; every configured
 * key is compared, so the time does not reveal which one matched.
 */
export function createKeyMatcher(keys: readonly string[]): (candidate: string) => boolean {
  const digests = keys.map(digest);
  return (candidate) => {
    const probe = digest(candidate);
    let matched = false;
    for (const known of digests) matched = timingSafeEqual(probe, known) || matched;
    return matched;
  };
}

const BEARER = /^Bearer[ ]+([^\s]+)[ ]*$/i;

function unauthorized(message: string, error?: 'invalid_request' | 'invalid_token'): HttpError {
  const challenge = error ? `Bearer realm="nlp-api", error="${error}"` : 'Bearer realm="nlp-api"';
  return new HttpError(401, 'UNAUTHORIZED', message, { 'WWW-Authenticate': challenge });
}

/** `Authorization: Bearer <key>`; the key itself is never logged or echoed. */
export function bearerAuth(keys: readonly string[]): RequestHandler {
  const matches = createKeyMatcher(keys);
  return (req, res, next) => {
    const header = req.headers.authorization;
    if (header === undefined || header === '') {
      sendError(res, unauthorized('missing Authorization header; send "Authorization: Bearer <key>"'));
      return;
    }
    const token = BEARER.exec(header)?.[1];
    if (token === undefined) {
      sendError(res, unauthorized('malformed Authorization header; expected "Bearer <key>"', 'invalid_request'));
      return;
    }
    if (!matches(token)) {
      sendError(res, unauthorized('invalid API key', 'invalid_token'));
      return;
    }
    next();
  };
}
