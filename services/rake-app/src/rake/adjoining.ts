/**
 * Adjoining keywords, section 1.2.3 of Rose, Engel, Cramer & Cowley (2010),
 * "Automatic keyword extraction from individual documents":
 *
 * > Because RAKE splits candidate keywords by stop words, extracted keywords do
 * > not contain interior stop words. [...] an interest was also expressed in
 * > identifying keywords that contain interior stop words such as axis of evil.
 * > To find these RAKE looks for pairs of keywords that adjoin one another at
 * > least twice in the same document and in the same order. A new candidate
 * > keyword is then created as a combination of those keywords and their
 * > interior stop words. The score for the new keyword is the sum of its member
 * > keyword scores.
 *
 * Read here as: two candidate occurrences adjoin when they are in the same
 * delimiter-free segment with only stop words (at least one) between them. The
 * new candidate is the exact word sequence "first interior second"; it is kept
 * when that sequence occurs at least twice (so "in the same order" and with the
 * same interior stop words), and scored as score(first) + score(second), the
 * member keywords' scores from step 1.2.2. Adjoining does not change any word's
 * degree or frequency, so every other score is unaffected. Only pairs are
 * joined, as in the paper; a run "A of B of C" can give "A of B" and "B of C".
 */

import type { CandidateSpans } from './candidates.js';
import { joinWords, type ScoredPhrase, type ScoredPhrases } from './scores.js';
import type { TokenizedText } from './tokenize.js';

/** An adjoined keyword: `candidate` is the joined sequence, `frequency` how often it occurs. */
export interface AdjoinedPhrase extends ScoredPhrase {
  readonly adjoined: true;
}

/**
 * The adjoined keywords of a text, one per distinct sequence occurring at
 * least twice, in order of first occurrence.
 */
export function findAdjoiningKeywords(
  text: TokenizedText,
  { starts, ends, adjoining }: CandidateSpans,
  { phrases, phraseOf }: ScoredPhrases,
): AdjoinedPhrase[] {
  const bySequence = new Map<string, AdjoinedPhrase>();
  for (const index of adjoining) {
    const start = starts[index] as number;
    const end = ends[index + 1] as number;
    const candidate = joinWords(text, start, end);
    const seen = bySequence.get(candidate);
    if (seen !== undefined) {
      seen.frequency += 1;
      continue;
    }
    const first = phrases[phraseOf[index] as number] as ScoredPhrase;
    const second = phrases[phraseOf[index + 1] as number] as ScoredPhrase;
    bySequence.set(candidate, {
      candidate,
      wordCount: end - start,
      score: first.score + second.score,
      firstOccurrence: index,
      frequency: 1,
      adjoined: true,
    });
  }
  return [...bySequence.values()].filter((phrase) => phrase.frequency >= 2);
}
