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
  return sentence.map((t, i) => {
    // Emoji are too rare in the treebanks to be learnt; EWT tags symbols of this kind NFP/SYM.
    if (t.kind === 'emoji') return { ...t, tag: 'NFP', upos: 'SYM', lemma: t.text };
    return { ...t, ...(tags[i] as TaggedWord) };
  });
}
