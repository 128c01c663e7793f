import { createHash, timingSafeEqual } from 'node:crypto';
import jwt, { type Algorithm, type JwtPayload } from 'jsonwebtoken';
import { HttpError } from './errors.js';

/** Who made a request: logged and rate-limited by `id`, never by the credential itself. */
export interface Principal {
  kind: 'key' | 'jwt';
  /** `key:<first 8 hex of the key's SHA-256>` or `jwt:<sub>`. */
  id: string;
}

export interface JwtSettings {
  /** HS256 tokens are accepted only when this is set. */
  secret?: string;
  /** RS256 or ES256 tokens (by the key's type) are accepted only when this is set. */
  publicKey?: { pem: string; algorithm: 'RS256' | 'ES256' };
  audience?: string;
  issuer?: string;
  clockToleranceSec: number;
}

export interface AuthSettings {
  /** Static API keys; several allow rotation. */
  keys: readonly string[];
  jwt?: JwtSettings;
}

const RECENT_CANDIDATES = 256;

const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

/**
 * Checks keys in constant time. Hashing first gives equal-length buffers, so neither the
 * comparison nor an early length check leaks how much of a key was right; every configured
 * key is compared, so the time does not reveal which one matched.
 */
export function createKeyMatcher(keys: readonly string[]): (candidate: string) => Principal | undefined {
  const known = keys.map((key) => ({ digest: digest(key), id: `key:${digest(key).toString('hex').slice(0, 8)}` }));
  // Clients send the same credential on every request: remember the digests of recent candidates
  // (bounded). A hit says only that this exact string was sent before, never anything about a key.
  const recent = new Map<string, Buffer>();
  return (candidate) => {
    let probe = recent.get(candidate);
    if (probe === undefined) {
      probe = digest(candidate);
      if (recent.size >= RECENT_CANDIDATES) recent.clear();
      recent.set(candidate, probe);
    }
    let matched: Principal | undefined;
    for (const entry of known) {
      if (timingSafeEqual(probe, entry.digest)) matched = { kind: 'key', id: entry.id };
    }
    return matched;
  };
}

const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/**
 * Verifies a JWT. The key is chosen by the algorithm the token names, and each algorithm is bound
 * to one configured key: HS256 only with the shared secret, RS256/ES256 only with the public key of
 * that type. So `alg: none` and algorithm confusion (an HS256 token signed with the public key) fail.
 */
export function createJwtVerifier(settings: JwtSettings): (token: string) => Principal | HttpError {
  return (token) => {
    const decoded = jwt.decode(token, { complete: true });
    const algorithm = decoded?.header.alg as Algorithm | undefined;
    let key: string | undefined;
    if (algorithm === 'HS256') key = settings.secret;
    else if (algorithm !== undefined && algorithm === settings.publicKey?.algorithm) key = settings.publicKey.pem;
    if (!decoded || !algorithm || key === undefined) {
      return unauthorized(`token algorithm ${algorithm ?? 'unknown'} is not accepted`, 'invalid_token');
    }
    let payload: JwtPayload;
    try {
      const verified = jwt.verify(token, key, {
        algorithms: [algorithm],
        clockTolerance: settings.clockToleranceSec,
        ...(settings.audience ? { audience: settings.audience } : {}),
        ...(settings.issuer ? { issuer: settings.issuer } : {}),
      });
      if (typeof verified === 'string') return unauthorized('token payload must be a JSON object', 'invalid_token');
      payload = verified;
    } catch (error) {
      const message = error instanceof jwt.TokenExpiredError ? 'token expired' : `invalid token: ${(error as Error).message}`;
      return unauthorized(message, 'invalid_token');
    }
    if (typeof payload.exp !== 'number') return unauthorized('token has no expiry (exp)', 'invalid_token');
    if (typeof payload.sub !== 'string' || payload.sub === '') return unauthorized('token has no subject (sub)', 'invalid_token');
    return { kind: 'jwt', id: `jwt:${payload.sub}` };
  };
}

const BEARER = /^Bearer[ ]+([^\s]+)[ ]*$/i;

function unauthorized(message: string, error?: 'invalid_request' | 'invalid_token'): HttpError {
  const challenge = error ? `Bearer realm="nlp-api", error="${error}"` : 'Bearer realm="nlp-api"';
  return new HttpError(401, 'UNAUTHORIZED', message, { 'WWW-Authenticate': challenge });
}

/** Turns an Authorization header into a principal, or the 401 to answer with. */
export function createAuthenticator(settings: AuthSettings): (header: string | undefined) => Principal | HttpError {
  const matchKey = createKeyMatcher(settings.keys);
  const verifyJwt = settings.jwt ? createJwtVerifier(settings.jwt) : undefined;
  return (header) => {
    if (header === undefined || header === '') {
      return unauthorized('missing Authorization header; send "Authorization: Bearer <key>"');
    }
    const token = BEARER.exec(header)?.[1];
    if (token === undefined) return unauthorized('malformed Authorization header; expected "Bearer <key>"', 'invalid_request');
    const byKey = matchKey(token);
    if (byKey) return byKey;
    if (verifyJwt && JWT_SHAPE.test(token)) return verifyJwt(token);
    return unauthorized('invalid API key', 'invalid_token');
  };
}
