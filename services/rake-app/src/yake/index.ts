export { extractYakeKeywords, YAKE_STOPWORDS } from './extract.js';
export type { YakeKeyword, YakeOptions } from './options.js';
export { splitSentences } from './segment.js';
export { tokenizeSentence } from './tokenize.js';
export { isSimilar, levenshteinRatio, dedupKey } from './dedup.js';
