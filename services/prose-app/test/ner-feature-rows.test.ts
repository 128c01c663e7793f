import { describe, expect, it } from 'vitest';
import { FeatureRows } from '../src/nlp/ner/feature-rows.js';
import { sentenceFeatures, type NerToken } from '../src/nlp/ner/features.js';
import { Gazetteer, GAZETTEER_FORMAT } from '../src/nlp/ner/gazetteer.js';

const gazetteer = new Gazetteer({
  format: GAZETTEER_FORMAT,
  source: 'test',
  lists: { first: ['angela', 'tim'], city: ['berlin', 'new york', 'new york city'], org: ['goldman sachs'] },
  lexicon: { NNP: 'Angela Berlin', NN: 'press city', '+NNP': 'Press' },
});

const sentences: NerToken[][] = [
  'Angela Merkel met the press in New York City today .'.split(' ').map((text, i) => ({ text, upos: i % 2 ? 'NOUN' : 'PROPN' })),
  'tim cook of goldman sachs , 2024 !'.split(' ').map((text) => ({ text })),
  [{ text: 'Berlin' }],
  ['Über', 'Zürich', '😀', 'a', 'ab', 'abcdefg'].map((text) => ({ text, upos: 'X' })),
];

describe('FeatureRows', () => {
  it("finds, feature for feature and in order, the rows of sentenceFeatures' strings", () => {
    const features = new Set(sentences.flatMap((s) => sentenceFeatures(s, gazetteer).flat()));
    // Every other feature is in the model, so both known and unknown ones are checked.
    const model = new Map([...features].filter((_, i) => i % 2 === 0).map((f, i) => [f, i]));
    const featureRows = new FeatureRows(model, gazetteer);
    for (const s of sentences) {
      for (let pass = 0; pass < 2; pass++) {
        const { rows, offsets } = featureRows.sentence(s);
        const expected = sentenceFeatures(s, gazetteer).map((fs) => fs.map((f) => model.get(f) ?? -1));
        const got = expected.map((_, i) => Array.from(rows.subarray(offsets[i], offsets[i + 1])));
        expect(got).toEqual(expected);
      }
    }
  });

  it('stays the same once its caches have filled up and been emptied', () => {
    let seed = 7;
    const random = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const word = (): string => Array.from({ length: 2 + Math.floor(random() * 7) }, () => 'abcdeABCDE.-1'[Math.floor(random() * 13)]).join('');
    const sentencesOfNewWords = Array.from({ length: 6 }, () => Array.from({ length: 4000 }, (_, i) => ({ text: word(), upos: `U${i % 50}` })));
    const features = new Set(sentencesOfNewWords.flatMap((s) => sentenceFeatures(s, gazetteer).flat()));
    const model = new Map([...features].filter((_, i) => i % 3 === 0).map((f, i) => [f, i]));
    const featureRows = new FeatureRows(model, gazetteer);
    for (const s of sentencesOfNewWords) {
      const { rows } = featureRows.sentence(s);
      expect(Array.from(rows)).toEqual(sentenceFeatures(s, gazetteer).flatMap((fs) => fs.map((f) => model.get(f) ?? -1)));
    }
  });
});
