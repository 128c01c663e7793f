import { probeOwnPort } from '@nlp-api/service-kit/probe';
import { GATEWAY_SETTINGS } from './settings.js';

probeOwnPort(process.env, GATEWAY_SETTINGS.port);
