/**
 * Property 4: the gateway, with the real rake-app and prose-app behind it on loopback ports, never
 * answers 5xx for anything a client sends: bad input is a 4xx at the edge, and whatever reaches a
 * backend comes back with the backend's own status and body, byte for byte.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  adversarialText,
  assertProperty,
  authorization,
  contentType,
  keywordsRequest,
  methodMostlyPost,
  path,
  readableBytes,
  requestBody,
  requestIdHeader,
  validAuthorization,
} from './support/arbitraries.js';
import { closeClient, send, type RawResponse } from './support/http.js';
import { checkAgainstModel, describeResponse, gatewayModel, routeOf, sendFuzz, type FuzzRequest } from './support/model.js';
import { AUTH, KEY, MAX_TEXT_BYTES, SEED, SEED_ANSWER, expectProseStillServes, expectRakeStillServes, startStack, type Stack } from './support/services.js';

const API = ['/keywords', '/tokens', '/entities', '/sentences'];
const GATEWAY_PATHS = [...API, '/health', '/ready', '/routes'];
const model = gatewayModel(MAX_TEXT_BYTES);

describe('the gateway in front of the real backends', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack.close();
    closeClient();
  });
  afterEach(async () => {
    await expectRakeStillServes(stack.rake.url);
    await expectProseStillServes(stack.prose.url);
    const res = await send(stack.gateway.url, { method: 'POST', path: '/keywords', headers: AUTH, body: JSON.stringify({ text: SEED }) });
    expect(res.status).toBe(200);
    expect(res.text).toBe(SEED_ANSWER);
    expect((await send(stack.gateway.url, { method: 'GET', path: '/ready' })).status).toBe(200);
  });

  /** The same request sent to the gateway and, for an API path, to the backend that serves it: same status, same body. */
  async function expectTransparent(req: FuzzRequest): Promise<void> {
    const viaGateway = await sendFuzz(stack.gateway.url, req);
    checkAgainstModel(model, req, viaGateway);
    const route = routeOf(model, req.path);
    if (route === undefined || !API.includes(route)) return;
    const backend = route === '/keywords' ? stack.rake : stack.prose;
    const direct = await sendFuzz(backend.url, req);
    const what = `${req.method} ${req.path.slice(0, 100)}: gateway ${describeResponse(viaGateway)} vs backend ${describeResponse(direct)}`;
    expect(viaGateway.status, what).toBe(direct.status);
    expect(viaGateway.text, what).toBe(direct.text);
    if (viaGateway.status >= 200 && viaGateway.status < 300 && viaGateway.body.length > 0) {
      expect(viaGateway.headers['content-type'], what).toBe(direct.headers['content-type']);
    }
  }

  it('answers any method, path and headers with the documented status and a JSON {message, code} error, never 5xx', async () => {
    const body = fc.oneof(
      fc.constant(Buffer.alloc(0)),
      adversarialText(6).map((text) => Buffer.from(JSON.stringify({ text }))),
      fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes)),
    ).map(readableBytes);
    await assertProperty(
      fc.asyncProperty(
        fc.record({ method: methodMostlyPost, path: path(GATEWAY_PATHS), auth: authorization(KEY), contentType, requestId: requestIdHeader, body, chunked: fc.boolean() }),
        expectTransparent,
      ),
      150,
    );
  });

  it('answers any body on an API path as the backend alone does: a 4xx for bad input, the same 200 for good', async () => {
    await assertProperty(
      fc.asyncProperty(
        fc.record({
          method: fc.constant('POST'),
          path: fc.constantFrom(...API),
          auth: validAuthorization(KEY),
          contentType,
          requestId: requestIdHeader,
          body: requestBody(MAX_TEXT_BYTES),
          chunked: fc.boolean(),
        }),
        expectTransparent,
      ),
      100,
    );
  });

  it('forwards valid requests with adversarial text and any /keywords options unchanged', async () => {
    await assertProperty(
      fc.asyncProperty(fc.constantFrom(...API), keywordsRequest, async (endpoint, fields) => {
        const req: FuzzRequest = {
          method: 'POST',
          path: endpoint,
          auth: { header: AUTH.authorization, valid: true },
          contentType: 'application/json',
          requestId: undefined,
          body: Buffer.from(JSON.stringify(fields)),
          chunked: false,
        };
        await expectTransparent(req);
      }),
      60,
    );
  });

  it('answers a burst of concurrent requests exactly as it answers each one alone', async () => {
    const one = fc.record({
      method: fc.constant('POST'),
      path: fc.constantFrom(...API),
      auth: authorization(KEY),
      contentType,
      requestId: requestIdHeader,
      body: fc.oneof(
        adversarialText(10).map((text) => Buffer.from(JSON.stringify({ text }))),
        requestBody(MAX_TEXT_BYTES),
      ),
      chunked: fc.boolean(),
    });
    await assertProperty(
      fc.asyncProperty(fc.array(one, { minLength: 2, maxLength: 12 }), async (burst) => {
        const together = await Promise.all(burst.map((req) => sendFuzz(stack.gateway.url, req)));
        for (const [i, req] of burst.entries()) {
          const res = together[i] as RawResponse;
          checkAgainstModel(model, req, res);
          const alone = await sendFuzz(stack.gateway.url, req);
          expect(res.status, `${describeResponse(res)} vs alone ${describeResponse(alone)}`).toBe(alone.status);
          expect(res.text).toBe(alone.text);
        }
      }),
      15,
    );
  });

  it('answers 401 at the edge exactly when the Authorization header does not carry the key', async () => {
    const seedBody = Buffer.from(JSON.stringify({ text: SEED }));
    await assertProperty(
      fc.asyncProperty(fc.constantFrom(...API, '/routes'), authorization(KEY), async (p, auth) => {
        const method = p === '/routes' ? 'GET' : 'POST';
        const req: FuzzRequest = { method, path: p, auth, contentType: undefined, requestId: undefined, body: method === 'POST' ? seedBody : Buffer.alloc(0), chunked: false };
        await expectTransparent(req);
      }),
      100,
    );
  });
});
