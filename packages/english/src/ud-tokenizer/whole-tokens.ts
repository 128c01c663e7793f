/** Which pieces stay whole: abbreviations that keep their period, numbers, dates, phone numbers, URLs, tags. */
import { ABBREVIATIONS, EMOTICONS, FILE_EXTENSIONS, NUMBER_WORD_SUFFIX, SENTENCE_FINAL_ABBREVIATIONS, SLASH_WORDS, WHOLE_WORDS } from './lexicon.js';
import { EMAIL, isUrl, TAG } from './token-kinds.js';
import type { Context } from './types.js';

const NUMBER = /^[+-]?(?:\d+(?:[.,:]\d+)*|\.\d+)$/;
const DATE = /^\d{1,4}(?:\/\d{1,4}){1,2}$/;
export const PHONE = /^\+?\d+(?:[-/]\d+)+$/;
const NUMBER_WORD = /^\d+(\D+)$/;
const DECADE = /^['’]\d\ds?$/;
const INITIALISM = /^(?:\p{L}{1,2}\.){2,}$/u;
const INITIAL = /^\p{L}\.$/u;
const CLITIC = /^(?:['’`](?:s|re|ll|ve|m|d)|n['’]t)$/i;

/** Is `core` (the chunk slice [start, end)) an abbreviation that keeps its period here? */
export function keepsPeriod(ctx: Context, core: string, end: number): boolean {
  const known = ABBREVIATIONS.has(core) || INITIALISM.test(core) || (INITIAL.test(core) && core !== 'I.');
  if (!known && !(core === 'I.' && !ctx.nextCapitalised)) return false;
  if (end !== ctx.chunkEnd) return true;
  if (ctx.lastChunk) return false;
  if (!ctx.nextCapitalised) return true;
  return !(SENTENCE_FINAL_ABBREVIATIONS.has(core) || /^[ap]\.m\.$/i.test(core) || core === 'I.' || /^(?:\p{L}\.){3,}$/u.test(core));
}

/** Tokens that are never cut further. */
export function isWhole(ctx: Context, core: string, end: number): boolean {
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
