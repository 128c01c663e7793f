import { StringTable } from '@nlp-api/english';
import type { LinearModel } from './perceptron.js';

export const MODEL_FORMAT = 'nlp-api/ner-perceptron@1';

/**
 * The on-disk model: weights are integers (real weight x `scale`, rounded). A feature's entry is
 * either T integers (one per tag) or, when fewer than half are non-zero, `[tag, w, tag, w, ...]`
 * pairs (always shorter than T, so the two forms cannot be confused).
 */
export interface StoredModel {
  format: string;
  tags: string[];
  scale: number;
  transitions: number[];
  features: Record<string, number[]>;
  meta?: Record<string, unknown>;
}

export interface CompactOptions {
  /** Weights are stored as round(w * scale). */
  scale: number;
  /** A feature whose largest |weight| is below this is dropped. */
  minAbsWeight: number;
  meta?: Record<string, unknown>;
}

/** Prunes and rounds a trained model into its stored form (features sorted, so the file is deterministic). */
export function compactModel(model: LinearModel, options: CompactOptions): StoredModel {
  const T = model.tags.length;
  const { scale, minAbsWeight } = options;
  const entries: Array<[string, number[]]> = [];
  for (const [feature, row] of model.rows) {
    const off = row * T;
    let max = 0;
    const q: number[] = [];
    for (let t = 0; t < T; t++) {
      const v = model.weights[off + t] as number;
      max = Math.max(max, Math.abs(v));
      q.push(Math.round(v * scale) || 0);
    }
    if (max < minAbsWeight || q.every((v) => v === 0)) continue;
    const nonZero = q.filter((v) => v !== 0).length;
    if (nonZero * 2 < T) {
      const pairs: number[] = [];
      q.forEach((v, t) => {
        if (v !== 0) pairs.push(t, v);
      });
      entries.push([feature, pairs]);
    } else entries.push([feature, q]);
  }
  entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return {
    format: MODEL_FORMAT,
    tags: [...model.tags],
    scale,
    transitions: Array.from(model.transitions, (v) => Math.round(v * scale) || 0),
    features: Object.fromEntries(entries),
    ...(options.meta ? { meta: options.meta } : {}),
  };
}

/** Builds the in-memory model (one Float32Array of weights, a StringTable from feature to row) from its stored form. */
export function expandModel(stored: StoredModel): LinearModel {
  if (stored.format !== MODEL_FORMAT) throw new Error(`unsupported NER model format ${String(stored.format)}`);
  const T = stored.tags.length;
  if (T === 0 || stored.transitions.length !== (T + 1) * T) throw new Error('NER model: bad tag set or transition table');
  const names = Object.keys(stored.features);
  const weights = new Float32Array(names.length * T);
  const rows = StringTable.from(names);
  const inv = 1 / stored.scale;
  names.forEach((name, r) => {
    const v = stored.features[name] as number[];
    const off = r * T;
    if (v.length < T && v.length % 2 === 0) {
      for (let k = 0; k + 1 < v.length; k += 2) {
        const t = v[k] as number;
        if (t < 0 || t >= T) throw new Error(`NER model: bad tag index in ${name}`);
        weights[off + t] = (v[k + 1] as number) * inv;
      }
    } else {
      if (v.length !== T) throw new Error(`NER model: feature ${name} has ${v.length} weights, expected ${T}`);
      for (let t = 0; t < T; t++) weights[off + t] = (v[t] as number) * inv;
    }
  });
  const transitions = Float32Array.from(stored.transitions, (v) => v * inv);
  return { tags: stored.tags, rows, weights, transitions };
}
