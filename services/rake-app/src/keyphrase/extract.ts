/**
 * Keyphrases from tagged text: noun-phrase candidates (candidates.ts) ranked over a graph by
 * PositionRank or MultipartiteRank, written as in the text, best first.
 */
import type { Keyword } from '../rake/options.js';
import { DEFAULT_STOPWORDS } from '../rake/stopwords.js';
import { groupCandidates, nounPhrases, surfaceForm, type Candidate } from './candidates.js';
import { multipartiteRank } from './multipartite-rank.js';
import { positionRank } from './position-rank.js';
import type { TaggedToken } from './tagged-token.js';
import { toWords, type Word } from './words.js';

export const KEYPHRASE_ALGORITHMS = ['positionrank', 'multipartiterank'] as const;
export type KeyphraseAlgorithm = (typeof KEYPHRASE_ALGORITHMS)[number];

export interface KeyphraseOptions {
  /** At most this many keyphrases; default {@link DEFAULT_KEYPHRASE_LIMIT}. */
  readonly limit?: number;
  /**
   * The longest candidate considered, in words (a hyphenated compound is one word). PositionRank's
   * paper considers phrases of up to three words, so that is its default; MultipartiteRank's has none.
   */
  readonly maxWords?: number;
  /** Leave out keyphrases scoring below this. */
  readonly minScore?: number;
  /** Leave out candidates occurring fewer times than this (any inflection counts). */
  readonly minFrequency?: number;
}

export const DEFAULT_KEYPHRASE_LIMIT = 10;
const DEFAULT_MAX_WORDS: Readonly<Record<KeyphraseAlgorithm, number>> = { positionrank: 3, multipartiterank: Infinity };

/** A single letter alone ("x", "B") is a variable or an initial, not a keyphrase; "vitamin B" is one. */
const isWordLike = (word: Word): boolean => [...word.text].length >= 2;

const isStopWord = (word: string): boolean => DEFAULT_STOPWORDS.has(word);

interface Ranked {
  readonly candidate: Candidate;
  readonly score: number;
  readonly first: number;
}

/** True when `inner` occurs as a contiguous run inside `outer`. */
function contains(outer: readonly string[], inner: readonly string[]): boolean {
  for (let at = 0; at + inner.length <= outer.length; at++) {
    let k = 0;
    while (k < inner.length && outer[at + k] === inner[k]) k++;
    if (k === inner.length) return true;
  }
  return false;
}

/**
 * Keeps a keyphrase only when no better-ranked one contains it: "computer networks" adds nothing
 * below "interconnected computer networks", and would take one of the few places a caller reads.
 */
function withoutContained(ranked: readonly Ranked[], limit: number): Ranked[] {
  const kept: Ranked[] = [];
  for (const r of ranked) {
    if (kept.length >= limit) break;
    if (!kept.some((k) => contains(k.candidate.lemmas, r.candidate.lemmas))) kept.push(r);
  }
  return kept;
}

export function extractKeyphrases(text: string, tokens: readonly TaggedToken[], algorithm: KeyphraseAlgorithm, options: KeyphraseOptions = {}): Keyword[] {
  const words = toWords(text, tokens, isStopWord);
  const maxWords = options.maxWords ?? DEFAULT_MAX_WORDS[algorithm];
  const phrases = nounPhrases(words).filter(
    (p) => p.length <= maxWords && words.slice(p.first, p.first + p.length).some(isWordLike),
  );
  const candidates = groupCandidates(words, phrases);
  const scores = algorithm === 'positionrank' ? positionRank(words, candidates) : multipartiteRank(candidates);

  const ranked: Ranked[] = candidates
    .map((candidate, i) => ({ candidate, score: scores[i] as number, first: candidate.occurrences[0]?.first ?? 0 }))
    .filter(
      (r) =>
        (options.minScore === undefined || r.score >= options.minScore) &&
        (options.minFrequency === undefined || r.candidate.occurrences.length >= options.minFrequency),
    )
    .sort((a, b) => b.score - a.score || a.first - b.first);

  return withoutContained(ranked, options.limit ?? DEFAULT_KEYPHRASE_LIMIT).map((r) => ({ candidate: surfaceForm(text, words, r.candidate), score: r.score }));
}
