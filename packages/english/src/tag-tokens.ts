import type { PosTagger, TaggedWord } from './tagger/index.js';
import type { UdToken } from './ud-tokenizer/index.js';

/** A UD token with its Penn tag, UPOS and lemma. */
export interface TaggedToken extends UdToken {
  /** Penn Treebank tag. */
  tag: string;
  upos: string;
  lemma: string;
}

/**
 * Tags the tokens of one sentence, in order. `hints` (one per token) as for `PosTagger.tag`; leave
 * them out with a model trained without them.
 */
export function tagTokens(tagger: PosTagger, sentence: readonly UdToken[], hints?: readonly string[]): TaggedToken[] {
  const tags = tagger.tag(sentence.map((t) => t.text), hints);
  // Objects written out field by field: V8 builds `{ ...t, more }` on a slow path, several times the
  // cost of the tagging itself here.
  return sentence.map((t, i) => {
    // Emoji are too rare in the treebanks to be learnt; EWT tags symbols of this kind NFP/SYM.
    if (t.kind === 'emoji') return { text: t.text, start: t.start, end: t.end, kind: t.kind, tag: 'NFP', upos: 'SYM', lemma: t.text };
    const w = tags[i] as TaggedWord;
    return { text: t.text, start: t.start, end: t.end, kind: t.kind, tag: w.tag, upos: w.upos, lemma: w.lemma };
  });
}
