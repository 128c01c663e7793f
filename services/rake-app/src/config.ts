import { readCommonConfig, readPort, type CommonConfig, type Env } from '@nlp-api/service-kit';

export const RAKE_ENV = { port: 'RAKE_PORT' } as const;
export const RAKE_DEFAULTS = { port: 8081 } as const;

export interface RakeConfig extends CommonConfig {
  port: number;
}

export function loadRakeConfig(env: Env): RakeConfig {
  return { ...readCommonConfig(env), port: readPort(env, RAKE_ENV.port, RAKE_DEFAULTS.port) };
}
