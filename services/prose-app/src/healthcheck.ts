import { probeOwnPort } from '@nlp-api/service-kit/probe';
import { PROSE_DEFAULTS, PROSE_ENV } from './env.js';

probeOwnPort(process.env, PROSE_ENV.port, PROSE_DEFAULTS.port);
