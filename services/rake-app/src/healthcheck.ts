import { probeOwnPort } from '@nlp-api/service-kit/probe';
import { RAKE_DEFAULTS, RAKE_ENV } from './env.js';

probeOwnPort(process.env, RAKE_ENV.port, RAKE_DEFAULTS.port);
