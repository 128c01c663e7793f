export * from './common.js';
export * from './parsers.js';
export * from './setting.js';
