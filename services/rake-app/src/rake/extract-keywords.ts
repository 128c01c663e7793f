import { findAdjoiningKeywords } from './adjoining.js';
import { findCandidateSpans, stopFlags, stopTest } from './candidates.js';
import type { Keyword, RakeOptions } from './options.js';
import { countWordIdStats, scorePhrases, scoreWordIds, type ScoredPhrase } from './scores.js';
import { resolveStopwords } from './stopwords.js';
import { tokenizeText } from './tokenize.js';

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
  const tokenized = tokenizeText(text);
  const isStop = stopTest(resolveStopwords(options.stopwords), options.minChars);
  const spans = findCandidateSpans(tokenized.tokens, stopFlags(tokenized.words, isStop));
  const wordScores = scoreWordIds(countWordIdStats(tokenized.tokens, spans, tokenized.words.length));

  const phrases = scorePhrases(tokenized, spans, wordScores);
  const scored: Ranked[] = phrases.phrases;
  if (options.adjoining === true) scored.push(...findAdjoiningKeywords(tokenized, spans, phrases));

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
