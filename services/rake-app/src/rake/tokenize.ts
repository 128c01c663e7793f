/**
 * Step 1 of RAKE: cut the text into segments at phrase delimiters, each
 * segment being the lower-cased words that follow one another with only
 * horizontal whitespace between them.
 *
 * A word is a run of Unicode letters, digits and combining marks, and a hyphen
 * or apostrophe with word characters on both sides joins two runs into one word
 * (`covid-19`, `state-of-the-art`, `don't`). Every other character that is not
 * horizontal whitespace (punctuation, quotes, dashes, slashes, symbols, and
 * any line break) is a phrase delimiter.
 *
 * The text is scanned once, character by character, and each distinct word is
 * kept once: the result is a list of word ids, not of strings, so that the
 * later steps count and score with arrays instead of string-keyed maps, and a
 * 100 KB text leaves a few thousand strings behind rather than tens of
 * thousands (see {@link tokenizeText}).
 */

const WORD_CHAR = '[\\p{L}\\p{N}\\p{M}]';
/** Whitespace that does not end a line (\s minus \n \r \v \f U+2028 U+2029). */
const HORIZONTAL_SPACE = '[^\\S\\n\\r\\v\\f\\u2028\\u2029]';

/** What a character is to the scanner. */
const DELIMITER = 0;
const WORD = 1;
/** ASCII hyphen-minus and apostrophe, U+2010 hyphen, U+2011 non-breaking hyphen, U+2019 apostrophe. */
const JOINER = 2;
const SPACE = 3;

const ASCII_KINDS = new Uint8Array(128);
for (let code = 0; code < 128; code++) {
  const char = String.fromCharCode(code);
  if (new RegExp(WORD_CHAR, 'u').test(char)) ASCII_KINDS[code] = WORD;
  else if (char === '-' || char === "'") ASCII_KINDS[code] = JOINER;
  else if (new RegExp(HORIZONTAL_SPACE, 'u').test(char)) ASCII_KINDS[code] = SPACE;
}

/** Sticky, so that testing the character at `lastIndex` allocates nothing. */
const WORD_CHAR_AT = new RegExp(WORD_CHAR, 'uy');
const HORIZONTAL_SPACE_AT = new RegExp(HORIZONTAL_SPACE, 'uy');

/** The kind of the character (code point) starting at `i`. */
function kindAt(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code < 128) return ASCII_KINDS[code] as number;
  if (code === 0x2010 || code === 0x2011 || code === 0x2019) return JOINER;
  WORD_CHAR_AT.lastIndex = i;
  if (WORD_CHAR_AT.test(text)) return WORD;
  HORIZONTAL_SPACE_AT.lastIndex = i;
  return HORIZONTAL_SPACE_AT.test(text) ? SPACE : DELIMITER;
}

/** Code units taken by the code point starting at `i`: 2 for a surrogate pair, else 1. */
function widthAt(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code < 0xd800 || code > 0xdbff) return 1;
  const next = text.charCodeAt(i + 1);
  return next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
}

/** Where the run of word characters starting at `i` ends. */
function endOfRun(text: string, i: number): number {
  while (i < text.length && kindAt(text, i) === WORD) i += widthAt(text, i);
  return i;
}

/** Typographic joiners are folded to ASCII so `don’t` matches the stoplist's `don't`. */
const TYPOGRAPHIC_JOINER = /[\u2010\u2011\u2019]/g;

function foldJoiners(word: string): string {
  return word.replace(TYPOGRAPHIC_JOINER, (joiner) => (joiner === '\u2019' ? "'" : '-'));
}

/** Marks the end of a segment in {@link TokenizedText.tokens}. */
export const SEGMENT_END = -1;

export interface TokenizedText {
  /** The distinct normalized (lower-cased) words, in order of first occurrence; a word's id is its index. */
  readonly words: readonly string[];
  /**
   * The text's words as ids, in text order, each segment followed by
   * {@link SEGMENT_END}. Segments are never empty.
   */
  readonly tokens: readonly number[];
}

/** Gives each distinct word an id and lists the text's words as ids. */
export class WordIds implements TokenizedText {
  readonly words: string[] = [];
  readonly tokens: number[] = [];
  private readonly ids = new Map<string, number>();

  add(word: string): void {
    let id = this.ids.get(word);
    if (id === undefined) {
      id = this.words.length;
      this.words.push(word);
      this.ids.set(word, id);
    }
    this.tokens.push(id);
  }

  /** Ends the current segment, if it has any words. */
  endSegment(): void {
    const last = this.tokens.length - 1;
    if (last >= 0 && this.tokens[last] !== SEGMENT_END) this.tokens.push(SEGMENT_END);
  }
}

/** The words of `text` (see the top of this file), lower-cased, as ids into a list of distinct words. */
export function tokenizeText(text: string): TokenizedText {
  const result = new WordIds();
  let i = 0;
  while (i < text.length) {
    const kind = kindAt(text, i);
    if (kind !== WORD) {
      if (kind !== SPACE) result.endSegment();
      i += widthAt(text, i);
      continue;
    }
    const start = i;
    let typographic = false;
    i = endOfRun(text, i);
    // A joiner is always one code unit; it joins only if a word character follows.
    while (i + 1 < text.length && kindAt(text, i) === JOINER && kindAt(text, i + 1) === WORD) {
      typographic ||= text.charCodeAt(i) >= 128;
      i = endOfRun(text, i + 1);
    }
    const word = text.slice(start, i).toLowerCase();
    result.add(typographic ? foldJoiners(word) : word);
  }
  result.endSegment();
  return { words: result.words, tokens: result.tokens };
}

/** The segments of a tokenized text, as lists of words. */
export function segmentsOf({ words, tokens }: TokenizedText): string[][] {
  const segments: string[][] = [];
  let current: string[] = [];
  for (const id of tokens) {
    if (id !== SEGMENT_END) {
      current.push(words[id] as string);
    } else {
      segments.push(current);
      current = [];
    }
  }
  return segments;
}

/**
 * Splits `text` into delimiter-free segments of normalized (lower-cased)
 * words. Segments are never empty; a text with no words yields `[]`.
 */
export function splitIntoSegments(text: string): string[][] {
  return segmentsOf(tokenizeText(text));
}
