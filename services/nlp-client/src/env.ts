/** Variable names and defaults, apart from config.ts so the health check can use them without loading express. */
export const GATEWAY_ENV = {
  port: 'NLP_CLIENT_PORT',
  rakeEndpoint: 'RAKE_ENDPOINT',
  proseEndpoint: 'PROSE_ENDPOINT',
  upstreamTimeoutMs: 'UPSTREAM_TIMEOUT_MS',
  upstreamConnectTimeoutMs: 'UPSTREAM_CONNECT_TIMEOUT_MS',
  upstreamMaxConnections: 'UPSTREAM_MAX_CONNECTIONS',
  breakerFailures: 'BREAKER_FAILURES',
  breakerCooldownMs: 'BREAKER_COOLDOWN_MS',
  rateLimitPerMinute: 'RATE_LIMIT_PER_MINUTE',
  rateLimitBurst: 'RATE_LIMIT_BURST',
  corsOrigins: 'CORS_ORIGINS',
  batchMaxDocuments: 'BATCH_MAX_DOCUMENTS',
  batchConcurrency: 'BATCH_CONCURRENCY',
} as const;

export const GATEWAY_DEFAULTS = {
  port: 8080,
  rakeEndpoint: 'http://localhost:8081',
  proseEndpoint: 'http://localhost:8082',
  upstreamTimeoutMs: 5_000,
  upstreamConnectTimeoutMs: 1_000,
  upstreamMaxConnections: 32,
  breakerFailures: 5,
  breakerCooldownMs: 5_000,
  rateLimitPerMinute: 6_000,
  rateLimitBurst: 200,
  batchMaxDocuments: 25,
  batchConcurrency: 1,
} as const;
