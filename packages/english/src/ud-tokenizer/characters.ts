/** Character classes the tokenizer's rules share. */
export const WORD_CHAR = /[\p{L}\p{M}\p{N}_]/u;
export const LETTER = /\p{L}/u;
