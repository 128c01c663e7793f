/**
 * The weight rows of `sentenceFeatures`' features, found without building most of the strings.
 *
 * Two thirds of a token's features depend on one word only (its own "w=", "l=", prefixes, gazetteer
 * lists, lexicon tags, or its part as a neighbour: "l-1=", "s+1=", "g-1=", ...). Their rows are looked
 * up once per word and kept in a bounded cache; only the features that combine words, UPOS tags or
 * the sentence's case are built and looked up per token. The rows come out in exactly the order of
 * `sentenceFeatures`, so the emission scores are summed in the same order and are the same numbers.
 */
import { BOS, EOS, sentenceCase, sentenceFeatures, shortShape, wordShape, type NerToken } from './features.js';
import type { Gazetteer } from './gazetteer.js';

interface RowLookup {
  get(key: string): number | undefined;
}

/** What a word contributes, as rows (-1: not in the model) and the strings other features combine. */
interface WordRows {
  /** Small integer naming the word in the memo keys of combined features; valid until `forget`. */
  id: number;
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
/** Memo entries per combined feature at most (all memos and word ids are forgotten when one is full). */
const CACHE_COMBINED = 32_768;
/** Ids (of words, UPOS tags) stay below ID_LIMIT, so a memo key `a * ID_LIMIT + b` stays a small integer. */
const ID_LIMIT = 32_768;
const key = (a: number, b: number): number => a * ID_LIMIT + b;
const MODES = ['lower', 'caps', 'title', 'mixed'] as const;

/** The combined features memoised by ids, each in a Map of its own. */
const COMBINED = ['u', 'sc', 'l-1|l', 'l|l+1', 's-1|s', 's|s+1', 'u-1', 'u+1', 'u-1|u', 'u|u+1', 'u|s'] as const;
type Combined = (typeof COMBINED)[number];

export interface SentenceRows {
  /** Rows of all tokens' features back to back; token i's are [offsets[i], offsets[i + 1]). */
  rows: Int32Array;
  offsets: Int32Array;
}

export class FeatureRows {
  private readonly cache = new Map<string, WordRows>();
  private readonly recent = new Map<string, number>();
  private readonly uposIds = new Map<string, number>();
  private readonly combined = new Map<Combined, Map<number, number>>(COMBINED.map((c) => [c, new Map()]));
  private nextId = 2;
  private readonly bos: WordRows;
  private readonly eos: WordRows;
  private readonly bias: number;

  constructor(
    private readonly rows: RowLookup,
    private readonly gazetteer: Gazetteer,
  ) {
    this.bos = this.boundary(BOS, 0);
    this.eos = this.boundary(EOS, 1);
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

  private boundary(mark: string, id: number): WordRows {
    const none = new Int32Array(0);
    return { id, lower: mark, shape: mark, head: none, first: -1, affixesAndLists: none, lexicon: none, asNeighbour: this.neighbourRows(mark, mark, mark), listsBefore: none, listsAfter: none };
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
      id: this.nextId++,
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
    this.cache.set(w, entry);
    return entry;
  }

  private forget(): void {
    this.cache.clear();
    this.uposIds.clear();
    for (const memo of this.combined.values()) memo.clear();
    this.nextId = 2;
  }

  /** The row of a combined feature, memoised under `memoKey`; `feature` builds its string on a miss. */
  private combinedRow(kind: Combined, memoKey: number, feature: () => string): number {
    const memo = this.combined.get(kind) as Map<number, number>;
    const known = memo.get(memoKey);
    if (known !== undefined) return known;
    const row = this.rows.get(feature()) ?? -1;
    memo.set(memoKey, row);
    return row;
  }

  private uposId(upos: string): number {
    let id = this.uposIds.get(upos);
    if (id === undefined) this.uposIds.set(upos, (id = this.uposIds.size));
    return id;
  }

  /** The rows of `sentenceFeatures(tokens, gazetteer)`, feature for feature (-1 for a feature the model lacks). */
  sentence(tokens: readonly NerToken[]): SentenceRows {
    const n = tokens.length;
    if (n + 2 >= ID_LIMIT) return this.fromStrings(tokens);
    // Ids must stay below ID_LIMIT for the whole call: forget between calls, never during one.
    const full = [...this.combined.values()].some((memo) => memo.size >= CACHE_COMBINED);
    if (full || this.cache.size + n > CACHE_WORDS || this.nextId + n >= ID_LIMIT || this.uposIds.size + n + 2 >= ID_LIMIT) this.forget();
    const words = tokens.map((t) => t.text);
    const entries = words.map((w) => this.wordRows(w));
    const upos = tokens.map((t) => t.upos ?? 'X');
    const mode = sentenceCase(words);
    const phrase = this.gazetteer.phraseTags(words);
    const at = (i: number): WordRows => (i < 0 ? this.bos : i >= n ? this.eos : (entries[i] as WordRows));
    const up = (i: number): string => (i < 0 ? BOS : i >= n ? EOS : (upos[i] as string));
    const r = (k: string): number => this.row(k);

    const uids = upos.map((u) => this.uposId(u));
    const bosU = this.uposId(BOS);
    const eosU = this.uposId(EOS);
    const uid = (i: number): number => (i < 0 ? bosU : i >= n ? eosU : (uids[i] as number));
    const modeId = MODES.indexOf(mode);
    const m = (kind: Combined, memoKey: number, feature: () => string): number => this.combinedRow(kind, memoKey, feature);

    const out: number[] = [];
    const offsets = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) {
      const e = entries[i] as WordRows;
      const prev = at(i - 1);
      const next = at(i + 1);
      const { lower: l, shape: s } = e;
      const u = upos[i] as string;
      const ui = uids[i] as number;
      out.push(this.bias, ...e.head, m('u', ui, () => `u=${u}`), m('sc', key(modeId, e.id), () => `sc=${mode}|${s}`));
      out.push(prev.asNeighbour[L_MINUS_1] as number, next.asNeighbour[L_PLUS_1] as number);
      out.push(at(i - 2).asNeighbour[L_MINUS_2] as number, at(i + 2).asNeighbour[L_PLUS_2] as number);
      out.push(m('l-1|l', key(prev.id, e.id), () => `l-1|l=${prev.lower}|${l}`), m('l|l+1', key(e.id, next.id), () => `l|l+1=${l}|${next.lower}`));
      out.push(prev.asNeighbour[S_MINUS_1] as number, next.asNeighbour[S_PLUS_1] as number);
      out.push(m('s-1|s', key(prev.id, e.id), () => `s-1|s=${prev.shape}|${s}`), m('s|s+1', key(e.id, next.id), () => `s|s+1=${s}|${next.shape}`));
      out.push(r(`s-1|s|s+1=${prev.shape}|${s}|${next.shape}`));
      const uPrev = uid(i - 1);
      const uNext = uid(i + 1);
      out.push(m('u-1', uPrev, () => `u-1=${up(i - 1)}`), m('u+1', uNext, () => `u+1=${up(i + 1)}`));
      out.push(m('u-1|u', key(uPrev, ui), () => `u-1|u=${up(i - 1)}|${u}`), m('u|u+1', key(ui, uNext), () => `u|u+1=${u}|${up(i + 1)}`));
      out.push(m('u|s', key(ui, e.id), () => `u|s=${u}|${s}`));
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

  /** `sentence` for a sentence too long for the ids: every feature string built and looked up. */
  private fromStrings(tokens: readonly NerToken[]): SentenceRows {
    const features = sentenceFeatures(tokens, this.gazetteer);
    const offsets = new Int32Array(features.length + 1);
    const rows: number[] = [];
    features.forEach((fs, i) => {
      for (const f of fs) rows.push(this.rows.get(f) ?? -1);
      offsets[i + 1] = rows.length;
    });
    return { rows: Int32Array.from(rows), offsets };
  }
}
