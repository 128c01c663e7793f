/**
 * The engine's text pipeline, reproduced for training and evaluation: wink-nlp tokens with UPOS and
 * sentence spans (exactly as engine.ts computes them), and the compromise-based recogniser.
 */
import nlp from 'compromise';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { breakLongRuns } from '../../src/nlp/engine.js';
import type { EntitySpan } from '../../src/nlp/entity-merge.js';
import { compromiseChunks, namedEntities } from './compromise-recogniser.js';
import type { Span } from '../../src/nlp/offsets.js';
import { patternEntities } from '../../src/nlp/pattern-entities.js';
import { sentenceSpans } from '../../src/nlp/sentences.js';
import { tokenizeDoc, type RawToken } from '../../src/nlp/tokenize.js';

export interface Analysis {
  tokens: RawToken[];
  sentences: Span[];
  patterns: EntitySpan[];
}

export function createPipeline(): {
  analyse: (text: string) => Analysis;
  compromiseEntities: (text: string, sentences: readonly Span[]) => EntitySpan[];
} {
  const wink = winkNLP(model, ['sbd', 'pos', 'ner']);
  const its = wink.its;
  return {
    analyse(text: string): Analysis {
      const doc = wink.readDoc(breakLongRuns(text));
      const { tokens, winkSpans } = tokenizeDoc(doc, its, text);
      const sentences = sentenceSpans(doc, its, winkSpans, text);
      return { tokens, sentences, patterns: patternEntities(doc, its, text, winkSpans, tokens) };
    },
    compromiseEntities(text: string, sentences: readonly Span[]): EntitySpan[] {
      return namedEntities(nlp, text, compromiseChunks(text, sentences));
    },
  };
}

/**
 * UPOS for gold tokens from the engine's tagger: each gold token takes the tag of the first engine
 * token that overlaps it ("X" if none does).
 */
export function projectUpos(engineTokens: readonly RawToken[], gold: readonly Span[]): string[] {
  const out: string[] = [];
  let k = 0;
  for (const g of gold) {
    while (k < engineTokens.length && (engineTokens[k] as RawToken).end <= g.start) k++;
    const t = engineTokens[k];
    out.push(t && t.start < g.end ? t.upos : 'X');
  }
  return out;
}
