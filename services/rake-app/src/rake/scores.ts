/**
 * Step 3 of RAKE: score words by degree / frequency, and phrases by the sum of
 * their words' scores.
 *
 * Co-occurrence is counted sparsely: a word's degree is the total length of
 * the phrase occurrences it appears in, which equals the row sum of the
 * paper's word co-occurrence matrix (diagonal included) without ever building
 * the matrix. Everything here is linear in the number of word occurrences.
 */

import { findCandidateSpans, stopFlags, type CandidatePhrase, type CandidateSpans } from './candidates.js';
import { WordIds, type TokenizedText } from './tokenize.js';

export interface WordStats {
  /** How many times the word occurs in candidate phrases. */
  frequency: number;
  /**
   * For each occurrence of the word, the length in words of the phrase it
   * occurs in, summed. (A word that appears twice in one phrase counts twice,
   * as in the reference implementations.)
   */
  degree: number;
}

/** {@link WordStats} by word id; a word in no candidate (a stop word) has frequency 0. */
export interface WordIdStats {
  readonly frequency: Float64Array;
  readonly degree: Float64Array;
}

export function countWordIdStats(
  tokens: readonly number[],
  { starts, ends }: CandidateSpans,
  wordCount: number,
): WordIdStats {
  const frequency = new Float64Array(wordCount);
  const degree = new Float64Array(wordCount);
  for (let k = 0; k < starts.length; k++) {
    const start = starts[k] as number;
    const end = ends[k] as number;
    for (let i = start; i < end; i++) {
      const id = tokens[i] as number;
      frequency[id]! += 1;
      degree[id]! += end - start;
    }
  }
  return { frequency, degree };
}

/** Word score = degree(w) / frequency(w), by word id. */
export function scoreWordIds({ frequency, degree }: WordIdStats): Float64Array {
  return degree.map((sum, id) => sum / (frequency[id] as number));
}

/** {@link WordStats} of each distinct word of `phrases`. */
export function countWordStats(phrases: readonly CandidatePhrase[]): Map<string, WordStats> {
  const ids = new WordIds();
  for (const phrase of phrases) {
    for (const word of phrase) ids.add(word);
    ids.endSegment();
  }
  const spans = findCandidateSpans(ids.tokens, stopFlags(ids.words, () => false));
  const { frequency, degree } = countWordIdStats(ids.tokens, spans, ids.words.length);
  return new Map(ids.words.map((word, id) => [word, { frequency: frequency[id] as number, degree: degree[id] as number }]));
}

/** Word score = degree(w) / frequency(w). */
export function scoreWords(stats: ReadonlyMap<string, WordStats>): Map<string, number> {
  const scores = new Map<string, number>();
  for (const [word, { frequency, degree }] of stats) scores.set(word, degree / frequency);
  return scores;
}

export interface ScoredPhrase {
  /** The phrase's words joined by single spaces. */
  readonly candidate: string;
  readonly wordCount: number;
  readonly score: number;
  /** Index of the phrase's first occurrence among all candidate occurrences. */
  readonly firstOccurrence: number;
  /** How many times the phrase occurs in the text. */
  frequency: number;
}

/** The words `tokens[from] .. tokens[to - 1]` joined by single spaces. */
export function joinWords({ words, tokens }: TokenizedText, from: number, to: number): string {
  let joined = words[tokens[from] as number] as string;
  for (let i = from + 1; i < to; i++) joined += ' ' + (words[tokens[i] as number] as string);
  return joined;
}

export interface ScoredPhrases {
  /** One entry per distinct phrase, in order of first occurrence. */
  readonly phrases: ScoredPhrase[];
  /** For each candidate occurrence, the index of its phrase in `phrases`. */
  readonly phraseOf: Int32Array;
}

/** Scores each distinct phrase as the sum of its word scores (in word order). */
export function scorePhrases(text: TokenizedText, { starts, ends }: CandidateSpans, wordScores: Float64Array): ScoredPhrases {
  const phrases: ScoredPhrase[] = [];
  const phraseOf = new Int32Array(starts.length);
  const indexOf = new Map<string, number>();
  for (let k = 0; k < starts.length; k++) {
    const start = starts[k] as number;
    const end = ends[k] as number;
    const candidate = joinWords(text, start, end);
    let index = indexOf.get(candidate);
    if (index !== undefined) {
      (phrases[index] as ScoredPhrase).frequency += 1;
    } else {
      let score = 0;
      for (let i = start; i < end; i++) score += wordScores[text.tokens[i] as number] as number;
      index = phrases.length;
      phrases.push({ candidate, wordCount: end - start, score, firstOccurrence: k, frequency: 1 });
      indexOf.set(candidate, index);
    }
    phraseOf[k] = index;
  }
  return { phrases, phraseOf };
}
