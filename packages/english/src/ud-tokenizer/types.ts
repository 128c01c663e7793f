/** The tokens and the per-chunk context the tokenizer's modules share. */

export type UdTokenKind = 'word' | 'number' | 'punct' | 'url' | 'email' | 'emoji' | 'emoticon' | 'hashtag' | 'mention';

export interface UdToken {
  text: string;
  start: number;
  end: number;
  kind: UdTokenKind;
}

/** What tokenizing one white-space chunk needs to know: where it ends and what follows it. */
export interface Context {
  text: string;
  out: UdToken[];
  /** Offset of the end of the current white-space chunk. */
  chunkEnd: number;
  /** True when nothing but white space follows the current chunk. */
  lastChunk: boolean;
  /** True when the next chunk starts with an upper-case letter (or an opening quote/bracket then one). */
  nextCapitalised: boolean;
  /** The next chunk up to its first punctuation, lower-cased ("" at the end). */
  nextWord: string;
}
