/**
 * Averaged perceptron (Collins 2002), multi-class.
 *
 * Features come in templates ("the current word", "the previous tag", ...): an example is one value
 * per template (or null when the template does not apply), and a feature is a (template, value)
 * pair. Keeping one table per template means scoring never builds "template=value" strings.
 *
 * `PerceptronTrainer` learns sparse weights with lazy averaging; `PerceptronModel` is the compact,
 * read-only form used at run time (flat class/weight arrays; scoring a word costs the sum of the
 * lengths of its feature rows).
 */

/** One value per template; null where the template does not apply. */
export type FeatureValues = ReadonlyArray<string | null>;

/** A feature row for serialisation: template index, value, classes, weights. */
export type FeatureRow = readonly [number, string, ArrayLike<number>, ArrayLike<number>];

/** Read-only weights: for every known feature, the classes it votes for and how much. */
export class PerceptronModel {
  readonly classes: readonly string[];
  readonly templates: readonly string[];
  private readonly tables: Array<Map<string, number>>;
  private readonly rowStart: Int32Array;
  private readonly rowClass: Uint16Array;
  private readonly rowWeight: Float32Array;
  private readonly scores: Float64Array;

  constructor(classes: readonly string[], templates: readonly string[], rows: Iterable<FeatureRow>) {
    const builder = new PerceptronModelBuilder(classes, templates);
    for (const [template, value, c, w] of rows) {
      builder.startRow(template, value);
      for (let k = 0; k < c.length; k++) builder.add(c[k] as number, w[k] as number);
    }
    const parts = builder.parts();
    this.classes = classes;
    this.templates = templates;
    this.tables = parts.tables;
    this.rowStart = parts.rowStart;
    this.rowClass = parts.rowClass;
    this.rowWeight = parts.rowWeight;
    this.scores = new Float64Array(classes.length);
  }

  /** A model from a finished builder (fast path for loading files: no per-row arrays). */
  static fromBuilder(builder: PerceptronModelBuilder): PerceptronModel {
    const model = new PerceptronModel(builder.classes, builder.templates, []);
    const parts = builder.parts();
    Object.assign(model, { tables: parts.tables, rowStart: parts.rowStart, rowClass: parts.rowClass, rowWeight: parts.rowWeight });
    return model;
  }

  get featureCount(): number {
    return this.rowStart.length - 1;
  }

  get weightCount(): number {
    return this.rowClass.length;
  }

  /** Index of the best class (ties go to the lower class index, so it is deterministic). */
  predict(values: FeatureValues): number {
    const scores = this.score(values);
    let best = 0;
    for (let c = 1; c < scores.length; c++) if ((scores[c] as number) > (scores[best] as number)) best = c;
    return best;
  }

  /** The score of every class (a shared buffer: read it before the next call). */
  score(values: FeatureValues): Float64Array {
    const scores = this.scores;
    scores.fill(0);
    const { rowStart, rowClass, rowWeight } = this;
    const tables = this.tables;
    for (let t = 0; t < values.length; t++) {
      const value = values[t];
      if (value === null || value === undefined) continue;
      const row = (tables[t] as Map<string, number>).get(value);
      if (row === undefined) continue;
      const end = rowStart[row + 1] as number;
      for (let k = rowStart[row] as number; k < end; k++) {
        const c = rowClass[k] as number;
        scores[c] = (scores[c] as number) + (rowWeight[k] as number);
      }
    }
    return scores;
  }

  /** Every feature row, for serialisation. */
  *rows(): Generator<[number, string, number[], number[]]> {
    for (let t = 0; t < this.tables.length; t++) {
      for (const [value, row] of this.tables[t] as Map<string, number>) {
        const from = this.rowStart[row] as number;
        const to = this.rowStart[row + 1] as number;
        yield [t, value, Array.from(this.rowClass.subarray(from, to)), Array.from(this.rowWeight.subarray(from, to))];
      }
    }
  }
}

/** Collects feature rows into the flat arrays of a PerceptronModel, checking indexes as it goes. */
export class PerceptronModelBuilder {
  readonly classes: readonly string[];
  readonly templates: readonly string[];
  private readonly tables: Array<Map<string, number>>;
  private starts: number[] = [0];
  private cls: number[] = [];
  private wts: number[] = [];
  private open = false;

  constructor(classes: readonly string[], templates: readonly string[]) {
    this.classes = classes;
    this.templates = templates;
    this.tables = templates.map(() => new Map());
  }

  startRow(template: number, value: string): void {
    this.closeRow();
    const table = this.tables[template];
    if (!table) throw new Error(`feature row for unknown template ${template}`);
    table.set(value, this.starts.length - 1);
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

  parts(): { tables: Array<Map<string, number>>; rowStart: Int32Array; rowClass: Uint16Array; rowWeight: Float32Array } {
    this.closeRow();
    return { tables: this.tables, rowStart: Int32Array.from(this.starts), rowClass: Uint16Array.from(this.cls), rowWeight: Float32Array.from(this.wts) };
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

