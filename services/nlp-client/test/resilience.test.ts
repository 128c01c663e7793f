import request from 'supertest';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '@nlp-api/service-kit';
import { createGatewayApp } from '../src/app.js';
import { createUpstream, looksLikeJson } from '../src/upstream.js';
import { fakeBackend, type Behaviour, type FakeBackend } from './support/fake-backend.js';
import { waitFor } from '../../../scripts/lib/processes.js';

const auth = { Authorization: 'Bearer k' };
const logger = createLogger('resilience-test', 'silent');

let behaviour: Behaviour;
let backend: FakeBackend;
/** Calls that reached the backend, readiness probes aside. */
const hits = (): number => backend.seen.filter((s) => s.url !== '/ready').length;

beforeAll(async () => {
  backend = await fakeBackend((req, res, body, nth) => behaviour(req, res, body, nth));
});
afterAll(() => backend.close());
beforeEach(() => {
  backend.seen.length = 0;
});

const ok: Behaviour = (_req, res) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end('[{"candidate":"x","score":1}]');
};

function gateway(cooldownMs = 60_000) {
  const upstream = createUpstream('rake-app', backend.url, { connectTimeoutMs: 1_000, breaker: { failureThreshold: 3, cooldownMs } });
  return createGatewayApp({ auth: { keys: ['k'] }, maxTextBytes: 1_000, upstreamTimeoutMs: 1_000 }, { rake: upstream, prose: upstream }, logger);
}

describe('a backend that answers garbage', () => {
  it.each([
    ['HTML', 'text/html', '<html>oops</html>'],
    ['plain text with a JSON content type', 'application/json', 'Internal Server Error'],
    ['a JSON body cut short', 'application/json', '[{"candidate":"x"'],
    ['an empty body', 'application/json', ''],
  ])('answers 502 for %s', async (_label, type, body) => {
    behaviour = (_req, res) => {
      res.writeHead(200, { 'content-type': type });
      res.end(body);
    };
    const res = await request(gateway()).post('/keywords').set(auth).send({ text: 'x' });
    expect(res.status).toBe(502);
    expect(res.body).toMatchObject({ code: 'UPSTREAM_BAD_RESPONSE', upstream: 'rake-app' });
  });
});

describe('the circuit breaker in the gateway', () => {
  it('stops calling a backend after repeated failures, answering 503 with Retry-After at once', async () => {
    behaviour = (req) => req.socket.destroy();
    const app = gateway();
    for (let i = 0; i < 3; i++) expect((await request(app).post('/keywords').set(auth).send({ text: 'x' })).status).toBe(502);
    expect(hits()).toBe(3);
    const refused = await request(app).post('/keywords').set(auth).send({ text: 'x' });
    expect(refused.status).toBe(503);
    expect(refused.body).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', upstream: 'rake-app' });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(hits()).toBe(3);
  });

  it('recovers by itself after the cooldown once the backend is back', async () => {
    behaviour = (req) => req.socket.destroy();
    const app = gateway(200);
    for (let i = 0; i < 3; i++) await request(app).post('/keywords').set(auth).send({ text: 'x' });
    expect((await request(app).post('/keywords').set(auth).send({ text: 'x' })).status).toBe(503);
    behaviour = ok;
    // Calls fail fast while the breaker is open; the first after the 200 ms cooldown is let through.
    await waitFor(async () => (await request(app).post('/keywords').set(auth).send({ text: 'x' })).status === 200, 5_000, 'the breaker to let a call through');
    expect((await request(app).post('/keywords').set(auth).send({ text: 'x' })).status).toBe(200);
  });

  it('closes as soon as a readiness probe finds the backend back', async () => {
    behaviour = (req) => req.socket.destroy();
    const app = gateway();
    for (let i = 0; i < 3; i++) await request(app).post('/keywords').set(auth).send({ text: 'x' });
    expect((await request(app).post('/keywords').set(auth).send({ text: 'x' })).status).toBe(503);
    behaviour = ok;
    expect((await request(app).get('/ready')).status).toBe(200);
    expect((await request(app).post('/keywords').set(auth).send({ text: 'x' })).status).toBe(200);
  });

  it("passes a backend's own 4xx through without counting it as a failure", async () => {
    behaviour = (_req, res) => {
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end('{"message":"bad","code":"INVALID_REQUEST"}');
    };
    const app = gateway();
    for (let i = 0; i < 5; i++) expect((await request(app).post('/keywords').set(auth).send({ text: 'x' })).status).toBe(400);
  });
});

describe('looksLikeJson', () => {
  it('accepts whole objects and arrays, with white space around them', () => {
    expect(looksLikeJson(Buffer.from(' [] \n'))).toBe(true);
    expect(looksLikeJson(Buffer.from('{"a":1}'))).toBe(true);
    expect(looksLikeJson(Buffer.from('[1,2'))).toBe(false);
    expect(looksLikeJson(Buffer.from('null'))).toBe(false);
    expect(looksLikeJson(Buffer.from('   '))).toBe(false);
  });
});
