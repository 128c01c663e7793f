export { extractKeywords } from './extract-keywords.js';
export type { Keyword, RakeOptions, StoplistName } from './options.js';
export { DEFAULT_STOPWORDS, FOX_STOPWORDS, resolveStopwords } from './stopwords.js';
export { SMART_STOPLIST } from './stoplists/smart.js';
export { FOX_STOPLIST } from './stoplists/fox.js';
export { splitIntoSegments } from './tokenize.js';
export {
  charCount,
  findCandidatePhrases,
  stopTest,
  walkCandidates,
  type Adjacency,
  type CandidatePhrase,
  type StopTest,
} from './candidates.js';
export { findAdjoiningKeywords, type AdjoinedPhrase } from './adjoining.js';
export { countWordStats, scoreWords, scorePhrases, type WordStats, type ScoredPhrase } from './scores.js';
