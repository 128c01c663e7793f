/**
 * Sentence boundaries from UD tokens alone, for callers without a sentence splitter of their own.
 * One left-to-right pass; each token and each gap between two tokens is looked at once.
 *
 * A sentence ends after a run of `.`, `!`, `?` or an ellipsis (one token: the tokenizer keeps `?!`,
 * `...` whole), the closing quotes and brackets glued to it (`no."`) and a reference mark (`. [17]`),
 * - when the next token starts with an upper-case letter, a digit, a quote or an opening bracket:
 *   `in 2009. 2010 was`, `He left. "Why?"`;
 * - after `!` or `?` also when it starts with a lower-case letter (`why? those dogs`), which after a
 *   period more often is the middle of a sentence (`approx. ten`); measured on EWT dev, splitting
 *   there too found more boundaries but tagged worse;
 * and at a blank line (two line breaks with only white space between), whatever precedes it.
 * Abbreviations (`Mr.`, `U.S.`, `e.g.`) and numbers (`3.5`) are whole tokens, so their periods never
 * end a sentence; the tokenizer splits the period off a sentence-final abbreviation (`etc|.`).
 */
import type { UdToken } from './ud-tokenizer/index.js';

const TERMINAL = /^(?:[.!?]+|…+)$/;
const CLOSER = /^["'”’)\]}»]+$/;
const OPENS_SENTENCE = /^[\p{Lu}\p{N}"'“‘«([{]/u;
const LOWER_CASE = /^\p{Ll}/u;

/** True when the white space between two offsets holds a blank line. */
function blankLine(text: string, from: number, to: number): boolean {
  let newlines = 0;
  for (let i = from; i < to; i++) {
    if (text.charCodeAt(i) === 0x0a && ++newlines === 2) return true;
  }
  return false;
}

/** A Wikipedia-style reference `[17]` starting at token i. */
function isReference(tokens: readonly UdToken[], i: number): boolean {
  return tokens[i]?.text === '[' && /^\d{1,3}$/.test(tokens[i + 1]?.text ?? '') && tokens[i + 2]?.text === ']';
}

/** Groups `tokens` (udTokenize(text), in text order) into sentences; see the module comment. */
export function splitSentences(text: string, tokens: readonly UdToken[]): UdToken[][] {
  const sentences: UdToken[][] = [];
  let current: UdToken[] = [];
  // What ended the last terminal token seen, while only closers followed it: '.', '!' (or '?'), or ''.
  let ended: '' | '.' | '!' = '';
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as UdToken;
    const prev = tokens[i - 1];
    if (current.length > 0 && prev !== undefined) {
      if (ended !== '' && prev.end === t.start && CLOSER.test(t.text)) {
        current.push(t);
        continue;
      }
      if (ended !== '' && isReference(tokens, i)) {
        current.push(t, tokens[i + 1] as UdToken, tokens[i + 2] as UdToken);
        i += 2;
        continue;
      }
      const opens = OPENS_SENTENCE.test(t.text) || (ended === '!' && LOWER_CASE.test(t.text));
      if ((ended !== '' && opens) || blankLine(text, prev.end, t.start)) {
        sentences.push(current);
        current = [];
      }
    }
    current.push(t);
    ended = !TERMINAL.test(t.text) ? '' : /[!?]/.test(t.text) ? '!' : '.';
  }
  if (current.length > 0) sentences.push(current);
  return sentences;
}
