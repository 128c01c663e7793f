export { extractKeywords } from './extract-keywords.js';
export type { Keyword, RakeOptions } from './options.js';
export { DEFAULT_STOPWORDS } from './stopwords.js';
export { SMART_STOPLIST } from './stoplists/smart.js';
export { splitIntoSegments } from './tokenize.js';
export { findCandidatePhrases, type CandidatePhrase } from './candidates.js';
export { countWordStats, scoreWords, scorePhrases, type WordStats, type ScoredPhrase } from './scores.js';
