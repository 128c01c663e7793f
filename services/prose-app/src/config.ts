import { readPortServiceConfig, type Env, type PortServiceConfig } from '@nlp-api/service-kit';
import { PROSE_DEFAULTS, PROSE_ENV } from './env.js';

export { PROSE_DEFAULTS, PROSE_ENV };

export type ProseConfig = PortServiceConfig;

export function loadProseConfig(env: Env): ProseConfig {
  return readPortServiceConfig(env, PROSE_ENV.port, PROSE_DEFAULTS.port);
}
