export { extractKeywords } from './extract-keywords.js';
export type { Keyword, RakeOptions, StoplistName } from './options.js';
export { DEFAULT_STOPWORDS, FOX_STOPWORDS, resolveStopwords } from './stopwords.js';
export { SMART_STOPLIST } from './stoplists/smart.js';
export { FOX_STOPLIST } from './stoplists/fox.js';
export { splitIntoSegments, tokenizeText, SEGMENT_END, type TokenizedText } from './tokenize.js';
export {
  charCount,
  findCandidatePhrases,
  findCandidateSpans,
  stopFlags,
  stopTest,
  walkCandidates,
  type Adjacency,
  type CandidatePhrase,
  type CandidateSpans,
  type StopTest,
} from './candidates.js';
export { findAdjoiningKeywords, type AdjoinedPhrase } from './adjoining.js';
export {
  countWordIdStats,
  countWordStats,
  scoreWordIds,
  scoreWords,
  scorePhrases,
  type WordIdStats,
  type WordStats,
  type ScoredPhrase,
  type ScoredPhrases,
} from './scores.js';
