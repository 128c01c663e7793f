import { readPortServiceConfig, type Env, type PortServiceConfig } from '@nlp-api/service-kit';

export const PROSE_ENV = { port: 'PROSE_PORT' } as const;
export const PROSE_DEFAULTS = { port: 8082 } as const;

export type ProseConfig = PortServiceConfig;

export function loadProseConfig(env: Env): ProseConfig {
  return readPortServiceConfig(env, PROSE_ENV.port, PROSE_DEFAULTS.port);
}
