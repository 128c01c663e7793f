import { readPortServiceConfig, type Env, type PortServiceConfig } from '@nlp-api/service-kit';
import { PROSE_SETTINGS } from './settings.js';

export type ProseConfig = PortServiceConfig;

export function loadProseConfig(env: Env): ProseConfig {
  return readPortServiceConfig(env, PROSE_SETTINGS.port);
}
