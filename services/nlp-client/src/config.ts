import {
  readCommonConfig,
  readCorsOrigins,
  readInteger,
  readPort,
  readUrl,
  type CommonConfig,
  type CorsOrigins,
  type Env,
} from '@nlp-api/service-kit';
import { GATEWAY_DEFAULTS, GATEWAY_ENV } from './env.js';

export { GATEWAY_DEFAULTS, GATEWAY_ENV };

export interface GatewayConfig extends CommonConfig {
  port: number;
  rakeEndpoint: URL;
  proseEndpoint: URL;
  upstreamTimeoutMs: number;
  upstreamConnectTimeoutMs: number;
  upstreamMaxConnections: number;
  breakerFailures: number;
  breakerCooldownMs: number;
  /** 0 turns rate limiting off. */
  rateLimitPerMinute: number;
  rateLimitBurst: number;
  corsOrigins: CorsOrigins;
  batchMaxDocuments: number;
  batchConcurrency: number;
}

export function loadGatewayConfig(env: Env): GatewayConfig {
  return {
    ...readCommonConfig(env),
    port: readPort(env, GATEWAY_ENV.port, GATEWAY_DEFAULTS.port),
    rakeEndpoint: readUrl(env, GATEWAY_ENV.rakeEndpoint, GATEWAY_DEFAULTS.rakeEndpoint),
    proseEndpoint: readUrl(env, GATEWAY_ENV.proseEndpoint, GATEWAY_DEFAULTS.proseEndpoint),
    upstreamTimeoutMs: readInteger(env, GATEWAY_ENV.upstreamTimeoutMs, GATEWAY_DEFAULTS.upstreamTimeoutMs, 1, 600_000),
    upstreamConnectTimeoutMs: readInteger(env, GATEWAY_ENV.upstreamConnectTimeoutMs, GATEWAY_DEFAULTS.upstreamConnectTimeoutMs, 1, 60_000),
    upstreamMaxConnections: readInteger(env, GATEWAY_ENV.upstreamMaxConnections, GATEWAY_DEFAULTS.upstreamMaxConnections, 1, 10_000),
    breakerFailures: readInteger(env, GATEWAY_ENV.breakerFailures, GATEWAY_DEFAULTS.breakerFailures, 1, 1_000),
    breakerCooldownMs: readInteger(env, GATEWAY_ENV.breakerCooldownMs, GATEWAY_DEFAULTS.breakerCooldownMs, 100, 600_000),
    rateLimitPerMinute: readInteger(env, GATEWAY_ENV.rateLimitPerMinute, GATEWAY_DEFAULTS.rateLimitPerMinute, 0, 10_000_000),
    rateLimitBurst: readInteger(env, GATEWAY_ENV.rateLimitBurst, GATEWAY_DEFAULTS.rateLimitBurst, 1, 1_000_000),
    corsOrigins: readCorsOrigins(env, GATEWAY_ENV.corsOrigins),
    batchMaxDocuments: readInteger(env, GATEWAY_ENV.batchMaxDocuments, GATEWAY_DEFAULTS.batchMaxDocuments, 1, 1_000),
    batchConcurrency: readInteger(env, GATEWAY_ENV.batchConcurrency, GATEWAY_DEFAULTS.batchConcurrency, 1, 64),
  };
}
