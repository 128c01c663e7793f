/**
 * Step 3 of RAKE: score words by degree / frequency, and phrases by the sum of
 * their words' scores.
 *
 * Co-occurrence is counted sparsely: a word's degree is the total length of
 * the phrase occurrences it appears in, which equals the row sum of the
 * paper's word co-occurrence matrix (diagonal included) without ever building
 * the matrix. Everything here is linear in the number of word occurrences.
 */

import type { CandidatePhrase } from './candidates.js';

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

export function countWordStats(phrases: readonly CandidatePhrase[]): Map<string, WordStats> {
  const stats = new Map<string, WordStats>();
  for (const phrase of phrases) {
    const length = phrase.length;
    for (const word of phrase) {
      const entry = stats.get(word);
      if (entry === undefined) {
        stats.set(word, { frequency: 1, degree: length });
      } else {
        entry.frequency += 1;
        entry.degree += length;
      }
    }
  }
  return stats;
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

/**
 * One entry per distinct phrase, in order of first occurrence, scored as the
 * sum of its word scores.
 */
export function scorePhrases(
  phrases: readonly CandidatePhrase[],
  wordScores: ReadonlyMap<string, number>,
): ScoredPhrase[] {
  const byCandidate = new Map<string, ScoredPhrase>();
  phrases.forEach((phrase, index) => {
    const candidate = phrase.join(' ');
    const seen = byCandidate.get(candidate);
    if (seen !== undefined) {
      seen.frequency += 1;
      return;
    }
    let score = 0;
    for (const word of phrase) score += wordScores.get(word) ?? 0;
    byCandidate.set(candidate, { candidate, wordCount: phrase.length, score, firstOccurrence: index, frequency: 1 });
  });
  return [...byCandidate.values()];
}
