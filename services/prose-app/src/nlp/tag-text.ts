/**
 * Tokens with tags for a whole text: UD tokenization, then the perceptron sentence by sentence with
 * wink-nlp's UPOS as hints. Used by the engine; the sentence spans and wink tokens are the ones it
 * has already computed.
 */
import { tagTokens, udTokenize, winkHints, type HintSource, type PosTagger, type TaggedToken } from '@nlp-api/english';
import type { Span } from './offsets.js';
import { groupBySentence } from './sentences.js';

export function tagText(tagger: PosTagger, text: string, sentences: readonly Span[], wink: readonly HintSource[]): TaggedToken[] {
  const tokens = udTokenize(text);
  const hints = winkHints(tokens, wink);
  const out: TaggedToken[] = [];
  let at = 0;
  for (const sentence of groupBySentence(tokens, sentences)) {
    for (const t of tagTokens(tagger, sentence, hints.slice(at, at + sentence.length))) out.push(t);
    at += sentence.length;
  }
  return out;
}
