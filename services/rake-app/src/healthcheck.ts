import { probeOwnPort } from '@nlp-api/service-kit/probe';
import { RAKE_SETTINGS } from './settings.js';

probeOwnPort(process.env, RAKE_SETTINGS.port);
