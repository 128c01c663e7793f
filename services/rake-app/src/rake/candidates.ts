/**
 * Step 2 of RAKE: split each delimiter-free segment at stop words. What is
 * left are the candidate phrases: maximal runs of non-stop words.
 */

/** One occurrence of a candidate phrase, as its (lower-cased) words. */
export type CandidatePhrase = readonly string[];

/**
 * Candidate phrase occurrences, in text order. A phrase that occurs several
 * times is returned once per occurrence.
 */
export function findCandidatePhrases(
  segments: readonly (readonly string[])[],
  stopwords: ReadonlySet<string>,
): CandidatePhrase[] {
  const phrases: CandidatePhrase[] = [];
  for (const segment of segments) {
    let start = 0;
    for (let i = 0; i <= segment.length; i++) {
      const word = segment[i];
      if (word === undefined || stopwords.has(word)) {
        if (i > start) phrases.push(segment.slice(start, i));
        start = i + 1;
      }
    }
  }
  return phrases;
}
