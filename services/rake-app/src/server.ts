import { createLogger, loadConfigOrExit, serve, superviseWorkers } from '@nlp-api/service-kit';
import { loadStandaloneTagger } from '@nlp-api/english';
import { createRakeApp, type TaggerSlot } from './app.js';
import { loadRakeConfig } from './config.js';

const config = loadConfigOrExit('rake-app', loadRakeConfig, process.env);
const logger = createLogger('rake-app', config.logLevel);

if (!superviseWorkers({ count: config.workers, logger })) {
  logger.info({ maxTextBytes: config.maxTextBytes, keys: config.auth.keys.length, jwt: config.auth.jwt !== undefined }, 'starting');
  const slot: TaggerSlot = { tagger: undefined };
  await serve({
    app: createRakeApp(config, logger, slot),
    port: config.port,
    host: config.host,
    logger,
    shutdownTimeoutMs: config.shutdownTimeoutMs,
    prepare: () => {
      const started = performance.now();
      slot.tagger = loadStandaloneTagger();
      logger.info({ ms: Math.round(performance.now() - started) }, 'tagger model loaded; ready');
    },
  });
}
