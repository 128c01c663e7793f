import { createLogger, loadConfigOrExit, serve, superviseWorkers } from '@nlp-api/service-kit';
import { createProseApp, type EngineSlot } from './app.js';
import { loadProseConfig } from './config.js';
import { loadNlpEngine } from './nlp/index.js';

const config = loadConfigOrExit('prose-app', loadProseConfig, process.env);
const logger = createLogger('prose-app', config.logLevel);

if (!superviseWorkers({ count: config.workers, logger })) {
  logger.info({ maxTextBytes: config.maxTextBytes, keys: config.auth.keys.length, jwt: config.auth.jwt !== undefined }, 'starting');
  const slot: EngineSlot = { engine: undefined };
  await serve({
    app: createProseApp(config, slot, logger),
    port: config.port,
    host: config.host,
    logger,
    shutdownTimeoutMs: config.shutdownTimeoutMs,
    prepare: () => {
      const started = performance.now();
      slot.engine = loadNlpEngine();
      logger.info({ ms: Math.round(performance.now() - started) }, 'models loaded; ready');
    },
  });
}
