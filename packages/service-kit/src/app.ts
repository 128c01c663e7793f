import express, { type Express, type RequestHandler } from 'express';
import { bearerAuth, type AuthSettings } from './auth.js';
import { cors, type CorsOrigins } from './cors.js';
import { securityHeaders } from './security-headers.js';
import { HttpError, errorHandler, notFoundHandler, sendError } from './errors.js';
import type { Logger } from './logging.js';
import { requestLogging } from './logging.js';
import { createMetrics, metricsEndpoint, recordRequests, type ServiceMetrics } from './metrics.js';
import { requestId } from './request-id.js';
import { allowedMethodsByPath, listRoutes, type RouteSpec } from './routes.js';

export type ReadinessState = 'UP' | 'DOWN';

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
  /** Runs after authentication on every authenticated route, e.g. a rate limiter. */
  afterAuth?: readonly RequestHandler[];
  /** Browser origins allowed to call the API; CORS is off unless set. */
  corsOrigins?: CorsOrigins;
  /** Prometheus metrics for GET /metrics; a fresh registry when not given. */
  metrics?: ServiceMetrics;
  /** GET /metrics needs the bearer credential unless this is true. */
  metricsPublic?: boolean;
  /** Open, non-API pages (a docs page, a playground): mounted before the API routes, not in /routes. */
  pages?: RequestHandler;
}

const HEALTH_BODY = Buffer.from(JSON.stringify({ status: 'UP' }));

/** Set while a server drains, so keep-alive clients are told to reconnect elsewhere. */
export function markDraining(app: Express): void {
  app.locals.draining = true;
}

/**
 * Builds a service's express app with everything the three services share: request ids,
 * request logs, bearer auth, /health, /ready, /routes, JSON 404/405/500.
 * No listen here, so supertest can drive it in-process.
 */
export function createServiceApp(options: ServiceAppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.locals.draining = false;

  // Never reached for GET (answered above); listed so /routes and 405s know the route.
  const health: RequestHandler = (_req, res) => {
    res.json({ status: 'UP' });
  };
  const ready: RequestHandler = async (_req, res) => {
    const state = await options.readiness();
    const checks = state.checks ? { checks: state.checks } : {};
    if (state.ready) {
      res.json({ status: 'UP', ...checks });
      return;
    }
    const reason = state.reason ?? `${options.name} is not ready`;
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

  app.use(requestId);
  app.use(securityHeaders);
  // Liveness before logs and metrics: probes would otherwise be most of both. (A running server
  // answers GET /health before express even sees it: see withFastHealth.)
  app.get('/health', (_req, res) => {
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.end(HEALTH_BODY);
  });
  app.use(requestLogging(options.logger));
  app.use(recordRequests(metrics));
  app.use(cors(options.corsOrigins ?? 'none'));
  app.use((_req, res, next) => {
    if (app.locals.draining) res.setHeader('Connection', 'close');
    next();
  });

  if (options.pages) app.use(options.pages);

  const auth = bearerAuth(options.auth);
  for (const route of routes) {
    const handlers = Array.isArray(route.handler) ? route.handler : [route.handler];
    const chain = route.open ? handlers : [auth, ...(options.afterAuth ?? []), ...handlers];
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
  return app;
}
