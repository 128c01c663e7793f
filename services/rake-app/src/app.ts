import type { Express } from 'express';
import { createServiceApp, optionalInteger, optionalNumber, textEndpoint, type Logger } from '@nlp-api/service-kit';
import type { RakeConfig } from './config.js';
import { extractKeywords, type RakeOptions } from './rake/index.js';

export type RakeSettings = Pick<RakeConfig, 'auth' | 'maxTextBytes'>;

/** The request's optional tuning fields, checked before the algorithm sees them. */
export function readRakeOptions(fields: Record<string, unknown>): RakeOptions {
  return {
    limit: optionalInteger(fields, 'limit', 1, 10_000),
    maxWords: optionalInteger(fields, 'maxWords', 1, 100),
    minScore: optionalNumber(fields, 'minScore'),
  };
}

export function createRakeApp(settings: RakeSettings, logger: Logger): Express {
  return createServiceApp({
    name: 'rake-app',
    auth: settings.auth,
    logger,
    // The stoplist is compiled in: there is nothing to load, so the service is ready once it listens.
    readiness: () => ({ ready: true }),
    routes: [
      {
        method: 'POST',
        path: '/keywords',
        name: 'keywords',
        handler: textEndpoint(settings.maxTextBytes, ({ text, fields }) => extractKeywords(text, readRakeOptions(fields))),
      },
    ],
  });
}
