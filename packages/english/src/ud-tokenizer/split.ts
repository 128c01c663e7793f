/** Cuts one chunk without white space into tokens: emoji, affixes, contractions, inner punctuation. */
import { BARE_CONTRACTIONS, HYPHEN_PREFIXES, ITS_SPLIT_BEFORE, SPECIAL_SPLITS } from './lexicon.js';
import { LETTER, WORD_CHAR } from './characters.js';
import { prefixLength, runLength, suffixLength } from './affixes.js';
import { kindOf } from './token-kinds.js';
import type { Context, UdTokenKind } from './types.js';
import { isWhole } from './whole-tokens.js';

const HAS_EMOJI = /[\p{Extended_Pictographic}\p{Regional_Indicator}]/u;
const ONLY_INVISIBLE = /^[\p{Cf}\p{M}]+$/u;
const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** Tokenizes one white-space chunk, the slice [start, end) of the text, into `ctx.out`. */
export function tokenizeChunk(ctx: Context, start: number, end: number): void {
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
