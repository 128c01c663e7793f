/** What kind of token a piece of text is, and whether it is a URL or a domain. */
import { EMOTICONS, TLDS } from './lexicon.js';
import { LETTER, WORD_CHAR } from './characters.js';
import type { UdTokenKind } from './types.js';

const URL_START = /^(?:[a-z][a-z0-9+.-]{1,9}:\/\/|www\d{0,3}\.|mailto:)/i;
export const EMAIL = /^[\p{L}\p{N}._%+'-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+$/u;
const DOMAIN = /^[\p{L}\p{N}][\p{L}\p{N}_-]*(?:\.[\p{L}\p{N}_-]+)*\.([a-z]{2,4})(?::\d+)?(?:\/[^\s]*)?$/iu;
export const TAG = /^[@#][\p{L}\p{M}\p{N}_]*\p{L}[\p{L}\p{M}\p{N}_]*$/u;
const URL_TRAILING = /[.,;:!?'"”’)\]}>*]$/;

export function kindOf(text: string): UdTokenKind {
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

export function isUrl(s: string): boolean {
  if (!(URL_START.test(s) || (s.includes('.') && isDomain(s)))) return false;
  if (!URL_TRAILING.test(s)) return true;
  // A closing bracket belongs to the URL only if the URL opened it (Wikipedia-style links).
  const last = s[s.length - 1];
  return last === ')' && s.includes('(');
}
