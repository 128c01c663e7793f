/**
 * Tokens with tags for a whole text: UD tokenization, then the perceptron sentence by sentence with
 * wink-nlp's UPOS as hints. Used by the engine; the sentence spans and wink tokens are the ones it
 * has already computed.
 */
import type { Span } from '../offsets.js';
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

/** Splits sorted tokens into runs, one per sentence span (tokens between sentences join the next one). */
export function splitBySentence<T extends Span>(tokens: readonly T[], sentences: readonly Span[]): T[][] {
  const groups: T[][] = [];
  let s = 0;
  let current: T[] = [];
  for (const t of tokens) {
    let moved = false;
    while (s < sentences.length && (sentences[s] as Span).end <= t.start) {
      s++;
      moved = true;
    }
    if (moved && current.length > 0) {
      groups.push(current);
      current = [];
    }
    current.push(t);
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

export function tagText(tagger: PosTagger, text: string, sentences: readonly Span[], wink: readonly HintSource[]): TaggedToken[] {
  const tokens = udTokenize(text);
  const hints = winkHints(tokens, wink);
  const out: TaggedToken[] = [];
  let at = 0;
  for (const sentence of splitBySentence(tokens, sentences)) {
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
