import { createServiceApp, notReady, textEndpoint, type Logger, type ServiceApp, type RouteSpec } from '@nlp-api/service-kit';
import type { ProseConfig } from './config.js';
import type { NlpEngine } from './nlp/index.js';

export type ProseSettings = Pick<ProseConfig, 'auth' | 'maxTextBytes'> & Partial<Pick<ProseConfig, 'metricsPublic'>>;

/** Where the loaded models live; empty until start-up has loaded them. */
export interface EngineSlot {
  engine: NlpEngine | undefined;
}

export function createProseApp(settings: ProseSettings, slot: EngineSlot, logger: Logger): ServiceApp {
  const loaded = (): NlpEngine => {
    if (!slot.engine) throw notReady('prose-app is still loading its models');
    return slot.engine;
  };
  const endpoint = (path: string, run: (engine: NlpEngine, text: string) => unknown): RouteSpec => ({
    method: 'POST',
    path,
    name: path.slice(1),
    handler: textEndpoint(settings.maxTextBytes, ({ text }) => run(loaded(), text)),
  });

  return createServiceApp({
    name: 'prose-app',
    auth: settings.auth,
    metricsPublic: settings.metricsPublic ?? false,
    logger,
    readiness: () => (slot.engine ? { ready: true } : { ready: false, reason: 'prose-app is still loading its models' }),
    routes: [
      endpoint('/tokens', (engine, text) => engine.tokens(text)),
      endpoint('/entities', (engine, text) => engine.entities(text)),
      endpoint('/sentences', (engine, text) => engine.sentences(text)),
    ],
  });
}
