/**
 * `tagClasses` without building most feature strings: the features that depend on one word only (its
 * own form, suffixes, shape and ambiguity class, or those as a neighbour's) are looked up once per word
 * and kept in a bounded cache; the ones that combine words, hints and previous tags are looked up per
 * word, through a small Map per template (V8's native string hash; the model's table is far bigger
 * and slower to reach). The rows are those of `wordFeatures` + `setTagFeatures`, template by template,
 * so every score is summed in the same order and the tags are the same.
 */
import { START2_TAG, START_TAG, TEMPLATES, WORD_TEMPLATE_COUNT, wordInfo, type WordInfo } from './features.js';
import { tagClasses, type TaggerModel } from './tagger.js';

const T = Object.fromEntries(TEMPLATES.map((name, i) => [name, i])) as Record<(typeof TEMPLATES)[number], number>;

/** A word's own rows by template (-1 where it has none) and its rows as a neighbour. */
interface WordRows {
  /** Small integer naming the word in the memo keys of combined features; valid until `forget`. */
  id: number;
  info: WordInfo;
  own: Int32Array;
  /** Rows of the word seen from the word before it (w+1, s3+1, sh+1, a+1), two before (w+2, a+2), after it (w-1, ...), two after (w-2). */
  asNext: Int32Array;
  asNextButOne: Int32Array;
  asPrevious: Int32Array;
  asPreviousButOne: number;
}

const OWN = [T.w, T.W, T.s1, T.s2, T.s3, T.s4, T.s5, T.p1, T.p2, T.p3, T.sh, T.hyph, T.a] as const;
const AS_NEXT = [T['w+1'], T['s3+1'], T['sh+1'], T['a+1']] as const;
const AS_NEXT_BUT_ONE = [T['w+2'], T['a+2']] as const;
const AS_PREVIOUS = [T['w-1'], T['s3-1'], T['sh-1'], T['a-1']] as const;

/** Words kept at most, and combined features per template; everything is forgotten when one is full, so memory stays bounded. */
const CACHE_WORDS = 16_384;
const CACHE_VALUES = 65_536;
/** Ids (of words, hints, tags) stay below ID_LIMIT, so a memo key `a * ID_LIMIT + b` stays a small integer. */
const ID_LIMIT = 32_768;
const key = (a: number, b: number): number => a * ID_LIMIT + b;

const START: WordInfo = { form: '-START-', lower: '-start-', norm: '-START-', shape: '-START-', suffix3: '-START-', amb: '-START-', hint: '-START-' };
const END: WordInfo = { form: '-END-', lower: '-end-', norm: '-END-', shape: '-END-', suffix3: '-END-', amb: '-END-', hint: '-END-' };

export class RowTagger {
  private readonly words = new Map<string, WordRows>();
  private readonly hintIds = new Map<string, number>();
  /** Per template: memo key (ids of what the feature combines) -> row. */
  private readonly combined: Array<Map<number, number>> = TEMPLATES.map(() => new Map());
  private nextId = 2;
  private readonly start: WordRows;
  private readonly end: WordRows;
  private rows = new Int32Array(TEMPLATES.length);

  constructor(private readonly model: TaggerModel) {
    this.start = this.wordRows(START, 0);
    this.end = this.wordRows(END, 1);
    if (model.perceptron.classes.length + 2 > ID_LIMIT) throw new Error('too many classes');
  }

  private forget(): void {
    this.words.clear();
    this.hintIds.clear();
    for (const memo of this.combined) memo.clear();
    this.nextId = 2;
  }

  /** The row of a combined feature, memoised under `memoKey`; `value` builds its string on a miss. */
  private row(template: number, memoKey: number, value: () => string): number {
    const memo = this.combined[template] as Map<number, number>;
    const known = memo.get(memoKey);
    if (known !== undefined) return known;
    const row = this.model.perceptron.featureRow(template, value());
    memo.set(memoKey, row);
    return row;
  }

  private hintId(hint: string): number {
    let id = this.hintIds.get(hint);
    if (id === undefined) this.hintIds.set(hint, (id = this.hintIds.size));
    return id;
  }

  /** The rows of one word; `info` is the word's (hint left out: it is looked up per word). */
  private wordRows(info: WordInfo, id: number): WordRows {
    const p = this.model.perceptron;
    const form = info.form;
    const lower = info.lower;
    // The word's own values and its values as a neighbour sit in different templates: one batch finds them all.
    const values: Array<string | null> = TEMPLATES.map(() => null);
    const set = (templates: readonly number[], value: string | null): void => {
      for (const t of templates) values[t] = value;
    };
    set([T.w, T['w+1'], T['w+2'], T['w-1'], T['w-2']], info.norm);
    values[T.W] = form.length <= 30 ? form : '!LONG';
    values[T.s1] = lower.slice(-1);
    values[T.s2] = lower.slice(-2);
    set([T.s3, T['s3+1'], T['s3-1']], info.suffix3);
    values[T.s4] = lower.slice(-4);
    values[T.s5] = lower.slice(-5);
    values[T.p1] = form.slice(0, 1);
    values[T.p2] = lower.slice(0, 2);
    values[T.p3] = lower.slice(0, 3);
    set([T.sh, T['sh+1'], T['sh-1'], T.first], info.shape);
    values[T.hyph] = form.length > 1 && form.includes('-') ? '' : null;
    set([T.a, T['a+1'], T['a+2'], T['a-1']], info.amb);
    const found = new Int32Array(TEMPLATES.length);
    p.featureRows(values, found);
    const own = new Int32Array(TEMPLATES.length).fill(-1);
    for (const t of [...OWN, T.first]) own[t] = found[t] as number;
    const neighbour = (t: number): number => found[t] as number;
    return {
      id,
      info,
      own,
      asNext: Int32Array.from(AS_NEXT, neighbour),
      asNextButOne: Int32Array.from(AS_NEXT_BUT_ONE, neighbour),
      asPrevious: Int32Array.from(AS_PREVIOUS, neighbour),
      asPreviousButOne: neighbour(T['w-2']),
    };
  }

  private cachedWord(form: string): WordRows {
    const cached = this.words.get(form);
    if (cached) return cached;
    const entry = this.wordRows(wordInfo(form, this.model.ambiguity), this.nextId++);
    this.words.set(form, entry);
    return entry;
  }

  /** The same class indexes as `tagClasses(model, forms, hints)`. */
  classes(forms: readonly string[], hints?: readonly string[]): number[] {
    // Ids must stay below ID_LIMIT for the whole call: forget between calls, never during one.
    if (forms.length + 2 >= ID_LIMIT) return tagClasses(this.model, forms, hints);
    const full = this.combined.some((memo) => memo.size >= CACHE_VALUES);
    if (full || this.words.size + forms.length > CACHE_WORDS || this.nextId + forms.length >= ID_LIMIT || this.hintIds.size + forms.length + 2 >= ID_LIMIT) this.forget();
    const { model } = this;
    const entries = forms.map((f) => this.cachedWord(f));
    const hintOf = (i: number): string => (i < 0 ? START.hint : i >= forms.length ? END.hint : (hints?.[i] ?? ''));
    const at = (i: number): WordRows => (i < 0 ? this.start : i >= forms.length ? this.end : (entries[i] as WordRows));
    const classes = model.perceptron.classes;
    const START_CLASS = classes.length;
    const START2_CLASS = classes.length + 1;
    const rows = this.rows;
    const out: number[] = [];
    let prev1 = START_TAG;
    let prev2 = START2_TAG;
    let c1 = START_CLASS;
    let c2 = START2_CLASS;
    for (let i = 0; i < entries.length; i++) {
      const e = entries[i] as WordRows;
      const w = e.info;
      let c = model.tagDict.get(w.norm);
      if (c === undefined) {
        const p1 = at(i - 1);
        const n1 = at(i + 1);
        const n2 = at(i + 2);
        rows.set(e.own);
        rows[T.bias] = this.row(T.bias, 0, () => '');
        if (i !== 0) rows[T.first] = -1;
        rows.set(p1.asPrevious, T['w-1']);
        rows[T['w-2']] = at(i - 2).asPreviousButOne;
        rows.set(n1.asNext.subarray(0, 3), T['w+1']);
        rows[T['w+2']] = n2.asNextButOne[0] as number;
        rows[T['a+1']] = n1.asNext[3] as number;
        rows[T['a+2']] = n2.asNextButOne[1] as number;
        rows[T['a-1']] = p1.asPrevious[3] as number;
        rows[T['w-1 w']] = this.row(T['w-1 w'], key(p1.id, e.id), () => `${p1.info.norm} ${w.norm}`);
        rows[T['w w+1']] = this.row(T['w w+1'], key(e.id, n1.id), () => `${w.norm} ${n1.info.norm}`);
        rows[T['w+1 w+2']] = this.row(T['w+1 w+2'], key(n1.id, n2.id), () => `${n1.info.norm} ${n2.info.norm}`);
        rows[T['w-1 w+1']] = this.row(T['w-1 w+1'], key(p1.id, n1.id), () => `${p1.info.norm} ${n1.info.norm}`);
        rows[T['a a+1']] = this.row(T['a a+1'], key(e.id, n1.id), () => `${w.amb} ${n1.info.amb}`);
        const h = hintOf(i);
        if (h === '') rows.fill(-1, T.h, WORD_TEMPLATE_COUNT);
        else {
          const hPrev = hintOf(i - 1);
          const hNext = hintOf(i + 1);
          const hid = this.hintId(h);
          const hNextId = this.hintId(hNext);
          rows[T.h] = this.row(T.h, hid, () => h);
          rows[T['h-1']] = this.row(T['h-1'], this.hintId(hPrev), () => hPrev);
          rows[T['h+1']] = this.row(T['h+1'], hNextId, () => hNext);
          rows[T['h s3']] = this.row(T['h s3'], key(hid, e.id), () => `${h} ${w.suffix3}`);
          rows[T['h h+1']] = this.row(T['h h+1'], key(hid, hNextId), () => `${h} ${hNext}`);
          rows[T['h a']] = this.row(T['h a'], key(hid, e.id), () => `${h} ${w.amb}`);
        }
        const t1 = prev1;
        const t2 = prev2;
        rows[T['t-1']] = this.row(T['t-1'], c1, () => t1);
        rows[T['t-2']] = this.row(T['t-2'], c2, () => t2);
        rows[T['t-1 t-2']] = this.row(T['t-1 t-2'], key(c1, c2), () => `${t1} ${t2}`);
        rows[T['t-1 w']] = this.row(T['t-1 w'], key(c1, e.id), () => `${t1} ${w.norm}`);
        rows[T['t-1 s3']] = this.row(T['t-1 s3'], key(c1, e.id), () => `${t1} ${w.suffix3}`);
        rows[T['t-1 w+1']] = this.row(T['t-1 w+1'], key(c1, n1.id), () => `${t1} ${n1.info.norm}`);
        c = model.perceptron.predictRows(rows);
      }
      out.push(c);
      prev2 = prev1;
      prev1 = classes[c] as string;
      c2 = c1;
      c1 = c;
    }
    return out;
  }
}
