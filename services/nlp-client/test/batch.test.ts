import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadStandaloneTagger } from '@nlp-api/english';
import { createLogger } from '@nlp-api/service-kit';
import { createProseApp } from '../../prose-app/src/app.js';
import { loadNlpEngine } from '../../prose-app/src/nlp/index.js';
import { createRakeApp } from '../../rake-app/src/app.js';
import { createGatewayApp } from '../src/app.js';
import { createUpstream } from '../src/upstream.js';

const KEY = 'batch-key';
const auth = { Authorization: `Bearer ${KEY}` };
const logger = createLogger('batch-test', 'silent');
const settings = { auth: { keys: [KEY] }, maxTextBytes: 2_000 };
const TEXTS = [
  'The Internet is the global system of interconnected computer networks that use the Internet protocol suite to link devices worldwide.',
  'Angela Merkel met Emmanuel Macron in Paris on Monday.',
  '',
];

let servers: Server[] = [];
let gateway: ReturnType<typeof createGatewayApp>;

async function serve(app: RequestListener): Promise<URL> {
  const server: Server = await new Promise((resolve) => {
    const s = createServer(app).listen(0, '127.0.0.1', () => resolve(s));
  });
  servers.push(server);
  return new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
}

beforeAll(async () => {
  const rake = await serve(createRakeApp(settings, logger, { tagger: loadStandaloneTagger() }));
  const prose = await serve(createProseApp(settings, { engine: loadNlpEngine() }, logger));
  gateway = createGatewayApp(
    { ...settings, upstreamTimeoutMs: 5_000, batchMaxDocuments: 5 },
    { rake: createUpstream('rake-app', rake), prose: createUpstream('prose-app', prose) },
    logger,
  );
});
afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  servers = [];
});

describe('batch endpoints', () => {
  it.each(['keywords', 'tokens', 'entities'] as const)('answers /batch/%s with exactly what the single endpoint answers, per document', async (kind) => {
    const res = await request(gateway)
      .post(`/batch/${kind}`)
      .set(auth)
      .send({ documents: TEXTS.map((text, i) => ({ id: `doc-${i}`, text })) });
    expect(res.status).toBe(200);
    expect(res.body.errors).toEqual([]);
    expect(res.body.results.map((r: { index: number; id: string }) => [r.index, r.id])).toEqual([[0, 'doc-0'], [1, 'doc-1'], [2, 'doc-2']]);
    for (const [i, text] of TEXTS.entries()) {
      const single = await request(gateway).post(`/${kind}`).set(auth).send({ text });
      expect(res.body.results[i][kind]).toEqual(single.body);
    }
  });

  it('applies the options sent beside the documents to each of them', async () => {
    const res = await request(gateway).post('/batch/keywords').set(auth).send({ limit: 1, documents: [{ text: TEXTS[0] }] });
    expect(res.body.results[0].keywords).toEqual([{ candidate: 'interconnected computer networks', score: 9 }]);
  });

  it.each(['positionrank', 'multipartiterank'])('answers /batch/keywords with "algorithm": "%s" as the single endpoint does', async (algorithm) => {
    const res = await request(gateway)
      .post('/batch/keywords')
      .set(auth)
      .send({ algorithm, limit: 3, documents: TEXTS.map((text) => ({ text })) });
    expect(res.status).toBe(200);
    expect(res.body.errors).toEqual([]);
    for (const [i, text] of TEXTS.entries()) {
      const single = await request(gateway).post('/keywords').set(auth).send({ text, algorithm, limit: 3 });
      expect(single.status).toBe(200);
      expect(res.body.results[i].keywords).toEqual(single.body);
    }
    expect(res.body.results[1].keywords.map((k: { candidate: string }) => k.candidate)).toEqual(expect.arrayContaining(['Angela Merkel', 'Emmanuel Macron']));
  });

  it('answers 200 with the good documents in results and the bad ones in errors', async () => {
    const res = await request(gateway)
      .post('/batch/entities')
      .set(auth)
      .send({ documents: [{ id: 'ok', text: TEXTS[1] }, { id: 'number', text: 42 }, { text: 'x'.repeat(2_001) }, 'not an object'] });
    expect(res.status).toBe(200);
    expect(res.body.results.map((r: { index: number }) => r.index)).toEqual([0]);
    expect(res.body.errors).toEqual([
      { index: 1, id: 'number', code: 'INVALID_REQUEST', message: '"text" is required and must be a string' },
      { index: 2, code: 'PAYLOAD_TOO_LARGE', message: '"text" is 2001 bytes of UTF-8; the limit is 2000 bytes' },
      { index: 3, code: 'INVALID_REQUEST', message: 'a document must be an object {"id"?, "text"}' },
    ]);
  });

  it("checks the options with the single endpoint's rules: one that does not fit the algorithm is each document's error", async () => {
    const res = await request(gateway)
      .post('/batch/keywords')
      .set(auth)
      .send({ algorithm: 'multipartiterank', stoplist: 'fox', documents: [{ id: 'a', text: TEXTS[0] }] });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      results: [],
      errors: [
        {
          index: 0,
          id: 'a',
          code: 'INVALID_REQUEST',
          message: '"stoplist" applies only to "algorithm": "rake" or "yake" (multipartiterank candidates are noun phrases found by part of speech)',
        },
      ],
    });
  });

  it("reports a backend's refusal of one document as that document's error", async () => {
    const res = await request(gateway).post('/batch/keywords').set(auth).send({ limit: 0, documents: [{ text: 'a b' }] });
    expect(res.status).toBe(200);
    expect(res.body.errors[0]).toMatchObject({ index: 0, code: 'INVALID_REQUEST' });
  });

  it.each([
    ['more documents than the limit', { documents: Array.from({ length: 6 }, () => ({ text: 'x' })) }, 413, 'TOO_MANY_DOCUMENTS'],
    ['no documents', { documents: [] }, 400, 'INVALID_REQUEST'],
    ['documents that are not an array', { documents: 'x' }, 400, 'INVALID_REQUEST'],
    ['a text at the top level', { text: 'x', documents: [{ text: 'x' }] }, 400, 'INVALID_REQUEST'],
  ])('rejects %s', async (_label, body, status, code) => {
    const res = await request(gateway).post('/batch/tokens').set(auth).send(body);
    expect(res.status).toBe(status);
    expect(res.body.code).toBe(code);
  });

  it('rejects invalid JSON with 400 and a missing key with 401', async () => {
    expect((await request(gateway).post('/batch/tokens').set(auth).set('Content-Type', 'application/json').send('{"documents":')).body.code).toBe('INVALID_JSON');
    expect((await request(gateway).post('/batch/tokens').send({ documents: [{ text: 'x' }] })).status).toBe(401);
  });
});

describe('a batch whose backend is down', () => {
  it('fails as a whole with the upstream error when every document failed upstream', async () => {
    const down = createUpstream('rake-app', new URL('http://127.0.0.1:1'));
    const app = createGatewayApp({ ...settings, upstreamTimeoutMs: 1_000 }, { rake: down, prose: down }, logger);
    const res = await request(app).post('/batch/keywords').set(auth).send({ documents: [{ text: 'a' }, { text: 'b' }] });
    expect(res.status).toBe(502);
    expect(res.body).toMatchObject({ code: 'UPSTREAM_UNREACHABLE', upstream: 'rake-app' });
  });
});
