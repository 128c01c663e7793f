import { Writable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { pino } from 'pino';
import request from 'supertest';
import { describe, expect, it, vi } from 'vitest';
import { createLogger, createMetrics, createServiceApp, HttpError, textEndpoint, type Readiness } from '../src/index.js';

const KEY = 'test-key-123';
const logger = createLogger('test', 'silent');

function buildApp(readiness: Readiness = { ready: true }) {
  return createServiceApp({
    name: 'test-app',
    auth: { keys: [KEY, 'second-key'] },
    logger,
    readiness: () => readiness,
    routes: [
      { method: 'POST', path: '/echo', name: 'echo', handler: textEndpoint(20, ({ text }) => ({ length: text.length })) },
      {
        method: 'POST',
        path: '/explode',
        name: 'explode',
        handler: textEndpoint(100, () => {
          throw new Error('boom');
        }),
      },
      {
        method: 'POST',
        path: '/teapot',
        name: 'teapot',
        handler: textEndpoint(100, () => {
          throw new HttpError(418, 'TEAPOT', 'short and stout');
        }),
      },
    ],
  });
}

const auth = { Authorization: `Bearer ${KEY}` };

describe('authentication', () => {
  const app = buildApp();

  it('rejects a missing bearer key with 401 and a Bearer challenge', async () => {
    const res = await request(app).post('/echo').send({ text: 'hi' });
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
    expect(res.body).toEqual({ message: expect.any(String), code: 'UNAUTHORIZED' });
  });

  it('rejects a wrong key with 401 and does not echo it', async () => {
    const res = await request(app).post('/echo').set('Authorization', 'Bearer wrong-key').send({ text: 'hi' });
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toContain('invalid_token');
    expect(JSON.stringify(res.body)).not.toContain('wrong-key');
  });

  it('rejects a scheme other than Bearer', async () => {
    const res = await request(app).post('/echo').set('Authorization', `Basic ${KEY}`).send({ text: 'hi' });
    expect(res.status).toBe(401);
  });

  it('accepts every key of a comma-separated rotation list', async () => {
    for (const key of [KEY, 'second-key']) {
      const res = await request(app).post('/echo').set('Authorization', `Bearer ${key}`).send({ text: 'hi' });
      expect(res.status).toBe(200);
    }
  });

  it('requires the key for /routes but not for /health or /ready', async () => {
    expect((await request(app).get('/routes')).status).toBe(401);
    expect((await request(app).get('/health')).status).toBe(200);
    expect((await request(app).get('/ready')).status).toBe(200);
  });

  it('checks the key before reading the body', async () => {
    const res = await request(app).post('/echo').set('Content-Type', 'application/json').send('{not json');
    expect(res.status).toBe(401);
  });
});

describe('request bodies', () => {
  const app = buildApp();

  it('answers a valid request', async () => {
    const res = await request(app).post('/echo').set(auth).send({ text: 'hello' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ length: 5 });
  });

  it('accepts JSON sent as application/x-www-form-urlencoded, as curl -d does', async () => {
    const res = await request(app)
      .post('/echo')
      .set(auth)
      .set('Content-Type', 'application/x-www-form-urlencoded')
      .send('{"text":"hello"}');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ length: 5 });
  });

  it('accepts JSON with no Content-Type at all', async () => {
    const res = await request(app).post('/echo').set(auth).unset('Content-Type').send(Buffer.from('{"text":"abc"}'));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ length: 3 });
  });

  it.each([
    ['invalid JSON', '{"text": ', 'INVALID_JSON'],
    ['an empty body', '', 'INVALID_JSON'],
    ['a JSON array', '["text"]', 'INVALID_REQUEST'],
    ['JSON null', 'null', 'INVALID_REQUEST'],
    ['a missing text', '{"txt":"x"}', 'INVALID_REQUEST'],
    ['a numeric text', '{"text":42}', 'INVALID_REQUEST'],
    ['a null text', '{"text":null}', 'INVALID_REQUEST'],
  ])('rejects %s with 400', async (_label, body, code) => {
    const res = await request(app).post('/echo').set(auth).set('Content-Type', 'application/json').send(body);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe(code);
    expect(typeof res.body.message).toBe('string');
  });

  it('rejects text over the byte limit with 413, counting UTF-8 bytes', async () => {
    const ok = await request(app).post('/echo').set(auth).send({ text: 'x'.repeat(20) });
    expect(ok.status).toBe(200);
    const tooLong = await request(app).post('/echo').set(auth).send({ text: 'é'.repeat(11) });
    expect(tooLong.status).toBe(413);
    expect(tooLong.body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('rejects a body far over the limit with 413 before parsing it', async () => {
    const res = await request(app)
      .post('/echo')
      .set(auth)
      .set('Content-Type', 'application/json')
      .send(`{"text":"${'a'.repeat(200_000)}"}`);
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('PAYLOAD_TOO_LARGE');
  });
});

describe('errors and routing', () => {
  const app = buildApp();

  it('answers an unknown path with a JSON 404', async () => {
    const res = await request(app).get('/nope').set(auth);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('NOT_FOUND');
  });

  it('answers a wrong method with 405 and an Allow header', async () => {
    const res = await request(app).get('/echo').set(auth);
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('POST, OPTIONS');
    expect(res.body.code).toBe('METHOD_NOT_ALLOWED');
    const health = await request(app).post('/health');
    expect(health.status).toBe(405);
    expect(health.headers.allow).toBe('GET, HEAD, OPTIONS');
  });

  it('answers OPTIONS with 204 and the Allow header', async () => {
    const res = await request(app).options('/echo');
    expect(res.status).toBe(204);
    expect(res.headers.allow).toBe('POST, OPTIONS');
  });

  it('turns an error thrown in a handler into a JSON 500 and keeps serving', async () => {
    const res = await request(app).post('/explode').set(auth).send({ text: 'x' });
    expect(res.status).toBe(500);
    expect(res.body).toEqual({ message: expect.any(String), code: 'INTERNAL' });
    expect(JSON.stringify(res.body)).not.toContain('boom');
    const after = await request(app).post('/echo').set(auth).send({ text: 'x' });
    expect(after.status).toBe(200);
  });

  it('passes an HttpError through with its own status and code', async () => {
    const res = await request(app).post('/teapot').set(auth).send({ text: 'x' });
    expect(res.status).toBe(418);
    expect(res.body).toEqual({ message: 'short and stout', code: 'TEAPOT' });
  });

  it('does not advertise the framework', async () => {
    const res = await request(app).get('/health');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });
});

describe('health, readiness and routes', () => {
  it('reports health as {"status":"UP"}', async () => {
    const res = await request(buildApp({ ready: false })).get('/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'UP' });
  });

  it('answers /ready with 503 naming what is not ready', async () => {
    const res = await request(buildApp({ ready: false, checks: { 'prose-app': 'DOWN' }, reason: 'prose-app is not ready' })).get(
      '/ready',
    );
    expect(res.status).toBe(503);
    expect(res.body).toEqual({
      message: 'prose-app is not ready',
      code: 'NOT_READY',
      status: 'DOWN',
      checks: { 'prose-app': 'DOWN' },
    });
  });

  it('lists routes in a stable order as [{method, path, name}]', async () => {
    const res = await request(buildApp()).get('/routes').set(auth);
    expect(res.status).toBe(200);
    expect(res.body).toEqual([
      { method: 'POST', path: '/echo', name: 'echo' },
      { method: 'POST', path: '/explode', name: 'explode' },
      { method: 'GET', path: '/health', name: 'health' },
      { method: 'GET', path: '/metrics', name: 'metrics' },
      { method: 'GET', path: '/ready', name: 'ready' },
      { method: 'GET', path: '/routes', name: 'routes' },
      { method: 'POST', path: '/teapot', name: 'teapot' },
    ]);
  });
});

describe('request ids', () => {
  const app = buildApp();

  it('generates an X-Request-Id when the client sent none', async () => {
    const res = await request(app).get('/health');
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('returns the client id when it is plain', async () => {
    const res = await request(app).get('/health').set('X-Request-Id', 'abc-123');
    expect(res.headers['x-request-id']).toBe('abc-123');
  });

  it('replaces an id that could forge log lines', async () => {
    const res = await request(app).get('/health').set('X-Request-Id', 'a b"\\c');
    expect(res.headers['x-request-id']).not.toBe('a b"\\c');
  });
});

describe('the two paths to an API endpoint', () => {
  // POST /echo is found in the map of exact paths; /ECHO/ is routed by express to the same endpoint.
  // Both run the one lifecycle, so whatever the request, they must answer alike.
  const app = buildApp();
  const comparable = (res: request.Response) => ({
    status: res.status,
    body: res.body as unknown,
    contentType: res.headers['content-type'],
    security: ['x-content-type-options', 'x-frame-options', 'content-security-policy', 'referrer-policy', 'cache-control'].map(
      (name) => res.headers[name],
    ),
    challenge: res.headers['www-authenticate'],
    requestId: res.headers['x-request-id'],
  });
  const cases: [string, (path: string) => request.Test][] = [
    ['a valid request', (path) => request(app).post(path).set(auth).set('X-Request-Id', 'same-1').send({ text: 'hello' })],
    ['no credential', (path) => request(app).post(path).set('X-Request-Id', 'same-2').send({ text: 'hello' })],
    ['a wrong key', (path) => request(app).post(path).set('Authorization', 'Bearer nope').set('X-Request-Id', 'same-3').send({ text: 'x' })],
    ['broken JSON', (path) => request(app).post(path).set(auth).set('X-Request-Id', 'same-4').type('json').send('{"text": ')],
    ['an empty body', (path) => request(app).post(path).set(auth).set('X-Request-Id', 'same-5')],
    ['a JSON array', (path) => request(app).post(path).set(auth).set('X-Request-Id', 'same-6').send([1, 2])],
    ['text over the limit', (path) => request(app).post(path).set(auth).set('X-Request-Id', 'same-7').send({ text: 'x'.repeat(21) })],
    ['a body over the limit', (path) => request(app).post(path).set(auth).set('X-Request-Id', 'same-8').send({ text: 'y'.repeat(300_000) })],
    ['text of the wrong type', (path) => request(app).post(path).set(auth).set('X-Request-Id', 'same-9').send({ text: 42 })],
  ];

  it.each(cases)('%s', async (_name, send) => {
    const lane = comparable(await send('/echo'));
    const viaExpress = comparable(await send('/ECHO/'));
    expect(lane).toEqual(viaExpress);
    expect(lane.contentType).toBe('application/json; charset=utf-8');
  });

  it('answers an error thrown by the computation alike on both paths', async () => {
    const lane = await request(app).post('/explode').set(auth).send({ text: 'x' });
    const viaExpress = await request(app).post('/explode/').set(auth).send({ text: 'x' });
    expect(lane.status).toBe(500);
    expect(lane.body).toEqual(viaExpress.body);
    const teapot = await request(app).post('/teapot').set(auth).send({ text: 'x' });
    expect(teapot.status).toBe(418);
    expect(teapot.body).toEqual((await request(app).post('/Teapot').set(auth).send({ text: 'x' })).body);
  });

  it.each(['/echo', '/ECHO/'])('inflates a gzip body on %s', async (path) => {
    const body = gzipSync(Buffer.from(JSON.stringify({ text: 'hello' })));
    const res = await request(app).post(path).set(auth).set('Content-Encoding', 'gzip').type('application/octet-stream').send(body);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ length: 5 });
  });

  it.each(['/echo', '/ECHO/'])('refuses an unknown Content-Encoding with 415 and a corrupt gzip body with 400 on %s', async (path) => {
    const unknown = await request(app).post(path).set(auth).set('Content-Encoding', 'zstd').send({ text: 'hello' });
    expect(unknown.status).toBe(415);
    expect(unknown.body).toEqual({ code: 'UNSUPPORTED_ENCODING', message: expect.stringContaining('zstd') });
    const gzip = gzipSync(Buffer.from(JSON.stringify({ text: 'hello' })));
    const corrupt = await request(app).post(path).set(auth).set('Content-Encoding', 'gzip').type('application/octet-stream').send(gzip.subarray(0, 12));
    expect(corrupt.status).toBe(400);
    expect(corrupt.body).toEqual({ code: 'INVALID_BODY', message: 'the request body is not valid gzip data' });
  });

  it('counts and logs each request once, whichever way it was routed', async () => {
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>);
        done();
      },
    });
    const metrics = createMetrics('counted', { processMetrics: false });
    const counted = createServiceApp({
      name: 'counted',
      auth: { keys: [KEY] },
      logger: pino({ level: 'info' }, sink),
      metrics,
      readiness: () => ({ ready: true }),
      routes: [{ method: 'POST', path: '/echo', name: 'echo', handler: textEndpoint(20, ({ text }) => ({ length: text.length })) }],
    });
    await request(counted).post('/echo').set(auth).set('X-Request-Id', 'exact-1').send({ text: 'a' });
    await request(counted).post('/ECHO/').set(auth).set('X-Request-Id', 'routed-1').send({ text: 'a' });
    await request(counted).post('/echo').set('X-Request-Id', 'refused-1').send({ text: 'a' });
    await vi.waitFor(() => expect(lines).toHaveLength(3));
    expect(lines.map((line) => [line.requestId, line.status, line.principal])).toEqual([
      ['exact-1', 200, expect.stringMatching(/^key:/)],
      ['routed-1', 200, expect.stringMatching(/^key:/)],
      ['refused-1', 401, undefined],
    ]);
    const text = await metrics.registry.metrics();
    expect(text).toContain('http_requests_total{method="POST",route="/echo",status="200",service="counted"} 2');
    expect(text).toContain('http_requests_total{method="POST",route="/echo",status="401",service="counted"} 1');
  });

  it('runs the guards after authentication on both paths', async () => {
    let seen: string[] = [];
    const guarded = createServiceApp({
      name: 'guarded',
      auth: { keys: [KEY] },
      logger,
      readiness: () => ({ ready: true }),
      afterAuth: [
        (principal, res) => {
          seen.push(principal.id);
          res.setHeader('X-Guard', 'seen');
          return seen.length > 2 ? new HttpError(429, 'RATE_LIMITED', 'slow down', { 'Retry-After': '7' }) : undefined;
        },
      ],
      routes: [{ method: 'POST', path: '/echo', name: 'echo', handler: textEndpoint(20, ({ text }) => ({ length: text.length })) }],
    });
    const first = await request(guarded).post('/echo').set(auth).send({ text: 'a' });
    const second = await request(guarded).post('/echo/').set(auth).send({ text: 'a' });
    expect([first.status, second.status]).toEqual([200, 200]);
    expect([first.headers['x-guard'], second.headers['x-guard']]).toEqual(['seen', 'seen']);
    const third = await request(guarded).post('/echo').set(auth).send({ text: 'a' });
    expect(third.status).toBe(429);
    expect(third.headers['retry-after']).toBe('7');
    expect(third.body.code).toBe('RATE_LIMITED');
    expect(seen).toHaveLength(3);
    expect(seen[0]).toMatch(/^key:[0-9a-f]{8}$/);
    seen = [];
    const anonymous = await request(guarded).post('/echo').send({ text: 'a' });
    expect(anonymous.status).toBe(401);
    expect(seen).toEqual([]);
  });
});
