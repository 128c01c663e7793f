import { seededRandom, StringTable } from '@nlp-api/english';
import { parseTag } from './iob-spans.js';

/**
 * A linear sequence model over BIO tags: one weight per (feature, tag), one per (previous tag, tag).
 * Row `r` of `weights` (T values, T = tags.length) belongs to the feature whose `rows` entry is r.
 * `transitions` has T + 1 rows of T: row p < T is "previous tag p", row T is "sentence start".
 */
export interface LinearModel {
  tags: readonly string[];
  rows: ReadonlyMap<string, number>;
  weights: Float32Array | Float64Array;
  transitions: Float32Array | Float64Array;
}

/**
 * Which tag may follow which under BIO: I-X only after B-X or I-X, never first. Indexed
 * [prev * T + tag], prev = T meaning the sentence start; 1 = allowed.
 */
export function allowedTransitions(tags: readonly string[]): Uint8Array {
  const T = tags.length;
  const allowed = new Uint8Array((T + 1) * T);
  for (let p = 0; p <= T; p++) {
    const [pp, pt] = p === T ? ['O', ''] : parseTag(tags[p] as string);
    for (let t = 0; t < T; t++) {
      const [tp, tt] = parseTag(tags[t] as string);
      allowed[p * T + t] = tp !== 'I' || (pp !== 'O' && pt === tt) ? 1 : 0;
    }
  }
  return allowed;
}

/** Emission scores of a sentence: n x T, row i = sum of the weight rows of token i's features. */
export function emissionScores(model: LinearModel, features: readonly (readonly string[])[]): Float64Array {
  const T = model.tags.length;
  const scores = new Float64Array(features.length * T);
  const { rows, weights } = model;
  const table = rows instanceof StringTable ? rows : null;
  let found = new Int32Array(64);
  for (let i = 0; i < features.length; i++) {
    const base = i * T;
    const fs = features[i] as readonly string[];
    if (found.length < fs.length) found = new Int32Array(fs.length * 2);
    // A loaded model looks all of a token's features up at once (see StringTable.getMany).
    if (table) table.getMany(fs, false, found);
    else for (let k = 0; k < fs.length; k++) found[k] = rows.get(fs[k] as string) ?? -1;
    for (let k = 0; k < fs.length; k++) {
      const r = found[k] as number;
      if (r < 0) continue;
      const off = r * T;
      for (let t = 0; t < T; t++) scores[base + t] = (scores[base + t] as number) + (weights[off + t] as number);
    }
  }
  return scores;
}

/** Emission scores from feature rows found beforehand (see FeatureRows): token i's rows are rows[offsets[i], offsets[i + 1]). */
export function emissionScoresOfRows(model: LinearModel, rows: Int32Array, offsets: Int32Array): Float64Array {
  const T = model.tags.length;
  const n = offsets.length - 1;
  const scores = new Float64Array(n * T);
  const { weights } = model;
  for (let i = 0; i < n; i++) {
    const base = i * T;
    for (let k = offsets[i] as number; k < (offsets[i + 1] as number); k++) {
      const r = rows[k] as number;
      if (r < 0) continue;
      const off = r * T;
      for (let t = 0; t < T; t++) scores[base + t] = (scores[base + t] as number) + (weights[off + t] as number);
    }
  }
  return scores;
}

const NEG = -Infinity;

/**
 * Best tag sequence under emission + transition scores, restricted to allowed transitions (first-order
 * Viterbi, O(n T^2)). Returns tag indices. Ties go to the lower tag index, so decoding is deterministic.
 */
export function viterbi(
  emissions: ArrayLike<number>,
  n: number,
  T: number,
  transitions: ArrayLike<number>,
  allowed: Uint8Array,
): Int32Array {
  const path = new Int32Array(n);
  if (n === 0) return path;
  const back = new Int32Array(n * T);
  let prev = new Float64Array(T);
  let cur = new Float64Array(T);
  for (let t = 0; t < T; t++) prev[t] = allowed[T * T + t] ? (emissions[t] as number) + (transitions[T * T + t] as number) : NEG;
  for (let i = 1; i < n; i++) {
    for (let t = 0; t < T; t++) {
      let best = NEG;
      let arg = 0;
      for (let p = 0; p < T; p++) {
        if (!allowed[p * T + t]) continue;
        const s = (prev[p] as number) + (transitions[p * T + t] as number);
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      cur[t] = best + (emissions[i * T + t] as number);
      back[i * T + t] = arg;
    }
    [prev, cur] = [cur, prev];
  }
  let bestT = 0;
  for (let t = 1; t < T; t++) if ((prev[t] as number) > (prev[bestT] as number)) bestT = t;
  path[n - 1] = bestT;
  for (let i = n - 1; i > 0; i--) path[i - 1] = back[i * T + (path[i] as number)] as number;
  return path;
}

/** Left-to-right greedy decoding under the same scores and constraints (cheaper, usually a little worse). */
export function greedy(emissions: ArrayLike<number>, n: number, T: number, transitions: ArrayLike<number>, allowed: Uint8Array): Int32Array {
  const path = new Int32Array(n);
  let prev = T;
  for (let i = 0; i < n; i++) {
    let best = NEG;
    let arg = 0;
    for (let t = 0; t < T; t++) {
      if (!allowed[prev * T + t]) continue;
      const s = (emissions[i * T + t] as number) + (transitions[prev * T + t] as number);
      if (s > best) {
        best = s;
        arg = t;
      }
    }
    path[i] = arg;
    prev = arg;
  }
  return path;
}

export type Decoder = 'viterbi' | 'greedy';

/** Tags one sentence given its features. */
export function decodeTags(model: LinearModel, features: readonly (readonly string[])[], allowed: Uint8Array, decoder: Decoder = 'viterbi'): string[] {
  return decodeEmissions(model, emissionScores(model, features), features.length, allowed, decoder);
}

/** Tags one sentence of n tokens given its emission scores. */
export function decodeEmissions(model: LinearModel, emissions: Float64Array, n: number, allowed: Uint8Array, decoder: Decoder = 'viterbi'): string[] {
  const path = (decoder === 'greedy' ? greedy : viterbi)(emissions, n, model.tags.length, model.transitions, allowed);
  return Array.from(path, (t) => model.tags[t] as string);
}

export interface TrainingSentence {
  features: readonly (readonly string[])[];
  tags: readonly string[];
}

export interface TrainOptions {
  epochs: number;
  /** Seed of the per-epoch shuffle (deterministic). */
  seed?: number;
  /** Features seen fewer times than this in the training data are dropped before training. */
  minFeatureCount?: number;
  /** Called after each epoch with a function that builds the averaged model so far. */
  onEpoch?: (epoch: number, averaged: () => LinearModel) => void;
}


interface Encoded {
  feats: Int32Array;
  offsets: Int32Array;
  gold: Int32Array;
}

/**
 * Averaged structured perceptron (Collins 2002) with Viterbi decoding under BIO constraints.
 * Deterministic for a given input order, options and seed. Averaging uses the usual trick:
 * w_avg = w - u / c, where every update d at step c also adds c * d to u.
 */
export function trainPerceptron(sentences: readonly TrainingSentence[], tags: readonly string[], options: TrainOptions): LinearModel {
  const T = tags.length;
  const tagIndex = new Map(tags.map((t, i) => [t, i]));
  const minCount = options.minFeatureCount ?? 1;
  const counts = new Map<string, number>();
  for (const s of sentences) for (const fs of s.features) for (const f of fs) counts.set(f, (counts.get(f) ?? 0) + 1);
  const rows = new Map<string, number>();
  for (const [f, c] of counts) if (c >= minCount) rows.set(f, rows.size);
  counts.clear();

  const data: Encoded[] = sentences.map((s) => {
    const offsets = new Int32Array(s.features.length + 1);
    const ids: number[] = [];
    s.features.forEach((fs, i) => {
      for (const f of fs) {
        const r = rows.get(f);
        if (r !== undefined) ids.push(r);
      }
      offsets[i + 1] = ids.length;
    });
    const gold = Int32Array.from(s.tags, (t) => {
      const k = tagIndex.get(t);
      if (k === undefined) throw new Error(`unknown tag ${t}`);
      return k;
    });
    return { feats: Int32Array.from(ids), offsets, gold };
  });

  const F = rows.size;
  const w = new Float64Array(F * T);
  const u = new Float64Array(F * T);
  const tw = new Float64Array((T + 1) * T);
  const tu = new Float64Array((T + 1) * T);
  const allowed = allowedTransitions(tags);
  let c = 1;
  const rand = seededRandom(options.seed ?? 1);
  const order = data.map((_, i) => i);

  const averaged = (): LinearModel => {
    const weights = new Float64Array(F * T);
    for (let k = 0; k < weights.length; k++) weights[k] = (w[k] as number) - (u[k] as number) / c;
    const transitions = new Float64Array((T + 1) * T);
    for (let k = 0; k < transitions.length; k++) transitions[k] = (tw[k] as number) - (tu[k] as number) / c;
    return { tags, rows, weights, transitions };
  };

  let emissions = new Float64Array(64 * T);
  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    for (let k = order.length - 1; k > 0; k--) {
      const j = Math.floor(rand() * (k + 1));
      [order[k], order[j]] = [order[j] as number, order[k] as number];
    }
    for (const idx of order) {
      const { feats, offsets, gold } = data[idx] as Encoded;
      const n = gold.length;
      if (n === 0) continue;
      if (emissions.length < n * T) emissions = new Float64Array(n * T * 2);
      emissions.fill(0, 0, n * T);
      for (let i = 0; i < n; i++) {
        for (let k = offsets[i] as number; k < (offsets[i + 1] as number); k++) {
          const off = (feats[k] as number) * T;
          for (let t = 0; t < T; t++) emissions[i * T + t] = (emissions[i * T + t] as number) + (w[off + t] as number);
        }
      }
      const pred = viterbi(emissions, n, T, tw, allowed);
      let prevG = T;
      let prevP = T;
      for (let i = 0; i < n; i++) {
        const g = gold[i] as number;
        const p = pred[i] as number;
        if (g !== p) {
          for (let k = offsets[i] as number; k < (offsets[i + 1] as number); k++) {
            const off = (feats[k] as number) * T;
            w[off + g] = (w[off + g] as number) + 1;
            u[off + g] = (u[off + g] as number) + c;
            w[off + p] = (w[off + p] as number) - 1;
            u[off + p] = (u[off + p] as number) - c;
          }
        }
        if (g !== p || prevG !== prevP) {
          tw[prevG * T + g] = (tw[prevG * T + g] as number) + 1;
          tu[prevG * T + g] = (tu[prevG * T + g] as number) + c;
          tw[prevP * T + p] = (tw[prevP * T + p] as number) - 1;
          tu[prevP * T + p] = (tu[prevP * T + p] as number) - c;
        }
        prevG = g;
        prevP = p;
      }
      c++;
    }
    options.onEpoch?.(epoch, averaged);
  }
  return averaged();
}

/** The mean of models trained on the same features (same rows, tags), e.g. with different shuffles. */
export function averageModels(models: readonly LinearModel[]): LinearModel {
  const first = models[0];
  if (!first) throw new Error('averageModels: no model');
  for (const m of models) {
    if (m.rows !== first.rows && (m.rows.size !== first.rows.size || m.weights.length !== first.weights.length)) {
      throw new Error('averageModels: models have different features');
    }
  }
  const mean = (pick: (m: LinearModel) => ArrayLike<number>): Float64Array => {
    const out = new Float64Array(pick(first).length);
    for (const m of models) {
      const v = pick(m);
      for (let k = 0; k < out.length; k++) out[k] = (out[k] as number) + (v[k] as number) / models.length;
    }
    return out;
  };
  return { tags: first.tags, rows: first.rows, weights: mean((m) => m.weights), transitions: mean((m) => m.transitions) };
}
