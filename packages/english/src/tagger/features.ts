/**
 * Features of the POS tagger (after Honnibal's "A good part-of-speech tagger in about 200 lines"),
 * extended with prefixes, word shapes, the cased form, "ambiguity classes" (the tags a word was seen
 * with in training) of the word and its neighbours, and hints (wink-nlp's UPOS of the word and its
 * neighbours). Shared by training and tagging, so both see exactly the same values.
 */
import type { FeatureValues } from './perceptron.js';

/** What the tagger knows about a word before tagging: its normalised form, shape and affixes. */
export interface WordInfo {
  /** Original form. */
  form: string;
  lower: string;
  /** Lower-cased, with numbers, URLs and e-mails collapsed to classes. */
  norm: string;
  /** Character classes with runs collapsed: "Xx", "d", "X.X.", "x-x". */
  shape: string;
  suffix3: string;
  /** The tags this word was seen with in training ("NN|VB"), or "?" for a rare or unknown word. */
  amb: string;
  /** Outside evidence about the word: another tagger's guess ("" when there is none). */
  hint: string;
}

const URL_LIKE = /^(?:[a-z][a-z0-9+.-]*:\/\/|www\.)|\.(?:com|org|net|edu|gov)\b/i;
const NUMBER_LIKE = /^[+-]?[\d.,:/-]*\d[\d.,:/-]*$/;

export function normalise(form: string): string {
  if (/^\d{4}$/.test(form)) return '!YEAR';
  if (NUMBER_LIKE.test(form)) return '!DIGITS';
  if (form.length > 3 && form.includes('@') && /\.\w/.test(form)) return '!EMAIL';
  if (form.length > 4 && URL_LIKE.test(form)) return '!URL';
  if (form.length > 30) return '!LONG';
  return form.toLowerCase();
}

const UPPER = /\p{Lu}/u;
const LETTER = /\p{L}/u;

function charClass(ch: string): string {
  const c = ch.charCodeAt(0);
  if (c < 128) {
    if (c >= 65 && c <= 90) return 'X';
    if (c >= 97 && c <= 122) return 'x';
    if (c >= 48 && c <= 57) return 'd';
    return ch;
  }
  return UPPER.test(ch) ? 'X' : LETTER.test(ch) ? 'x' : /\d/u.test(ch) ? 'd' : ch;
}

/** "Xx", "X.X.", "d,d", "x-x": character classes, runs collapsed, at most 24 characters looked at. */
export function wordShape(form: string): string {
  let out = '';
  let last = '';
  let n = 0;
  for (const ch of form) {
    if (++n > 24) break;
    const c = charClass(ch);
    if (c !== last) out += c;
    last = c;
  }
  return out;
}

export function wordInfo(form: string, ambiguity?: ReadonlyMap<string, string>, hint = ''): WordInfo {
  const lower = form.toLowerCase();
  const norm = normalise(form);
  return { form, lower, norm, shape: wordShape(form), suffix3: lower.slice(-3), amb: ambiguity?.get(norm) ?? '?', hint };
}

const START: WordInfo = { form: '-START-', lower: '-start-', norm: '-START-', shape: '-START-', suffix3: '-START-', amb: '-START-', hint: '-START-' };
const END: WordInfo = { form: '-END-', lower: '-end-', norm: '-END-', shape: '-END-', suffix3: '-END-', amb: '-END-', hint: '-END-' };

/** Feature templates; the last TAG_TEMPLATE_COUNT depend on the previous predicted tags. */
export const TEMPLATES = [
  'bias', 'w', 'W', 's1', 's2', 's3', 's4', 's5', 'p1', 'p2', 'p3', 'sh',
  'w-1', 's3-1', 'sh-1', 'w-2', 'w+1', 's3+1', 'sh+1', 'w+2',
  'w-1 w', 'w w+1', 'w+1 w+2', 'w-1 w+1', 'first', 'hyph',
  'a', 'a+1', 'a+2', 'a-1', 'a a+1',
  'h', 'h-1', 'h+1', 'h s3', 'h h+1', 'h a',
  't-1', 't-2', 't-1 t-2', 't-1 w', 't-1 s3', 't-1 w+1',
] as const;
const TAG_TEMPLATE_COUNT = 6;
export const WORD_TEMPLATE_COUNT = TEMPLATES.length - TAG_TEMPLATE_COUNT;

/**
 * Feature values that depend only on the words (not on the tags), for word `i`; the tag slots are
 * left null for `setTagFeatures`.
 */
export function wordFeatures(words: readonly WordInfo[], i: number): Array<string | null> {
  const w = words[i] as WordInfo;
  const p1 = words[i - 1] ?? START;
  const p2 = words[i - 2] ?? START;
  const n1 = words[i + 1] ?? END;
  const n2 = words[i + 2] ?? END;
  const lower = w.lower;
  const v: Array<string | null> = [
    '',
    w.norm,
    w.form.length <= 30 ? w.form : '!LONG',
    lower.slice(-1),
    lower.slice(-2),
    w.suffix3,
    lower.slice(-4),
    lower.slice(-5),
    w.form.slice(0, 1),
    lower.slice(0, 2),
    lower.slice(0, 3),
    w.shape,
    p1.norm,
    p1.suffix3,
    p1.shape,
    p2.norm,
    n1.norm,
    n1.suffix3,
    n1.shape,
    n2.norm,
    `${p1.norm} ${w.norm}`,
    `${w.norm} ${n1.norm}`,
    `${n1.norm} ${n2.norm}`,
    `${p1.norm} ${n1.norm}`,
    i === 0 ? w.shape : null,
    w.form.length > 1 && w.form.includes('-') ? '' : null,
    w.amb,
    n1.amb,
    n2.amb,
    p1.amb,
    `${w.amb} ${n1.amb}`,
  ];
  if (w.hint === '') v.push(null, null, null, null, null, null);
  else v.push(w.hint, p1.hint, n1.hint, `${w.hint} ${w.suffix3}`, `${w.hint} ${n1.hint}`, `${w.hint} ${w.amb}`);
  for (let t = 0; t < TAG_TEMPLATE_COUNT; t++) v.push(null);
  return v;
}

/** Fills the tag-dependent slots of `values` (from `wordFeatures`) in place and returns it. */
export function setTagFeatures(values: Array<string | null>, words: readonly WordInfo[], i: number, prev1: string, prev2: string): FeatureValues {
  const w = words[i] as WordInfo;
  const n1 = words[i + 1] ?? END;
  const at = WORD_TEMPLATE_COUNT;
  values[at] = prev1;
  values[at + 1] = prev2;
  values[at + 2] = `${prev1} ${prev2}`;
  values[at + 3] = `${prev1} ${w.norm}`;
  values[at + 4] = `${prev1} ${w.suffix3}`;
  values[at + 5] = `${prev1} ${n1.norm}`;
  return values;
}

export const START_TAG = '-START-';
export const START2_TAG = '-START2-';
