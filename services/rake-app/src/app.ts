import { createServiceApp, textEndpoint, type Logger, type ServiceApp } from '@nlp-api/service-kit';
import type { RakeConfig } from './config.js';
import { extract, readKeywordRequest } from './keywords/request.js';

export type RakeSettings = Pick<RakeConfig, 'auth' | 'maxTextBytes'> & Partial<Pick<RakeConfig, 'metricsPublic'>>;

export { readKeywordRequest } from './keywords/request.js';

export function createRakeApp(settings: RakeSettings, logger: Logger): ServiceApp {
  return createServiceApp({
    name: 'rake-app',
    auth: settings.auth,
    metricsPublic: settings.metricsPublic ?? false,
    logger,
    // The stoplist is compiled in: there is nothing to load, so the service is ready once it listens.
    readiness: () => ({ ready: true }),
    routes: [
      {
        method: 'POST',
        path: '/keywords',
        name: 'keywords',
        handler: textEndpoint(settings.maxTextBytes, ({ text, fields }) => extract(text, readKeywordRequest(fields))),
      },
    ],
  });
}
