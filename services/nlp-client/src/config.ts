import { readCommonConfig, readInteger, readPort, readUrl, type CommonConfig, type Env } from '@nlp-api/service-kit';
import { GATEWAY_DEFAULTS, GATEWAY_ENV } from './env.js';

export { GATEWAY_DEFAULTS, GATEWAY_ENV };

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
