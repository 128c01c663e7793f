import { beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { createLogger } from '@nlp-api/service-kit';
import { createProseApp, type EngineSlot } from '../src/app.js';
import { loadNlpEngine } from '../src/nlp/index.js';

const KEY = 'prose-test-key';
const auth = { Authorization: `Bearer ${KEY}` };
const settings = { auth: { keys: [KEY] }, maxTextBytes: 4_000 };
const logger = createLogger('prose-test', 'silent');
const ENDPOINTS = ['/tokens', '/entities', '/sentences'] as const;

describe('prose-app with its models loaded', () => {
  const slot: EngineSlot = { engine: undefined };
  const app = createProseApp(settings, slot, logger);
  beforeAll(() => {
    slot.engine = loadNlpEngine();
  });

  it('returns tokens with Penn tags, IOB labels and offsets', async () => {
    const text = 'Barack Obama visited Paris.';
    const res = await request(app).post('/tokens').set(auth).send({ text });
    expect(res.status).toBe(200);
    expect(res.body.map((t: { text: string; tag: string; label: string }) => [t.text, t.tag, t.label])).toEqual([
      ['Barack', 'NNP', 'B-PERSON'],
      ['Obama', 'NNP', 'I-PERSON'],
      ['visited', 'VBD', 'O'],
      ['Paris', 'NNP', 'B-GPE'],
      ['.', '.', 'O'],
    ]);
    for (const token of res.body) expect(text.slice(token.start, token.end)).toBe(token.text);
  });

  it('returns entities as [{text, label, start, end}]', async () => {
    const text = 'Angela Merkel visited France on 3 May 2019.';
    const res = await request(app).post('/entities').set(auth).send({ text });
    expect(res.status).toBe(200);
    expect(res.body).toEqual(
      expect.arrayContaining([
        { text: 'Angela Merkel', label: 'PERSON', start: 0, end: 13 },
        { text: 'France', label: 'GPE', start: 22, end: 28 },
      ]),
    );
  });

  it('returns sentences with offsets', async () => {
    const res = await request(app).post('/sentences').set(auth).send({ text: 'One here. Two there!' });
    expect(res.body).toEqual([
      { text: 'One here.', start: 0, end: 9 },
      { text: 'Two there!', start: 10, end: 20 },
    ]);
  });

  it.each(ENDPOINTS)('answers [] for whitespace-only text on %s', async (path) => {
    const res = await request(app).post(path).set(auth).send({ text: ' \n\t ' });
    expect(res.status).toBe(200);
    expect(res.text).toBe('[]');
  });

  it.each(ENDPOINTS)('rejects a missing key on %s with 401', async (path) => {
    const res = await request(app).post(path).send({ text: 'x' });
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
  });

  it.each(ENDPOINTS)('rejects invalid JSON and a non-string text on %s with 400', async (path) => {
    const bad = await request(app).post(path).set(auth).set('Content-Type', 'application/json').send('{"text"');
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('INVALID_JSON');
    const wrong = await request(app).post(path).set(auth).send({ text: { nested: true } });
    expect(wrong.status).toBe(400);
    expect(wrong.body.code).toBe('INVALID_REQUEST');
  });

  it.each(ENDPOINTS)('rejects text over the limit on %s with 413', async (path) => {
    const res = await request(app).post(path).set(auth).send({ text: 'word '.repeat(801) });
    expect(res.status).toBe(413);
  });

  it.each(ENDPOINTS)('answers GET %s with 405', async (path) => {
    const res = await request(app).get(path).set(auth);
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('POST, OPTIONS');
  });

  it('is ready and lists its routes', async () => {
    expect((await request(app).get('/ready')).body).toEqual({ status: 'UP' });
    expect((await request(app).get('/routes').set(auth)).body).toEqual([
      { method: 'POST', path: '/entities', name: 'entities' },
      { method: 'GET', path: '/health', name: 'health' },
      { method: 'GET', path: '/metrics', name: 'metrics' },
      { method: 'GET', path: '/ready', name: 'ready' },
      { method: 'GET', path: '/routes', name: 'routes' },
      { method: 'POST', path: '/sentences', name: 'sentences' },
      { method: 'POST', path: '/tokens', name: 'tokens' },
    ]);
  });
});

describe('prose-app before its models have loaded', () => {
  const app = createProseApp(settings, { engine: undefined }, logger);

  it('is alive but not ready', async () => {
    expect((await request(app).get('/health')).status).toBe(200);
    const ready = await request(app).get('/ready');
    expect(ready.status).toBe(503);
    expect(ready.body).toMatchObject({ code: 'NOT_READY', status: 'DOWN' });
  });

  it('answers NLP requests with 503 rather than guessing', async () => {
    const res = await request(app).post('/tokens').set(auth).send({ text: 'hello' });
    expect(res.status).toBe(503);
    expect(res.body.code).toBe('NOT_READY');
  });
});
