import type { RakeOptions } from './options.js';
import { SMART_STOPLIST } from './stoplists/smart.js';

/** The default stop words: the SMART stoplist as a set (570 distinct words). */
export const DEFAULT_STOPWORDS: ReadonlySet<string> = new Set(SMART_STOPLIST);

/** The stop words to use for `options`, lower-cased like the text's words. */
export function resolveStopwords(stopwords: RakeOptions['stopwords']): ReadonlySet<string> {
  if (stopwords === undefined) return DEFAULT_STOPWORDS;
  const resolved = new Set<string>();
  for (const word of stopwords) resolved.add(word.toLowerCase().replace(/\u2019/g, "'"));
  return resolved;
}
