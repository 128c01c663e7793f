import type { Document, ItsHelpers } from 'wink-nlp';
import { locate, type Span } from './offsets.js';

/** A token cut by wink-nlp, located in the input text, before Penn tagging. */
export interface RawToken extends Span {
  text: string;
  /** wink-nlp's Universal POS tag. */
  upos: string;
  lemma: string;
  /** wink-nlp's token type: word, number, punctuation, emoji, url, email, ... */
  kind: string;
}

export interface TokenizedDoc {
  tokens: RawToken[];
  /** Character span of every wink token by wink index (null for whitespace tokens), to map wink's token-index spans. */
  winkSpans: Array<Span | null>;
}

const BLANK = /^[\s\p{Cf}]*$/u;

interface SplitPart {
  upos: string;
  /** Fixed lemma; undefined keeps the part's lower-cased text. */
  lemma?: string;
  kind: string;
}

/** Tokens wink-nlp leaves whole but Penn/UD treebanks split: contractions and clock times glued to am/pm. */
const SPLITS: Array<{ pattern: RegExp; parts: SplitPart[] }> = [
  { pattern: /^(i)(['’]?m)$/i, parts: [{ upos: 'PRON', lemma: 'i', kind: 'word' }, { upos: 'AUX', lemma: 'be', kind: 'word' }] },
  { pattern: /^(can)(not)$/i, parts: [{ upos: 'AUX', lemma: 'can', kind: 'word' }, { upos: 'PART', lemma: 'not', kind: 'word' }] },
  { pattern: /^(gon)(na)$/i, parts: [{ upos: 'VERB', lemma: 'go', kind: 'word' }, { upos: 'PART', lemma: 'to', kind: 'word' }] },
  { pattern: /^(wan)(na)$/i, parts: [{ upos: 'VERB', lemma: 'want', kind: 'word' }, { upos: 'PART', lemma: 'to', kind: 'word' }] },
  { pattern: /^(got)(ta)$/i, parts: [{ upos: 'VERB', lemma: 'get', kind: 'word' }, { upos: 'PART', lemma: 'to', kind: 'word' }] },
  { pattern: /^(\d{1,2}(?:[:.]\d\d)?)([ap]\.?m\.?)$/i, parts: [{ upos: 'NUM', kind: 'number' }, { upos: 'NOUN', kind: 'word' }] },
];

const SENTENCE_PUNCT = /^[.!?]+$/;

/** "!!", "?!", "...." and "<<", "==" arrive as single characters; treebanks keep such runs whole. */
function continuesPunctuationRun(prev: RawToken, value: string, kind: string): boolean {
  if (kind !== 'punctuation' && kind !== 'symbol') return false;
  if (prev.kind !== 'punctuation' && prev.kind !== 'symbol') return false;
  if (SENTENCE_PUNCT.test(prev.text) && SENTENCE_PUNCT.test(value)) return true;
  const c = prev.text[0];
  return c !== undefined && /^[<>=*_~#+-]$/.test(c) && [...prev.text, ...value].every((ch) => ch === c);
}

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

function isSingleGrapheme(s: string): boolean {
  const it = graphemes.segment(s)[Symbol.iterator]();
  it.next();
  return it.next().done === true;
}

/** Sentence punctuation wink-nlp glues to the end of a URL ("see https://x.org/a."). */
export const URL_TRAILING_PUNCTUATION = /[.,;:!?]+$/;

function splitToken(token: RawToken): RawToken[] {
  if (token.kind === 'url') {
    const m = URL_TRAILING_PUNCTUATION.exec(token.text);
    if (!m || m.index === 0) return [token];
    const cut = token.start + m.index;
    return [
      { ...token, text: token.text.slice(0, m.index), end: cut },
      { text: m[0], start: cut, end: token.end, upos: 'PUNCT', lemma: m[0], kind: 'punctuation' },
    ];
  }
  if (token.kind !== 'word' && token.kind !== 'time') return [token];
  for (const { pattern, parts } of SPLITS) {
    const m = pattern.exec(token.text);
    if (!m) continue;
    const out: RawToken[] = [];
    let start = token.start;
    parts.forEach((part, i) => {
      const text = m[i + 1] ?? '';
      out.push({ text, start, end: start + text.length, upos: part.upos, lemma: part.lemma ?? text.toLowerCase(), kind: part.kind });
      start += text.length;
    });
    return out;
  }
  return [token];
}

/**
 * Reads wink-nlp's tokens with character offsets. Offsets come from a cursor over the text
 * (value + preceding spaces is lossless in wink-nlp); `locate` is the safety net if that ever drifts.
 * Emoji pieces that form one grapheme (ZWJ families, skin tones, flags, VS16) are merged into one token.
 */
/**
 * Where each of wink's tokens is in the text (null for whitespace tokens and the ones not found).
 * wink reports values and preceding spaces, not offsets.
 */
export function winkSpansOf(doc: Document, its: ItsHelpers, text: string): Array<Span | null> {
  const values = doc.tokens().out(its.value) as string[];
  const spaces = doc.tokens().out(its.precedingSpaces) as string[];
  const winkSpans: Array<Span | null> = [];
  let cursor = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i] ?? '';
    const expected = cursor + (spaces[i] ?? '').length;
    // A token may also follow the previous one directly where wink saw a space that is not in the
    // text: breakLongRuns inserts such spaces into the copy wink reads.
    const start = text.startsWith(value, expected) && (expected === cursor || !text.startsWith(value, cursor))
      ? expected
      : text.startsWith(value, cursor) ? cursor : locate(text, value, cursor);
    if (start < 0 || value.length === 0) {
      winkSpans.push(null);
      continue;
    }
    const end = start + value.length;
    cursor = end;
    // A lone joiner/format char is kept only if it glues emoji together (see tokenizeDoc).
    winkSpans.push(BLANK.test(value) && (!/\p{Cf}/u.test(value) || /\s/.test(value)) ? null : { start, end });
  }
  return winkSpans;
}

export function tokenizeDoc(doc: Document, its: ItsHelpers, text: string): TokenizedDoc {
  const values = doc.tokens().out(its.value) as string[];
  const upos = doc.tokens().out(its.pos) as string[];
  const lemmas = doc.tokens().out(its.lemma as ItsHelpers['value']) as Array<string | null>;
  const kinds = doc.tokens().out(its.type) as string[];
  const winkSpans = winkSpansOf(doc, its, text);

  const tokens: RawToken[] = [];
  for (let i = 0; i < values.length; i++) {
    const span = winkSpans[i];
    if (!span) continue;
    const { start, end } = span;
    const value = values[i] ?? '';
    const kind = kinds[i] ?? 'word';
    const prev = tokens[tokens.length - 1];
    if (prev && prev.end === start && (kind === 'emoji' || kind === 'unk') && (prev.kind === 'emoji' || BLANK.test(prev.text))
      && isSingleGrapheme(text.slice(prev.start, end))) {
      prev.end = end;
      prev.text = text.slice(prev.start, end);
      prev.kind = 'emoji';
      continue;
    }
    if (prev && prev.end === start && continuesPunctuationRun(prev, value, kind)) {
      prev.end = end;
      prev.text = text.slice(prev.start, end);
      continue;
    }
    const token: RawToken = { text: value, start, end, upos: upos[i] ?? 'X', lemma: lemmas[i] ?? value.toLowerCase(), kind };
    tokens.push(...splitToken(token));
  }
  return { tokens: tokens.filter((t) => !BLANK.test(t.text)), winkSpans };
}
