/**
 * What a service should answer, written from the README's API and error table, so a property can
 * check the exact status and code of any generated request, not just "no 5xx".
 */
import { expect } from 'vitest';
import { bodyLimitFor } from '@nlp-api/service-kit';
import type { AuthCase } from './arbitraries.js';
import { send, type RawResponse } from './http.js';

export type Endpoint = 'keywords' | 'text' | 'health' | 'ready' | 'routes';

interface RouteModel {
  method: 'GET' | 'POST';
  endpoint: Endpoint;
  open: boolean;
}

export interface ServiceModel {
  name: string;
  routes: Readonly<Record<string, RouteModel>>;
  maxTextBytes: number;
}

const COMMON: Record<string, RouteModel> = {
  '/health': { method: 'GET', endpoint: 'health', open: true },
  '/ready': { method: 'GET', endpoint: 'ready', open: true },
  '/routes': { method: 'GET', endpoint: 'routes', open: false },
};
const KEYWORDS: RouteModel = { method: 'POST', endpoint: 'keywords', open: false };
const TEXT: RouteModel = { method: 'POST', endpoint: 'text', open: false };

export const rakeModel = (maxTextBytes: number): ServiceModel => ({
  name: 'rake-app',
  maxTextBytes,
  routes: { ...COMMON, '/keywords': KEYWORDS },
});
export const proseModel = (maxTextBytes: number): ServiceModel => ({
  name: 'prose-app',
  maxTextBytes,
  routes: { ...COMMON, '/tokens': TEXT, '/entities': TEXT, '/sentences': TEXT },
});
export const gatewayModel = (maxTextBytes: number): ServiceModel => ({
  name: 'nlp-client',
  maxTextBytes,
  routes: { ...COMMON, '/keywords': KEYWORDS, '/tokens': TEXT, '/entities': TEXT, '/sentences': TEXT },
});

export interface FuzzRequest {
  method: string;
  path: string;
  auth: AuthCase;
  contentType: string | undefined;
  requestId: string | undefined;
  body: Buffer;
  chunked: boolean;
}

export interface Expected {
  status: number;
  code?: string;
  /** Set when the request reaches a text endpoint's computation. */
  endpoint?: Endpoint;
  fields?: Record<string, unknown>;
}

/** Express matches paths case-insensitively and with one optional trailing slash; the query is not part of the path. */
export function routeOf(model: ServiceModel, rawPath: string): string | undefined {
  let p = (rawPath.split('?')[0] ?? '').toLowerCase();
  if (p.length > 1 && p.endsWith('/')) p = p.slice(0, -1);
  return Object.hasOwn(model.routes, p) ? p : undefined;
}

/** The README's ranges for the /keywords options; null or absent means "not set". */
function keywordOptionsValid(fields: Record<string, unknown>): boolean {
  const integer = (v: unknown, min: number, max: number): boolean =>
    v === undefined || v === null || (typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max);
  const finite = (v: unknown): boolean => v === undefined || v === null || (typeof v === 'number' && Number.isFinite(v));
  return integer(fields.limit, 1, 10_000) && integer(fields.maxWords, 1, 100) && finite(fields.minScore);
}

function bodyOutcome(model: ServiceModel, endpoint: Endpoint, body: Buffer): Expected {
  if (body.length > bodyLimitFor(model.maxTextBytes)) return { status: 413, code: 'PAYLOAD_TOO_LARGE' };
  if (body.length === 0) return { status: 400, code: 'INVALID_JSON' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    return { status: 400, code: 'INVALID_JSON' };
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return { status: 400, code: 'INVALID_REQUEST' };
  const fields = parsed as Record<string, unknown>;
  if (typeof fields.text !== 'string') return { status: 400, code: 'INVALID_REQUEST' };
  if (Buffer.byteLength(fields.text, 'utf8') > model.maxTextBytes) return { status: 413, code: 'PAYLOAD_TOO_LARGE' };
  if (endpoint === 'keywords' && !keywordOptionsValid(fields)) return { status: 400, code: 'INVALID_REQUEST' };
  return { status: 200, endpoint, fields };
}

export function expectedOutcome(model: ServiceModel, req: FuzzRequest): Expected {
  const route = routeOf(model, req.path);
  if (route === undefined) return { status: 404, code: 'NOT_FOUND' };
  const spec = model.routes[route] as RouteModel;
  if (req.method === 'OPTIONS') return { status: 204 };
  const allowed = req.method === spec.method || (spec.method === 'GET' && req.method === 'HEAD');
  if (!allowed) return { status: 405, code: 'METHOD_NOT_ALLOWED' };
  if (!spec.open && !req.auth.valid) return { status: 401, code: 'UNAUTHORIZED' };
  if (spec.method === 'GET') return { status: 200, endpoint: spec.endpoint };
  return bodyOutcome(model, spec.endpoint, req.body);
}

const PLAIN_ID = /^[A-Za-z0-9._:-]{1,128}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

export function headersOf(req: FuzzRequest): Record<string, string | undefined> {
  return { authorization: req.auth.header, 'content-type': req.contentType, 'x-request-id': req.requestId };
}

/** Sends a generated request; GET, HEAD, DELETE and OPTIONS are never chunk-framed by Node, so they keep a Content-Length. */
export function sendFuzz(base: URL, req: FuzzRequest): Promise<RawResponse> {
  const chunked = req.chunked && ['POST', 'PUT', 'PATCH'].includes(req.method);
  return send(base, { method: req.method, path: req.path, headers: headersOf(req), body: req.body, chunked });
}

/** A one-line description of a response, for assertion messages. */
export const describeResponse = (res: RawResponse): string => `${res.status} ${res.text.slice(0, 300)}`;

/**
 * The checks every response must pass: never a 5xx, the modelled status, errors as JSON
 * `{message, code}` with the modelled code and headers, and a safe X-Request-Id.
 */
export function checkAgainstModel(model: ServiceModel, req: FuzzRequest, res: RawResponse): Expected {
  const expected = expectedOutcome(model, req);
  const what = `${req.method} ${req.path.slice(0, 120)} -> ${describeResponse(res)}`;
  expect(res.status, `${model.name} answered 5xx on its own account: ${what}`).toBeLessThan(500);
  expect(res.status, what).toBe(expected.status);

  const sentId = req.requestId?.replace(/^[ \t]+|[ \t]+$/g, '');
  const id = String(res.headers['x-request-id']);
  if (sentId !== undefined && PLAIN_ID.test(sentId)) expect(id, what).toBe(sentId);
  else expect(id, what).toMatch(UUID);

  if (res.status >= 400) {
    expect(res.headers['content-type'], what).toMatch(/^application\/json/);
    if (req.method !== 'HEAD') {
      const body = JSON.parse(res.text) as Record<string, unknown>;
      expect(typeof body.message, what).toBe('string');
      expect(body.message, what).not.toBe('');
      expect(body.code, what).toBe(expected.code);
    }
  }
  if (res.status === 401) expect(res.headers['www-authenticate'], what).toMatch(/^Bearer/);
  if (res.status === 405) {
    const route = model.routes[routeOf(model, req.path) ?? ''];
    expect(res.headers.allow, what).toBe(route?.method === 'GET' ? 'GET, HEAD, OPTIONS' : 'POST, OPTIONS');
  }
  if (res.status === 204) expect(res.body.length, what).toBe(0);
  return expected;
}
