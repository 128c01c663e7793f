/** Corpus sentences with the engine's UPOS on their gold tokens, ready for features. */
import type { NerToken } from '../../src/nlp/ner/features.js';
import { iobToSpans } from '../../src/nlp/ner/iob-spans.js';
import type { NerSentence } from './data.js';
import { projectUpos, type Analysis, type createPipeline } from './pipeline.js';

export interface Prepared {
  sentence: NerSentence;
  /** Gold tokens with the engine's UPOS. */
  tokens: NerToken[];
  /** The engine's own analysis of the sentence text (tokens, sentences, pattern entities). */
  analysis: Analysis;
}

export function prepare(sentences: readonly NerSentence[], pipeline: ReturnType<typeof createPipeline>): Prepared[] {
  return sentences.map((sentence) => {
    const analysis = pipeline.analyse(sentence.text);
    const upos = projectUpos(analysis.tokens, sentence.spans);
    return { sentence, tokens: sentence.tokens.map((text, i) => ({ text, upos: upos[i] })), analysis };
  });
}

/** Training tags: gold tags, with entities that touch a structural token (@mention, #hashtag, URL) set to O. */
export function trainingTags(s: NerSentence): string[] {
  const tags = [...s.labels];
  for (const e of iobToSpans(s.labels)) {
    if (s.structural.slice(e.start, e.end).some(Boolean)) for (let i = e.start; i < e.end; i++) tags[i] = 'O';
  }
  return tags;
}
