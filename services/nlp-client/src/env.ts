/** Variable names and defaults, apart from config.ts so the health check can use them without loading express. */
export const GATEWAY_ENV = {
  port: 'NLP_CLIENT_PORT',
  rakeEndpoint: 'RAKE_ENDPOINT',
  proseEndpoint: 'PROSE_ENDPOINT',
  upstreamTimeoutMs: 'UPSTREAM_TIMEOUT_MS',
} as const;

export const GATEWAY_DEFAULTS = {
  port: 8080,
  rakeEndpoint: 'http://localhost:8081',
  proseEndpoint: 'http://localhost:8082',
  upstreamTimeoutMs: 5_000,
} as const;
