import { readPortServiceConfig, type Env, type PortServiceConfig } from '@nlp-api/service-kit';

export const RAKE_ENV = { port: 'RAKE_PORT' } as const;
export const RAKE_DEFAULTS = { port: 8081 } as const;

export type RakeConfig = PortServiceConfig;

export function loadRakeConfig(env: Env): RakeConfig {
  return readPortServiceConfig(env, RAKE_ENV.port, RAKE_DEFAULTS.port);
}
