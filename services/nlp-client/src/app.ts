import { createRequire } from 'node:module';
import {
  ApiEndpoint,
  badRequest,
  bodyLimitFor,
  createMetrics,
  createServiceApp,
  parseTextRequest,
  type Logger,
  type RouteSpec,
  type ServiceApp,
} from '@nlp-api/service-kit';
import { BATCH_ENDPOINTS, batchPath, buildOpenApiDocument, check, ENDPOINTS, type Backend } from '@nlp-api/api-schema';
import { batchEndpoint, type BatchSettings } from './batch.js';
import { pagesRouter } from './pages.js';
import { rateLimitGuard } from './rate-limit.js';
import type { GatewayConfig } from './config.js';
import type { Upstream } from './upstream.js';

export interface Backends {
  rake: Upstream;
  prose: Upstream;
}

export type GatewaySettings = Pick<GatewayConfig, 'auth' | 'maxTextBytes' | 'upstreamTimeoutMs'> &
  Partial<Pick<GatewayConfig, 'rateLimitPerMinute' | 'rateLimitBurst' | 'corsOrigins' | 'metricsPublic' | 'batchMaxDocuments' | 'batchConcurrency'>>;

const READINESS_TIMEOUT_MS = 1_000;
const GATEWAY_VERSION = (createRequire(import.meta.url)('../package.json') as { version: string }).version;

/**
 * Validates at the edge (auth, JSON, text, size, and the options against `options`, the schema the
 * backend checks them with), then forwards the bytes as received and passes the backend's status and
 * body back unchanged.
 */
function forwardTo(upstream: Upstream, path: string, settings: GatewaySettings, options?: Parameters<typeof check>[0]): ApiEndpoint {
  return new ApiEndpoint(bodyLimitFor(settings.maxTextBytes), async (call) => {
    const { raw, fields } = parseTextRequest(call.body, settings.maxTextBytes);
    if (options) {
      const checked = check(options, fields);
      if (!checked.ok) throw badRequest('INVALID_REQUEST', checked.message);
    }
    return upstream.call({
      method: 'POST',
      path,
      body: raw,
      authorization: call.headers.authorization,
      requestId: call.requestId,
      timeoutMs: settings.upstreamTimeoutMs,
    });
  });
}

export function createGatewayApp(settings: GatewaySettings, backends: Backends, logger: Logger, metrics = createMetrics('nlp-client')): ServiceApp {
  const perMinute = settings.rateLimitPerMinute ?? 0;
  const openapi = buildOpenApiDocument({ version: GATEWAY_VERSION, maxDocuments: settings.batchMaxDocuments ?? 25 });
  const batch: BatchSettings = {
    maxDocuments: settings.batchMaxDocuments ?? 25,
    maxTextBytes: settings.maxTextBytes,
    upstreamTimeoutMs: settings.upstreamTimeoutMs,
    concurrency: settings.batchConcurrency ?? 1,
  };
  const upstreamOf = (backend: Backend): Upstream => (backend === 'rake-app' ? backends.rake : backends.prose);
  // Every endpoint of the catalogue, then its batch form where it has one.
  const routes: RouteSpec[] = [
    ...ENDPOINTS.map((e): RouteSpec => ({
      method: 'POST',
      path: e.path,
      name: e.name,
      handler: forwardTo(upstreamOf(e.backend), e.path, settings, e.hasOptions ? e.request.schema : undefined),
    })),
    ...BATCH_ENDPOINTS.map((e): RouteSpec => ({
      method: 'POST',
      path: batchPath(e.name),
      name: `batch-${e.name}`,
      handler: batchEndpoint(e.name, upstreamOf(e.backend), batch),
    })),
  ];

  return createServiceApp({
    name: 'nlp-client',
    auth: settings.auth,
    logger,
    routes,
    metrics,
    metricsPublic: settings.metricsPublic ?? false,
    pages: pagesRouter(openapi),
    afterAuth: perMinute > 0 ? [rateLimitGuard(perMinute, settings.rateLimitBurst ?? perMinute)] : [],
    corsOrigins: settings.corsOrigins ?? 'none',
    readiness: async () => {
      const all = [backends.rake, backends.prose];
      const states = await Promise.all(all.map((backend) => backend.isReady(READINESS_TIMEOUT_MS)));
      const checks = Object.fromEntries(all.map((backend, i) => [backend.name, states[i] ? 'UP' : 'DOWN'] as const));
      const down = all.filter((_, i) => !states[i]).map((backend) => backend.name);
      return down.length === 0 ? { ready: true, checks } : { ready: false, checks, reason: `not ready: ${down.join(', ')}` };
    },
  });
}
