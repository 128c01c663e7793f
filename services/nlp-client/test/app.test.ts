import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import request from 'supertest';
import { createLogger } from '@nlp-api/service-kit';
import { createGatewayApp } from '../src/app.js';
import { createUpstream } from '../src/upstream.js';
import { freePort } from '../../../scripts/lib/processes.js';
import { fakeBackend, type Behaviour } from './support/fake-backend.js';

const KEY = 'gateway-test-key';
const auth = { Authorization: `Bearer ${KEY}` };
const logger = createLogger('nlp-client-test', 'silent');

const json = (status: number, body: unknown): Behaviour => (_req, res) => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
};

/** A loopback port nothing listens on (freed a moment ago). */
async function closedPort(): Promise<URL> {
  return new URL(`http://127.0.0.1:${await freePort()}`);
}

describe('the gateway', () => {
  let rake: Awaited<ReturnType<typeof fakeBackend>>;
  let prose: Awaited<ReturnType<typeof fakeBackend>>;
  let app: ReturnType<typeof createGatewayApp>;
  const settings = { auth: { keys: [KEY] }, maxTextBytes: 1_000, upstreamTimeoutMs: 300 };

  beforeAll(async () => {
    rake = await fakeBackend();
    prose = await fakeBackend();
    app = createGatewayApp(settings, { rake: createUpstream('rake-app', rake.url), prose: createUpstream('prose-app', prose.url) }, logger);
  });
  afterAll(async () => {
    await rake.close();
    await prose.close();
  });
  beforeEach(() => {
    rake.seen.length = 0;
    prose.seen.length = 0;
    rake.behave(json(200, [{ candidate: 'a', score: 1 }]));
    prose.behave(json(200, []));
  });

  it('forwards /keywords to rake-app with the key and the request id, and returns its answer', async () => {
    const res = await request(app).post('/keywords').set(auth).set('X-Request-Id', 'req-42').send({ text: 'hello world', limit: 3 });
    expect(res.status).toBe(200);
    expect(res.body).toEqual([{ candidate: 'a', score: 1 }]);
    expect(res.headers['x-request-id']).toBe('req-42');
    expect(rake.seen).toHaveLength(1);
    expect(rake.seen[0]).toMatchObject({ method: 'POST', url: '/keywords', body: '{"text":"hello world","limit":3}' });
    expect(rake.seen[0]?.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(rake.seen[0]?.headers['x-request-id']).toBe('req-42');
    expect(rake.seen[0]?.headers['content-type']).toBe('application/json');
  });

  it.each([
    ['/tokens', '/tokens'],
    ['/entities', '/entities'],
    ['/sentences', '/sentences'],
  ])('forwards %s to prose-app', async (path, backendPath) => {
    prose.behave(json(200, [{ text: 'x' }]));
    const res = await request(app).post(path).set(auth).send({ text: 'x' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual([{ text: 'x' }]);
    expect(prose.seen[0]?.url).toBe(backendPath);
    expect(rake.seen).toHaveLength(0);
  });

  it('generates a request id when the client sent none and forwards the same one', async () => {
    const res = await request(app).post('/keywords').set(auth).send({ text: 'x' });
    const id = res.headers['x-request-id'];
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(rake.seen[0]?.headers['x-request-id']).toBe(id);
  });

  it("passes on the backend's own error status and body", async () => {
    // A backend older than the gateway, say, that does not know the algorithm yet.
    const refusal = { message: '"algorithm" must be one of "rake", "yake"', code: 'INVALID_REQUEST' };
    rake.behave(json(400, refusal));
    const res = await request(app).post('/keywords').set(auth).send({ text: 'x', algorithm: 'positionrank' });
    expect(res.status).toBe(400);
    expect(res.body).toEqual(refusal);
  });

  it('forwards a keywords request with an algorithm and its options byte for byte', async () => {
    const body = '{"text":"hello world",  "algorithm":"positionrank","limit":5,"maxWords":3,"minScore":0.01,"minFrequency":1}';
    const res = await request(app).post('/keywords').set(auth).set('Content-Type', 'application/json').send(body);
    expect(res.status).toBe(200);
    expect(rake.seen.map((seen) => seen.body)).toEqual([body]);
  });

  it.each([
    [{ algorithm: 'multipartiterank', stoplist: 'fox' }, '"stoplist" applies only to "algorithm": "rake" or "yake"'],
    [{ algorithm: 'positionrank', maxScore: 1 }, '"maxScore" applies only to "algorithm": "yake"'],
    [{ algorithm: 'textrank' }, '"algorithm" must be one of "rake", "yake", "positionrank", "multipartiterank"'],
    [{ limit: -1 }, '"limit" must be a whole number from 1 to 10000'],
  ])('answers keyword options %j that do not fit with 400 naming the field, without asking rake-app', async (options, message) => {
    const res = await request(app).post('/keywords').set(auth).send({ text: 'x', ...options });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('INVALID_REQUEST');
    expect(res.body.message).toContain(message);
    expect(rake.seen).toHaveLength(0);
  });

  it('forwards the algorithm and its options beside a batch to every document', async () => {
    const res = await request(app)
      .post('/batch/keywords')
      .set(auth)
      .send({ algorithm: 'multipartiterank', limit: 2, documents: [{ id: 'a', text: 'one' }, { text: 'two' }] });
    expect(res.status).toBe(200);
    expect(res.body.results).toHaveLength(2);
    expect(rake.seen.map((seen) => JSON.parse(seen.body)).sort((x, y) => x.text.localeCompare(y.text))).toEqual([
      { algorithm: 'multipartiterank', limit: 2, text: 'one' },
      { algorithm: 'multipartiterank', limit: 2, text: 'two' },
    ]);
  });

  it('validates at the edge: no key, bad JSON, missing text and oversized text never reach a backend', async () => {
    expect((await request(app).post('/keywords').send({ text: 'x' })).status).toBe(401);
    expect((await request(app).post('/keywords').set(auth).set('Content-Type', 'application/json').send('{oops')).status).toBe(400);
    expect((await request(app).post('/tokens').set(auth).send({ words: 'x' })).status).toBe(400);
    expect((await request(app).post('/entities').set(auth).send({ text: 'x'.repeat(1_001) })).status).toBe(413);
    expect(rake.seen).toHaveLength(0);
    expect(prose.seen).toHaveLength(0);
  });

  it('answers 504 naming the backend when it is slower than the timeout', async () => {
    prose.behave((_req, res) => {
      setTimeout(() => json(200, [])(_req, res, '', 1), 1_000);
    });
    const started = Date.now();
    const res = await request(app).post('/tokens').set(auth).send({ text: 'x' });
    expect(res.status).toBe(504);
    expect(res.body).toMatchObject({ code: 'UPSTREAM_TIMEOUT', upstream: 'prose-app' });
    expect(res.body.message).toContain('prose-app');
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('answers 502 when the backend cuts the response short', async () => {
    rake.behave((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
      res.write('[{"candidate":');
      setTimeout(() => res.socket?.destroy(), 20);
    });
    const res = await request(app).post('/keywords').set(auth).send({ text: 'x' });
    expect(res.status).toBe(502);
    expect(res.body).toMatchObject({ code: 'UPSTREAM_BAD_RESPONSE', upstream: 'rake-app' });
  });

  it('answers 502 when the backend resets the connection', async () => {
    rake.behave((req) => req.socket.destroy());
    const res = await request(app).post('/keywords').set(auth).send({ text: 'x' });
    expect(res.status).toBe(502);
    expect(res.body.upstream).toBe('rake-app');
  });

  it('reports /ready as 200 with both backends up', async () => {
    rake.behave(json(200, { status: 'UP' }));
    prose.behave(json(200, { status: 'UP' }));
    const res = await request(app).get('/ready');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'UP', checks: { 'rake-app': 'UP', 'prose-app': 'UP' } });
  });

  it('reports /ready as 503 naming the backend that is not ready', async () => {
    rake.behave(json(200, { status: 'UP' }));
    prose.behave(json(503, { code: 'NOT_READY', message: 'loading' }));
    const res = await request(app).get('/ready');
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({ code: 'NOT_READY', status: 'DOWN', checks: { 'rake-app': 'UP', 'prose-app': 'DOWN' } });
    expect(res.body.message).toContain('prose-app');
  });

  it('lists its routes in a stable order', async () => {
    const res = await request(app).get('/routes').set(auth);
    expect(res.body).toEqual([
      { method: 'POST', path: '/batch/entities', name: 'batch-entities' },
      { method: 'POST', path: '/batch/keywords', name: 'batch-keywords' },
      { method: 'POST', path: '/batch/tokens', name: 'batch-tokens' },
      { method: 'POST', path: '/entities', name: 'entities' },
      { method: 'GET', path: '/health', name: 'health' },
      { method: 'POST', path: '/keywords', name: 'keywords' },
      { method: 'GET', path: '/metrics', name: 'metrics' },
      { method: 'GET', path: '/ready', name: 'ready' },
      { method: 'GET', path: '/routes', name: 'routes' },
      { method: 'POST', path: '/sentences', name: 'sentences' },
      { method: 'POST', path: '/tokens', name: 'tokens' },
    ]);
  });

  it('answers /health without a key and without asking the backends', async () => {
    const res = await request(app).get('/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'UP' });
    expect(rake.seen).toHaveLength(0);
  });
});

describe('the gateway with a backend that is down', () => {
  it('answers 502 naming the backend, promptly', async () => {
    const down = await closedPort();
    const app = createGatewayApp(
      { auth: { keys: [KEY] }, maxTextBytes: 1_000, upstreamTimeoutMs: 2_000 },
      { rake: createUpstream('rake-app', down), prose: createUpstream('prose-app', down) },
      logger,
    );
    const res = await request(app).post('/keywords').set(auth).send({ text: 'x' });
    expect(res.status).toBe(502);
    expect(res.body).toMatchObject({ code: 'UPSTREAM_UNREACHABLE', upstream: 'rake-app' });
    expect(res.body.message).toContain('ECONNREFUSED');
    const ready = await request(app).get('/ready');
    expect(ready.status).toBe(503);
    expect(ready.body.checks).toEqual({ 'rake-app': 'DOWN', 'prose-app': 'DOWN' });
  });
});
