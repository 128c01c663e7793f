import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@nlp-api/service-kit';
import { createGatewayApp, type GatewaySettings } from '../src/app.js';
import { createUpstream } from '../src/upstream.js';
import { fakeBackend, type FakeBackend } from './support/fake-backend.js';

const logger = createLogger('edge-test', 'silent');
let backend: FakeBackend;

beforeAll(async () => {
  backend = await fakeBackend((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('[]');
  });
});
afterAll(() => backend.close());

function gateway(extra: Partial<GatewaySettings> = {}) {
  const settings: GatewaySettings = { auth: { keys: ['alice-key', 'bob-key'] }, maxTextBytes: 1_000, upstreamTimeoutMs: 1_000, ...extra };
  return createGatewayApp(settings, { rake: createUpstream('rake-app', backend.url), prose: createUpstream('prose-app', backend.url) }, logger);
}

const call = (app: ReturnType<typeof gateway>, key: string) =>
  request(app).post('/keywords').set('Authorization', `Bearer ${key}`).send({ text: 'x' });

describe('per-client rate limiting', () => {
  it('answers 429 with Retry-After once a client has spent its burst, and counts clients apart', async () => {
    const app = gateway({ rateLimitPerMinute: 60, rateLimitBurst: 2 });
    expect((await call(app, 'alice-key')).status).toBe(200);
    const second = await call(app, 'alice-key');
    expect(second.status).toBe(200);
    expect(second.headers['ratelimit-remaining']).toBe('0');
    const limited = await call(app, 'alice-key');
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBe('1');
    expect(limited.body).toMatchObject({ code: 'RATE_LIMITED' });
    expect((await call(app, 'bob-key')).status).toBe(200);
  });

  it('never limits /health and /ready', async () => {
    const app = gateway({ rateLimitPerMinute: 60, rateLimitBurst: 1 });
    for (let i = 0; i < 5; i++) expect((await request(app).get('/health')).status).toBe(200);
  });

  it('is off when the limit is 0', async () => {
    const app = gateway({ rateLimitPerMinute: 0 });
    for (let i = 0; i < 20; i++) expect((await call(app, 'alice-key')).status).toBe(200);
  });
});

describe('security headers', () => {
  it('sets headers for a JSON API on every answer and hides the framework', async () => {
    for (const res of [await request(gateway()).get('/health'), await call(gateway(), 'wrong'), await call(gateway(), 'alice-key')]) {
      expect(res.headers).toMatchObject({
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'DENY',
        'content-security-policy': "default-src 'none';frame-ancestors 'none'",
        'referrer-policy': 'no-referrer',
        'cache-control': 'no-store',
      });
      expect(res.headers['x-powered-by']).toBeUndefined();
    }
  });
});

describe('CORS', () => {
  it('is off unless configured: no Access-Control headers for any origin', async () => {
    const res = await call(gateway(), 'alice-key').set('Origin', 'https://evil.example');
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await request(gateway()).options('/keywords').set('Origin', 'https://app.example').set('Access-Control-Request-Method', 'POST');
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('allows only the configured origins, and answers their preflight', async () => {
    const app = gateway({ corsOrigins: ['https://app.example'] });
    const preflight = await request(app)
      .options('/keywords')
      .set('Origin', 'https://app.example')
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'authorization, content-type');
    expect(preflight.status).toBe(204);
    expect(preflight.headers).toMatchObject({
      'access-control-allow-origin': 'https://app.example',
      'access-control-allow-headers': 'Authorization, Content-Type, X-Request-Id',
    });
    const allowed = await call(app, 'alice-key').set('Origin', 'https://app.example');
    expect(allowed.headers['access-control-allow-origin']).toBe('https://app.example');
    const other = await call(app, 'alice-key').set('Origin', 'https://evil.example');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });
});
