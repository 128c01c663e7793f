import type { IncomingMessage, ServerResponse } from 'node:http';
import express, { type Express, type RequestHandler } from 'express';
import type { AuthSettings } from './auth.js';
import { createCors, type CorsOrigins } from './cors.js';
import { ApiEndpoint } from './endpoint.js';
import { HttpError, sendError } from './errors.js';
import { answerHealth, withKitRoutes, type Readiness } from './kit-routes.js';
import {
  admissionMiddleware,
  createAdmission,
  endpointHandler,
  errorHandler,
  notFoundHandler,
  serveEndpoint,
  type Admission,
  type Guard,
} from './lifecycle.js';
import type { Logger } from './logging.js';
import { createMetrics, type ServiceMetrics } from './metrics.js';
import { beginRequest, type RequestContext } from './request-context.js';
import { REQUEST_ID_HEADER, acceptOrCreateRequestId } from './request-id.js';
import { allowedMethodsByPath, type RouteSpec } from './routes.js';
import { setSecurityHeaders } from './security-headers.js';

export type { Readiness, ReadinessState } from './kit-routes.js';

/** A service as a node:http request listener (supertest takes it as it is). */
export interface ServiceApp {
  (req: IncomingMessage, res: ServerResponse): void;
  /** The express app behind every route but the exact paths of the API endpoints and GET /health. */
  readonly express: Express;
  readonly state: { draining: boolean };
}

export interface ServiceAppOptions {
  name: string;
  auth: AuthSettings;
  logger: Logger;
  /** The service's own API; /health, /ready, /routes and /metrics are added here. */
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

/** Set while a server drains, so keep-alive clients are told to reconnect elsewhere. */
export function markDraining(app: ServiceApp): void {
  app.state.draining = true;
}

type Serve = (req: IncomingMessage, res: ServerResponse, context: RequestContext) => void;

/** A route found by its exact method and path, without express. */
type ExactRoute = { path: string; serve: Serve } | { probe: (req: IncomingMessage, res: ServerResponse) => void };

/**
 * Builds a service with everything the three services share. Every request takes one lifecycle:
 * a request id, security headers, CORS, then admission (bearer auth and guards), body, handler and
 * the JSON error shape, each written once, and one metric sample and log line at the end. No listen
 * here, so supertest can drive it in-process.
 *
 * Only routing differs: the exact paths of the API endpoints and GET /health, nearly every request
 * the product gets, are found in a map, because express's request setup and middleware chain cost
 * more CPU than a 1 KB /keywords extraction. Express routes everything else (pages, /ready, other
 * spellings of a path, 404, 405) and calls the same functions.
 */
export function createServiceApp(options: ServiceAppOptions): ServiceApp {
  const state = { draining: false };
  const metrics = options.metrics ?? createMetrics(options.name);
  const observer = { logger: options.logger, metrics };
  const admit = createAdmission(options.auth, options.afterAuth ?? []);
  const answerCors = createCors(options.corsOrigins ?? 'none');
  const routes = withKitRoutes(options.name, options.routes, options.readiness, metrics, options.metricsPublic === true, state);
  const app = expressApp(routes, admit, options.pages);

  const exact = new Map<string, ExactRoute>([
    ['GET /health', { probe: (req, res) => answerHealth(res, acceptOrCreateRequestId(req.headers[REQUEST_ID_HEADER]), state.draining) }],
  ]);
  for (const route of routes) {
    const endpoint = route.handler;
    if (!(endpoint instanceof ApiEndpoint)) continue;
    exact.set(`POST ${route.path}`, { path: route.path, serve: (req, res, context) => void serveEndpoint(endpoint, admit, req, res, context) });
  }

  const service = (req: IncomingMessage, res: ServerResponse): void => {
    const route = exact.get(`${req.method} ${req.url}`);
    if (route !== undefined && 'probe' in route) {
      route.probe(req, res);
      return;
    }
    const context = beginRequest(req, res, observer);
    setSecurityHeaders(res);
    if (state.draining) res.setHeader('Connection', 'close');
    if (answerCors(req, res)) return;
    if (route === undefined) {
      app(req, res);
      return;
    }
    context.route = route.path;
    route.serve(req, res, context);
  };
  return Object.assign(service, { express: app, state });
}

function expressApp(routes: readonly RouteSpec[], admit: Admission, pages: RequestHandler | undefined): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  if (pages) app.use(pages);

  const admission = admissionMiddleware(admit);
  for (const route of routes) {
    const { handler } = route;
    // An endpoint admits the request itself, as on the exact path.
    const chain =
      handler instanceof ApiEndpoint
        ? [endpointHandler(handler, admit)]
        : [...(route.open ? [] : [admission]), ...(Array.isArray(handler) ? handler : [handler as RequestHandler])];
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
