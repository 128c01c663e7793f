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
   * never depends on this option.
   */
  readonly maxWords?: number;
  /** Leave out keywords whose score is below this. */
  readonly minScore?: number;
  /**
   * Stop words to split phrases at, instead of the SMART stoplist. Entries are
   * matched case-insensitively (they are lower-cased like the text's words).
   */
  readonly stopwords?: ReadonlySet<string> | readonly string[];
}

/** One extracted keyword: a lower-cased candidate phrase and its RAKE score. */
export interface Keyword {
  readonly candidate: string;
  readonly score: number;
}
