/**
 * Averaged perceptron (Collins 2002), multi-class.
 *
 * Features come in templates ("the current word", "the previous tag", ...): an example is one value
 * per template (or null when the template does not apply), and a feature is a (template, value)
 * pair. Features are keyed by template index + value, so scoring never builds "template=value" strings.
 *
 * `PerceptronTrainer` learns sparse weights with lazy averaging; `PerceptronModel` is the compact,
 * read-only form used at run time (flat class/weight arrays; scoring a word costs the sum of the
 * lengths of its feature rows).
 */
import { StringTable, StringTableBuilder } from '../string-table.js';

/** One value per template; null where the template does not apply. */
export type FeatureValues = ReadonlyArray<string | null>;

/** A feature row for serialisation: template index, value, classes, weights. */
export type FeatureRow = readonly [number, string, ArrayLike<number>, ArrayLike<number>];

/**
 * The weights of all feature rows, back to back: entry k of the model is the class `classOf[2k]`
 * and the weight `weightOf[2k + 1]`, two views of one buffer, so a class and its weight share a
 * cache line.
 */
interface RowData {
  classOf: Uint32Array;
  weightOf: Float32Array;
}

function rowData(classes: ArrayLike<number>, weights: ArrayLike<number>): RowData {
  const buffer = new ArrayBuffer(classes.length * 8);
  const classOf = new Uint32Array(buffer);
  const weightOf = new Float32Array(buffer);
  for (let k = 0; k < classes.length; k++) {
    classOf[2 * k] = classes[k] as number;
    weightOf[2 * k + 1] = weights[k] as number;
  }
  return { classOf, weightOf };
}

/** Read-only weights: for every known feature, the classes it votes for and how much. */
export class PerceptronModel {
  readonly classes: readonly string[];
  readonly templates: readonly string[];
  /** Feature (template index as a prefix character, then the value) -> row. */
  private readonly features: StringTable;
  /** Row `r` is entries [rowStart[r], rowStart[r + 1]) of `data`. */
  private readonly rowStart: Int32Array;
  private readonly data: RowData;
  private readonly scores: Float64Array;
  /** Scratch of `score`: per template, its row (or -1) and where that row's entries start and end. */
  private rowOf = new Int32Array(64);
  private rowFrom = new Int32Array(64);
  private rowTo = new Int32Array(64);

  constructor(classes: readonly string[], templates: readonly string[], rows: Iterable<FeatureRow>) {
    const builder = new PerceptronModelBuilder(classes, templates);
    for (const [template, value, c, w] of rows) {
      builder.startRow(template, value);
      for (let k = 0; k < c.length; k++) builder.add(c[k] as number, w[k] as number);
    }
    const parts = builder.parts();
    this.classes = classes;
    this.templates = templates;
    this.features = parts.features;
    this.rowStart = parts.rowStart;
    this.data = rowData(parts.rowClass, parts.rowWeight);
    this.scores = new Float64Array(classes.length);
  }

  /** A model from a finished builder (fast path for loading files: no per-row arrays). */
  static fromBuilder(builder: PerceptronModelBuilder): PerceptronModel {
    const model = new PerceptronModel(builder.classes, builder.templates, []);
    const parts = builder.parts();
    Object.assign(model, { features: parts.features, rowStart: parts.rowStart, data: rowData(parts.rowClass, parts.rowWeight) });
    return model;
  }

  get featureCount(): number {
    return this.rowStart.length - 1;
  }

  get weightCount(): number {
    return this.data.classOf.length / 2;
  }

  /** Bytes of the typed arrays holding the features and weights. */
  get byteLength(): number {
    return this.features.byteLength + this.rowStart.byteLength + this.data.classOf.byteLength;
  }

  /** The row of the feature (template, value), or -1 when the model does not know it. */
  featureRow(template: number, value: string): number {
    return this.features.getPrefixed(value, template);
  }

  /** The rows of one value per template (`rows[t]` for `values[t]`, -1 where null or unknown), looked up together (see StringTable.getMany). */
  featureRows(values: FeatureValues, rows: Int32Array): void {
    this.features.getMany(values, true, rows);
  }

  /** Index of the best class from the rows of an example's features, one per template (-1: none), as `predict`. */
  predictRows(rows: Int32Array): number {
    const { rowStart, scores } = this;
    const { classOf, weightOf } = this.data;
    scores.fill(0);
    for (let t = 0; t < rows.length; t++) {
      const row = rows[t] as number;
      if (row < 0) continue;
      const end = 2 * (rowStart[row + 1] as number);
      for (let k = 2 * (rowStart[row] as number); k < end; k += 2) {
        const c = classOf[k] as number;
        scores[c] = (scores[c] as number) + (weightOf[k + 1] as number);
      }
    }
    let best = 0;
    for (let c = 1; c < scores.length; c++) if ((scores[c] as number) > (scores[best] as number)) best = c;
    return best;
  }

  /** Index of the best class (ties go to the lower class index, so it is deterministic). */
  predict(values: FeatureValues): number {
    const scores = this.score(values);
    let best = 0;
    for (let c = 1; c < scores.length; c++) if ((scores[c] as number) > (scores[best] as number)) best = c;
    return best;
  }

  /**
   * The score of every class (a shared buffer: read it before the next call): the sum, template by
   * template, of the weights of the feature rows. Like StringTable.getMany, it goes over all the
   * templates once to find each row's place, and reads the rows' first entries there, before adding
   * anything up: those reads are the cache misses, and they then overlap.
   */
  score(values: FeatureValues): Float64Array {
    const n = values.length;
    if (this.rowOf.length < n) {
      this.rowOf = new Int32Array(n);
      this.rowFrom = new Int32Array(n);
      this.rowTo = new Int32Array(n);
    }
    const { rowOf, rowFrom, rowTo, rowStart, scores } = this;
    const { classOf, weightOf } = this.data;
    this.features.getMany(values, true, rowOf);
    let touched = 0;
    for (let t = 0; t < n; t++) {
      const row = rowOf[t] as number;
      if (row < 0) continue;
      const from = rowStart[row] as number;
      rowFrom[t] = from;
      rowTo[t] = rowStart[row + 1] as number;
      touched += classOf[2 * from] as number;
    }
    scores.fill(0);
    for (let t = 0; t < n; t++) {
      if ((rowOf[t] as number) < 0) continue;
      const end = 2 * (rowTo[t] as number);
      for (let k = 2 * (rowFrom[t] as number); k < end; k += 2) {
        const c = classOf[k] as number;
        scores[c] = (scores[c] as number) + (weightOf[k + 1] as number);
      }
    }
    // `touched` only exists for its reads; this keeps the compiler from dropping them.
    if (touched < 0) scores.fill(0);
    return scores;
  }

  /**
   * A model over arrays as `arrays` gives them (read from a file, say): no copies. Row `r` belongs
   * to feature key `r`; `entries` holds, for entry k, the class as a uint32 at byte 8k and the
   * weight as a float32 at byte 8k + 4.
   */
  static fromArrays(
    classes: readonly string[],
    templates: readonly string[],
    arrays: { chars: Uint16Array; starts: Int32Array; rowStart: Int32Array; entries: Uint8Array },
  ): PerceptronModel {
    const model = new PerceptronModel(classes, templates, []);
    const rows = arrays.rowStart.length - 1;
    const { buffer, byteOffset, byteLength } = arrays.entries;
    const classOf = new Uint32Array(buffer, byteOffset, byteLength / 4);
    const weightOf = new Float32Array(buffer, byteOffset, byteLength / 4);
    if (arrays.starts.length - 1 !== rows) throw new Error(`${arrays.starts.length - 1} feature keys for ${rows} rows`);
    if (arrays.rowStart[rows] !== byteLength / 8) throw new Error('the rows do not cover the weight entries');
    for (let k = 0; k < classOf.length; k += 2) {
      if (!((classOf[k] as number) < classes.length)) throw new Error(`class index ${classOf[k]} out of range`);
    }
    Object.assign(model, { features: new StringTable(arrays.chars, arrays.starts), rowStart: arrays.rowStart, data: { classOf, weightOf } });
    return model;
  }

  /** The arrays behind the model, for fromArrays; `entries` is the interleaved class/weight buffer. */
  get arrays(): { chars: Uint16Array; starts: Int32Array; rowStart: Int32Array; entries: Uint8Array } {
    const { chars, starts } = this.features.arrays;
    const { classOf } = this.data;
    return { chars, starts, rowStart: this.rowStart, entries: new Uint8Array(classOf.buffer, classOf.byteOffset, classOf.byteLength) };
  }

  /** Every feature row, template by template, for serialisation. */
  *rows(): Generator<[number, string, number[], number[]]> {
    const byTemplate: number[][] = this.templates.map(() => []);
    for (let row = 0; row < this.featureCount; row++) byTemplate[this.features.keyAt(row).charCodeAt(0)]?.push(row);
    const { classOf, weightOf } = this.data;
    for (let t = 0; t < byTemplate.length; t++) {
      for (const row of byTemplate[t] as number[]) {
        const cls: number[] = [];
        const w: number[] = [];
        for (let k = this.rowStart[row] as number; k < (this.rowStart[row + 1] as number); k++) {
          cls.push(classOf[2 * k] as number);
          w.push(weightOf[2 * k + 1] as number);
        }
        yield [t, this.features.keyAt(row).slice(1), cls, w];
      }
    }
  }
}

/** Collects feature rows into the flat arrays of a PerceptronModel, checking indexes as it goes. */
export class PerceptronModelBuilder {
  readonly classes: readonly string[];
  readonly templates: readonly string[];
  private readonly features = new StringTableBuilder();
  private starts: number[] = [0];
  private cls: number[] = [];
  private wts: number[] = [];
  private open = false;

  constructor(classes: readonly string[], templates: readonly string[]) {
    this.classes = classes;
    this.templates = templates;
  }

  startRow(template: number, value: string): void {
    this.closeRow();
    if (!(template >= 0 && template < this.templates.length)) throw new Error(`feature row for unknown template ${template}`);
    this.features.add(value, template);
    this.open = true;
  }

  add(cls: number, weight: number): void {
    if (!this.open) throw new Error('weight outside a feature row');
    if (!(cls >= 0 && cls < this.classes.length)) throw new Error(`class index ${cls} out of range`);
    if (!Number.isFinite(weight)) throw new Error(`weight ${weight} is not a number`);
    this.cls.push(cls);
    this.wts.push(weight);
  }

  private closeRow(): void {
    if (this.open) this.starts.push(this.cls.length);
    this.open = false;
  }

  /** The flat arrays; a feature given two rows is an error. */
  parts(): { features: StringTable; rowStart: Int32Array; rowClass: Uint16Array; rowWeight: Float32Array } {
    this.closeRow();
    return { features: this.features.build(), rowStart: Int32Array.from(this.starts), rowClass: Uint16Array.from(this.cls), rowWeight: Float32Array.from(this.wts) };
  }
}

interface Row {
  cls: number[];
  w: number[];
  /** Sum of the weight over all examples up to `stamp`. */
  total: number[];
  stamp: number[];
}

/** Learns averaged perceptron weights one example at a time. */
export class PerceptronTrainer {
  readonly classes: string[];
  readonly templates: readonly string[];
  private readonly classIndex = new Map<string, number>();
  private readonly tables: Array<Map<string, Row>>;
  private readonly scores: Float64Array;
  /** Number of examples seen (the averaging clock). */
  private instances = 0;

  constructor(classes: readonly string[], templates: readonly string[]) {
    this.classes = [...classes];
    this.templates = templates;
    this.classes.forEach((c, i) => this.classIndex.set(c, i));
    this.tables = templates.map(() => new Map());
    this.scores = new Float64Array(this.classes.length);
  }

  classId(name: string): number {
    const id = this.classIndex.get(name);
    if (id === undefined) throw new Error(`unknown class ${name}`);
    return id;
  }

  predict(values: FeatureValues): number {
    const scores = this.scores;
    scores.fill(0);
    for (let t = 0; t < values.length; t++) {
      const value = values[t];
      if (value === null || value === undefined) continue;
      const row = (this.tables[t] as Map<string, Row>).get(value);
      if (!row) continue;
      for (let k = 0; k < row.cls.length; k++) {
        const c = row.cls[k] as number;
        scores[c] = (scores[c] as number) + (row.w[k] as number);
      }
    }
    let best = 0;
    for (let c = 1; c < scores.length; c++) if ((scores[c] as number) > (scores[best] as number)) best = c;
    return best;
  }

  /** One training step: predicts, and on a mistake moves the weights towards `truth`. Returns the guess. */
  learn(values: FeatureValues, truth: number): number {
    const guess = this.predict(values);
    this.instances++;
    if (guess !== truth) {
      for (let t = 0; t < values.length; t++) {
        const value = values[t];
        if (value === null || value === undefined) continue;
        this.bump(t, value, truth, 1);
        this.bump(t, value, guess, -1);
      }
    }
    return guess;
  }

  private bump(template: number, value: string, cls: number, delta: number): void {
    const table = this.tables[template] as Map<string, Row>;
    let row = table.get(value);
    if (!row) {
      row = { cls: [], w: [], total: [], stamp: [] };
      table.set(value, row);
    }
    let k = row.cls.indexOf(cls);
    if (k < 0) {
      k = row.cls.length;
      row.cls.push(cls);
      row.w.push(0);
      row.total.push(0);
      row.stamp.push(this.instances);
    }
    row.total[k] = (row.total[k] as number) + (this.instances - (row.stamp[k] as number)) * (row.w[k] as number);
    row.stamp[k] = this.instances;
    row.w[k] = (row.w[k] as number) + delta;
  }

  /**
   * The averaged weights as a run-time model, rounded to `decimals` places; weights whose magnitude
   * is below `minWeight` are dropped (both shrink the model file).
   */
  averaged(minWeight = 0, decimals = 3): PerceptronModel {
    const scale = 10 ** decimals;
    const now = Math.max(1, this.instances);
    const out: FeatureRow[] = [];
    this.tables.forEach((table, t) => {
      for (const value of [...table.keys()].sort()) {
        const row = table.get(value) as Row;
        const cls: number[] = [];
        const w: number[] = [];
        const order = row.cls.map((_, k) => k).sort((a, b) => (row.cls[a] as number) - (row.cls[b] as number));
        for (const k of order) {
          const total = (row.total[k] as number) + (now - (row.stamp[k] as number)) * (row.w[k] as number);
          const avg = Math.round((total / now) * scale) / scale;
          if (avg !== 0 && Math.abs(avg) >= minWeight) {
            cls.push(row.cls[k] as number);
            w.push(avg);
          }
        }
        if (cls.length > 0) out.push([t, value, cls, w]);
      }
    });
    return new PerceptronModel(this.classes, this.templates, out);
  }
}

