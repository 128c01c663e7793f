/** Training of the POS tagger (scripts/train-pos.ts of prose-app, and tests); kept out of the main entry. */
export { DEFAULT_TRAIN_OPTIONS, trainTagger, type TrainingSentence, type TrainOptions } from './tagger/train.js';
export { learnLemmaExceptions } from './tagger/lemma.js';
