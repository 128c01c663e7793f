import { createLogger, loadConfigOrExit, serve, superviseWorkers } from '@nlp-api/service-kit';
import { createRakeApp } from './app.js';
import { loadRakeConfig } from './config.js';

const config = loadConfigOrExit('rake-app', loadRakeConfig, process.env);
const logger = createLogger('rake-app', config.logLevel);

if (!superviseWorkers({ count: config.workers, logger })) {
  logger.info({ maxTextBytes: config.maxTextBytes, keys: config.auth.keys.length, jwt: config.auth.jwt !== undefined }, 'starting');
  await serve({
    app: createRakeApp(config, logger),
    port: config.port,
    host: config.host,
    logger,
    shutdownTimeoutMs: config.shutdownTimeoutMs,
  });
}
