export {
  DEFAULT_KEYPHRASE_LIMIT,
  KEYPHRASE_ALGORITHMS,
  extractKeyphrases,
  type KeyphraseAlgorithm,
  type KeyphraseOptions,
} from './extract.js';
export { nounPhrases, groupCandidates, surfaceForm, type Candidate, type Occurrence } from './candidates.js';
export { toWords, type Word, type WordRole } from './words.js';
export { pageRank, type WeightedGraph, type PageRankOptions } from './pagerank.js';
export { undirectedGraph, type PairSource } from './graph.js';
export { positionRank, POSITION_RANK, type PositionRankSettings } from './position-rank.js';
export { multipartiteRank, MULTIPARTITE_RANK, type MultipartiteRankSettings } from './multipartite-rank.js';
export { topicsOf, TOPIC_DISTANCE } from './topics.js';
export type { TaggedToken } from './tagged-token.js';
