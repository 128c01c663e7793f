import { describe, expect, it } from 'vitest';
import { loadGatewayConfig } from '../src/config.js';

describe('the gateway configuration', () => {
  it('has these defaults', () => {
    const config = loadGatewayConfig({ AUTH_KEY: 'k' });
    expect({ ...config, rakeEndpoint: config.rakeEndpoint.href, proseEndpoint: config.proseEndpoint.href }).toEqual({
      host: '0.0.0.0',
      auth: { keys: ['k'] },
      maxTextBytes: 102_400,
      shutdownTimeoutMs: 10_000,
      logLevel: 'info',
      metricsPublic: false,
      workers: 1,
      port: 8080,
      rakeEndpoint: 'http://localhost:8081/',
      proseEndpoint: 'http://localhost:8082/',
      upstreamTimeoutMs: 5_000,
      upstreamConnectTimeoutMs: 1_000,
      upstreamMaxConnections: 32,
      breakerFailures: 5,
      breakerCooldownMs: 5_000,
      rateLimitPerMinute: 6_000,
      rateLimitBurst: 200,
      corsOrigins: 'none',
      batchMaxDocuments: 25,
      batchConcurrency: 1,
    });
  });

  it('stops at a bad value with a message naming the variable', () => {
    expect(() => loadGatewayConfig({ AUTH_KEY: 'k', NLP_CLIENT_PORT: 'eighty' })).toThrowError('NLP_CLIENT_PORT: expected a whole number, got "eighty"');
    expect(() => loadGatewayConfig({ AUTH_KEY: 'k', BREAKER_COOLDOWN_MS: '99' })).toThrowError('BREAKER_COOLDOWN_MS: must be between 100 and 600000, got 99');
    expect(() => loadGatewayConfig({ AUTH_KEY: 'k', CORS_ORIGINS: 'https://a.example/x' })).toThrowError(/^CORS_ORIGINS: "https:\/\/a.example\/x" is not an origin/);
  });

  it('reads CORS_ORIGINS as any origin, a list, or none', () => {
    expect(loadGatewayConfig({ AUTH_KEY: 'k', CORS_ORIGINS: '*' }).corsOrigins).toBe('any');
    expect(loadGatewayConfig({ AUTH_KEY: 'k', CORS_ORIGINS: 'https://a.example, https://b.example' }).corsOrigins).toEqual(['https://a.example', 'https://b.example']);
  });
});
