import type { RequestHandler } from 'express';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** One registry per service app, so tests can build many apps side by side. */
export interface ServiceMetrics {
  registry: Registry;
  requests: Counter<'method' | 'route' | 'status'>;
  duration: Histogram<'method' | 'route' | 'status'>;
}

export function createMetrics(service: string, options: { processMetrics?: boolean } = {}): ServiceMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  if (options.processMetrics !== false) collectDefaultMetrics({ register: registry });
  return {
    registry,
    requests: new Counter({
      name: 'http_requests_total',
      help: 'HTTP requests answered, by method, route and status',
      labelNames: ['method', 'route', 'status'],
      registers: [registry],
    }),
    duration: new Histogram({
      name: 'http_request_duration_seconds',
      help: 'Time from receiving a request to finishing its response',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
  };
}

export function metricsEndpoint(metrics: ServiceMetrics): RequestHandler {
  return async (_req, res) => {
    res.setHeader('Content-Type', metrics.registry.contentType);
    res.end(await metrics.registry.metrics());
  };
}

/**
 * Counts one answered request. `route` is the matched route's pattern, never the raw path, so a scan
 * of random URLs cannot grow the label set ("unmatched" covers them all).
 */
export function recordRequest(metrics: ServiceMetrics, method: string, route: string, status: number, seconds: number): void {
  // prom-client hashes a label set on every call; the few (method, route, status) sets a service
  // answers with are looked up once.
  const key = `${method} ${route} ${status}`;
  let series = boundSeries.get(metrics)?.get(key);
  if (series === undefined) {
    const labels = { method, route, status: String(status) };
    series = { requests: metrics.requests.labels(labels), duration: metrics.duration.labels(labels) };
    const byKey = boundSeries.get(metrics) ?? new Map();
    boundSeries.set(metrics, byKey);
    // Statuses and routes are few, but bound the map anyway.
    if (byKey.size < 1_000) byKey.set(key, series);
  }
  series.requests.inc();
  series.duration.observe(seconds);
}

interface BoundSeries {
  requests: { inc: () => void };
  duration: { observe: (value: number) => void };
}

const boundSeries = new WeakMap<ServiceMetrics, Map<string, BoundSeries>>();
