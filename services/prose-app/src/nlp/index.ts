export type { Entity, NlpEngine, Sentence, Token } from './types.js';
export { loadNlpEngine } from './engine.js';
export { mergeEntities, type EntitySpan, type EntitySource } from './entity-merge.js';
export { PATTERN_LABELS } from './pattern-entities.js';
