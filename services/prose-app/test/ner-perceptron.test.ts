import { seededRandom } from '@nlp-api/english';
import { describe, expect, it } from 'vitest';
import { compactModel, expandModel } from '../src/nlp/ner/model-io.js';
import {
  allowedTransitions,
  averageModels,
  decodeTags,
  emissionScores,
  greedy,
  trainPerceptron,
  viterbi,
  type LinearModel,
  type TrainingSentence,
} from '../src/nlp/ner/perceptron.js';

const TAGS = ['O', 'B-PER', 'I-PER', 'B-LOC', 'I-LOC'];

/**
 * A tiny synthetic language: after "met" come one or two person names, after "in" one or two place
 * names; names are capitalised. Features: the word, whether it is capitalised, the previous word.
 */
function sentence(words: string[], tags: string[]): TrainingSentence {
  return {
    features: words.map((w, i) => [`w=${w}`, `cap=${/^[A-Z]/.test(w)}`, `prev=${words[i - 1] ?? '<s>'}`]),
    tags,
  };
}

const PEOPLE = [['Ann'], ['Bob', 'Lee'], ['Cy'], ['Dee', 'Ray']];
const PLACES = [['Rome'], ['Oslo'], ['New', 'Delhi'], ['Lima']];

function corpus(): TrainingSentence[] {
  const out: TrainingSentence[] = [];
  for (const person of PEOPLE) {
    for (const place of PLACES) {
      const words = ['we', 'met', ...person, 'in', ...place];
      const tags = ['O', 'O', ...person.map((_, i) => (i === 0 ? 'B-PER' : 'I-PER')), 'O', ...place.map((_, i) => (i === 0 ? 'B-LOC' : 'I-LOC'))];
      out.push(sentence(words, tags));
    }
  }
  return out;
}

/** Exhaustive search over every allowed tag sequence: the reference for Viterbi. */
function bruteForce(emissions: Float64Array, n: number, T: number, transitions: ArrayLike<number>, allowed: Uint8Array): number[] {
  let best = -Infinity;
  let arg: number[] = [];
  const walk = (i: number, prev: number, score: number, path: number[]): void => {
    if (i === n) {
      if (score > best) {
        best = score;
        arg = [...path];
      }
      return;
    }
    for (let t = 0; t < T; t++) {
      if (!allowed[prev * T + t]) continue;
      walk(i + 1, t, score + (emissions[i * T + t] as number) + (transitions[prev * T + t] as number), [...path, t]);
    }
  };
  walk(0, T, 0, []);
  return arg;
}

describe('BIO constraints', () => {
  it('allow I-X only after B-X or I-X, and never first', () => {
    const allowed = allowedTransitions(TAGS);
    const T = TAGS.length;
    const ok = (prev: string | null, tag: string): boolean => allowed[(prev === null ? T : TAGS.indexOf(prev)) * T + TAGS.indexOf(tag)] === 1;
    expect(ok(null, 'I-PER')).toBe(false);
    expect(ok(null, 'B-PER')).toBe(true);
    expect(ok('O', 'I-PER')).toBe(false);
    expect(ok('B-PER', 'I-PER')).toBe(true);
    expect(ok('I-PER', 'I-PER')).toBe(true);
    expect(ok('B-LOC', 'I-PER')).toBe(false);
    expect(ok('I-PER', 'B-PER')).toBe(true);
    expect(ok('B-LOC', 'O')).toBe(true);
  });
});

describe('decoders', () => {
  it('Viterbi finds the best allowed sequence (checked against exhaustive search on random scores)', () => {
    const rand = seededRandom(7);
    const T = TAGS.length;
    const allowed = allowedTransitions(TAGS);
    for (let round = 0; round < 30; round++) {
      const n = 1 + Math.floor(rand() * 5);
      const emissions = Float64Array.from({ length: n * T }, () => rand() * 4 - 2);
      const transitions = Float64Array.from({ length: (T + 1) * T }, () => rand() * 2 - 1);
      const path = Array.from(viterbi(emissions, n, T, transitions, allowed));
      expect(path).toEqual(bruteForce(emissions, n, T, transitions, allowed));
    }
  });

  it('greedy decoding also respects the constraints', () => {
    const T = TAGS.length;
    const allowed = allowedTransitions(TAGS);
    // Emissions prefer I-PER everywhere, B-PER second; I-PER may not start a sentence.
    const emissions = new Float64Array(3 * T);
    for (let i = 0; i < 3; i++) {
      emissions[i * T + 2] = 5;
      emissions[i * T + 1] = 4;
    }
    const path = Array.from(greedy(emissions, 3, T, new Float64Array((T + 1) * T), allowed), (t) => TAGS[t]);
    expect(path).toEqual(['B-PER', 'I-PER', 'I-PER']);
    // With no reason to start a person, I-PER is never reached from O.
    emissions.fill(0);
    emissions[1 * T + 2] = 5;
    expect(Array.from(greedy(emissions, 3, T, new Float64Array((T + 1) * T), allowed), (t) => TAGS[t])).toEqual(['O', 'O', 'O']);
    expect(viterbi(new Float64Array(0), 0, T, new Float64Array((T + 1) * T), allowed)).toHaveLength(0);
  });
});

describe('averaged perceptron', () => {
  const train = (): LinearModel => trainPerceptron(corpus(), TAGS, { epochs: 5, seed: 3 });

  it('learns the synthetic problem and tags unseen names by context and capitalisation', () => {
    const model = train();
    const allowed = allowedTransitions(TAGS);
    for (const s of corpus()) expect(decodeTags(model, s.features, allowed)).toEqual(s.tags);
    const unseen = sentence(['we', 'met', 'Zed', 'Moe', 'in', 'Kyiv'], []);
    expect(decodeTags(model, unseen.features, allowed)).toEqual(['O', 'O', 'B-PER', 'I-PER', 'O', 'B-LOC']);
    expect(decodeTags(model, unseen.features, allowed, 'greedy')).toEqual(['O', 'O', 'B-PER', 'I-PER', 'O', 'B-LOC']);
  });

  it('is deterministic for a given seed', () => {
    const a = train();
    const b = train();
    expect(Array.from(a.weights)).toEqual(Array.from(b.weights));
    expect(Array.from(a.transitions)).toEqual(Array.from(b.transitions));
    expect([...a.rows.keys()]).toEqual([...b.rows.keys()]);
  });

  it('drops rare features when asked', () => {
    const model = trainPerceptron(corpus(), TAGS, { epochs: 1, minFeatureCount: 5 });
    expect(model.rows.has('w=Ann')).toBe(false); // seen 4 times
    expect(model.rows.has('w=met')).toBe(true);
  });

  it('rejects a tag outside the tag set', () => {
    expect(() => trainPerceptron([sentence(['x'], ['B-ORG'])], TAGS, { epochs: 1 })).toThrow(/unknown tag/);
  });

  it('survives compaction: pruned, rounded weights give the same tags', () => {
    const model = train();
    const stored = compactModel(model, { scale: 100, minAbsWeight: 0.01 });
    const json = JSON.parse(JSON.stringify(stored)) as typeof stored;
    const loaded = expandModel(json);
    const allowed = allowedTransitions(TAGS);
    for (const s of corpus()) expect(decodeTags(loaded, s.features, allowed)).toEqual(s.tags);
    expect(Object.keys(stored.features)).toEqual([...Object.keys(stored.features)].sort());
    // Unpruned scores agree up to rounding.
    const f = corpus()[0]!.features;
    const a = emissionScores(model, f);
    const b = emissionScores(loaded, f);
    a.forEach((v, k) => expect(Math.abs(v - (b[k] as number))).toBeLessThan(0.1));
  });

  it('averages runs with different shuffles into one model that still fits the data', () => {
    const runs = [1, 2, 3].map((seed) => trainPerceptron(corpus(), TAGS, { epochs: 5, seed }));
    const mean = averageModels(runs);
    const k = mean.rows.get('cap=true') as number;
    expect(mean.weights[k * TAGS.length + 1]).toBeCloseTo(runs.reduce((a, m) => a + (m.weights[k * TAGS.length + 1] as number), 0) / 3, 10);
    const allowed = allowedTransitions(TAGS);
    for (const s of corpus()) expect(decodeTags(mean, s.features, allowed)).toEqual(s.tags);
    expect(() => averageModels([])).toThrow(/no model/);
  });

  it('refuses a model file of another format or shape', () => {
    const stored = compactModel(train(), { scale: 10, minAbsWeight: 0 });
    expect(() => expandModel({ ...stored, format: 'x' })).toThrow(/format/);
    expect(() => expandModel({ ...stored, transitions: [1, 2] })).toThrow(/transition/);
    expect(() => expandModel({ ...stored, features: { 'w=x': [1, 2, 3, 4, 5, 6] } })).toThrow(/weights/);
  });
});
