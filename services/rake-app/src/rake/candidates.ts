/**
 * Step 2 of RAKE: split each delimiter-free segment at stop words. What is
 * left are the candidate phrases: maximal runs of non-stop words.
 */

import { SEGMENT_END, WordIds, type TokenizedText } from './tokenize.js';

/** One occurrence of a candidate phrase, as its (lower-cased) words. */
export type CandidatePhrase = readonly string[];

/** Decides whether a (lower-cased) word is a stop word, i.e. a phrase breaker. */
export type StopTest = (word: string) => boolean;

const COMBINING_MARK = /\p{M}/u;

/** A word's length in Unicode code points, not counting combining marks. */
export function charCount(word: string): number {
  let count = 0;
  for (const char of word) if (!COMBINING_MARK.test(char)) count += 1;
  return count;
}

/**
 * The stop test for a stoplist and a minimum word length: a word is a stop word
 * if it is on the list or has fewer than `minChars` characters (see
 * {@link charCount}).
 */
export function stopTest(stopwords: ReadonlySet<string>, minChars = 1): StopTest {
  if (minChars <= 1) return (word) => stopwords.has(word);
  return (word) => stopwords.has(word) || charCount(word) < minChars;
}

/**
 * The candidate phrase occurrences of a tokenized text, in text order, as
 * spans of its token list: occurrence `k` is the words
 * `tokens[starts[k]] .. tokens[ends[k] - 1]`.
 */
export interface CandidateSpans {
  readonly starts: number[];
  readonly ends: number[];
  /**
   * Every `k` such that occurrences `k` and `k + 1` are in the same segment
   * with only stop words (at least one) between them, in text order.
   */
  readonly adjoining: number[];
}

/** The stop words among a text's distinct words: 1 at a stop word's id. */
export function stopFlags(words: readonly string[], isStop: StopTest): Uint8Array {
  const flags = new Uint8Array(words.length);
  words.forEach((word, id) => {
    if (isStop(word)) flags[id] = 1;
  });
  return flags;
}

/** Candidates and the stop-word runs between them, in one linear pass. */
export function findCandidateSpans(tokens: readonly number[], isStopId: Uint8Array): CandidateSpans {
  const starts: number[] = [];
  const ends: number[] = [];
  const adjoining: number[] = [];
  let start = 0;
  // Whether the previous candidate is in the current segment.
  let previousInSegment = false;
  for (let i = 0; i < tokens.length; i++) {
    const id = tokens[i] as number;
    if (id !== SEGMENT_END && isStopId[id] === 0) continue;
    if (i > start) {
      if (previousInSegment && start > (ends[ends.length - 1] as number)) adjoining.push(starts.length - 1);
      starts.push(start);
      ends.push(i);
      previousInSegment = true;
    }
    if (id === SEGMENT_END) previousInSegment = false;
    start = i + 1;
  }
  return { starts, ends, adjoining };
}

/**
 * Where two candidate occurrences adjoin: candidate `index` and candidate
 * `index + 1` are in the same segment, separated only by the stop words
 * `interior` (at least one).
 */
export interface Adjacency {
  readonly index: number;
  readonly interior: readonly string[];
}

export interface CandidateWalk {
  /** Candidate phrase occurrences, in text order. */
  readonly phrases: CandidatePhrase[];
  /** Every pair of consecutive candidates with only stop words between them, in text order. */
  readonly adjacencies: Adjacency[];
}

/** Word ids for segments of words, as {@link tokenizeText} gives them for a text. */
function tokenizeSegments(segments: readonly (readonly string[])[]): TokenizedText {
  const ids = new WordIds();
  for (const segment of segments) {
    for (const word of segment) ids.add(word);
    ids.endSegment();
  }
  return ids;
}

/** {@link findCandidateSpans} for segments of words, with the phrases and stop-word runs as words. */
export function walkCandidates(segments: readonly (readonly string[])[], isStop: StopTest): CandidateWalk {
  const { words, tokens } = tokenizeSegments(segments);
  const { starts, ends, adjoining } = findCandidateSpans(tokens, stopFlags(words, isStop));
  const wordsOf = (from: number, to: number): string[] => tokens.slice(from, to).map((id) => words[id] as string);
  return {
    phrases: starts.map((start, k) => wordsOf(start, ends[k] as number)),
    adjacencies: adjoining.map((index) => ({ index, interior: wordsOf(ends[index] as number, starts[index + 1] as number) })),
  };
}

/**
 * Candidate phrase occurrences, in text order. A phrase that occurs several
 * times is returned once per occurrence.
 */
export function findCandidatePhrases(
  segments: readonly (readonly string[])[],
  stopwords: ReadonlySet<string> | StopTest,
): CandidatePhrase[] {
  const isStop = typeof stopwords === 'function' ? stopwords : stopTest(stopwords);
  return walkCandidates(segments, isStop).phrases;
}
