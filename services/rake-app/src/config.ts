import { readPortServiceConfig, type Env, type PortServiceConfig } from '@nlp-api/service-kit';
import { RAKE_SETTINGS } from './settings.js';

export type RakeConfig = PortServiceConfig;

export function loadRakeConfig(env: Env): RakeConfig {
  return readPortServiceConfig(env, RAKE_SETTINGS.port);
}
