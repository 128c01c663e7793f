import { probeOwnPort } from '@nlp-api/service-kit/probe';
import { PROSE_SETTINGS } from './settings.js';

probeOwnPort(process.env, PROSE_SETTINGS.port);
