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
 */

const WORD_CHAR = '[\\p{L}\\p{N}\\p{M}]';
/** ASCII hyphen-minus, U+2010 hyphen, U+2011 non-breaking hyphen, ASCII and U+2019 apostrophes. */
const JOINER = "[-\\u2010\\u2011'\\u2019]";
/** Whitespace that does not end a line (\s minus \n \r \v \f U+2028 U+2029). */
const HORIZONTAL_SPACE = '[^\\S\\n\\r\\v\\f\\u2028\\u2029]';

/**
 * One token per match: group 1 is a word, group 2 a run of horizontal space,
 * and anything else matches as a single delimiter character. The alternatives
 * cannot overlap (a joiner never starts or ends a word), so the scan is linear
 * with no backtracking blow-up.
 */
const TOKEN = new RegExp(
  `(${WORD_CHAR}+(?:${JOINER}${WORD_CHAR}+)*)|(${HORIZONTAL_SPACE}+)|[^]`,
  'gu',
);

/** Typographic joiners are folded to ASCII so `don’t` matches the stoplist's `don't`. */
const TYPOGRAPHIC_JOINER = /[\u2010\u2011\u2019]/g;

function normalizeWord(word: string): string {
  return word
    .toLowerCase()
    .replace(TYPOGRAPHIC_JOINER, (joiner) => (joiner === '\u2019' ? "'" : '-'));
}

/**
 * Splits `text` into delimiter-free segments of normalized (lower-cased)
 * words. Segments are never empty; a text with no words yields `[]`.
 */
export function splitIntoSegments(text: string): string[][] {
  const segments: string[][] = [];
  let current: string[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const word = match[1];
    if (word !== undefined) {
      current.push(normalizeWord(word));
    } else if (match[2] === undefined && current.length > 0) {
      segments.push(current);
      current = [];
    }
  }
  if (current.length > 0) segments.push(current);
  return segments;
}
