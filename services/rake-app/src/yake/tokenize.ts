/**
 * Word tokenization for YAKE, following segtok's `web_tokenizer` and
 * `split_contractions` (https://github.com/fnl/segtok, tokenizer.py), which
 * the YAKE reference implementation (LIAAD/yake) applies to each sentence:
 *
 * - URLs and e-mail addresses stay whole;
 * - elsewhere, HTML character references are decoded, the text is split at
 *   whitespace, and each piece is cut into runs of "word" characters (letters
 *   and digits, with inner dots, digit/letter commas, hyphens and apostrophes)
 *   and the runs of other characters between them;
 * - a sentence terminal is split off the end of the sentence's last word,
 *   and dangling commas, semicolons and colons off any token;
 * - English contractions are split: "it's" -> "it" "'s", "don't" -> "do" "n't".
 *
 * Differences from segtok: word characters include all letters and combining
 * marks (see ALNUM); only the common HTML references are decoded (the
 * five XML ones and numeric ones); an e-mail user part in a URL may not contain
 * whitespace (segtok's may, which costs quadratic time on hostile input); and
 * dangling punctuation is split off every token, where segtok's loop can
 * overwrite a neighbouring token when a sentence has two such tokens.
 */

import { BOUNDARY, HYPHEN_CLASS, SENTENCE_TERMINALS, WORD_CHAR } from './segment.js';

/**
 * segtok's ALNUM is [\p{Ll}\p{Lm}\p{Lt}\p{Lu}\p{Nd}\p{Nl}]; this one adds other
 * letters (\p{Lo}) and combining marks, so "café" written with a combining
 * accent, or a word mixing scripts, stays one token instead of being cut at
 * the mark. Texts in precomposed Latin, Greek or Cyrillic tokenize the same.
 */
const ALNUM = '[\\p{L}\\p{M}\\p{Nd}\\p{Nl}]';
const LETTER = '[\\p{Ll}\\p{Lm}\\p{Lt}\\p{Lu}]';
const APOSTROPHE = '[\\u02BC\\u2019\\u2032]';
const APOSTROPHES = "'\u02BC\u2019\u2032";
const HYPHEN = `[${HYPHEN_CLASS}]`;
const POWER = '\\u207B?[\\u00B9\\u00B2\\u00B3]';
const SUBDIGIT = '[\\u2080-\\u2089]';

const WORD_PARTS =
  '(?:' +
  [
    `${ALNUM}\\.(?!\\.\\.)`,
    `${ALNUM},(?=${ALNUM})`,
    `${ALNUM}${APOSTROPHE}?${HYPHEN}(?=${ALNUM})`,
    `${APOSTROPHE}(?!${APOSTROPHE})`,
    `${ALNUM}'(?=${ALNUM})`,
    "s'$",
    `${BOUNDARY}[yzafpn\\u00B5mcdhkMGTPEZY]?${LETTER}{1,3}${POWER}$`,
    `${BOUNDARY}(?:[A-Z][a-z]?|[\\)\\]])+${SUBDIGIT}+(?:[\\u00B2\\u00B3]?[\\u207A\\u207B])?`,
    ALNUM,
  ].join('|') +
  ')+';

const WORD_SPLIT = new RegExp(`(${WORD_PARTS})`, 'u');
const PLAIN_WORD = /^[A-Za-z0-9]+$/;
const WORD_START = new RegExp(`^${WORD_PARTS}`, 'u');
const APOSTROPHE_START = new RegExp(`^${APOSTROPHE}`, 'u');
const IS_CONTRACTION = new RegExp(`^${ALNUM}+(?:${HYPHEN}${ALNUM}+)*['\\u02BC\\u2019\\u2032](?:d|ll|m|re|s|t|ve)$`, 'u');

const W = WORD_CHAR;
const WEB = new RegExp(
  '(?<=^|[\\s<"\'(\\[{])(' +
    `[A-z]+://(?:[^@\\s]+@)?(?:(?:${W}|-)+\\.)+${W}+(?::\\d+)?(?:\\/[^?#\\s'">)\\]}]+)?(?:\\?[^#\\s'">)\\]}]+)?(?:#[^\\s'">)\\]}]+)?` +
    `|(?:${W}|[.#$%&'*+/=!?^\`{|}~-])+@(?:(?:${W}|-)+\\.)+${W}+` +
    ')(?=[\\s>"\')\\]}]|$)',
  'u',
);

const NAMED_REFERENCES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes the XML named character references and numeric ones, like a subset of html.unescape. */
function unescapeHtml(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|(amp|lt|gt|quot|apos));/g, (match, dec, hex, name) => {
    if (name !== undefined) return NAMED_REFERENCES[name as string] ?? match;
    const code = dec !== undefined ? Number.parseInt(dec as string, 10) : Number.parseInt(hex as string, 16);
    if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\uFFFD';
    return String.fromCodePoint(code);
  });
}

const codePoints = (s: string): number => {
  let n = 0;
  for (const _ of s) n += 1;
  return n;
};

function lastCodePoint(s: string): string {
  const chars = Array.from(s.slice(-2));
  return chars[chars.length - 1] ?? '';
}

/** A word broken by a hyphen at a line end ("Hel-\r\nlo") is joined ("Hel-lo"). */
const HYPHENATED_LINEBREAK = new RegExp(
  `(${ALNUM}${HYPHEN})[\\p{Zs}\\t]*?(?:\\r\\n|\\n|\\r|\\u2028)[\\p{Zs}\\t]*?(${ALNUM})`,
  'gu',
);

/** segtok's word_tokenizer for one span of text without URLs. */
function wordTokenize(span: string): string[] {
  const tokens: string[] = [];
  for (const piece of span.replace(HYPHENATED_LINEBREAK, '$1$2').split(/\s+/u)) {
    if (piece === '') continue;
    // A piece of ASCII letters and digits only is one word, whatever the pattern (the common case).
    if (PLAIN_WORD.test(piece)) tokens.push(piece);
    else for (const token of piece.split(WORD_SPLIT)) if (token !== '') tokens.push(token);
  }
  spliceSentenceTerminal(tokens);
  return tokens.flatMap(spliceDanglingPunctuation);
}

/** Splits the sentence terminal off the last word, looking at the last three tokens. */
function spliceSentenceTerminal(tokens: string[]): void {
  for (let idx = 1; idx <= Math.min(3, tokens.length); idx++) {
    const at = tokens.length - idx;
    const word = tokens[at] ?? '';
    const hasTerminal = [...SENTENCE_TERMINALS].some((t) => word.includes(t));
    if (!((WORD_START.test(word) && !APOSTROPHE_START.test(word)) || hasTerminal)) continue;
    const chars = Array.from(word);
    const first = chars[0] ?? '';
    const final = chars[chars.length - 1] ?? '';
    if (chars.length === 1 || word === '...') {
      // leave it as it is
    } else if (SENTENCE_TERMINALS.includes(final)) {
      tokens.splice(at, 1, chars.slice(0, -1).join(''), final);
    } else if (SENTENCE_TERMINALS.includes(first)) {
      // segtok's own (odd) result for ".stuff": the word less its last character, then the terminal.
      tokens.splice(at, 1, chars.slice(0, -1).join(''), first);
    }
    break;
  }
}

/** Splits trailing commas, semicolons and colons off a token, one character at a time. */
function spliceDanglingPunctuation(token: string): string[] {
  let rest = token;
  const tail: string[] = [];
  while (codePoints(rest) > 1 && ',;:'.includes(lastCodePoint(rest))) {
    tail.unshift(rest.slice(-1));
    rest = rest.slice(0, -1);
  }
  return [rest, ...tail];
}

/** segtok's split_contractions for one token. */
function splitContraction(token: string): string[] {
  if (!IS_CONTRACTION.test(token)) return [token];
  const chars = Array.from(token);
  let pos = chars.length - 1;
  while (pos >= 0 && !APOSTROPHES.includes(chars[pos] ?? '')) pos -= 1;
  if (chars.length > 2 && pos + 2 === chars.length && chars[chars.length - 1] === 't' && chars[pos - 1] === 'n') pos -= 1;
  return [chars.slice(0, pos).join(''), chars.slice(pos).join('')];
}

/**
 * The tokens of one sentence as YAKE sees them: web-tokenized, contractions
 * split, and tokens that start with an ASCII apostrophe ("'s", "'re") dropped.
 */
export function tokenizeSentence(sentence: string): string[] {
  const spans = sentence.split(WEB);
  const tokens: string[] = [];
  spans.forEach((span, i) => {
    const raw = i % 2 === 1 ? [span] : wordTokenize(unescapeHtml(span));
    for (const token of raw) {
      for (const part of splitContraction(token)) {
        if (part.length > 0 && !(part.startsWith("'") && part.length > 1)) tokens.push(part);
      }
    }
  });
  return tokens;
}
