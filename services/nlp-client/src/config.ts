import { readCommonConfig, readSettings, type CommonConfig, type CorsOrigins, type Env, type SettingValues } from '@nlp-api/service-kit';
import { GATEWAY_SETTINGS } from './settings.js';

export type GatewayConfig = CommonConfig &
  Omit<SettingValues<typeof GATEWAY_SETTINGS>, 'corsOrigins'> & {
    corsOrigins: CorsOrigins;
  };

export function loadGatewayConfig(env: Env): GatewayConfig {
  const gateway = readSettings(env, GATEWAY_SETTINGS);
  return { ...readCommonConfig(env), ...gateway, corsOrigins: gateway.corsOrigins ?? 'none' };
}
