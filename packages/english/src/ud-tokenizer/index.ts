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
import {
  ABBREVIATIONS,
  BARE_CONTRACTIONS,
  EMOTICONS,
  FILE_EXTENSIONS,
  GLUED_EMOTICONS,
  HYPHEN_PREFIXES,
  ITS_SPLIT_BEFORE,
  NUMBER_WORD_SUFFIX,
  SENTENCE_FINAL_ABBREVIATIONS,
  SLASH_WORDS,
  SPECIAL_SPLITS,
  TLDS,
  UNITS,
  WHOLE_WORDS,
} from './lexicon.js';

export type UdTokenKind = 'word' | 'number' | 'punct' | 'url' | 'email' | 'emoji' | 'emoticon' | 'hashtag' | 'mention';

export interface UdToken {
  text: string;
  start: number;
  end: number;
  kind: UdTokenKind;
}

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

const WORD_CHAR = /[\p{L}\p{M}\p{N}_]/u;
const LETTER = /\p{L}/u;
const HAS_EMOJI = /[\p{Extended_Pictographic}\p{Regional_Indicator}]/u;
const ONLY_INVISIBLE = /^[\p{Cf}\p{M}]+$/u;
const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

interface Context {
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

function tokenizeChunk(ctx: Context, start: number, end: number): void {
  const piece = ctx.text.slice(start, end);
  if (!HAS_EMOJI.test(piece)) {
    splitPiece(ctx, start, end);
    return;
  }
  // Emoji graphemes are tokens of their own; the text between them is tokenized as usual.
  let runStart = start;
  let at = start;
  for (const { segment } of graphemes.segment(piece)) {
    if (HAS_EMOJI.test(segment) && !/^[\d#*]/.test(segment) && !/^[©®™]$/.test(segment)) {
      if (runStart < at) splitPiece(ctx, runStart, at);
      emit(ctx, at, at + segment.length, 'emoji');
      runStart = at + segment.length;
    }
    at += segment.length;
  }
  if (runStart < end) splitPiece(ctx, runStart, end);
}

function emit(ctx: Context, start: number, end: number, kind?: UdTokenKind): void {
  if (end <= start) return;
  const text = ctx.text.slice(start, end);
  if (ONLY_INVISIBLE.test(text)) {
    // A lone joiner or combining mark: glue it to the token it touches, or drop it.
    const prev = ctx.out[ctx.out.length - 1];
    if (prev && prev.end === start) {
      prev.end = end;
      prev.text = ctx.text.slice(prev.start, end);
    }
    return;
  }
  ctx.out.push({ text, start, end, kind: kind ?? kindOf(text) });
}

const URL_START = /^(?:[a-z][a-z0-9+.-]{1,9}:\/\/|www\d{0,3}\.|mailto:)/i;
const EMAIL = /^[\p{L}\p{N}._%+'-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+$/u;
const DOMAIN = /^[\p{L}\p{N}][\p{L}\p{N}_-]*(?:\.[\p{L}\p{N}_-]+)*\.([a-z]{2,4})(?::\d+)?(?:\/[^\s]*)?$/iu;
const TAG = /^[@#][\p{L}\p{M}\p{N}_]*\p{L}[\p{L}\p{M}\p{N}_]*$/u;
const NUMBER = /^[+-]?(?:\d+(?:[.,:]\d+)*|\.\d+)$/;
const DATE = /^\d{1,4}(?:\/\d{1,4}){1,2}$/;
const PHONE = /^\+?\d+(?:[-/]\d+)+$/;
const NUMBER_WORD = /^\d+(\D+)$/;
const DECADE = /^['’]\d\ds?$/;
const INITIALISM = /^(?:\p{L}{1,2}\.){2,}$/u;
const INITIAL = /^\p{L}\.$/u;
const CLITIC = /^(?:['’`](?:s|re|ll|ve|m|d)|n['’]t)$/i;
const PUNCT_RUN_CHARS = /^[.!?…]+$/;
const URL_TRAILING = /[.,;:!?'"”’)\]}>*]$/;

function kindOf(text: string): UdTokenKind {
  if (URL_START.test(text) || (DOMAIN.test(text) && isDomain(text))) return 'url';
  if (EMAIL.test(text)) return 'email';
  if (EMOTICONS.has(text)) return 'emoticon';
  if (TAG.test(text)) return text.startsWith('@') ? 'mention' : 'hashtag';
  if (/^[+-]?[\d.,:/-]*\d[\d.,:/-]*$/.test(text)) return 'number';
  if (!WORD_CHAR.test(text)) return 'punct';
  return 'word';
}

function isDomain(s: string): boolean {
  const m = DOMAIN.exec(s);
  if (!m) return false;
  const tld = (m[1] ?? '').toLowerCase();
  const host = s.split(/[/:]/)[0] ?? '';
  return TLDS.has(tld) && host.length > tld.length + 3 && LETTER.test(host);
}

function isUrl(s: string): boolean {
  if (!(URL_START.test(s) || (s.includes('.') && isDomain(s)))) return false;
  if (!URL_TRAILING.test(s)) return true;
  // A closing bracket belongs to the URL only if the URL opened it (Wikipedia-style links).
  const last = s[s.length - 1];
  return last === ')' && s.includes('(');
}

/** Is `core` (the chunk slice [start, end)) an abbreviation that keeps its period here? */
function keepsPeriod(ctx: Context, core: string, end: number): boolean {
  const known = ABBREVIATIONS.has(core) || INITIALISM.test(core) || (INITIAL.test(core) && core !== 'I.');
  if (!known && !(core === 'I.' && !ctx.nextCapitalised)) return false;
  if (end !== ctx.chunkEnd) return true;
  if (ctx.lastChunk) return false;
  if (!ctx.nextCapitalised) return true;
  return !(SENTENCE_FINAL_ABBREVIATIONS.has(core) || /^[ap]\.m\.$/i.test(core) || core === 'I.' || /^(?:\p{L}\.){3,}$/u.test(core));
}

/** Tokens that are never cut further. */
function isWhole(ctx: Context, core: string, end: number): boolean {
  if (core.length === 1) return true;
  const cp = core.codePointAt(0) ?? 0;
  if (core.length === 2 && cp > 0xffff) return true;
  if (CLITIC.test(core) || EMOTICONS.has(core) || WHOLE_WORDS.has(core)) return true;
  if (core.endsWith('.')) {
    if (keepsPeriod(ctx, core, end)) return true;
    if (FILE_EXTENSIONS.test(core)) return false;
  }
  if (NUMBER.test(core) || DECADE.test(core)) return true;
  if (DATE.test(core)) return !isFraction(core);
  if (PHONE.test(core)) return isPhone(core);
  const numberWord = NUMBER_WORD.exec(core);
  if (numberWord && NUMBER_WORD_SUFFIX.test(numberWord[1] ?? '')) return true;
  if (core.includes('@') && (EMAIL.test(core) || TAG.test(core))) return true;
  if (TAG.test(core)) return true;
  if (SLASH_WORDS.has(core)) return true;
  if (core.includes('.') || core.includes(':')) {
    if (isUrl(core)) return true;
    if (FILE_EXTENSIONS.test(core) && /^[\p{L}\p{N}_.$%#~-]+$/u.test(core)) return true;
  }
  return false;
}

/** "1/2", "3/4": two small numbers with the smaller first are a fraction (split); "9/11", "5/18" are dates. */
function isFraction(s: string): boolean {
  const parts = s.split('/').map(Number);
  if (parts.length !== 2) return false;
  const [a, b] = parts as [number, number];
  return !(a <= 12 && b <= 31) || (a < b && b <= 10);
}

/** "713-853-3989", "345-9945", "1-800-991-9019" are one token; "5-10" and "3-4" are ranges (split). */
function isPhone(s: string): boolean {
  const groups = s.replace(/^\+/, '').split(/[-/]/);
  if (groups.length >= 3) return true;
  const [a, b] = groups as [string, string];
  // "345-9945", "3-5213" (extensions) are numbers; "1969-1970", "400-500", "5-10" are ranges.
  return b.length === 4 && a.length <= 3 && !s.includes('/');
}

const OPENING_QUOTES = /["'`“‘„‚«‹”’]/;
const CURRENCY = /[$£€¥₹₩¢]/;

/** Length of a leading token to split off `core`, or 0. */
function prefixLength(core: string): number {
  const c = core[0] ?? '';
  if (WORD_CHAR.test(c)) return /^[A-Z]{1,2}\$/.test(core) ? core.indexOf('$') + 1 : 0;
  if (CURRENCY.test(c)) return runLength(core, 0, 1);
  if (/^['’`]\d\d(?:s|\b)/.test(core)) return 0;
  if (c === '#' || c === '@') return 1;
  if (c === '+' && PHONE.test(core)) return 0;
  if (c === '.' && /^\.[a-z\d]{2,4}(?![\p{L}\p{N}])/iu.test(core) && FILE_EXTENSIONS.test(/^\.\w+/.exec(core)?.[0] ?? '')) return 0;
  for (let k = Math.min(4, core.length - 1); k >= 2; k--) {
    if (EMOTICONS.has(core.slice(0, k)) && !WORD_CHAR.test(core[k] ?? '')) return k;
  }
  return runLength(core, 0, 1);
}

/** Length of the run of punctuation starting at `i` going in `dir`: identical characters, quote marks, or [.!?…]. */
function runLength(s: string, i: number, dir: 1 | -1): number {
  const c = s[i] ?? '';
  const cp = s.codePointAt(dir === 1 ? i : Math.max(0, i - 1)) ?? 0;
  if (cp > 0xffff) return 2;
  const same = PUNCT_RUN_CHARS.test(c)
    ? (x: string) => PUNCT_RUN_CHARS.test(x)
    : OPENING_QUOTES.test(c)
      ? (x: string) => OPENING_QUOTES.test(x) && (x === c || /[“”‘’'`]/.test(x) && /[“”‘’'`]/.test(c))
      : (x: string) => x === c;
  let k = i;
  while (k >= 0 && k < s.length && same(s[k] ?? '')) k += dir;
  return Math.abs(k - i);
}

const N_T = /[\p{L}\p{M}]n['’]t$/iu;
const APOSTROPHE_CLITIC = /[\p{L}\p{M}\p{N}&.]((?:['’`])(?:s|re|ll|ve|m|d))$/iu;
const UNIT_SUFFIX = /^\d+(?:[.,:]\d+)*([\p{L}.°º]+)$/u;

/** Length of a trailing token to split off `core`, or 0. */
function suffixLength(ctx: Context, core: string, end: number): number {
  for (const e of GLUED_EMOTICONS) {
    if (core.length > e.length && core.endsWith(e) && LETTER.test(core[core.length - e.length - 1] ?? '')) return e.length;
  }
  if (N_T.test(core) && core.length > 3) return 3;
  const clitic = APOSTROPHE_CLITIC.exec(core);
  if (clitic && !/^\d+['’`]s$/i.test(core)) return (clitic[1] ?? '').length;
  const unit = UNIT_SUFFIX.exec(core);
  if (unit && UNITS.has((unit[1] ?? '').toLowerCase())) return (unit[1] ?? '').length;
  const last = core[core.length - 1] ?? '';
  if (WORD_CHAR.test(last)) return 0;
  const low = core.charCodeAt(core.length - 1);
  if (low >= 0xdc00 && low <= 0xdfff) return 0;
  const run = runLength(core, core.length - 1, -1);
  // "D.C.." -> "D.C." + "."; "T.V.?" -> "T.V." + "?"
  if (run >= 2 && core[core.length - run] === '.' && keepsPeriod(ctx, core.slice(0, -(run - 1)), end - (run - 1))) return run - 1;
  return run;
}

/** Splits a chunk without white space (or a part of one) into tokens; see the module comment. */
function splitPiece(ctx: Context, start: number, end: number): void {
  const text = ctx.text;
  if (PLAIN_WORD.test(text.slice(start, end))) {
    splitInside(ctx, start, end);
    return;
  }
  const suffixes: Array<[number, number]> = [];
  let lo = start;
  let hi = end;
  let whole = false;
  while (lo < hi) {
    const core = text.slice(lo, hi);
    if (isWhole(ctx, core, hi)) {
      whole = true;
      break;
    }
    const p = prefixLength(core);
    if (p > 0 && p < core.length) {
      emit(ctx, lo, lo + p);
      lo += p;
      continue;
    }
    const q = suffixLength(ctx, core, hi);
    if (q > 0 && q < core.length) {
      suffixes.push([hi - q, hi]);
      hi -= q;
      continue;
    }
    break;
  }
  if (lo < hi) {
    if (whole) emit(ctx, lo, hi);
    else splitInside(ctx, lo, hi);
  }
  for (let k = suffixes.length - 1; k >= 0; k--) {
    const [a, b] = suffixes[k] as [number, number];
    emit(ctx, a, b);
  }
}

const INFIX_HYPHEN = /[-‐‑–—]/;
/** Letters only (the common case): nothing to strip, only a contraction to split. */
const PLAIN_WORD = /^[\p{L}\p{M}]+$/u;
/** An e-mail address inside a chunk ("Julie"<julie...@bellsouth.net>), kept whole while the rest is split. */
const EMAIL_INSIDE = /[\p{L}\p{N}_%+-][\p{L}\p{N}._%+-]*@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/u;

/** Splits a core with no punctuation at either end: contractions, hyphens, slashes, inner punctuation. */
function splitInside(ctx: Context, start: number, end: number): void {
  const text = ctx.text;
  const core = text.slice(start, end);
  const lower = core.toLowerCase();
  const bare = BARE_CONTRACTIONS.get(lower) ?? SPECIAL_SPLITS.get(core)
    ?? (lower === 'its' && end === ctx.chunkEnd && ITS_SPLIT_BEFORE.has(ctx.nextWord) ? [2] : undefined);
  if (bare) {
    let at = start;
    for (const len of bare) {
      emit(ctx, at, at + len);
      at += len;
    }
    emit(ctx, at, end);
    return;
  }
  // Find inner split points: [from, to) ranges that become tokens of their own.
  const cuts: Array<[number, number]> = [];
  const kept = core.includes('@') ? EMAIL_INSIDE.exec(core) : null;
  const keptFrom = kept ? kept.index : -1;
  const keptTo = kept ? kept.index + kept[0].length : -1;
  let i = 0;
  while (i < core.length) {
    if (i === keptFrom) {
      i = keptTo;
      continue;
    }
    const c = core[i] ?? '';
    if (WORD_CHAR.test(c)) {
      i++;
      continue;
    }
    const run = runLength(core, i, 1);
    const before = core[i - 1] ?? '';
    const after = core[i + run] ?? '';
    if (shouldCut(core, i, run, c, before, after)) cuts.push([i, i + run]);
    i += run;
  }
  if (cuts.length === 0) {
    emit(ctx, start, end);
    return;
  }
  let at = 0;
  for (const [a, b] of cuts) {
    if (a > at) splitPiece(ctx, start + at, start + a);
    emit(ctx, start + a, start + b);
    at = b;
  }
  if (at < core.length) splitPiece(ctx, start + at, end);
}

function shouldCut(core: string, i: number, run: number, c: string, before: string, after: string): boolean {
  if (INFIX_HYPHEN.test(c)) {
    if (run > 1 || c === '—' || c === '–') return true;
    const left = /[\p{L}\p{M}\p{N}_]+$/u.exec(core.slice(0, i))?.[0] ?? '';
    // Only the first hyphen of a word can follow a prefix ("non-Bondad", but "state-of-the-art").
    if (left.length === i && HYPHEN_PREFIXES.has(left.toLowerCase()) && WORD_CHAR.test(after)) return false;
    return true;
  }
  if (c === '.') return run > 1 || (/\p{Ll}/u.test(before) && /\p{Lu}/u.test(after) && /\p{Ll}{2}$/u.test(core.slice(0, i)) && /^\p{Lu}\p{Ll}/u.test(core.slice(i + 1)));
  if (c === "'" || c === '’' || c === '`') return !(LETTER.test(before) && LETTER.test(after));
  if (c === '&') return !(WORD_CHAR.test(before) && WORD_CHAR.test(after));
  if (c === ',' || c === ':') return !(/\d/.test(before) && /\d/.test(after));
  if (c === '*' || c === '+' || c === '@' || c === '#' || c === '%' || c === '$') return false;
  return true;
}
