import { readCommonConfig, readPort, type CommonConfig, type Env } from '@nlp-api/service-kit';

export const PROSE_ENV = { port: 'PROSE_PORT' } as const;
export const PROSE_DEFAULTS = { port: 8082 } as const;

export interface ProseConfig extends CommonConfig {
  port: number;
}

export function loadProseConfig(env: Env): ProseConfig {
  return { ...readCommonConfig(env), port: readPort(env, PROSE_ENV.port, PROSE_DEFAULTS.port) };
}
