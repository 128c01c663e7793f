import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MODEL_PATH, lemmatize, loadModelFile, loadPosTagger, parseModel, PosTagger, ruleLemma, seededRandom, serialiseModel, shuffle, STANDALONE_MODEL_PATH, winkHints, type PosModel,
} from '../src/index.js';
import { PerceptronTrainer } from '../src/tagger/perceptron.js';
import { learnLemmaExceptions, trainTagger } from '../src/training.js';

describe('averaged perceptron on a tiny synthetic problem', () => {
  // Two templates: the word, and its last letter. Class = "A" for words ending in a, "B" for b.
  const templates = ['w', 's1'];
  const examples: Array<[string, string]> = [['xa', 'A'], ['ya', 'A'], ['za', 'A'], ['xb', 'B'], ['yb', 'B'], ['zb', 'B']];

  it('learns a separable problem and generalises through the shared feature', () => {
    const trainer = new PerceptronTrainer(['A', 'B'], templates);
    for (let epoch = 0; epoch < 5; epoch++) for (const [w, c] of examples) trainer.learn([w, w.slice(-1)], trainer.classId(c));
    const model = trainer.averaged();
    expect(model.classes[model.predict(['qa', 'a'])]).toBe('A');
    expect(model.classes[model.predict(['qb', 'b'])]).toBe('B');
    for (const [w, c] of examples) expect(model.classes[model.predict([w, w.slice(-1)])]).toBe(c);
  });

  it('skips null features and unknown values', () => {
    const trainer = new PerceptronTrainer(['A', 'B'], templates);
    trainer.learn(['xb', 'b'], 1);
    trainer.learn(['xb', 'b'], 1);
    const model = trainer.averaged();
    expect(model.predict([null, 'b'])).toBe(1);
    expect(model.predict(['never', 'seen'])).toBe(0);
  });

  it('averages the weights over all updates', () => {
    const trainer = new PerceptronTrainer(['A', 'B'], ['f']);
    trainer.learn(['x'], 1); // step 1: the guess A (tie) is wrong, so x: B +1, A -1
    trainer.learn(['x'], 1); // step 2: right, no change
    // The update counts for the steps after it (1 of 2): averaged weights are half the final ones.
    expect([...trainer.averaged(0, 3).rows()]).toEqual([[0, 'x', [0, 1], [-0.5, 0.5]]]);
  });

  it('shuffles deterministically', () => {
    const a = shuffle([1, 2, 3, 4, 5, 6, 7, 8], seededRandom(7));
    const b = shuffle([1, 2, 3, 4, 5, 6, 7, 8], seededRandom(7));
    expect(a).toEqual(b);
    expect([...a].sort()).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });
});

describe('sequence tagger trained on toy sentences', () => {
  const sentences = [
    { forms: ['the', 'dog', 'runs'], labels: ['DT|DET', 'NN|NOUN', 'VBZ|VERB'] },
    { forms: ['a', 'cat', 'sleeps'], labels: ['DT|DET', 'NN|NOUN', 'VBZ|VERB'] },
    { forms: ['the', 'cats', 'run'], labels: ['DT|DET', 'NNS|NOUN', 'VBP|VERB'] },
    { forms: ['dogs', 'run'], labels: ['NNS|NOUN', 'VBP|VERB'] },
  ];

  it('tags its training data and survives a save/load round trip', () => {
    const tagger = trainTagger(sentences, { iterations: 10, dictMinCount: 1000, ambMinCount: 1 });
    const model: PosModel = { ...tagger, lemmaExceptions: new Map(), lemmaVocabulary: new Set(['run']), meta: { test: true } };
    const reloaded = parseModel(serialiseModel(model, 3));
    const tag = (m: PosModel) => new PosTagger(m).tag(['the', 'dog', 'runs']).map((t) => `${t.tag}/${t.upos}/${t.lemma}`);
    expect(tag(model)).toEqual(['DT/DET/the', 'NN/NOUN/dog', 'VBZ/VERB/run']);
    expect(tag(reloaded)).toEqual(tag(model));
    expect(reloaded.meta).toEqual({ test: true });
  });

  it('refuses a model file of another format, with other templates, or cut short', () => {
    const withHeader = (header: object): Buffer => {
      const json = Buffer.from(JSON.stringify(header));
      const length = Buffer.alloc(4);
      length.writeUInt32LE(json.length);
      return Buffer.concat([Buffer.from('NLPPOS\0\x02', 'latin1'), length, json]);
    };
    expect(() => parseModel(Buffer.from('{"format":"nlp-api/pos-perceptron","version":1}'))).toThrow(/not a nlp-api\/pos-perceptron v2 model file/);
    expect(() => parseModel(withHeader({ format: 'something-else', version: 2 }))).toThrow(/not a/);
    expect(() => parseModel(withHeader({ format: 'nlp-api/pos-perceptron', version: 2, templates: ['w'] }))).toThrow(/templates/);
    const model = loadModelFile();
    const bytes = serialiseModel(model, 1);
    expect(() => parseModel(bytes.subarray(0, bytes.length - 8))).toThrow(/truncated/);
  });

  it('ships the models the serialiser writes: loading and saving them again gives the same bytes', () => {
    for (const path of [DEFAULT_MODEL_PATH, STANDALONE_MODEL_PATH]) {
      const shipped = readFileSync(path);
      expect(serialiseModel(parseModel(shipped), 1).equals(shipped)).toBe(true);
    }
  });
});

describe('lemmas', () => {
  it('undoes inflection from the Penn tag', () => {
    expect(ruleLemma('studies', 'NNS')).toBe('study');
    expect(ruleLemma('boxes', 'NNS')).toBe('box');
    expect(ruleLemma('running', 'VBG')).toBe('run');
    expect(ruleLemma('making', 'VBG')).toBe('make');
    expect(ruleLemma('tried', 'VBD')).toBe('try');
    expect(ruleLemma('Obama', 'NNP')).toBe('Obama');
    expect(ruleLemma('The', 'DT')).toBe('the');
    expect(ruleLemma('1,000', 'CD')).toBe('1000');
  });

  it('learns exceptions only where the rules are wrong', () => {
    const exceptions = learnLemmaExceptions([
      ['went', 'VBD', 'go'], ['went', 'VBD', 'go'], ['walked', 'VBD', 'walk'], ["n't", 'RB', 'not'], ['cats', 'NNS', 'cat'],
    ]);
    expect([...exceptions]).toEqual([["n't\tRB", 'not'], ['went\tVBD', 'go']]);
    expect(lemmatize('Went', 'VBD', exceptions)).toBe('go');
  });
});

describe('wink hints', () => {
  it('aligns wink tokens to words by start offset', () => {
    const words = [{ start: 0, end: 2 }, { start: 2, end: 5 }, { start: 6, end: 10 }];
    const wink = [
      { start: 0, end: 5, upos: 'AUX', lemma: 'do', text: "don't" },
      { start: 6, end: 10, upos: 'VERB', lemma: 'go', text: 'went' },
    ];
    expect(winkHints(words, wink)).toEqual(['~AUX+', '?', 'VERB+']);
  });
});

describe('the shipped model', () => {
  const tagger = loadPosTagger();
  const tag = (forms: string[]): string[] => tagger.tag(forms).map((t) => t.tag);

  it('loads, with its provenance', () => {
    const model = loadModelFile();
    expect(model.perceptron.featureCount).toBeGreaterThan(10_000);
    expect(model.perceptron.classes).toContain('NN|NOUN');
    expect(String(model.meta.licence)).toMatch(/CC BY-SA 4\.0/);
  });

  it('tags a few plain sentences right (behaviour, not accuracy)', () => {
    expect(tag(['The', 'cat', 'sat', 'on', 'the', 'mat', '.'])).toEqual(['DT', 'NN', 'VBD', 'IN', 'DT', 'NN', '.']);
    expect(tag(['I', 'do', "n't", 'think', 'so', '.'])).toEqual(['PRP', 'VBP', 'RB', 'VB', 'RB', '.']);
    expect(tag(['She', 'has', 'eaten', 'two', 'apples', '.'])).toEqual(['PRP', 'VBZ', 'VBN', 'CD', 'NNS', '.']);
  });

  it('gives UPOS and lemmas with the Penn tags', () => {
    const out = tagger.tag(['They', 'were', 'running', 'to', 'the', 'stores', '.']);
    expect(out.map((t) => `${t.tag}/${t.upos}/${t.lemma}`)).toEqual([
      'PRP/PRON/they', 'VBD/AUX/be', 'VBG/VERB/run', 'IN/ADP/to', 'DT/DET/the', 'NNS/NOUN/store', './PUNCT/.',
    ]);
  });
});
