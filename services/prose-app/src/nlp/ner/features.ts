import type { Gazetteer } from './gazetteer.js';

/** One token as the recogniser sees it: its text and, when the caller has one, its Universal POS tag. */
export interface NerToken {
  text: string;
  upos?: string | undefined;
}

function charClass(ch: string): string {
  const c = ch.charCodeAt(0);
  if (c >= 65 && c <= 90) return 'X';
  if (c >= 97 && c <= 122) return 'x';
  if (c >= 48 && c <= 57) return 'd';
  if (c < 128) return ch;
  const lower = ch.toLowerCase();
  const upper = ch.toUpperCase();
  if (ch !== lower) return 'X';
  if (ch !== upper) return 'x';
  if (/\p{Nd}/u.test(ch)) return 'd';
  if (/\p{L}/u.test(ch)) return 'L';
  return ch.length > 1 || c >= 0xd800 ? 'E' : ch;
}

/**
 * Word shape: upper-case letters -> X, lower-case -> x, digits -> d, other characters kept
 * (caseless letters -> L, other non-ASCII symbols and emoji -> E); runs longer than 4 are cut to 4
 * ("Angela" -> "Xxxxx", "U.S." -> "X.X.", "2024" -> "dddd").
 */
export function wordShape(word: string): string {
  let out = '';
  let last = '';
  let run = 0;
  for (const ch of word) {
    const k = charClass(ch);
    if (k === last) {
      if (++run > 4) continue;
    } else {
      last = k;
      run = 1;
    }
    out += k;
  }
  return out;
}

/** Word shape with every run collapsed to one character ("Obama" -> "Xx", "McDonald" -> "XxXx", "1,200" -> "d,d"). */
export function shortShape(word: string): string {
  let out = '';
  let last = '';
  for (const ch of word) {
    const k = charClass(ch);
    if (k !== last) out += k;
    last = k;
  }
  return out;
}

/**
 * How the sentence uses capitals, so the model can discount capitalisation where it carries no
 * information: "lower" (almost no capitalised words: tweets, chat), "caps" (mostly all-caps words),
 * "title" (nearly every word capitalised: headlines) or "mixed" (ordinary prose).
 */
export function sentenceCase(words: readonly string[]): 'lower' | 'caps' | 'title' | 'mixed' {
  let alpha = 0;
  let initialUpper = 0;
  let allCaps = 0;
  for (const w of words) {
    const first = w[0];
    if (first === undefined || !/\p{L}/u.test(first)) continue;
    alpha++;
    if (first !== first.toLowerCase()) {
      initialUpper++;
      if (w.length > 1 && w === w.toUpperCase()) allCaps++;
    }
  }
  if (alpha < 3) return 'mixed';
  if (allCaps / alpha > 0.6) return 'caps';
  if (initialUpper === 0 || (alpha >= 8 && initialUpper / alpha < 0.08)) return 'lower';
  if (alpha >= 4 && initialUpper / alpha > 0.75) return 'title';
  return 'mixed';
}

export const BOS = '<s>';
export const EOS = '</s>';

/**
 * The features of every token of one sentence, as strings (a feature's weight vector is looked up by
 * its string). Window: the word, its lower-cased form, shapes, prefixes and suffixes; two words either
 * side; neighbouring shapes; UPOS of the word and its neighbours; sentence capitalisation; gazetteer
 * lists of the word and its neighbours, multi-word gazetteer matches, and the word lexicon's most
 * frequent Penn tag for the word as written, lower-cased, and for the lower-cased neighbours. The previous tags enter
 * through the decoder's transition weights, not here.
 */
export function sentenceFeatures(tokens: readonly NerToken[], gazetteer?: Gazetteer | null): string[][] {
  const n = tokens.length;
  const words = tokens.map((t) => t.text);
  const lower = words.map((w) => w.toLowerCase());
  const shapes = words.map(shortShape);
  const upos = tokens.map((t) => t.upos ?? 'X');
  const mode = sentenceCase(words);
  const lists = gazetteer ? words.map((w) => gazetteer.listsOfWord(w)) : [];
  const phrase = gazetteer ? gazetteer.phraseTags(words) : [];
  // Word-lexicon tags: of the word as written, and of its lower-cased form ("-" when unknown).
  const lex = gazetteer ? words.map((w) => gazetteer.lexiconTag(w) ?? '-') : [];
  const lexLower = gazetteer ? lower.map((w) => gazetteer.lexiconTag(w) ?? '-') : [];
  const ll = (i: number): string => (i < 0 ? BOS : i >= n ? EOS : (lexLower[i] as string));
  const lw = (i: number): string => (i < 0 ? BOS : i >= n ? EOS : (lower[i] as string));
  const sh = (i: number): string => (i < 0 ? BOS : i >= n ? EOS : (shapes[i] as string));
  const up = (i: number): string => (i < 0 ? BOS : i >= n ? EOS : (upos[i] as string));

  const out: string[][] = [];
  for (let i = 0; i < n; i++) {
    const w = words[i] as string;
    const l = lower[i] as string;
    const s = shapes[i] as string;
    const u = upos[i] as string;
    const f: string[] = [
      'b',
      `w=${w}`,
      `l=${l}`,
      `s=${s}`,
      `S=${wordShape(w)}`,
      `u=${u}`,
      `sc=${mode}|${s}`,
      `l-1=${lw(i - 1)}`,
      `l+1=${lw(i + 1)}`,
      `l-2=${lw(i - 2)}`,
      `l+2=${lw(i + 2)}`,
      `l-1|l=${lw(i - 1)}|${l}`,
      `l|l+1=${l}|${lw(i + 1)}`,
      `s-1=${sh(i - 1)}`,
      `s+1=${sh(i + 1)}`,
      `s-1|s=${sh(i - 1)}|${s}`,
      `s|s+1=${s}|${sh(i + 1)}`,
      `s-1|s|s+1=${sh(i - 1)}|${s}|${sh(i + 1)}`,
      `u-1=${up(i - 1)}`,
      `u+1=${up(i + 1)}`,
      `u-1|u=${up(i - 1)}|${u}`,
      `u|u+1=${u}|${up(i + 1)}`,
      `u|s=${u}|${s}`,
    ];
    if (i === 0) f.push(`first|s=${s}`);
    const len = l.length;
    for (let k = 1; k <= 4 && k < len; k++) {
      f.push(`p${k}=${l.slice(0, k)}`);
      f.push(`x${k}=${l.slice(len - k)}`);
    }
    if (gazetteer) {
      for (const g of lists[i] ?? []) f.push(`g=${g}`, `g|s=${g}|${s}`);
      for (const g of lists[i - 1] ?? []) f.push(`g-1=${g}`);
      for (const g of lists[i + 1] ?? []) f.push(`g+1=${g}`);
      const p = phrase[i];
      if (p !== undefined) f.push(`G=${p}`, `G|s=${p}|${s}`);
      const lx = lex[i] as string;
      const lxl = lexLower[i] as string;
      f.push(`lx=${lx}`, `lxl=${lxl}`, `lx|s=${lx}|${lxl}|${s}`, `lxl-1=${ll(i - 1)}`, `lxl+1=${ll(i + 1)}`);
      if (gazetteer.canBeProper(w)) f.push('lxP');
    }
    out.push(f);
  }
  return out;
}
