import { describe, expect, it } from 'vitest';
import request from 'supertest';
import { createLogger } from '@nlp-api/service-kit';
import { loadStandaloneTagger } from '@nlp-api/english';
import { createRakeApp, type TaggerSlot } from '../src/app.js';

const KEY = 'rake-test-key';
const auth = { Authorization: `Bearer ${KEY}` };
const settings = { auth: { keys: [KEY] }, maxTextBytes: 2_000 };
const logger = createLogger('rake-test', 'silent');
const app = createRakeApp(settings, logger, { tagger: loadStandaloneTagger() });

const SEED =
  'The Internet is the global system of interconnected computer networks that use the Internet protocol suite to link devices worldwide.';
const SEED_ANSWER =
  '[{"candidate":"interconnected computer networks","score":9},{"candidate":"link devices worldwide","score":9},' +
  '{"candidate":"internet protocol suite","score":8},{"candidate":"global system","score":4},{"candidate":"internet","score":2}]';

describe('POST /keywords', () => {
  it('answers the seed text byte for byte as the 2019 service did', async () => {
    const res = await request(app).post('/keywords').set(auth).send({ text: SEED });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.text).toBe(SEED_ANSWER);
  });

  it('accepts the body that `curl -d` sends without a Content-Type', async () => {
    const res = await request(app)
      .post('/keywords')
      .set(auth)
      .set('Content-Type', 'application/x-www-form-urlencoded')
      .send(JSON.stringify({ text: SEED }));
    expect(res.text).toBe(SEED_ANSWER);
  });

  it('answers [] rather than null for empty and whitespace-only text', async () => {
    for (const text of ['', '   \n\t ', 'the of and']) {
      const res = await request(app).post('/keywords').set(auth).send({ text });
      expect(res.status).toBe(200);
      expect(res.text).toBe('[]');
    }
  });

  it('applies limit, maxWords and minScore', async () => {
    const limited = await request(app).post('/keywords').set(auth).send({ text: SEED, limit: 2 });
    expect(limited.body.map((k: { candidate: string }) => k.candidate)).toEqual([
      'interconnected computer networks',
      'link devices worldwide',
    ]);
    const short = await request(app).post('/keywords').set(auth).send({ text: SEED, maxWords: 2 });
    expect(short.body).toEqual([
      { candidate: 'global system', score: 4 },
      { candidate: 'internet', score: 2 },
    ]);
    const strong = await request(app).post('/keywords').set(auth).send({ text: SEED, minScore: 8.5 });
    expect(strong.body).toHaveLength(2);
  });

  it.each([
    [{ limit: 0 }, '"limit"'],
    [{ limit: 2.5 }, '"limit"'],
    [{ limit: '3' }, '"limit"'],
    [{ maxWords: -1 }, '"maxWords"'],
    [{ minScore: 'high' }, '"minScore"'],
    [{ algorithm: 'textrank' }, '"algorithm"'],
    [{ algorithm: 5 }, '"algorithm"'],
    [{ algorithm: 'RAKE' }, '"algorithm"'],
    [{ stoplist: 'nltk' }, '"stoplist"'],
    [{ stoplist: 7 }, '"stoplist"'],
    [{ stoplist: { the: true } }, '"stoplist"'],
    [{ stoplist: ['the', 3] }, '"stoplist"[1]'],
    [{ stoplist: ['the', ''] }, '"stoplist"[1]'],
    [{ stoplist: ['x'.repeat(51)] }, '"stoplist"[0]'],
    [{ stoplist: Array.from({ length: 2001 }, (_, i) => `w${i}`) }, '"stoplist"'],
    [{ minChars: 0 }, '"minChars"'],
    [{ minChars: 51 }, '"minChars"'],
    [{ minChars: 2.5 }, '"minChars"'],
    [{ minFrequency: 0 }, '"minFrequency"'],
    [{ minFrequency: '2' }, '"minFrequency"'],
    [{ adjoining: 'yes' }, '"adjoining"'],
    [{ adjoining: 1 }, '"adjoining"'],
    [{ maxScore: 0.5 }, '"maxScore"'],
    [{ algorithm: 'yake', minScore: 0.1 }, '"minScore"'],
    [{ algorithm: 'yake', adjoining: true }, '"adjoining"'],
    [{ algorithm: 'yake', maxWords: 11 }, '"maxWords"'],
    [{ algorithm: 'yake', maxScore: 'low' }, '"maxScore"'],
    [{ algorithm: 'yake', limit: 0 }, '"limit"'],
    [{ algorithm: 'yake', stoplist: 'snowball' }, '"stoplist"'],
    [{ algorithm: 'positionrank', maxScore: 0.5 }, '"maxScore"'],
    [{ algorithm: 'positionrank', stoplist: 'smart' }, '"stoplist"'],
    [{ algorithm: 'multipartiterank', minChars: 3 }, '"minChars"'],
    [{ algorithm: 'multipartiterank', adjoining: true }, '"adjoining"'],
    [{ algorithm: 'multipartiterank', maxWords: 0 }, '"maxWords"'],
    [{ algorithm: 'positionrank', limit: 10_001 }, '"limit"'],
  ])('rejects an invalid option %j with 400', async (options, named) => {
    const res = await request(app).post('/keywords').set(auth).send({ text: SEED, ...options });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('INVALID_REQUEST');
    expect(res.body.message).toContain(named);
  });

  it('answers the seed text unchanged when every new option is spelled out at its default', async () => {
    const res = await request(app)
      .post('/keywords')
      .set(auth)
      .send({ text: SEED, algorithm: 'rake', stoplist: 'smart', minChars: 1, minFrequency: 1, adjoining: false });
    expect(res.text).toBe(SEED_ANSWER);
    const nulls = await request(app)
      .post('/keywords')
      .set(auth)
      .send({ text: SEED, algorithm: null, stoplist: null, minChars: null, minFrequency: null, adjoining: null, maxScore: null });
    expect(nulls.text).toBe(SEED_ANSWER);
  });

  it('applies stoplist, minChars, minFrequency and adjoining', async () => {
    const post = (body: object) => request(app).post('/keywords').set(auth).send(body);
    expect((await post({ text: 'Open problems in general relativity.', stoplist: 'fox' })).body).toEqual([
      { candidate: 'relativity', score: 1 },
    ]);
    expect((await post({ text: 'Speed is of the essence', stoplist: ['is'] })).body.map((k: { candidate: string }) => k.candidate)).toEqual([
      'of the essence',
      'speed',
    ]);
    expect((await post({ text: 'AI chips and EU law.', minChars: 3 })).body.map((k: { candidate: string }) => k.candidate)).toEqual([
      'chips',
      'law',
    ]);
    const axis = 'The axis of evil. Critics of the axis of evil. Axis of evil rhetoric.';
    const adjoined = (await post({ text: axis, adjoining: true, minFrequency: 2 })).body;
    expect(adjoined.map((k: { candidate: string }) => k.candidate)).toEqual(['axis of evil', 'evil', 'axis']);
  });

  it('runs YAKE when asked: [{candidate, score}], lowest (best) score first, 20 at most by default', async () => {
    const text =
      'Google is acquiring data science community Kaggle. Sources tell us that Google is acquiring Kaggle, a platform ' +
      'that hosts data science and machine learning competitions.';
    const res = await request(app).post('/keywords').set(auth).send({ text, algorithm: 'yake' });
    expect(res.status).toBe(200);
    const keywords = res.body as { candidate: string; score: number }[];
    expect(keywords.length).toBeGreaterThan(0);
    expect(keywords.length).toBeLessThanOrEqual(20);
    for (const keyword of keywords) expect(Object.keys(keyword)).toEqual(['candidate', 'score']);
    expect(keywords.map((k) => k.score)).toEqual([...keywords.map((k) => k.score)].sort((a, b) => a - b));
    expect(keywords.map((k) => k.candidate)).toContain('Kaggle');
    const limited = await request(app)
      .post('/keywords')
      .set(auth)
      .send({ text, algorithm: 'yake', limit: 2, maxWords: 1, stoplist: 'smart', minChars: 3, minFrequency: 2, maxScore: 10 });
    expect(limited.body.map((k: { candidate: string }) => k.candidate)).toEqual(['Kaggle', 'Google']);
  });

  it.each(['positionrank', 'multipartiterank'])('runs %s when asked: noun phrases as written, highest score first, 10 at most by default', async (algorithm) => {
    const text =
      'Angela Merkel met Apple in Berlin on 3 May 2019. It cost $5 million. The Internet is the global system of interconnected computer networks.';
    const res = await request(app).post('/keywords').set(auth).send({ text, algorithm });
    expect(res.status).toBe(200);
    const keywords = res.body as { candidate: string; score: number }[];
    expect(new Set(keywords.map((k) => k.candidate))).toEqual(
      new Set(['Angela Merkel', 'Apple', 'Berlin', 'interconnected computer networks', 'global system', 'Internet']),
    );
    for (const keyword of keywords) expect(Object.keys(keyword)).toEqual(['candidate', 'score']);
    expect(keywords.map((k) => k.score)).toEqual([...keywords.map((k) => k.score)].sort((a, b) => b - a));
    const long = await request(app).post('/keywords').set(auth).send({ text: 'word and word. '.repeat(20) + SEED.repeat(5), algorithm });
    expect(long.body.length).toBeLessThanOrEqual(10);
    const limited = await request(app).post('/keywords').set(auth).send({ text, algorithm, limit: 2, maxWords: 2, minFrequency: 1, minScore: 0 });
    expect(limited.body).toHaveLength(2);
    expect(limited.body.every((k: { candidate: string }) => k.candidate.split(' ').length <= 2)).toBe(true);
  });

  it('answers the noun-phrase algorithms with 503 until the tagger has loaded, and RAKE meanwhile', async () => {
    const slot: TaggerSlot = { tagger: undefined };
    const loading = createRakeApp(settings, logger, slot);
    const ready = await request(loading).get('/ready');
    expect(ready.status).toBe(503);
    expect(ready.body.message).toContain('tagger');
    const early = await request(loading).post('/keywords').set(auth).send({ text: SEED, algorithm: 'positionrank' });
    expect(early.status).toBe(503);
    expect(early.body.code).toBe('NOT_READY');
    expect((await request(loading).post('/keywords').set(auth).send({ text: SEED })).text).toBe(SEED_ANSWER);
    slot.tagger = loadStandaloneTagger();
    expect((await request(loading).get('/ready')).status).toBe(200);
    expect((await request(loading).post('/keywords').set(auth).send({ text: SEED, algorithm: 'positionrank' })).status).toBe(200);
  });

  it('rejects a missing key with 401', async () => {
    const res = await request(app).post('/keywords').send({ text: SEED });
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
  });

  it('rejects invalid JSON, a missing text and a non-string text with 400', async () => {
    expect((await request(app).post('/keywords').set(auth).set('Content-Type', 'application/json').send('{"text":')).body.code).toBe(
      'INVALID_JSON',
    );
    expect((await request(app).post('/keywords').set(auth).send({})).status).toBe(400);
    expect((await request(app).post('/keywords').set(auth).send({ text: ['a'] })).status).toBe(400);
  });

  it('rejects text over MAX_TEXT_BYTES with 413', async () => {
    const res = await request(app).post('/keywords').set(auth).send({ text: 'word '.repeat(401) });
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers GET with 405 and Allow: POST', async () => {
    const res = await request(app).get('/keywords').set(auth);
    expect(res.status).toBe(405);
    expect(res.headers.allow).toContain('POST');
  });
});

describe('rake-app service endpoints', () => {
  it('is ready once its tagger model has loaded', async () => {
    expect((await request(app).get('/ready')).body).toEqual({ status: 'UP' });
    expect((await request(app).get('/health')).body).toEqual({ status: 'UP' });
  });

  it('lists its routes', async () => {
    const res = await request(app).get('/routes').set(auth);
    expect(res.body).toEqual([
      { method: 'GET', path: '/health', name: 'health' },
      { method: 'POST', path: '/keywords', name: 'keywords' },
      { method: 'GET', path: '/metrics', name: 'metrics' },
      { method: 'GET', path: '/ready', name: 'ready' },
      { method: 'GET', path: '/routes', name: 'routes' },
    ]);
  });

  it('answers an unknown path with a JSON 404', async () => {
    const res = await request(app).post('/rake').set(auth).send({ text: 'x' });
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('NOT_FOUND');
  });
});
