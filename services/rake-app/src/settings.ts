// Apart from config.ts so the health check can read the port without loading express.
import { port, setting } from '@nlp-api/service-kit/settings';

/** rake-app's own settings; the common ones are service-kit's COMMON_SETTINGS. */
export const RAKE_SETTINGS = {
  port: setting({ variable: 'RAKE_PORT', default: '8081', parse: port, description: 'port rake-app listens on' }),
} as const;
