import type { IncomingMessage, ServerResponse } from 'node:http';
import express, { type Express, type RequestHandler } from 'express';
import { ApiEndpoint, readBody, writeAnswer, type ApiAnswer } from './api-lane.js';
import { rawBody } from './body.js';
import { bearerAuth, createAuthenticator, principalOf, type AuthSettings, type Principal } from './auth.js';
import { cors, type CorsOrigins } from './cors.js';
import { SECURITY_HEADERS, securityHeaders } from './security-headers.js';
import { HttpError, errorHandler, notFoundHandler, sendError } from './errors.js';
import { JSON_CONTENT_TYPE } from './json-response.js';
import type { Logger } from './logging.js';
import { logRequest, millisecondsSince, requestLogging, wantsRequestLine } from './logging.js';
import { createMetrics, metricsEndpoint, recordRequest, recordRequests, type ServiceMetrics } from './metrics.js';
import { REQUEST_ID_HEADER, acceptOrCreateRequestId, requestId, requestIdOf } from './request-id.js';
import { allowedMethodsByPath, listRoutes, type RouteSpec } from './routes.js';

export type ReadinessState = 'UP' | 'DOWN';

/**
 * A check after authentication: returns the error to answer with, or undefined to go on. It may
 * set response headers (rate-limit counters, say) either way.
 */
export type Guard = (principal: Principal, res: ServerResponse) => HttpError | undefined | Promise<HttpError | undefined>;

/** A service as a node:http request listener (supertest takes it as it is). */
export interface ServiceApp {
  (req: IncomingMessage, res: ServerResponse): void;
  /** Everything but GET /health and the API endpoints' usual requests goes through this. */
  readonly express: Express;
  readonly state: { draining: boolean };
}

export interface Readiness {
  ready: boolean;
  /** Which dependency is or is not ready, e.g. {"rake-app": "UP", "prose-app": "DOWN"}. */
  checks?: Record<string, ReadinessState>;
  reason?: string;
}

export interface ServiceAppOptions {
  name: string;
  auth: AuthSettings;
  logger: Logger;
  /** The service's own API; /health, /ready and /routes are added here. */
  routes: readonly RouteSpec[];
  readiness: () => Readiness | Promise<Readiness>;
  /** Run after authentication on every authenticated route, e.g. a rate limiter. */
  afterAuth?: readonly Guard[];
  /** Browser origins allowed to call the API; CORS is off unless set. */
  corsOrigins?: CorsOrigins;
  /** Prometheus metrics for GET /metrics; a fresh registry when not given. */
  metrics?: ServiceMetrics;
  /** GET /metrics needs the bearer credential unless this is true. */
  metricsPublic?: boolean;
  /** Open, non-API pages (a docs page, a playground): mounted before the API routes, not in /routes. */
  pages?: RequestHandler;
}

const HEALTH_BODY = JSON.stringify({ status: 'UP' });
const HEALTH_HEADERS = {
  ...Object.fromEntries(SECURITY_HEADERS),
  'Content-Type': JSON_CONTENT_TYPE,
  'Content-Length': String(Buffer.byteLength(HEALTH_BODY)),
};

/** Set while a server drains, so keep-alive clients are told to reconnect elsewhere. */
export function markDraining(app: ServiceApp): void {
  app.state.draining = true;
}

function guardMiddleware(guard: Guard): RequestHandler {
  return async (_req, res, next) => {
    const refusal = await guard(principalOf(res)!, res);
    if (refusal) sendError(res, refusal);
    else next();
  };
}

/** An API endpoint inside express, for the requests the lane leaves to it (compressed bodies, CORS, odd paths). */
function endpointMiddleware(endpoint: ApiEndpoint): RequestHandler[] {
  const respond: RequestHandler = async (req, res) => {
    const answer = await endpoint.handle({
      body: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0),
      headers: req.headers,
      requestId: requestIdOf(res),
      principal: principalOf(res)!,
      abandoned: () => req.socket.destroyed || res.destroyed,
    });
    if (answer !== undefined) writeAnswer(res, answer);
  };
  return [rawBody(endpoint.bodyLimit), respond];
}

interface LaneRoute {
  path: string;
  endpoint: ApiEndpoint;
}

/**
 * Builds a service with everything the three services share: request ids, security headers,
 * request logs, metrics, bearer auth, /health, /ready, /routes, JSON 404/405/500. No listen here,
 * so supertest can drive it in-process.
 *
 * GET /health and the API endpoints (ApiEndpoint routes) are served straight from node:http: they
 * are nearly every request the product gets, and express's request setup and middleware chain cost
 * more CPU than a 1 KB /keywords extraction. Anything unusual about such a request (a compressed
 * body, a CORS origin, a query string, another spelling of the path) goes through express instead,
 * which mounts the same endpoints, so both paths answer alike.
 */
export function createServiceApp(options: ServiceAppOptions): ServiceApp {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  const state = { draining: false };

  // Never reached for GET (answered above); listed so /routes and 405s know the route.
  const health: RequestHandler = (_req, res) => {
    res.json({ status: 'UP' });
  };
  const ready: RequestHandler = async (_req, res) => {
    const readiness = await options.readiness();
    const checks = readiness.checks ? { checks: readiness.checks } : {};
    if (readiness.ready) {
      res.json({ status: 'UP', ...checks });
      return;
    }
    const reason = readiness.reason ?? `${options.name} is not ready`;
    sendError(res, new HttpError(503, 'NOT_READY', reason, {}, { status: 'DOWN', ...checks }));
  };
  const routesList: RequestHandler = (_req, res) => {
    res.json(listing);
  };

  const metrics = options.metrics ?? createMetrics(options.name);
  const routes: RouteSpec[] = [
    ...options.routes,
    { method: 'GET', path: '/metrics', name: 'metrics', open: options.metricsPublic === true, handler: metricsEndpoint(metrics) },
    { method: 'GET', path: '/health', name: 'health', open: true, handler: health },
    { method: 'GET', path: '/ready', name: 'ready', open: true, handler: ready },
    { method: 'GET', path: '/routes', name: 'routes', handler: routesList },
  ];
  const listing = listRoutes(routes);
  const guards = options.afterAuth ?? [];
  const corsOrigins = options.corsOrigins ?? 'none';

  app.use(requestId);
  app.use(securityHeaders);
  app.get('/health', (_req, res) => {
    res.setHeader('Content-Type', JSON_CONTENT_TYPE);
    res.end(HEALTH_BODY);
  });
  app.use(requestLogging(options.logger));
  app.use(recordRequests(metrics));
  app.use(cors(corsOrigins));
  app.use((_req, res, next) => {
    if (state.draining) res.setHeader('Connection', 'close');
    next();
  });

  if (options.pages) app.use(options.pages);

  const auth = bearerAuth(options.auth);
  const afterAuth = guards.map(guardMiddleware);
  const lane = new Map<string, LaneRoute>();
  for (const route of routes) {
    const endpoint = route.handler instanceof ApiEndpoint ? route.handler : undefined;
    if (endpoint && route.method === 'POST') lane.set(route.path, { path: route.path, endpoint });
    const handlers = endpoint ? endpointMiddleware(endpoint) : Array.isArray(route.handler) ? route.handler : [route.handler as RequestHandler];
    const chain = route.open ? handlers : [auth, ...afterAuth, ...handlers];
    if (route.method === 'GET') app.get(route.path, ...chain);
    else app.post(route.path, ...chain);
  }
  for (const [path, allow] of allowedMethodsByPath(routes)) {
    app.all(path, (req, res) => {
      res.setHeader('Allow', allow);
      if (req.method === 'OPTIONS') {
        res.status(204).end();
        return;
      }
      sendError(res, new HttpError(405, 'METHOD_NOT_ALLOWED', `${req.method} is not allowed on ${path}; allowed: ${allow}`));
    });
  }

  app.use(notFoundHandler);
  app.use(errorHandler);

  const authenticate = createAuthenticator(options.auth);
  const { logger } = options;

  async function serveOnLane(route: LaneRoute, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = process.hrtime.bigint();
    const id = acceptOrCreateRequestId(req.headers[REQUEST_ID_HEADER]);
    for (const [name, value] of SECURITY_HEADERS) res.setHeader(name, value);
    res.setHeader('X-Request-Id', id);
    if (state.draining) res.setHeader('Connection', 'close');

    let principal: Principal | undefined;
    let failure: unknown;
    try {
      const outcome = authenticate(req.headers.authorization);
      if (outcome instanceof HttpError) throw outcome;
      principal = outcome;
      for (const guard of guards) {
        const refusal = await guard(principal, res);
        if (refusal) throw refusal;
      }
      const body = await readBody(req, route.endpoint.bodyLimit);
      const answer: ApiAnswer | undefined = await route.endpoint.handle({
        body,
        headers: req.headers,
        requestId: id,
        principal,
        abandoned: () => req.socket.destroyed || res.destroyed,
      });
      if (answer !== undefined) writeAnswer(res, answer);
    } catch (error) {
      if (res.headersSent) {
        res.destroy();
        failure = error;
      } else if (error instanceof HttpError) {
        sendError(res, error);
      } else {
        failure = error;
        sendError(res, new HttpError(500, 'INTERNAL', 'internal error; the request id identifies it in the logs'));
      }
    }

    const answered = res.headersSent;
    if (answered) recordRequest(metrics, 'POST', route.path, res.statusCode, millisecondsSince(started) / 1000);
    if (!wantsRequestLine(logger, res.statusCode, failure)) return;
    const line = () =>
      logRequest(
        logger,
        {
          requestId: id,
          principal: principal?.id,
          method: req.method,
          path: route.path,
          status: res.statusCode,
          ms: millisecondsSince(started),
          bytesIn: Number(req.headers['content-length'] ?? 0),
          completed: res.writableFinished,
        },
        failure,
      );
    if (res.writableFinished || res.destroyed) line();
    else res.once('close', line);
  }

  const service = (req: IncomingMessage, res: ServerResponse): void => {
    const { method, url } = req;
    if (method === 'GET' && url === '/health' && !state.draining) {
      res.writeHead(200, { ...HEALTH_HEADERS, 'X-Request-Id': acceptOrCreateRequestId(req.headers[REQUEST_ID_HEADER]) });
      res.end(HEALTH_BODY);
      return;
    }
    if (method === 'POST' && url !== undefined) {
      const route = lane.get(url);
      const usual = req.headers['content-encoding'] === undefined && (corsOrigins === 'none' || req.headers.origin === undefined);
      if (route && usual) {
        void serveOnLane(route, req, res);
        return;
      }
    }
    app(req, res);
  };
  return Object.assign(service, { express: app, state });
}
