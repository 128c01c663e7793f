/**
 * Sentence splitting for YAKE, following the rules of segtok's `split_multi`
 * (Florian Leitner, https://github.com/fnl/segtok, segmenter.py), which the
 * YAKE reference implementation (LIAAD/yake) uses:
 *
 * 1. a sentence ends at a terminal (. ! ? and their Unicode variants),
 *    optionally followed by one right quote and closing brackets, then
 *    whitespace; or at two or more newlines;
 * 2. the pieces are joined back where the text before a "." ends in a known
 *    abbreviation (Dr, Mr, e.g, U.S, ...), a single character, a number, a
 *    likely name initial, or whitespace, or where a lone lower-case word
 *    follows the dot;
 * 3. sentences are joined back when a lower-case word follows a quote, bracket
 *    or abbreviation-like ending, inside short bracketed spans, and when the
 *    next one starts with a word that rarely starts a sentence ("and", "of",
 *    "that", ...).
 *
 * Differences from segtok: word boundaries use Unicode letters, marks, digits
 * and connector punctuation (close to the `regex` module's \w); bracket
 * nesting is tracked incrementally so joining stays linear in the text.
 */

export const SENTENCE_TERMINALS = '.!?\u203C\u203D\u2047\u2048\u2049\u3002\uFE52\uFE57\uFF01\uFF0E\uFF1F\uFF61';
/** segtok's HYPHENS, for use inside a character class. */
export const HYPHEN_CLASS = '\\u00AD\\u058A\\u05BE\\u0F0C\\u1400\\u1806\\u2010-\\u2012\\u2E17\\u30A0\\-';

const TERM_CLASS = `[${SENTENCE_TERMINALS}]`;
/** A Unicode word character, approximating the `regex` module's \w. */
export const WORD_CHAR = '[\\p{Alphabetic}\\p{M}\\p{Nd}\\p{Pc}\\u200C\\u200D]';
/** A Unicode word boundary (JavaScript's \b is ASCII-only even with the u flag). */
export const BOUNDARY = `(?:(?<=${WORD_CHAR})(?!${WORD_CHAR})|(?<!${WORD_CHAR})(?=${WORD_CHAR}))`;
const IS_WORD_CHAR = new RegExp(WORD_CHAR, 'u');

const SEGMENTER = new RegExp(`(${TERM_CLASS}['\\u2019"\\u201D]?[\\])]*\\s+|\\n{2,})`, 'u');

const ABBREVIATION_WORDS = String.raw`approx Capt cf Col Dr f\.?e figs? Gen e\.?g i\.?e i\.?v
Mag med Mr Mrs Mt nat No nr p\.e phil prof rer
sci Sgt Sr Sra Srta St univ vol vs z\.B
E\.U U\.K U\.S`.split(/\s+/);
/** Python's str.capitalize: first character upper-cased, the rest lower-cased. */
const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1).toLowerCase();
const ABBREVIATION_ALTERNATIVES = [
  ...ABBREVIATION_WORDS,
  ...ABBREVIATION_WORDS.filter((a) => /^\p{Ll}/u.test(a)).map(capitalize),
].join('|');

const ABBREVIATIONS = new RegExp(
  `(?:${BOUNDARY}(?:${ABBREVIATION_ALTERNATIVES})` +
    '|^\\S' +
    '|^\\d+' +
    `|(?:${BOUNDARY}(?:[Bb]y|[Cc](?:aptain|ommander)|[Dd]o[ck]tor|[Gg]eneral|[Mm](?:ag)?is(?:ter|s)|[Pp]rofessor|[Ss]e\\u00F1or(?:it)?a?)\\s` +
    `|(?:(?<!${BOUNDARY}\\p{Lu}\\p{Lm}?),(?:\\sand)?|(?<!${BOUNDARY}[\\p{Lu},]\\p{Lm}?)\\sand)\\s` +
    '|[\\[\\(]' +
    `)(?:[\\p{Lu}\\p{Lt}]\\p{Lm}?\\.[${HYPHEN_CLASS}]?)?[\\p{Lu}\\p{Lt}]\\p{Lm}?` +
    ')$',
  'u',
);

const CONTINUATIONS = new RegExp(
  `^(?:a(?:nd|re)|b(?:etween|y)|from|has|i(?:nto|s)|o[fr]|t(?:han|hat|hrough)|via|w(?:as|ere|hether|ith))${BOUNDARY}`,
  'u',
);
const LOWER_WORD = new RegExp(`^\\p{Ll}+[${HYPHEN_CLASS}]?\\p{Ll}*${BOUNDARY}`, 'u');
const LONE_WORD = new RegExp(`^\\p{Ll}+[\\p{Ll}\\p{Nd}${HYPHEN_CLASS}]*$`, 'u');
const UPPER_CASE_START = /^(?:(?:\(\d{4}\)\s)?[\p{Lu}\p{Lt}]\p{L}*|\d+)[.,:]\s+/u;
const SHORT_SENTENCE_LENGTH = 55;

const SPACE = /\s/u;
const LETTER = /\p{L}/u;
const LOWER = /\p{Ll}/u;
const UPPER_OR_TITLE = /[\p{Lu}\p{Lt}]/u;

/** Index just past the last non-whitespace character, or -1 if the string does not end in whitespace. */
function endBeforeTrailingSpace(s: string): number {
  let end = s.length;
  while (end > 0 && SPACE.test(s.charAt(end - 1))) end -= 1;
  return end === s.length ? -1 : end;
}

const isWordAt = (s: string, index: number): boolean => index >= 0 && IS_WORD_CHAR.test(charBefore(s, index + 1));

/** The code point ending at UTF-16 index `end` (exclusive). */
function charBefore(s: string, end: number): string {
  const low = s.charCodeAt(end - 1);
  if (low >= 0xdc00 && low <= 0xdfff && end >= 2) {
    const high = s.charCodeAt(end - 2);
    if (high >= 0xd800 && high <= 0xdbff) return s.slice(end - 2, end);
  }
  return s.charAt(end - 1);
}

/**
 * segtok's BEFORE_LOWER: the span ends, before its trailing whitespace, with a
 * terminal and a closing quote or brackets, "spp.", or a one- or two-letter
 * abbreviation such as "L." or "Ll.".
 */
function endsBeforeLower(s: string): boolean {
  const end = endBeforeTrailingSpace(s);
  if (end <= 0) return false;
  let k = end;
  while (k > 0 && (s[k - 1] === ')' || s[k - 1] === ']')) k -= 1;
  const bracketCount = end - k;
  if (k > 0 && s[k - 1] === '"' && k > 1 && SENTENCE_TERMINALS.includes(s.charAt(k - 2))) return true;
  if (bracketCount > 0 && k > 0 && SENTENCE_TERMINALS.includes(s.charAt(k - 1))) return true;
  if (s[end - 1] !== '.') return false;
  if (end >= 4 && s.slice(end - 4, end) === 'spp.' && !isWordAt(s, end - 5)) return true;
  // \b \p{L} \p{Ll}? \.
  const last = end - 1; // the dot
  if (last >= 2 && LOWER.test(s.charAt(last - 1)) && LETTER.test(s.charAt(last - 2)) && !isWordAt(s, last - 3)) return true;
  if (last >= 1 && LETTER.test(s.charAt(last - 1)) && !isWordAt(s, last - 2)) return true;
  return false;
}

/** segtok's UPPER_CASE_END: `\b[\p{Lu}\p{Lt}]\p{L}*\.\s+$`. */
function endsWithCapitalizedAbbreviation(s: string): boolean {
  const end = endBeforeTrailingSpace(s);
  if (end <= 0 || s[end - 1] !== '.') return false;
  let start = end - 1;
  while (start > 0 && LETTER.test(s.charAt(start - 1))) start -= 1;
  if (start === end - 1) return false;
  return UPPER_OR_TITLE.test(s.charAt(start)) && !isWordAt(s, start - 1);
}

/** Bracket nesting as segtok's `_is_open` computes it: counted from the first opener on. */
interface Nesting {
  readonly opened: boolean;
  readonly depth: number;
}

function nestingOf(s: string, open: string, close: string): Nesting {
  const first = s.indexOf(open);
  if (first === -1) return { opened: false, depth: 0 };
  let depth = 1;
  for (let i = first + 1; i < s.length; i++) {
    if (s[i] === open) depth += 1;
    else if (s[i] === close) depth -= 1;
  }
  return { opened: true, depth };
}

function appendNesting(left: Nesting, right: string, open: string, close: string): Nesting {
  if (!left.opened) return nestingOf(right, open, close);
  let depth = left.depth;
  for (const char of right) {
    if (char === open) depth += 1;
    else if (char === close) depth -= 1;
  }
  return { opened: true, depth };
}

/** segtok's `_is_not_opened`: the span closes a bracket it did not open. */
function isNotOpened(s: string, open: string, close: string): boolean {
  const last = s.lastIndexOf(close);
  if (last === -1) return false;
  let depth = 1;
  for (let i = 0; i < last; i++) {
    if (s[i] === close) depth += 1;
    else if (s[i] === open) depth -= 1;
  }
  return depth > 0;
}

/** segtok's `_abbreviation_joiner`: cut at terminals, except after abbreviations. */
function* joinAbbreviations(spans: readonly string[]): Generator<string> {
  let segment: number | undefined;
  const total = spans.length;
  for (let pos = 0; pos < total; pos++) {
    if (pos % 2 === 1) {
      const before = spans[pos - 1] ?? '';
      const terminal = spans[pos] ?? '';
      const next = spans[pos + 1];
      const join =
        (before.length > 0 && SPACE.test(before.charAt(before.length - 1))) ||
        (terminal.startsWith('.') && ((next !== undefined && LONE_WORD.test(next)) || ABBREVIATIONS.test(before)));
      if (!join) {
        yield spans.slice(segment, pos + 1).join('');
        segment = undefined;
      }
    } else if (segment === undefined) {
      segment = pos;
    }
  }
  if (segment !== undefined) yield spans.slice(segment).join('');
}

/** Splits `text` into sentences (trimmed; may be empty strings, as segtok's can be). */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  let last: string | undefined;
  let parens: Nesting = { opened: false, depth: 0 };
  let squares: Nesting = { opened: false, depth: 0 };
  const shorter = (a: string, b: string): boolean => a.length < SHORT_SENTENCE_LENGTH || b.length < SHORT_SENTENCE_LENGTH;

  for (const current of joinAbbreviations(text.split(SEGMENTER))) {
    if (last === undefined) {
      last = current;
      parens = nestingOf(current, '(', ')');
      squares = nestingOf(current, '[', ']');
      continue;
    }
    const upperCaseContinuation = (): boolean =>
      last!.endsWith(' et al. ') || (endsWithCapitalizedAbbreviation(last!) && UPPER_CASE_START.test(current));
    const join =
      (LOWER_WORD.test(current) && endsBeforeLower(last)) ||
      (shorter(current, last) &&
        parens.opened &&
        parens.depth > 0 &&
        (isNotOpened(current, '(', ')') || upperCaseContinuation())) ||
      (shorter(current, last) &&
        squares.opened &&
        squares.depth > 0 &&
        (isNotOpened(current, '[', ']') || upperCaseContinuation())) ||
      CONTINUATIONS.test(current);
    if (join) {
      last += current;
      parens = appendNesting(parens, current, '(', ')');
      squares = appendNesting(squares, current, '[', ']');
    } else {
      sentences.push(last.trim());
      last = current;
      parens = nestingOf(current, '(', ')');
      squares = nestingOf(current, '[', ']');
    }
  }
  if (last !== undefined) sentences.push(last.trim());
  return sentences;
}
