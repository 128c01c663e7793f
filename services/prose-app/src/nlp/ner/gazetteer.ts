/**
 * Name lists used as recogniser features and for the LOC -> GPE / LOCATION split.
 * The lists live in models/ner-gazetteers.json, built deterministically from compromise's lexicon
 * plus short hand-written lists by scripts/ner/build-gazetteers.ts (see models/ATTRIBUTION.md).
 */

/** The on-disk form: list name -> lower-cased entries (an entry may have several space-separated words). */
export interface GazetteerData {
  format: string;
  source: string;
  lists: Record<string, string[]>;
  /**
   * Optional word lexicon: Penn tag -> space-separated words (case kept) whose most frequent tag it
   * is; the pseudo-tag "+NNP" lists words that can also be proper nouns though their first tag is not.
   */
  lexicon?: Record<string, string>;
}

export const GAZETTEER_FORMAT = 'nlp-api/ner-gazetteers@1';

interface Phrase {
  words: string[];
  list: string;
}

/** Normalises a word for lookup: lower case, curly apostrophes straightened, a trailing period of an abbreviation kept. */
export function gazetteerKey(word: string): string {
  return word.toLowerCase().replace(/[’‘]/g, "'");
}

/** Splits a list entry or a span into lookup words: white space, with "'s" cut off as its own word. */
export function entryWords(entry: string): string[] {
  return entry
    .split(/\s+/)
    .filter((w) => w.length > 0)
    .flatMap((w) => {
      const m = /^(.+?)('s|')$/.exec(w);
      return m && m[1] ? [m[1], m[2] as string] : [w];
    })
    .map(gazetteerKey);
}

export class Gazetteer {
  readonly listNames: readonly string[];
  /** Single word -> names of the lists holding it as a one-word entry. */
  private readonly single = new Map<string, string[]>();
  /** First word -> multi-word entries starting with it, longest first. */
  private readonly phrases = new Map<string, Phrase[]>();
  /** Whole entry (words joined by one space) -> list names, for span lookups. */
  private readonly whole = new Map<string, string[]>();

  /** Word (case kept) -> its most frequent Penn tag in the word lexicon. */
  private readonly lexicon = new Map<string, string>();
  private readonly alsoProper = new Set<string>();

  constructor(readonly data: GazetteerData) {
    if (data.format !== GAZETTEER_FORMAT) throw new Error(`unsupported gazetteer format ${String(data.format)}`);
    for (const tag of Object.keys(data.lexicon ?? {}).sort()) {
      const words = (data.lexicon?.[tag] ?? '').split(' ').filter((w) => w.length > 0);
      if (tag === '+NNP') for (const w of words) this.alsoProper.add(w);
      else for (const w of words) if (!this.lexicon.has(w)) this.lexicon.set(w, tag);
    }
    this.listNames = Object.keys(data.lists).sort();
    for (const list of this.listNames) {
      for (const entry of data.lists[list] ?? []) {
        const words = entryWords(entry);
        if (words.length === 0) continue;
        addTo(this.whole, words.join(' '), list);
        if (words.length === 1) addTo(this.single, words[0] as string, list);
        else {
          const key = words[0] as string;
          const bucket = this.phrases.get(key) ?? [];
          bucket.push({ words, list });
          this.phrases.set(key, bucket);
        }
      }
    }
    for (const bucket of this.phrases.values()) bucket.sort((a, b) => b.words.length - a.words.length || (a.list < b.list ? -1 : 1));
  }

  /** The word's most frequent Penn tag in the word lexicon (exact case), or undefined if unknown. */
  lexiconTag(word: string): string | undefined {
    return this.lexicon.get(word);
  }

  /** True when the word lexicon allows the word (exact case) to be a proper noun. */
  canBeProper(word: string): boolean {
    const tag = this.lexicon.get(word);
    return tag === 'NNP' || tag === 'NNPS' || this.alsoProper.has(word);
  }

  /** Lists holding `word` as a one-word entry. */
  listsOfWord(word: string): readonly string[] {
    return this.single.get(gazetteerKey(word)) ?? EMPTY;
  }

  /** Lists holding the whole span (words as given, e.g. ["New", "York"]) as one entry. */
  listsOfSpan(words: readonly string[]): readonly string[] {
    return this.whole.get(words.map(gazetteerKey).join(' ')) ?? EMPTY;
  }

  /**
   * Multi-word entries found in a token sequence, longest first at each position, left to right,
   * without overlaps: for each token, "B-list" / "I-list" or undefined.
   */
  phraseTags(words: readonly string[]): Array<string | undefined> {
    const keys = words.map(gazetteerKey);
    const out: Array<string | undefined> = new Array(words.length).fill(undefined);
    for (let i = 0; i < keys.length; ) {
      const bucket = this.phrases.get(keys[i] as string);
      let matched: Phrase | undefined;
      if (bucket) {
        for (const p of bucket) {
          if (i + p.words.length > keys.length) continue;
          let ok = true;
          for (let k = 1; k < p.words.length && ok; k++) ok = keys[i + k] === p.words[k];
          if (ok) {
            matched = p;
            break;
          }
        }
      }
      if (!matched) {
        i++;
        continue;
      }
      for (let k = 0; k < matched.words.length; k++) out[i + k] = `${k === 0 ? 'B' : 'I'}-${matched.list}`;
      i += matched.words.length;
    }
    return out;
  }
}

const EMPTY: readonly string[] = Object.freeze([]);

function addTo(map: Map<string, string[]>, key: string, list: string): void {
  const lists = map.get(key);
  if (!lists) map.set(key, [list]);
  else if (!lists.includes(list)) lists.push(list);
}
