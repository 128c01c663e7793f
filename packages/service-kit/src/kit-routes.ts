import type { ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import { HttpError, sendError } from './errors.js';
import { JSON_CONTENT_TYPE } from './json-response.js';
import { metricsEndpoint, type ServiceMetrics } from './metrics.js';
import { requestIdOf } from './request-context.js';
import { listRoutes, type RouteSpec } from './routes.js';
import { SECURITY_HEADERS } from './security-headers.js';

export type ReadinessState = 'UP' | 'DOWN';

export interface Readiness {
  ready: boolean;
  /** Which dependency is or is not ready, e.g. {"rake-app": "UP", "prose-app": "DOWN"}. */
  checks?: Record<string, ReadinessState>;
  reason?: string;
}

const HEALTH_BODY = JSON.stringify({ status: 'UP' });
const HEALTH_HEADERS = {
  ...SECURITY_HEADERS,
  'Content-Type': JSON_CONTENT_TYPE,
  'Content-Length': String(Buffer.byteLength(HEALTH_BODY)),
};

/**
 * GET /health: the process is alive. Balancers ask every few seconds, so it is answered in one
 * write with every header, and it is neither counted nor logged (its lines would bury the API's).
 */
export function answerHealth(res: ServerResponse, requestId: string, draining: boolean): void {
  res.writeHead(200, draining ? { ...HEALTH_HEADERS, 'X-Request-Id': requestId, Connection: 'close' } : { ...HEALTH_HEADERS, 'X-Request-Id': requestId });
  res.end(HEALTH_BODY);
}

function readinessHandler(name: string, readiness: () => Readiness | Promise<Readiness>): RequestHandler {
  return async (_req, res) => {
    const state = await readiness();
    const checks = state.checks ? { checks: state.checks } : {};
    if (state.ready) {
      res.json({ status: 'UP', ...checks });
      return;
    }
    const reason = state.reason ?? `${name} is not ready`;
    sendError(res, new HttpError(503, 'NOT_READY', reason, {}, { status: 'DOWN', ...checks }));
  };
}

/** The service's own routes followed by those every service has: /metrics, /health, /ready, /routes. */
export function withKitRoutes(
  name: string,
  routes: readonly RouteSpec[],
  readiness: () => Readiness | Promise<Readiness>,
  metrics: ServiceMetrics,
  metricsPublic: boolean,
  state: { draining: boolean },
): RouteSpec[] {
  const all: RouteSpec[] = [
    ...routes,
    { method: 'GET', path: '/metrics', name: 'metrics', open: metricsPublic, handler: metricsEndpoint(metrics) },
    { method: 'GET', path: '/health', name: 'health', open: true, handler: (_req, res) => answerHealth(res, requestIdOf(res), state.draining) },
    { method: 'GET', path: '/ready', name: 'ready', open: true, handler: readinessHandler(name, readiness) },
    { method: 'GET', path: '/routes', name: 'routes', handler: (_req, res) => res.json(listing) },
  ];
  const listing = listRoutes(all);
  return all;
}
