/**
 * What the keyphrase algorithms read: the text's tokens with their Penn Treebank tags and lemmas,
 * in text order, each with the index of its sentence. `@nlp-api/english` produces them; any tagger
 * following the UD English conventions would do.
 */
export interface TaggedToken {
  readonly text: string;
  /** UTF-16 offsets into the text: `text.slice(start, end) === token.text`. */
  readonly start: number;
  readonly end: number;
  /** Penn Treebank tag. */
  readonly tag: string;
  readonly lemma: string;
  /** 0-based index of the token's sentence. */
  readonly sentence: number;
}
