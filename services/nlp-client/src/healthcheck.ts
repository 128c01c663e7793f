import { probeOwnPort } from '@nlp-api/service-kit/probe';
import { GATEWAY_DEFAULTS, GATEWAY_ENV } from './env.js';

probeOwnPort(process.env, GATEWAY_ENV.port, GATEWAY_DEFAULTS.port);
