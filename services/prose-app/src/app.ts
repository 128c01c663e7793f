import { endpointsOf, type EndpointOf } from '@nlp-api/api-schema';
import { createServiceApp, notReady, textEndpoint, type Logger, type ServiceApp, type RouteSpec } from '@nlp-api/service-kit';
import type { ProseConfig } from './config.js';
import type { NlpEngine } from './nlp/index.js';

export type ProseSettings = Pick<ProseConfig, 'auth' | 'maxTextBytes'> & Partial<Pick<ProseConfig, 'metricsPublic'>>;

/** Where the loaded models live; empty until start-up has loaded them. */
export interface EngineSlot {
  engine: NlpEngine | undefined;
}

/** What each of prose-app's endpoints in the catalogue computes. */
const COMPUTE: Readonly<Record<EndpointOf<'prose-app'>['name'], (engine: NlpEngine, text: string) => unknown>> = {
  tokens: (engine, text) => engine.tokens(text),
  entities: (engine, text) => engine.entities(text),
  sentences: (engine, text) => engine.sentences(text),
};

export function createProseApp(settings: ProseSettings, slot: EngineSlot, logger: Logger): ServiceApp {
  const loaded = (): NlpEngine => {
    if (!slot.engine) throw notReady('prose-app is still loading its models');
    return slot.engine;
  };
  const routes = endpointsOf('prose-app').map(
    (e): RouteSpec => ({
      method: 'POST',
      path: e.path,
      name: e.name,
      handler: textEndpoint(settings.maxTextBytes, ({ text }) => COMPUTE[e.name](loaded(), text)),
    }),
  );

  return createServiceApp({
    name: 'prose-app',
    auth: settings.auth,
    metricsPublic: settings.metricsPublic ?? false,
    logger,
    readiness: () => (slot.engine ? { ready: true } : { ready: false, reason: 'prose-app is still loading its models' }),
    routes,
  });
}
