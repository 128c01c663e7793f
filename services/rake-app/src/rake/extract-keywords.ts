import { findCandidatePhrases } from './candidates.js';
import type { Keyword, RakeOptions } from './options.js';
import { countWordStats, scorePhrases, scoreWords, type ScoredPhrase } from './scores.js';
import { resolveStopwords } from './stopwords.js';
import { splitIntoSegments } from './tokenize.js';

function byScoreThenFirstOccurrence(a: ScoredPhrase, b: ScoredPhrase): number {
  return b.score - a.score || a.firstOccurrence - b.firstOccurrence;
}

/**
 * RAKE keyword extraction (Rose, Engel, Cramer & Cowley 2010, "Automatic
 * keyword extraction from individual documents").
 *
 * Returns distinct lower-cased candidate phrases with their scores, highest
 * score first, ties in order of first occurrence in the text.
 */
export function extractKeywords(text: string, options: RakeOptions = {}): Keyword[] {
  const segments = splitIntoSegments(text);
  const phrases = findCandidatePhrases(segments, resolveStopwords(options.stopwords));
  const wordScores = scoreWords(countWordStats(phrases));

  const { maxWords, minScore, limit } = options;
  const kept = scorePhrases(phrases, wordScores).filter(
    (phrase) =>
      (maxWords === undefined || phrase.wordCount <= maxWords) &&
      (minScore === undefined || phrase.score >= minScore),
  );
  kept.sort(byScoreThenFirstOccurrence);

  const limited = limit === undefined ? kept : kept.slice(0, Math.max(0, limit));
  return limited.map(({ candidate, score }) => ({ candidate, score }));
}
