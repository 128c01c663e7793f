export * from './batch.js';
export * from './common.js';
export * from './keywords.js';
export * from './prose.js';
export * from './openapi.js';
export * from './endpoints.js';
