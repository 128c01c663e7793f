/**
 * Options for {@link extractKeywords}. Every field is optional and new fields
 * will only ever be added as optional ones, so callers never break.
 *
 * No validation happens here: callers (e.g. the HTTP layer) are expected to
 * pass sensible numbers already.
 */
export interface RakeOptions {
  /** Return at most this many keywords (after the other filters). */
  readonly limit?: number;
  /**
   * Leave out candidates with more words than this. Only the output is
   * filtered: scores are computed over every candidate, so a phrase's score
   * never depends on this option. An adjoined keyword's words include its
   * interior stop words ("axis of evil" has 3).
   */
  readonly maxWords?: number;
  /** Leave out keywords whose score is below this. */
  readonly minScore?: number;
  /**
   * The stop words that split phrases: `'smart'` (the default, SMART's 570
   * words), `'fox'` (Fox 1989, 421 words), or your own words, matched
   * case-insensitively (they are lower-cased like the text's words).
   */
  readonly stopwords?: StoplistName | ReadonlySet<string> | readonly string[];
  /**
   * Words with fewer characters than this are treated as stop words (phrase
   * breakers). Characters are Unicode code points of the lower-cased word,
   * not counting combining marks, so "café" has 4 however it is encoded, and
   * the joiners inside "covid-19" and "don't" count. Default 1: no effect.
   */
  readonly minChars?: number;
  /**
   * Keep only candidates that occur at least this many times in the text (as
   * the whole phrase). Scores are unaffected. Default 1.
   */
  readonly minFrequency?: number;
  /**
   * Also return adjoining keywords (Rose et al. 2010, section 1.2.3): two
   * keywords separated only by stop words, adjoining at least twice in the
   * text in the same order with the same interior stop words, joined with those
   * stop words; scored as the sum of the two keywords' scores. Default false.
   */
  readonly adjoining?: boolean;
}

export type StoplistName = 'smart' | 'fox';

/** One extracted keyword: a lower-cased candidate phrase and its RAKE score. */
export interface Keyword {
  readonly candidate: string;
  readonly score: number;
}
