import { readPortServiceConfig, type Env, type PortServiceConfig } from '@nlp-api/service-kit';
import { RAKE_DEFAULTS, RAKE_ENV } from './env.js';

export { RAKE_DEFAULTS, RAKE_ENV };

export type RakeConfig = PortServiceConfig;

export function loadRakeConfig(env: Env): RakeConfig {
  return readPortServiceConfig(env, RAKE_ENV.port, RAKE_DEFAULTS.port);
}
