/**
 * Property-based HTTP tests of the two backends, each built in-process and listening on loopback:
 * random methods, paths, headers and bodies, checked against the README's API (support/model.ts).
 * Seed and run counts: support/arbitraries.ts (FUZZ_SEED, FUZZ_RUNS).
 */
import zlib from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  adversarialText,
  assertProperty,
  authorization,
  contentType,
  keywordsRequest,
  method,
  methodMostlyPost,
  path,
  readableBytes,
  requestBody,
  requestIdHeader,
  textNearByteLimit,
  validKeywordsRequest,
  validAuthorization,
  whitespaceOnly,
} from './support/arbitraries.js';
import { closeClient, send, type Listening } from './support/http.js';
import { checkAgainstModel, describeResponse, proseModel, rakeModel, sendFuzz, type FuzzRequest, type ServiceModel } from './support/model.js';
import { AUTH, KEY, MAX_TEXT_BYTES, SEED, expectProseStillServes, expectRakeStillServes, startProse, startRake } from './support/services.js';

const RAKE_PATHS = ['/keywords', '/health', '/ready', '/routes'];
const PROSE_PATHS = ['/tokens', '/entities', '/sentences', '/health', '/ready', '/routes'];

const fuzzRequest = (known: readonly string[], body: fc.Arbitrary<Buffer>): fc.Arbitrary<FuzzRequest> =>
  fc.record({
    method: methodMostlyPost,
    path: path(known),
    auth: authorization(KEY),
    contentType,
    requestId: requestIdHeader,
    body,
    chunked: fc.boolean(),
  });

/** A request to one of `endpoints` with the key, whatever its body and other headers. */
const bodyRequest = (endpoints: readonly string[], body: fc.Arbitrary<Buffer>): fc.Arbitrary<FuzzRequest> =>
  fc.record({
    method: fc.constant('POST'),
    path: fc.constantFrom(...endpoints),
    auth: validAuthorization(KEY),
    contentType,
    requestId: requestIdHeader,
    body,
    chunked: fc.boolean(),
  });

const smallBody = fc.oneof(
  fc.constant(Buffer.alloc(0)),
  adversarialText(6).map((text) => Buffer.from(JSON.stringify({ text }))),
  fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes)),
).map(readableBytes);


async function checkRequest(model: ServiceModel, base: URL, req: FuzzRequest, onOk?: (body: unknown, fields: Record<string, unknown>) => void) {
  const res = await sendFuzz(base, req);
  const expected = checkAgainstModel(model, req, res);
  if (res.status === 200 && req.method !== 'HEAD') {
    const body: unknown = JSON.parse(res.text);
    if (expected.endpoint === 'health' || expected.endpoint === 'ready') expect(body).toEqual({ status: 'UP' });
    if (expected.endpoint === 'routes') expect(Array.isArray(body)).toBe(true);
    if (expected.fields && onOk) onOk(body, expected.fields);
  }
}

const WORD = /^[\p{L}\p{N}\p{M}]+(?:[-'][\p{L}\p{N}\p{M}]+)*$/u;

/** Keywords are distinct lower-case phrases of words, scored >= 1, best first, within the request's options. */
function expectKeywordsWellFormed(body: unknown, fields: Record<string, unknown>): void {
  const what = `${JSON.stringify(fields).slice(0, 300)} -> ${JSON.stringify(body).slice(0, 300)}`;
  expect(Array.isArray(body), what).toBe(true);
  const keywords = body as Array<{ candidate: string; score: number }>;
  const seen = new Set<string>();
  let previous = Infinity;
  for (const keyword of keywords) {
    expect(Object.keys(keyword).sort(), what).toEqual(['candidate', 'score']);
    expect(keyword.candidate.split(' ').every((word) => WORD.test(word)), `${what}: ${JSON.stringify(keyword.candidate)}`).toBe(true);
    expect(Number.isFinite(keyword.score) && keyword.score >= 1, what).toBe(true);
    expect(keyword.score, `${what}: not sorted by score`).toBeLessThanOrEqual(previous);
    expect(seen.has(keyword.candidate), `${what}: duplicate`).toBe(false);
    seen.add(keyword.candidate);
    previous = keyword.score;
    if (typeof fields.maxWords === 'number') expect(keyword.candidate.split(' ').length, what).toBeLessThanOrEqual(fields.maxWords);
    if (typeof fields.minScore === 'number') expect(keyword.score, what).toBeGreaterThanOrEqual(fields.minScore);
  }
  if (typeof fields.limit === 'number') expect(keywords.length, what).toBeLessThanOrEqual(fields.limit);
}

afterAll(() => closeClient());

describe('rake-app under random requests', () => {
  const model = rakeModel(MAX_TEXT_BYTES);
  let rake: Listening;
  beforeAll(async () => {
    rake = await startRake();
  });
  afterAll(async () => {
    await rake.close();
  });
  afterEach(async () => {
    await expectRakeStillServes(rake.url);
  });

  it('answers any method, path and headers with the documented status and a JSON {message, code} error, never 5xx', async () => {
    await assertProperty(
      fc.asyncProperty(fuzzRequest(RAKE_PATHS, smallBody), async (req) => {
        await checkRequest(model, rake.url, req);
      }),
      300,
    );
  });

  it('answers 401 with WWW-Authenticate exactly when the Authorization header does not carry the key', async () => {
    const seedBody = Buffer.from(JSON.stringify({ text: SEED }));
    await assertProperty(
      fc.asyncProperty(
        fc.constantFrom({ method: 'POST', path: '/keywords' }, { method: 'GET', path: '/routes' }, { method: 'HEAD', path: '/routes' }),
        authorization(KEY),
        requestIdHeader,
        async (target, auth, requestId) => {
          const req: FuzzRequest = { ...target, auth, contentType: undefined, requestId, body: target.method === 'POST' ? seedBody : Buffer.alloc(0), chunked: false };
          await checkRequest(model, rake.url, req);
        },
      ),
      200,
    );
  });

  it('answers any body on /keywords with 200, 400 or 413 as documented, never 5xx', async () => {
    await assertProperty(
      fc.asyncProperty(bodyRequest(['/keywords'], requestBody(MAX_TEXT_BYTES)), async (req) => {
        await checkRequest(model, rake.url, req, expectKeywordsWellFormed);
      }),
      300,
    );
  });

  it('extracts well-formed keywords from adversarial text, within any valid limit, maxWords and minScore', async () => {
    await assertProperty(
      fc.asyncProperty(validKeywordsRequest(MAX_TEXT_BYTES), async (fields) => {
        const res = await send(rake.url, { method: 'POST', path: '/keywords', headers: AUTH, body: JSON.stringify(fields) });
        expect(res.status, describeResponse(res)).toBe(200);
        expectKeywordsWellFormed(JSON.parse(res.text), fields);
      }),
      300,
    );
  });

  it('answers 400 INVALID_REQUEST exactly when limit, maxWords or minScore has the wrong type or range', async () => {
    await assertProperty(
      fc.asyncProperty(keywordsRequest, async (fields) => {
        const req: FuzzRequest = {
          method: 'POST',
          path: '/keywords',
          auth: { header: AUTH.authorization, valid: true },
          contentType: 'application/json',
          requestId: undefined,
          body: Buffer.from(JSON.stringify(fields)),
          chunked: false,
        };
        await checkRequest(model, rake.url, req, expectKeywordsWellFormed);
      }),
      200,
    );
  });

  it('answers 413 exactly when text is over maxTextBytes of UTF-8, however the JSON escapes it', async () => {
    await assertProperty(
      fc.asyncProperty(textNearByteLimit(MAX_TEXT_BYTES), fc.boolean(), async (text, escapeAll) => {
        // Escaping every code unit as \uXXXX is the largest a JSON string of this text can be.
        const escaped = [...Array(text.length).keys()].map((i) => `\\u${text.charCodeAt(i).toString(16).padStart(4, '0')}`).join('');
        const body = escapeAll ? `{"text":"${escaped}"}` : JSON.stringify({ text });
        const res = await send(rake.url, { method: 'POST', path: '/keywords', headers: AUTH, body });
        const over = Buffer.byteLength(text, 'utf8') > MAX_TEXT_BYTES;
        expect(res.status, describeResponse(res)).toBe(over ? 413 : 200);
        if (over) expect(JSON.parse(res.text)).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
      }),
      100,
    );
  });

  it('answers [] for whitespace-only text, unicode spaces and separators included', async () => {
    await assertProperty(
      fc.asyncProperty(whitespaceOnly, async (text) => {
        const res = await send(rake.url, { method: 'POST', path: '/keywords', headers: AUTH, body: JSON.stringify({ text }) });
        expect(res.status).toBe(200);
        expect(res.text).toBe('[]');
      }),
      100,
    );
  });

  it('gives the same answer whatever the Content-Type, the body framing and the X-Request-Id', async () => {
    await assertProperty(
      fc.asyncProperty(keywordsRequest, contentType, requestIdHeader, fc.boolean(), async (fields, type, id, chunked) => {
        const body = JSON.stringify(fields);
        const plain = await send(rake.url, { method: 'POST', path: '/keywords', headers: { ...AUTH, 'content-type': 'application/json' }, body });
        const odd = await send(rake.url, { method: 'POST', path: '/keywords', headers: { ...AUTH, 'content-type': type, 'x-request-id': id }, body, chunked });
        expect(odd.status, describeResponse(odd)).toBe(plain.status);
        expect(odd.text).toBe(plain.text);
      }),
      150,
    );
  });

  it('decodes gzip, deflate and br bodies, and answers corrupt or unknown encodings with a JSON 4xx', async () => {
    const encodings = ['gzip', 'deflate', 'br', 'identity', 'GZIP', 'x-gzip', 'compress', 'gzip, gzip', 'zstd', ''];
    const compress: Record<string, (b: Buffer) => Buffer> = {
      gzip: (b) => zlib.gzipSync(b),
      GZIP: (b) => zlib.gzipSync(b),
      deflate: (b) => zlib.deflateSync(b),
      br: (b) => zlib.brotliCompressSync(b),
      identity: (b) => b,
      '': (b) => b,
    };
    await assertProperty(
      fc.asyncProperty(keywordsRequest, fc.constantFrom(...encodings), fc.nat(), fc.boolean(), async (fields, encoding, cut, corrupt) => {
        const json = Buffer.from(JSON.stringify(fields));
        const plain = await send(rake.url, { method: 'POST', path: '/keywords', headers: AUTH, body: json });
        const encode = compress[encoding];
        let body = encode ? encode(json) : json;
        if (corrupt && encode && encoding !== 'identity' && encoding !== '') body = body.subarray(0, cut % body.length);
        const res = await send(rake.url, { method: 'POST', path: '/keywords', headers: { ...AUTH, 'content-encoding': encoding }, body });
        expect(res.status, describeResponse(res)).toBeLessThan(500);
        if (!encode) {
          expect(res.status, describeResponse(res)).toBe(415);
        } else if (!corrupt || encoding === 'identity' || encoding === '') {
          expect(res.status, describeResponse(res)).toBe(plain.status);
          expect(res.text).toBe(plain.text);
        } else {
          expect(res.status, describeResponse(res)).toBeGreaterThanOrEqual(400);
        }
        if (res.status >= 400) expect(JSON.parse(res.text)).toEqual({ message: expect.any(String), code: expect.any(String) });
      }),
      100,
    );
  });

  it('answers a gzip bomb with 413 rather than inflating it without bound', async () => {
    const bomb = zlib.gzipSync(Buffer.concat([Buffer.from('{"text":"'), Buffer.alloc(5_000_000, 0x61), Buffer.from('"}')]));
    const res = await send(rake.url, { method: 'POST', path: '/keywords', headers: { ...AUTH, 'content-encoding': 'gzip' }, body: bomb });
    expect(res.status).toBe(413);
    expect(JSON.parse(res.text)).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
  });
});

describe('prose-app under random requests', () => {
  const model = proseModel(MAX_TEXT_BYTES);
  const ENDPOINTS = ['/tokens', '/entities', '/sentences'];
  let prose: Listening;
  beforeAll(async () => {
    prose = await startProse();
  });
  afterAll(async () => {
    await prose.close();
  });
  afterEach(async () => {
    await expectProseStillServes(prose.url);
  });

  it('answers any method, path and headers with the documented status and a JSON {message, code} error, never 5xx', async () => {
    await assertProperty(
      fc.asyncProperty(fuzzRequest(PROSE_PATHS, smallBody), async (req) => {
        await checkRequest(model, prose.url, req);
      }),
      200,
    );
  });

  it('answers any body on /tokens, /entities and /sentences with 200, 400 or 413 as documented, never 5xx', async () => {
    await assertProperty(
      fc.asyncProperty(bodyRequest(ENDPOINTS, requestBody(MAX_TEXT_BYTES)), async (req) => {
        await checkRequest(model, prose.url, req, (body) => expect(Array.isArray(body)).toBe(true));
      }),
      150,
    );
  });

  it('answers [] for whitespace-only text on every endpoint', async () => {
    await assertProperty(
      fc.asyncProperty(whitespaceOnly, fc.constantFrom(...ENDPOINTS), async (text, endpoint) => {
        const res = await send(prose.url, { method: 'POST', path: endpoint, headers: AUTH, body: JSON.stringify({ text }) });
        expect(res.status).toBe(200);
        expect(res.text).toBe('[]');
      }),
      100,
    );
  });

  it('answers each method on each known path as documented: 204 to OPTIONS, 405 with Allow, 401 without the key', async () => {
    await assertProperty(
      fc.asyncProperty(fc.constantFrom(...PROSE_PATHS), method, authorization(KEY), async (p, m, auth) => {
        const req: FuzzRequest = { method: m, path: p, auth, contentType: undefined, requestId: undefined, body: Buffer.alloc(0), chunked: false };
        await checkRequest(model, prose.url, req);
      }),
      100,
    );
  });
});
