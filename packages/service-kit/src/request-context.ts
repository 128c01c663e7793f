import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Principal } from './auth.js';
import { logRequest, millisecondsSince, wantsRequestLine, type Logger } from './logging.js';
import { recordRequest, type ServiceMetrics } from './metrics.js';
import { REQUEST_ID_HEADER, acceptOrCreateRequestId } from './request-id.js';

/** What the lifecycle knows of one request, from its first byte to its log line. */
export interface RequestContext {
  readonly id: string;
  readonly started: bigint;
  /** The matched route's pattern: the metric label, so random URLs cannot grow the label set. */
  route?: string;
  principal?: Principal;
  /** An unexpected error, logged with the request line. */
  error?: unknown;
}

export interface RequestObserver {
  logger: Logger;
  metrics: ServiceMetrics;
}

const contexts = new WeakMap<ServerResponse, RequestContext>();

/**
 * Starts a request's lifecycle: its id (echoed in X-Request-Id), and once the response is done,
 * one metric sample and one log line: no headers, no bodies, so no secrets and no user text.
 */
export function beginRequest(req: IncomingMessage, res: ServerResponse, observer: RequestObserver): RequestContext {
  const context: RequestContext = { id: acceptOrCreateRequestId(req.headers[REQUEST_ID_HEADER]), started: process.hrtime.bigint() };
  contexts.set(res, context);
  res.setHeader('X-Request-Id', context.id);
  res.once('close', () => endRequest(req, res, context, observer));
  return context;
}

function endRequest(req: IncomingMessage, res: ServerResponse, context: RequestContext, { logger, metrics }: RequestObserver): void {
  const ms = millisecondsSince(context.started);
  const route = context.route ?? expressRoute(req) ?? 'unmatched';
  if (res.headersSent) recordRequest(metrics, req.method ?? '', route, res.statusCode, ms / 1000);
  if (!wantsRequestLine(logger, res.statusCode, context.error)) return;
  const url = req.url ?? '';
  const query = url.indexOf('?');
  logRequest(
    logger,
    {
      requestId: context.id,
      principal: context.principal?.id,
      method: req.method,
      path: query < 0 ? url : url.slice(0, query),
      status: res.statusCode,
      ms,
      bytesIn: Number(req.headers['content-length'] ?? 0),
      completed: res.writableFinished,
    },
    context.error,
  );
}

/** The pattern of the express route that served the request, if one did. */
function expressRoute(req: IncomingMessage): string | undefined {
  const route = (req as { route?: { path?: unknown } }).route;
  return typeof route?.path === 'string' ? route.path : undefined;
}

/** The context of a request that beginRequest started. */
export function contextOf(res: ServerResponse): RequestContext {
  const context = contexts.get(res);
  if (context === undefined) throw new Error('no request context: the request did not enter through createServiceApp');
  return context;
}

export const requestIdOf = (res: ServerResponse): string => contextOf(res).id;
