import { findAdjoiningKeywords } from './adjoining.js';
import { stopTest, walkCandidates } from './candidates.js';
import type { Keyword, RakeOptions } from './options.js';
import { countWordStats, scorePhrases, scoreWords, type ScoredPhrase } from './scores.js';
import { resolveStopwords } from './stopwords.js';
import { splitIntoSegments } from './tokenize.js';

interface Ranked extends ScoredPhrase {
  readonly adjoined?: true;
}

/**
 * Highest score first; ties in order of first occurrence in the text, an
 * adjoined keyword after the plain keyword it starts with.
 */
function byScoreThenFirstOccurrence(a: Ranked, b: Ranked): number {
  return (
    b.score - a.score ||
    a.firstOccurrence - b.firstOccurrence ||
    (a.adjoined === true ? 1 : 0) - (b.adjoined === true ? 1 : 0)
  );
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
  const isStop = stopTest(resolveStopwords(options.stopwords), options.minChars);
  const { phrases, adjacencies } = walkCandidates(segments, isStop);
  const wordScores = scoreWords(countWordStats(phrases));

  const scored: Ranked[] = scorePhrases(phrases, wordScores);
  if (options.adjoining === true) {
    const scores = new Map(scored.map((phrase) => [phrase.candidate, phrase.score]));
    scored.push(...findAdjoiningKeywords(phrases, adjacencies, scores));
  }

  const { maxWords, minScore, minFrequency, limit } = options;
  const kept = scored.filter(
    (phrase) =>
      (maxWords === undefined || phrase.wordCount <= maxWords) &&
      (minScore === undefined || phrase.score >= minScore) &&
      (minFrequency === undefined || phrase.frequency >= minFrequency),
  );
  kept.sort(byScoreThenFirstOccurrence);

  const limited = limit === undefined ? kept : kept.slice(0, Math.max(0, limit));
  return limited.map(({ candidate, score }) => ({ candidate, score }));
}
