/**
 * Tokens with tags for a whole text: UD tokenization, then the perceptron sentence by sentence with
 * wink-nlp's UPOS as hints. Used by the engine; the sentence spans and wink tokens are the ones it
 * has already computed.
 */
import type { Span } from '../offsets.js';
import { groupBySentence } from '../sentences.js';
import { udTokenize, type UdToken, type UdTokenKind } from '../ud-tokenizer/index.js';
import { winkHints, type HintSource, type PosTagger } from './index.js';

export interface TaggedToken extends Span {
  text: string;
  kind: UdTokenKind;
  /** Penn Treebank tag. */
  tag: string;
  upos: string;
  lemma: string;
}

export function tagText(tagger: PosTagger, text: string, sentences: readonly Span[], wink: readonly HintSource[]): TaggedToken[] {
  const tokens = udTokenize(text);
  const hints = winkHints(tokens, wink);
  const out: TaggedToken[] = [];
  let at = 0;
  for (const sentence of groupBySentence(tokens, sentences)) {
    const tags = tagger.tag(sentence.map((t) => t.text), hints.slice(at, at + sentence.length));
    sentence.forEach((t: UdToken, i) => {
      const tagged = tags[i] as { tag: string; upos: string; lemma: string };
      // Emoji are too rare in the treebanks to be learnt; EWT tags symbols of this kind NFP/SYM.
      if (t.kind === 'emoji') out.push({ ...t, tag: 'NFP', upos: 'SYM', lemma: t.text });
      else out.push({ ...t, ...tagged });
    });
    at += sentence.length;
  }
  return out;
}
