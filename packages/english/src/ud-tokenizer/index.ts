/**
 * A rule-based English tokenizer following Universal Dependencies (UD English-EWT) conventions:
 *
 * - clitics are tokens of their own: `do|n't`, `ca|n't`, `I|'m`, `Bush|'s`, `parents|'`, and the
 *   apostrophe-less `do|nt`, `I|m`, `gon|na`, `can|not`;
 * - URLs, e-mail addresses, numbers (`3.14`, `1,000`, `10:30`, `11/28/2000`, phone numbers),
 *   abbreviations (`Mr.`, `U.S.`, `e.g.`), emoticons, hashtags and mentions stay whole;
 * - hyphenated compounds are split with the hyphen as a token (`long|-|term`), except after the
 *   prefixes EWT keeps glued (`e-mail`, `co-workers`, `non-profit`);
 * - a sentence-final abbreviation gives up its period (`etc|.` at the end of the text);
 * - `$|5`, `5|%`, `5|pm`, `35|mm`; runs like `!!!`, `?!`, `...`, `--` are one token; emoji (ZWJ
 *   sequences, skin tones, flags) are one token per grapheme.
 *
 * Every token carries UTF-16 offsets into the input: `text.slice(start, end) === token.text`.
 *
 * Time is linear in the input: the text is cut at white space into chunks of at most LONGEST_TOKEN
 * code points (longer runs are cut, as wink-nlp's input was), and the work per chunk is bounded by a
 * function of that constant.
 */
import { tokenizeChunk } from './split.js';
import type { Context, UdToken } from './types.js';

export type { UdToken, UdTokenKind } from './types.js';

/** No real word is this long; URLs rarely come near it. Longer runs without white space are cut. */
export const LONGEST_TOKEN = 256;

/** White space, plus invisible characters that separate words without being `\s` (zero-width space, BOM, bidi marks). */
function isSeparator(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0x85) return false;
  return (
    c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200b) || c === 0x200e || c === 0x200f
    || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x2060 || c === 0x3000 || c === 0xfeff
    || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)
  );
}

/** Tokenizes `text` the UD English way; see the module comment. */
export function udTokenize(text: string): UdToken[] {
  const out: UdToken[] = [];
  const n = text.length;
  let i = 0;
  let chunks: Array<[number, number]> = [];
  // Collect chunks first so each knows what follows it; done in windows to stay streaming-friendly.
  while (i < n) {
    while (i < n && isSeparator(text.charCodeAt(i))) i++;
    if (i >= n) break;
    let j = i;
    let codePoints = 0;
    while (j < n && codePoints < LONGEST_TOKEN) {
      const c = text.charCodeAt(j);
      if (isSeparator(c)) break;
      const next = j + 1 < n ? text.charCodeAt(j + 1) : 0;
      // A surrogate pair is one code point; a lone surrogate is one too (and never swallows a separator).
      j += c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
      codePoints++;
    }
    chunks.push([i, j]);
    i = j;
    if (chunks.length >= 1024) {
      chunks = flushChunks(text, chunks, out, false);
    }
  }
  flushChunks(text, chunks, out, true);
  return out;
}

/** Tokenizes all chunks but the last (unless `final`), which needs to see its successor; returns what is left. */
function flushChunks(text: string, chunks: Array<[number, number]>, out: UdToken[], final: boolean): Array<[number, number]> {
  const upto = final ? chunks.length : chunks.length - 1;
  for (let k = 0; k < upto; k++) {
    const [start, end] = chunks[k] as [number, number];
    const next = chunks[k + 1];
    const ctx: Context = {
      text,
      out,
      chunkEnd: end,
      lastChunk: next === undefined,
      nextCapitalised: next !== undefined && /^[("'“‘[]?\p{Lu}/u.test(text.slice(next[0], next[0] + 2)),
      nextWord: next === undefined ? '' : (/^[\p{L}']*/u.exec(text.slice(next[0], Math.min(next[1], next[0] + 16)))?.[0] ?? '').toLowerCase(),
    };
    tokenizeChunk(ctx, start, end);
  }
  return final ? [] : chunks.slice(upto);
}
