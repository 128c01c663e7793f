import { readCommonConfig, readInteger, readPort, readUrl, type CommonConfig, type Env } from '@nlp-api/service-kit';

/** The variable names, exported so tests and deployment templates can check they agree. */
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

export interface GatewayConfig extends CommonConfig {
  port: number;
  rakeEndpoint: URL;
  proseEndpoint: URL;
  upstreamTimeoutMs: number;
}

export function loadGatewayConfig(env: Env): GatewayConfig {
  return {
    ...readCommonConfig(env),
    port: readPort(env, GATEWAY_ENV.port, GATEWAY_DEFAULTS.port),
    rakeEndpoint: readUrl(env, GATEWAY_ENV.rakeEndpoint, GATEWAY_DEFAULTS.rakeEndpoint),
    proseEndpoint: readUrl(env, GATEWAY_ENV.proseEndpoint, GATEWAY_DEFAULTS.proseEndpoint),
    upstreamTimeoutMs: readInteger(env, GATEWAY_ENV.upstreamTimeoutMs, GATEWAY_DEFAULTS.upstreamTimeoutMs, 1, 600_000),
  };
}
