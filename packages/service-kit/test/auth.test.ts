import { createHmac, generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jwt from 'jsonwebtoken';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createKeyMatcher, createLogger, createServiceApp, readJwtSettings, type AuthSettings } from '../src/index.js';
import { mintToken, parseTtl } from '../src/mint-token.js';

const SECRET = 'a-test-secret-of-at-least-32-bytes!!';
const rsa = generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
const ec = generateKeyPairSync('ec', { namedCurve: 'prime256v1', publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });

function appWith(auth: AuthSettings) {
  return createServiceApp({ name: 'auth-test', auth, logger: createLogger('auth-test', 'silent'), readiness: () => ({ ready: true }), routes: [] });
}

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
/** A token built by hand, for the forgeries a library would refuse to sign. */
function handMade(header: object, payload: object, sign: (input: string) => string): string {
  const input = `${b64(header)}.${b64(payload)}`;
  return `${input}.${sign(input)}`;
}
const inAnHour = () => Math.floor(Date.now() / 1000) + 3600;

async function status(app: ReturnType<typeof appWith>, token: string): Promise<{ status: number; message: string }> {
  const res = await request(app).get('/routes').set('Authorization', `Bearer ${token}`);
  return { status: res.status, message: String(res.body.message ?? '') };
}

describe('JWT bearer tokens (HS256)', () => {
  const app = appWith({ keys: ['static-key'], jwt: { secret: SECRET, clockToleranceSec: 30 } });

  it('accepts a token signed with the secret, beside the static keys', async () => {
    expect((await status(app, mintToken({ sub: 'alice', ttlSeconds: 60 }, { secret: SECRET }))).status).toBe(200);
    expect((await status(app, 'static-key')).status).toBe(200);
  });

  it('rejects a token signed with another secret', async () => {
    const forged = mintToken({ sub: 'alice', ttlSeconds: 60 }, { secret: 'another-secret-of-at-least-32-bytes!' });
    expect(await status(app, forged)).toMatchObject({ status: 401, message: expect.stringContaining('invalid signature') });
  });

  it('rejects an expired token, within the clock skew accepts it', async () => {
    const now = Math.floor(Date.now() / 1000);
    const expired = jwt.sign({ sub: 'alice', exp: now - 120 }, SECRET, { algorithm: 'HS256' });
    expect(await status(app, expired)).toEqual({ status: 401, message: 'token expired' });
    const justExpired = jwt.sign({ sub: 'alice', exp: now - 10 }, SECRET, { algorithm: 'HS256' });
    expect((await status(app, justExpired)).status).toBe(200);
  });

  it('requires exp and sub', async () => {
    expect(await status(app, jwt.sign({ sub: 'alice' }, SECRET, { algorithm: 'HS256' }))).toEqual({ status: 401, message: 'token has no expiry (exp)' });
    expect(await status(app, jwt.sign({ exp: inAnHour() }, SECRET, { algorithm: 'HS256' }))).toEqual({ status: 401, message: 'token has no subject (sub)' });
  });

  it('rejects alg "none"', async () => {
    const unsigned = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: 'mallory', exp: inAnHour() })}.`;
    expect(await status(app, unsigned)).toMatchObject({ status: 401, message: 'token algorithm none is not accepted' });
  });

  it('rejects an RS256 token when only a secret is configured', async () => {
    const token = mintToken({ sub: 'alice', ttlSeconds: 60 }, { privateKeyPem: rsa.privateKey });
    expect((await status(app, token)).status).toBe(401);
  });
});

describe('JWT bearer tokens (RS256, ES256)', () => {
  it('accepts RS256 with the RSA public key and ES256 with the EC public key', async () => {
    const rsApp = appWith({ keys: [], jwt: { publicKey: { pem: rsa.publicKey, algorithm: 'RS256' }, clockToleranceSec: 30 } });
    expect((await status(rsApp, mintToken({ sub: 'svc', ttlSeconds: 60 }, { privateKeyPem: rsa.privateKey }))).status).toBe(200);
    const esApp = appWith({ keys: [], jwt: { publicKey: { pem: ec.publicKey, algorithm: 'ES256' }, clockToleranceSec: 30 } });
    expect((await status(esApp, mintToken({ sub: 'svc', ttlSeconds: 60 }, { privateKeyPem: ec.privateKey }))).status).toBe(200);
    expect((await status(esApp, mintToken({ sub: 'svc', ttlSeconds: 60 }, { privateKeyPem: rsa.privateKey }))).status).toBe(401);
  });

  it('rejects algorithm confusion: an HS256 token keyed with the public key', async () => {
    const app = appWith({ keys: [], jwt: { publicKey: { pem: rsa.publicKey, algorithm: 'RS256' }, clockToleranceSec: 30 } });
    const confused = handMade({ alg: 'HS256', typ: 'JWT' }, { sub: 'mallory', exp: inAnHour() }, (input) =>
      createHmac('sha256', rsa.publicKey).update(input).digest('base64url'),
    );
    expect(await status(app, confused)).toMatchObject({ status: 401, message: 'token algorithm HS256 is not accepted' });
  });

  it('checks audience and issuer when configured', async () => {
    const app = appWith({ keys: [], jwt: { secret: SECRET, audience: 'nlp-api', issuer: 'https://issuer.example', clockToleranceSec: 0 } });
    const token = (aud: string, iss: string) => mintToken({ sub: 'alice', ttlSeconds: 60, aud, iss }, { secret: SECRET });
    expect((await status(app, token('nlp-api', 'https://issuer.example'))).status).toBe(200);
    expect(await status(app, token('other-api', 'https://issuer.example'))).toMatchObject({ status: 401, message: expect.stringContaining('audience') });
    expect(await status(app, token('nlp-api', 'https://evil.example'))).toMatchObject({ status: 401, message: expect.stringContaining('issuer') });
  });
});

describe('JWT configuration', () => {
  it('reads a secret and a public key, and names the variable of a bad one', () => {
    expect(readJwtSettings({})).toBeUndefined();
    expect(readJwtSettings({ AUTH_JWT_SECRET: SECRET })).toEqual({ secret: SECRET, clockToleranceSec: 30 });
    expect(() => readJwtSettings({ AUTH_JWT_SECRET: 'short' })).toThrowError(/^AUTH_JWT_SECRET: an HS256 secret must be at least 32 bytes/);
    expect(readJwtSettings({ AUTH_JWT_PUBLIC_KEY: rsa.publicKey })?.publicKey?.algorithm).toBe('RS256');
    expect(readJwtSettings({ AUTH_JWT_PUBLIC_KEY: ec.publicKey.replace(/\n/g, '\\n') })?.publicKey?.algorithm).toBe('ES256');
    expect(() => readJwtSettings({ AUTH_JWT_PUBLIC_KEY: 'not a key' })).toThrowError(/^AUTH_JWT_PUBLIC_KEY: not a PEM public key/);
    expect(() => readJwtSettings({ AUTH_JWT_SECRET: SECRET, AUTH_JWT_CLOCK_SKEW_S: '3600' })).toThrowError(/^AUTH_JWT_CLOCK_SKEW_S/);
  });

  it('reads the public key from AUTH_JWT_PUBLIC_KEY_FILE', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'jwt-')), 'key.pem');
    writeFileSync(file, ec.publicKey);
    expect(readJwtSettings({ AUTH_JWT_PUBLIC_KEY_FILE: file })?.publicKey?.algorithm).toBe('ES256');
  });

  it('parses token lifetimes', () => {
    expect(parseTtl('90s')).toBe(90);
    expect(parseTtl('1h')).toBe(3600);
    expect(() => parseTtl('forever')).toThrowError(/--ttl/);
  });
});

describe('the key matcher under many candidates', () => {
  it('answers the same for a candidate seen before, and after more candidates than it remembers', () => {
    const match = createKeyMatcher(['right-key-0123456789']);
    expect(match('right-key-0123456789')).toMatchObject({ kind: 'key' });
    expect(match('wrong-key')).toBeUndefined();
    for (let i = 0; i < 1_000; i++) expect(match(`guess-${i}`)).toBeUndefined();
    expect(match('wrong-key')).toBeUndefined();
    expect(match('right-key-0123456789')).toMatchObject({ kind: 'key' });
    expect(match('right-key-0123456789')).toMatchObject({ kind: 'key' });
  });
});
