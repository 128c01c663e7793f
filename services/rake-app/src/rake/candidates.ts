/**
 * Step 2 of RAKE: split each delimiter-free segment at stop words. What is
 * left are the candidate phrases: maximal runs of non-stop words.
 */

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

/** Candidates and the stop-word runs between them, in one linear pass. */
export function walkCandidates(segments: readonly (readonly string[])[], isStop: StopTest): CandidateWalk {
  const phrases: CandidatePhrase[] = [];
  const adjacencies: Adjacency[] = [];
  for (const segment of segments) {
    let start = 0;
    // The index of the previous candidate in this segment, and where it ended.
    let previous = -1;
    let previousEnd = 0;
    for (let i = 0; i <= segment.length; i++) {
      const word = segment[i];
      if (word === undefined || isStop(word)) {
        if (i > start) {
          if (previous >= 0 && start > previousEnd) {
            adjacencies.push({ index: previous, interior: segment.slice(previousEnd, start) });
          }
          previous = phrases.length;
          previousEnd = i;
          phrases.push(segment.slice(start, i));
        }
        start = i + 1;
      }
    }
  }
  return { phrases, adjacencies };
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
