/**
 * The weight rows of `sentenceFeatures`' features, found without building most of the strings.
 *
 * Two thirds of a token's features depend on one word only (its own "w=", "l=", prefixes, gazetteer
 * lists, lexicon tags, or its part as a neighbour: "l-1=", "s+1=", "g-1=", ...). Their rows are looked
 * up once per word and kept in a bounded cache; only the features that combine words, UPOS tags or
 * the sentence's case are built and looked up per token. The rows come out in exactly the order of
 * `sentenceFeatures`, so the emission scores are summed in the same order and are the same numbers.
 */
import { BOS, EOS, sentenceCase, shortShape, wordShape, type NerToken } from './features.js';
import type { Gazetteer } from './gazetteer.js';

interface RowLookup {
  get(key: string): number | undefined;
}

/** What a word contributes, as rows (-1: not in the model) and the strings other features combine. */
interface WordRows {
  lower: string;
  shape: string;
  /** w=, l=, s=, S=. */
  head: Int32Array;
  first: number;
  /** Prefixes and suffixes, then g= / g|s pairs for the word's lists. */
  affixesAndLists: Int32Array;
  /** lx=, lxl=, lx|s=, then lxP when the word can be a proper noun. */
  lexicon: Int32Array;
  /** The word as a neighbour: l-1, l+1, l-2, l+2, s-1, s+1, lxl-1, lxl+1. */
  asNeighbour: Int32Array;
  /** g-1= and g+1= for each of the word's lists. */
  listsBefore: Int32Array;
  listsAfter: Int32Array;
}

const L_MINUS_1 = 0;
const L_PLUS_1 = 1;
const L_MINUS_2 = 2;
const L_PLUS_2 = 3;
const S_MINUS_1 = 4;
const S_PLUS_1 = 5;
const LXL_MINUS_1 = 6;
const LXL_PLUS_1 = 7;

/** Words kept at most; the cache is emptied when it is full, so its memory stays bounded. */
const CACHE_WORDS = 16_384;
/** Feature strings kept at most (emptied when full). */
const CACHE_FEATURES = 65_536;

export interface SentenceRows {
  /** Rows of all tokens' features back to back; token i's are [offsets[i], offsets[i + 1]). */
  rows: Int32Array;
  offsets: Int32Array;
}

export class FeatureRows {
  private readonly cache = new Map<string, WordRows>();
  private readonly recent = new Map<string, number>();
  private readonly bos: WordRows;
  private readonly eos: WordRows;
  private readonly bias: number;

  constructor(
    private readonly rows: RowLookup,
    private readonly gazetteer: Gazetteer,
  ) {
    this.bos = this.boundary(BOS);
    this.eos = this.boundary(EOS);
    this.bias = this.row('b');
  }

  /**
   * The row of one feature string. The features that combine words repeat (UPOS and shape pairs,
   * frequent bigrams): a small Map with V8's native string hash answers them faster than the model's
   * table, whose slots are far apart in memory.
   */
  private row(key: string): number {
    const known = this.recent.get(key);
    if (known !== undefined) return known;
    const row = this.rows.get(key) ?? -1;
    if (this.recent.size >= CACHE_FEATURES) this.recent.clear();
    this.recent.set(key, row);
    return row;
  }

  private neighbourRows(lower: string, shape: string, lexLower: string): Int32Array {
    const r = (k: string): number => this.row(k);
    return Int32Array.of(r(`l-1=${lower}`), r(`l+1=${lower}`), r(`l-2=${lower}`), r(`l+2=${lower}`), r(`s-1=${shape}`), r(`s+1=${shape}`), r(`lxl-1=${lexLower}`), r(`lxl+1=${lexLower}`));
  }

  private boundary(mark: string): WordRows {
    const none = new Int32Array(0);
    return { lower: mark, shape: mark, head: none, first: -1, affixesAndLists: none, lexicon: none, asNeighbour: this.neighbourRows(mark, mark, mark), listsBefore: none, listsAfter: none };
  }

  private wordRows(w: string): WordRows {
    const cached = this.cache.get(w);
    if (cached) return cached;
    const g = this.gazetteer;
    const r = (k: string): number => this.row(k);
    const l = w.toLowerCase();
    const s = shortShape(w);
    const affixes: number[] = [];
    for (let k = 1; k <= 4 && k < l.length; k++) affixes.push(r(`p${k}=${l.slice(0, k)}`), r(`x${k}=${l.slice(l.length - k)}`));
    const lists = g.listsOfWord(w);
    for (const list of lists) affixes.push(r(`g=${list}`), r(`g|s=${list}|${s}`));
    const lx = g.lexiconTag(w) ?? '-';
    const lxl = g.lexiconTag(l) ?? '-';
    const lexicon = [r(`lx=${lx}`), r(`lxl=${lxl}`), r(`lx|s=${lx}|${lxl}|${s}`)];
    if (g.canBeProper(w)) lexicon.push(r('lxP'));
    const entry: WordRows = {
      lower: l,
      shape: s,
      head: Int32Array.of(r(`w=${w}`), r(`l=${l}`), r(`s=${s}`), r(`S=${wordShape(w)}`)),
      first: r(`first|s=${s}`),
      affixesAndLists: Int32Array.from(affixes),
      lexicon: Int32Array.from(lexicon),
      asNeighbour: this.neighbourRows(l, s, lxl),
      listsBefore: Int32Array.from(lists, (list) => r(`g-1=${list}`)),
      listsAfter: Int32Array.from(lists, (list) => r(`g+1=${list}`)),
    };
    if (this.cache.size >= CACHE_WORDS) this.cache.clear();
    this.cache.set(w, entry);
    return entry;
  }

  /** The rows of `sentenceFeatures(tokens, gazetteer)`, feature for feature (-1 for a feature the model lacks). */
  sentence(tokens: readonly NerToken[]): SentenceRows {
    const n = tokens.length;
    const words = tokens.map((t) => t.text);
    const entries = words.map((w) => this.wordRows(w));
    const upos = tokens.map((t) => t.upos ?? 'X');
    const mode = sentenceCase(words);
    const phrase = this.gazetteer.phraseTags(words);
    const at = (i: number): WordRows => (i < 0 ? this.bos : i >= n ? this.eos : (entries[i] as WordRows));
    const up = (i: number): string => (i < 0 ? BOS : i >= n ? EOS : (upos[i] as string));
    const r = (k: string): number => this.row(k);

    const out: number[] = [];
    const offsets = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) {
      const e = entries[i] as WordRows;
      const prev = at(i - 1);
      const next = at(i + 1);
      const { lower: l, shape: s } = e;
      const u = upos[i] as string;
      out.push(this.bias, ...e.head, r(`u=${u}`), r(`sc=${mode}|${s}`));
      out.push(prev.asNeighbour[L_MINUS_1] as number, next.asNeighbour[L_PLUS_1] as number);
      out.push(at(i - 2).asNeighbour[L_MINUS_2] as number, at(i + 2).asNeighbour[L_PLUS_2] as number);
      out.push(r(`l-1|l=${prev.lower}|${l}`), r(`l|l+1=${l}|${next.lower}`));
      out.push(prev.asNeighbour[S_MINUS_1] as number, next.asNeighbour[S_PLUS_1] as number);
      out.push(r(`s-1|s=${prev.shape}|${s}`), r(`s|s+1=${s}|${next.shape}`), r(`s-1|s|s+1=${prev.shape}|${s}|${next.shape}`));
      out.push(r(`u-1=${up(i - 1)}`), r(`u+1=${up(i + 1)}`), r(`u-1|u=${up(i - 1)}|${u}`), r(`u|u+1=${u}|${up(i + 1)}`), r(`u|s=${u}|${s}`));
      if (i === 0) out.push(e.first);
      out.push(...e.affixesAndLists, ...prev.listsBefore, ...next.listsAfter);
      const p = phrase[i];
      if (p !== undefined) out.push(r(`G=${p}`), r(`G|s=${p}|${s}`));
      const lex = e.lexicon;
      out.push(lex[0] as number, lex[1] as number, lex[2] as number, prev.asNeighbour[LXL_MINUS_1] as number, next.asNeighbour[LXL_PLUS_1] as number);
      if (lex.length > 3) out.push(lex[3] as number);
      offsets[i + 1] = out.length;
    }
    return { rows: Int32Array.from(out), offsets };
  }
}
