/**
 * The words the keyphrase algorithms count: tokens, with hyphenated compounds joined back into one
 * word ("real-time", "state-of-the-art", "COVID-19"), since the UD tokenizer splits them, and each
 * word's part in a noun phrase.
 */
import type { TaggedToken } from './tagged-token.js';

/**
 * - noun: may end a keyphrase; adjective: may only precede a noun;
 * - other: ends any phrase (verbs, function words, numbers, punctuation, dates, stop words).
 */
export type WordRole = 'noun' | 'adjective' | 'other';

export interface Word {
  /** The word as written. */
  readonly text: string;
  /** Lower-cased lemma; the key words are grouped by. */
  readonly lemma: string;
  readonly role: WordRole;
  /** A proper noun (NNP, NNPS) or a compound with one. */
  readonly proper: boolean;
  readonly start: number;
  readonly end: number;
  readonly sentence: number;
  /** The first word of its sentence. */
  readonly sentenceInitial: boolean;
}

const HYPHENS = new Set(['-', '\u2010', '\u2011']);
const LETTER = /\p{L}/u;
const CAPITALISED = /^\p{Lu}/u;

/** Month and weekday names: "3 May 2019" holds a date, not a keyphrase. */
const DATE_WORDS = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
]);

/** Tags after which a participle is a verb ("was based", "have developed"), not a modifier. */
const VERBAL = /^(?:VB|VBD|VBP|VBZ|MD|TO)$/;
/** Tags after which an -ing form is a gerund heading its own clause ("by using", "for solving"). */
const GERUND_CONTEXT = /^(?:IN|TO|VB|VBD|VBP|VBZ|MD|RB|WDT|WP|,)$/;

type TokenClass = 'noun' | 'adjective' | 'participle' | 'other';

function classOf(tag: string): TokenClass {
  if (tag.startsWith('NN')) return 'noun';
  if (tag === 'JJ' || tag === 'JJR' || tag === 'JJS') return 'adjective';
  if (tag === 'VBN' || tag === 'VBG') return 'participle';
  return 'other';
}

const isHyphen = (t: TaggedToken | undefined): boolean => t !== undefined && HYPHENS.has(t.text);
const touching = (a: TaggedToken, b: TaggedToken): boolean => a.end === b.start;

/** The end (exclusive) of the hyphenated compound starting at token i, or i + 1 when there is none. */
function compoundEnd(tokens: readonly TaggedToken[], i: number): number {
  let end = i + 1;
  while (end + 1 < tokens.length) {
    const hyphen = tokens[end] as TaggedToken;
    const next = tokens[end + 1] as TaggedToken;
    if (!isHyphen(hyphen) || !touching(tokens[end - 1] as TaggedToken, hyphen) || !touching(hyphen, next)) break;
    if (HYPHENS.has(next.text) || !/[\p{L}\p{N}]/u.test(next.text)) break;
    end += 2;
  }
  return end;
}

interface Draft {
  text: string;
  lemma: string;
  cls: TokenClass;
  proper: boolean;
  tag: string;
  start: number;
  end: number;
  sentence: number;
  /** The tag of the token before it in its sentence; '' for the first word of a sentence. */
  before: string;
}

function draftOf(text: string, tokens: readonly TaggedToken[], from: number, to: number, isStop: (w: string) => boolean): Draft {
  const first = tokens[from] as TaggedToken;
  const last = tokens[to - 1] as TaggedToken;
  const previous = tokens[from - 1];
  const before = previous !== undefined && previous.sentence === first.sentence ? previous.tag : '';
  if (to - from === 1) {
    const lower = first.text.toLowerCase();
    let cls = LETTER.test(first.text) ? classOf(first.tag) : 'other';
    const proper = first.tag === 'NNP' || first.tag === 'NNPS';
    if (DATE_WORDS.has(lower) && CAPITALISED.test(first.text)) cls = 'other';
    else if (!proper && isStop(lower)) cls = 'other';
    return draft(first.text, first.lemma.toLowerCase(), cls, proper, first.tag, first, last, before);
  }
  // A compound takes the part of its last part with a letter ("COVID-19" is a noun, "well-known" an adjective).
  let head: TaggedToken | undefined;
  let proper = false;
  const parts: string[] = [];
  for (let k = from; k < to; k += 2) {
    const part = tokens[k] as TaggedToken;
    if (LETTER.test(part.text)) head = part;
    if (part.tag === 'NNP' || part.tag === 'NNPS') proper = true;
    parts.push(k === to - 1 && LETTER.test(part.text) ? part.lemma.toLowerCase() : part.text.toLowerCase());
  }
  const cls: TokenClass = head === undefined ? 'other' : classOf(head.tag) === 'noun' ? 'noun' : 'adjective';
  return draft(text.slice(first.start, last.end), parts.join('-'), cls, proper, (head ?? last).tag, first, last, before);
}

// Written out field by field: V8 builds `{ ...common, more }` on a slow path, which cost more than all the ranking.
function draft(text: string, lemma: string, cls: TokenClass, proper: boolean, tag: string, first: TaggedToken, last: TaggedToken, before: string): Draft {
  return { text, lemma, cls, proper, tag, start: first.start, end: last.end, sentence: first.sentence, before };
}

/**
 * Joins compounds and decides each word's role. A participle ("interconnected", "learning") is an
 * adjective when a noun or adjective follows it and it does not continue a verb ("was based") or,
 * for an -ing form, open a clause ("by using"); otherwise it is a verb, which is never a keyphrase.
 * Stop words (`isStop`, on the lower-cased word) are never part of a keyphrase unless they are
 * proper nouns ("New York") or inside a compound.
 */
export function toWords(text: string, tokens: readonly TaggedToken[], isStop: (word: string) => boolean): Word[] {
  const drafts: Draft[] = [];
  for (let i = 0; i < tokens.length; ) {
    const end = compoundEnd(tokens, i);
    drafts.push(draftOf(text, tokens, i, end, isStop));
    i = end;
  }
  return drafts.map((d, i) => {
    const sentenceInitial = d.before === '';
    let role: WordRole = d.cls === 'noun' ? 'noun' : d.cls === 'adjective' ? 'adjective' : 'other';
    if (d.cls === 'participle') {
      const next = drafts[i + 1];
      const modifies = next !== undefined && next.sentence === d.sentence && (next.cls === 'noun' || next.cls === 'adjective');
      const verbal = VERBAL.test(d.before) || (d.tag === 'VBG' && (sentenceInitial || GERUND_CONTEXT.test(d.before)));
      role = modifies && !verbal ? 'adjective' : 'other';
    }
    return { text: d.text, lemma: d.lemma, role, proper: d.proper, start: d.start, end: d.end, sentence: d.sentence, sentenceInitial };
  });
}
