/**
 * Training of the perceptron POS tagger (used by scripts/train-pos.ts and by the tests on toy data).
 * Deterministic: the sentence order of every epoch comes from a seeded shuffle.
 */
import { START2_TAG, START_TAG, TEMPLATES, setTagFeatures, wordFeatures, wordInfo, type WordInfo } from './features.js';
import { seededRandom, shuffle } from '../random.js';
import { PerceptronModel, PerceptronTrainer, type FeatureRow } from './perceptron.js';
import type { TaggerModel } from './tagger.js';

export interface TrainingSentence {
  forms: readonly string[];
  /** One class name per form. */
  labels: readonly string[];
  /** Outside evidence per word (see WordInfo.hint). */
  hints?: readonly string[];
}

export interface TrainOptions {
  iterations: number;
  seed: number;
  /** A word enters the tag dictionary if seen at least this often ... */
  dictMinCount: number;
  /** ... with this share of its occurrences taking one class. */
  dictMinShare: number;
  /** Averaged weights below this magnitude are dropped. */
  minWeight: number;
  decimals: number;
  /** A word gets an ambiguity class if seen at least this often. */
  ambMinCount: number;
  /** Number of models trained with different shuffles whose weights are averaged (1 = a single model). */
  ensemble: number;
  /** Called after every epoch with the share of training words tagged right during it. */
  onEpoch?: (epoch: number, accuracy: number) => void;
}

export const DEFAULT_TRAIN_OPTIONS: TrainOptions = {
  iterations: 8,
  seed: 1,
  dictMinCount: 20,
  dictMinShare: 0.99,
  minWeight: 0,
  decimals: 3,
  ambMinCount: 5,
  ensemble: 1,
};

/** Normalised word -> class name for frequent words that nearly always take the same class. */
export function buildTagDict(sentences: readonly TrainingSentence[], minCount: number, minShare: number): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (const s of sentences) {
    s.forms.forEach((form, i) => {
      const norm = wordInfo(form).norm;
      let byLabel = counts.get(norm);
      if (!byLabel) counts.set(norm, (byLabel = new Map()));
      const label = s.labels[i] as string;
      byLabel.set(label, (byLabel.get(label) ?? 0) + 1);
    });
  }
  const dict = new Map<string, string>();
  for (const norm of [...counts.keys()].sort()) {
    const byLabel = counts.get(norm) as Map<string, number>;
    let total = 0;
    let best = '';
    let bestCount = 0;
    for (const [label, n] of [...byLabel].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      total += n;
      if (n > bestCount) [best, bestCount] = [label, n];
    }
    if (total >= minCount && bestCount / total >= minShare) dict.set(norm, best);
  }
  return dict;
}

/** Normalised word -> sorted set of the first parts of its labels ("NN|VB"), for words seen at least `minCount` times. */
export function buildAmbiguity(sentences: readonly TrainingSentence[], minCount: number): Map<string, string> {
  const seen = new Map<string, Map<string, number>>();
  for (const s of sentences) {
    s.forms.forEach((form, i) => {
      const norm = wordInfo(form).norm;
      let tags = seen.get(norm);
      if (!tags) seen.set(norm, (tags = new Map()));
      const tag = (s.labels[i] as string).split('|')[0] as string;
      tags.set(tag, (tags.get(tag) ?? 0) + 1);
    });
  }
  const out = new Map<string, string>();
  for (const norm of [...seen.keys()].sort()) {
    const tags = seen.get(norm) as Map<string, number>;
    let total = 0;
    for (const n of tags.values()) total += n;
    if (total < minCount) continue;
    // Tags under 5 % of the word's uses are noise for this purpose.
    out.set(norm, [...tags].filter(([, n]) => n / total >= 0.05).map(([t]) => t).sort().join('|'));
  }
  return out;
}

export function trainTagger(sentences: readonly TrainingSentence[], options: Partial<TrainOptions> = {}): TaggerModel {
  const o = { ...DEFAULT_TRAIN_OPTIONS, ...options };
  const classNames = [...new Set(sentences.flatMap((s) => s.labels))].sort();
  const classIds = new Map(classNames.map((c, i) => [c, i]));
  const classId = (label: string): number => classIds.get(label) as number;
  const dictByName = buildTagDict(sentences, o.dictMinCount, o.dictMinShare);
  const tagDict = new Map<string, number>([...dictByName].map(([w, label]) => [w, classId(label)]));
  const ambiguity = buildAmbiguity(sentences, o.ambMinCount);

  // Word features do not change between epochs: compute them once.
  const prepared = sentences.map((s) => {
    const infos: WordInfo[] = s.forms.map((f, i) => wordInfo(f, ambiguity, s.hints?.[i] ?? ''));
      return { infos, features: infos.map((_, i) => wordFeatures(infos, i)), truth: s.labels.map(classId) };
  });
  const models: PerceptronModel[] = [];
  for (let k = 0; k < o.ensemble; k++) {
    const trainer = new PerceptronTrainer(classNames, TEMPLATES);
    trainEpochs(trainer, prepared, tagDict, o, o.seed + k);
    models.push(o.ensemble === 1 ? trainer.averaged(o.minWeight, o.decimals) : trainer.averaged(0, 6));
  }
  const perceptron = models.length === 1 ? (models[0] as PerceptronModel) : mergeModels(models, o.minWeight, o.decimals);
  return { perceptron, tagDict, ambiguity };
}

interface Prepared {
  infos: WordInfo[];
  features: Array<Array<string | null>>;
  truth: number[];
}

function trainEpochs(trainer: PerceptronTrainer, prepared: readonly Prepared[], tagDict: ReadonlyMap<string, number>, o: TrainOptions, seed: number): void {
  const classNames = trainer.classes;
  const random = seededRandom(seed);
  const order = prepared.map((_, i) => i);
  for (let epoch = 1; epoch <= o.iterations; epoch++) {
    let correct = 0;
    let total = 0;
    for (const k of shuffle(order, random)) {
      const s = prepared[k] as Prepared;
      let prev1 = START_TAG;
      let prev2 = START2_TAG;
      s.infos.forEach((info, i) => {
        const truth = s.truth[i] as number;
        let guess = tagDict.get(info.norm);
        if (guess === undefined) {
          guess = trainer.learn(setTagFeatures(s.features[i] as Array<string | null>, s.infos, i, prev1, prev2), truth);
        }
        if (guess === truth) correct++;
        total++;
        prev2 = prev1;
        prev1 = classNames[guess] as string;
      });
    }
    o.onEpoch?.(epoch, total === 0 ? 1 : correct / total);
  }
}

/** The mean of several models' weights (a model scoring with it scores with their average). */
function mergeModels(models: readonly PerceptronModel[], minWeight: number, decimals: number): PerceptronModel {
  const first = models[0] as PerceptronModel;
  const sums = new Map<string, { template: number; value: string; byClass: Map<number, number> }>();
  for (const m of models) {
    for (const [template, value, cls, w] of m.rows()) {
      const key = `${template}\u0000${value}`;
      let entry = sums.get(key);
      if (!entry) sums.set(key, (entry = { template, value, byClass: new Map() }));
      cls.forEach((c, k) => entry.byClass.set(c, (entry.byClass.get(c) ?? 0) + (w[k] as number)));
    }
  }
  const scale = 10 ** decimals;
  const rows: FeatureRow[] = [];
  for (const key of [...sums.keys()].sort()) {
    const { template, value, byClass } = sums.get(key) as { template: number; value: string; byClass: Map<number, number> };
    const cls: number[] = [];
    const w: number[] = [];
    for (const c of [...byClass.keys()].sort((a, b) => a - b)) {
      const avg = Math.round(((byClass.get(c) as number) / models.length) * scale) / scale;
      if (avg !== 0 && Math.abs(avg) >= minWeight) {
        cls.push(c);
        w.push(avg);
      }
    }
    if (cls.length > 0) rows.push([template, value, cls, w]);
  }
  return new PerceptronModel(first.classes, first.templates, rows);
}
