import { createLogger, loadConfigOrExit, serve, superviseWorkers } from '@nlp-api/service-kit';
import { createGatewayApp } from './app.js';
import { createGatewayMetrics } from './gateway-metrics.js';
import { loadGatewayConfig } from './config.js';
import { createUpstream } from './upstream.js';

const config = loadConfigOrExit('nlp-client', loadGatewayConfig, process.env);
const logger = createLogger('nlp-client', config.logLevel);

if (!superviseWorkers({ count: config.workers, logger })) {
  const metrics = createGatewayMetrics();
  const upstreamOptions = (name: string) => ({
    connectTimeoutMs: config.upstreamConnectTimeoutMs,
    maxConnections: config.upstreamMaxConnections,
    breaker: { failureThreshold: config.breakerFailures, cooldownMs: config.breakerCooldownMs },
    onFailure: metrics.countFailures(name),
  });
  const backends = {
    rake: createUpstream('rake-app', config.rakeEndpoint, upstreamOptions('rake-app')),
    prose: createUpstream('prose-app', config.proseEndpoint, upstreamOptions('prose-app')),
  };
  logger.info(
    {
      rakeEndpoint: config.rakeEndpoint.href,
      proseEndpoint: config.proseEndpoint.href,
      upstreamTimeoutMs: config.upstreamTimeoutMs,
      rateLimitPerMinute: config.rateLimitPerMinute,
      corsOrigins: config.corsOrigins,
      maxTextBytes: config.maxTextBytes,
      keys: config.auth.keys.length, jwt: config.auth.jwt !== undefined,
    },
    'starting',
  );

  await serve({
    app: createGatewayApp(config, backends, logger, metrics),
    port: config.port,
    host: config.host,
    logger,
    shutdownTimeoutMs: config.shutdownTimeoutMs,
    onShutdown: () => {
      backends.rake.close();
      backends.prose.close();
    },
  });
}
