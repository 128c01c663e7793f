/**
 * The English pipeline: UD tokenization, Penn/UPOS tags and lemmas from an averaged perceptron, and
 * (for callers without wink-nlp) sentence splitting and whole-text tagging. Training lives in
 * `@nlp-api/english/training`, so services never load it.
 */
export { LONGEST_TOKEN, udTokenize, type UdToken, type UdTokenKind } from './ud-tokenizer/index.js';
export { loadPosTagger, PosTagger, winkHints, type HintSource, type TaggedWord } from './tagger/index.js';
export { lemmatize, ruleLemma } from './tagger/lemma.js';
export { DEFAULT_MODEL_PATH, STANDALONE_MODEL_PATH, loadModelFile, parseModel, serialiseModel, type PosModel } from './tagger/model-file.js';
export { tagTokens, type TaggedToken } from './tag-tokens.js';
export { splitSentences } from './sentences.js';
export { loadStandaloneTagger, tagStandalone, type StandaloneToken } from './standalone.js';
export { StringTable, StringTableBuilder } from './string-table.js';
export { seededRandom, shuffle } from './random.js';
