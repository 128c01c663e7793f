import type { RakeOptions, StoplistName } from './options.js';
import { FOX_STOPLIST } from './stoplists/fox.js';
import { SMART_STOPLIST } from './stoplists/smart.js';

/** The default stop words: the SMART stoplist as a set (570 distinct words). */
export const DEFAULT_STOPWORDS: ReadonlySet<string> = new Set(SMART_STOPLIST);

/** Fox's stoplist as a set (421 distinct words). */
export const FOX_STOPWORDS: ReadonlySet<string> = new Set(FOX_STOPLIST);

const NAMED: Readonly<Record<StoplistName, ReadonlySet<string>>> = { smart: DEFAULT_STOPWORDS, fox: FOX_STOPWORDS };

/** The stop words to use for `options`, lower-cased like the text's words. */
export function resolveStopwords(stopwords: RakeOptions['stopwords']): ReadonlySet<string> {
  if (stopwords === undefined) return DEFAULT_STOPWORDS;
  if (typeof stopwords === 'string') return NAMED[stopwords];
  const resolved = new Set<string>();
  for (const word of stopwords) resolved.add(word.toLowerCase().replace(/\u2019/g, "'"));
  return resolved;
}
