// Apart from config.ts so the health check can read the port without loading express.
import { port, setting } from '@nlp-api/service-kit/settings';

/** prose-app's own settings; the common ones are service-kit's COMMON_SETTINGS. */
export const PROSE_SETTINGS = {
  port: setting({ variable: 'PROSE_PORT', default: '8082', parse: port, description: 'port prose-app listens on' }),
} as const;
