import { endpointsOf } from '@nlp-api/api-schema';
import type { PosTagger } from '@nlp-api/english';
import { createServiceApp, notReady, textEndpoint, type Logger, type ServiceApp } from '@nlp-api/service-kit';
import type { RakeConfig } from './config.js';
import { extract, readKeywordRequest } from './keywords/request.js';

export type RakeSettings = Pick<RakeConfig, 'auth' | 'maxTextBytes'> & Partial<Pick<RakeConfig, 'metricsPublic'>>;

export { readKeywordRequest } from './keywords/request.js';

/** The tagger the noun-phrase algorithms read; empty until start-up has loaded its model. */
export interface TaggerSlot {
  tagger: PosTagger | undefined;
}

const LOADING = 'rake-app is still loading its tagger model';

export function createRakeApp(settings: RakeSettings, logger: Logger, slot: TaggerSlot = { tagger: undefined }): ServiceApp {
  const tagger = (): PosTagger => {
    if (!slot.tagger) throw notReady(LOADING);
    return slot.tagger;
  };
  return createServiceApp({
    name: 'rake-app',
    auth: settings.auth,
    metricsPublic: settings.metricsPublic ?? false,
    logger,
    // RAKE and YAKE answer at once (their stoplists are compiled in); the noun-phrase algorithms wait for the tagger.
    readiness: () => (slot.tagger ? { ready: true } : { ready: false, reason: LOADING }),
    routes: endpointsOf('rake-app').map((e) => ({
      method: 'POST',
      path: e.path,
      name: e.name,
      handler: textEndpoint(settings.maxTextBytes, ({ text, fields }) => extract(text, readKeywordRequest(fields), tagger)),
    })),
  });
}
