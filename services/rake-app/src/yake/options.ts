import type { StoplistName } from '../rake/options.js';

/** Options for {@link extractYakeKeywords}; all optional, defaults as in the reference implementation. */
export interface YakeOptions {
  /** Return at most this many keywords. Default 20 (the reference implementation's `top`). */
  readonly limit?: number;
  /** Longest candidate, in words (YAKE's n-gram size `n`). Default 3. */
  readonly maxWords?: number;
  /** Leave out keywords scoring above this (YAKE scores: lower is better). */
  readonly maxScore?: number;
  /**
   * Stop words: `'smart'`, `'fox'`, or your own (lower-cased before use).
   * Default: YAKE's English list, which is SMART's plus "dr", "dra", "mr", "ms".
   */
  readonly stopwords?: StoplistName | ReadonlySet<string> | readonly string[];
  /**
   * A term shorter than this many characters (after an -s plural is cut and
   * ASCII punctuation removed) is a stop word. Default 3, YAKE's own rule.
   */
  readonly minChars?: number;
  /** Keep only candidates occurring at least this many times. Default 1. */
  readonly minFrequency?: number;
  /**
   * Drop a candidate whose similarity to a better one already kept is above
   * this (1 - Levenshtein distance / longer length). Default 0.9; 1 turns
   * deduplication off.
   */
  readonly dedupThreshold?: number;
  /** Co-occurrence window, in words. Default 1. */
  readonly windowSize?: number;
}

/** One YAKE keyword: the candidate as first written in the text, and its score (lower is better). */
export interface YakeKeyword {
  readonly candidate: string;
  readonly score: number;
}
