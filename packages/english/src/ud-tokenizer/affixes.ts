/** The punctuation, currency, clitics and units split off the front and the back of a piece. */
import { EMOTICONS, FILE_EXTENSIONS, GLUED_EMOTICONS, UNITS } from './lexicon.js';
import { LETTER, WORD_CHAR } from './characters.js';
import type { Context } from './types.js';
import { keepsPeriod, PHONE } from './whole-tokens.js';

const PUNCT_RUN_CHARS = /^[.!?…]+$/;
const OPENING_QUOTES = /["'`“‘„‚«‹”’]/;
const CURRENCY = /[$£€¥₹₩¢]/;

/** Length of a leading token to split off `core`, or 0. */
export function prefixLength(core: string): number {
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
export function runLength(s: string, i: number, dir: 1 | -1): number {
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
export function suffixLength(ctx: Context, core: string, end: number): number {
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
