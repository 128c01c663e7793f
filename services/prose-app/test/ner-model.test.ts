import { statSync } from 'node:fs';
import nlp from 'compromise';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPerceptronRecognizer, MODEL_FILE, MODELS_DIR, type PerceptronRecognizer } from '../src/nlp/ner/recognizer.js';
import { groupBySentence } from '../src/nlp/sentences.js';
import { loadNlpEngine, type NlpEngine } from '../src/nlp/index.js';
import { namedEntities } from '../scripts/ner/compromise-recogniser.js';

let recognizer: PerceptronRecognizer;
let engine: NlpEngine;

beforeAll(() => {
  recognizer = loadPerceptronRecognizer();
  engine = loadNlpEngine();
});

describe('the shipped model', () => {
  it('loads: BIO tags over PER / LOC / ORG, tens of thousands of features, a file of a few MB', () => {
    expect([...recognizer.model.tags].sort()).toEqual(['B-LOC', 'B-ORG', 'B-PER', 'I-LOC', 'I-ORG', 'I-PER', 'O']);
    expect(recognizer.model.rows.size).toBeGreaterThan(10_000);
    expect(recognizer.model.weights.length).toBe(recognizer.model.rows.size * 7);
    expect(statSync(`${MODELS_DIR}${MODEL_FILE}`).size).toBeLessThan(4 * 1024 * 1024);
  });

  it('fails loudly when the weights are missing', () => {
    expect(() => loadPerceptronRecognizer({ modelPath: `${MODELS_DIR}no-such-model.json` })).toThrow(/ENOENT/);
  });

  it('tags tokens with BIO tags and turns them into labelled spans', () => {
    const tokens = ['Barack', 'Obama', 'visited', 'Paris', '.'].map((text) => ({ text, upos: text === 'visited' ? 'VERB' : text === '.' ? 'PUNCT' : 'PROPN' }));
    expect(recognizer.tag(tokens)).toEqual(['B-PER', 'I-PER', 'O', 'B-LOC', 'O']);
    expect(recognizer.spans(tokens)).toEqual([
      { start: 0, end: 2, type: 'PERSON' },
      { start: 3, end: 4, type: 'GPE' },
    ]);
    expect(recognizer.tag([])).toEqual([]);
  });
});

describe('groupBySentence', () => {
  it('groups tokens by the sentence they start in; stray tokens join the next sentence or a last group', () => {
    const t = (start: number, end: number) => ({ start, end });
    const tokens = [t(0, 3), t(4, 5), t(6, 9), t(10, 11), t(12, 14), t(20, 22)];
    const sentences = [t(0, 5), t(6, 11), t(13, 14)];
    expect(groupBySentence(tokens, sentences)).toEqual([[t(0, 3), t(4, 5)], [t(6, 9), t(10, 11)], [t(12, 14)], [t(20, 22)]]);
    expect(groupBySentence(tokens.slice(0, 2), [])).toEqual([[t(0, 3), t(4, 5)]]);
  });
});

/** Sentences the model really gets right (behaviour, not accuracy: accuracy is reported by npm run eval:ner). */
describe('entities from the engine', () => {
  const names = (text: string): string[] =>
    engine
      .entities(text)
      .filter((e) => ['PERSON', 'ORGANIZATION', 'GPE', 'LOCATION'].includes(e.label))
      .map((e) => `${e.label}:${e.text}`);

  it.each([
    ['Sarah Johnson works for the World Health Organization in Geneva.', ['PERSON:Sarah Johnson', 'ORGANIZATION:World Health Organization', 'GPE:Geneva']],
    ['The University of California signed a deal with Google.', ['ORGANIZATION:University of California', 'ORGANIZATION:Google']],
    ['He flew from Chicago to Lake Tahoe with John Smith.', ['GPE:Chicago', 'LOCATION:Lake Tahoe', 'PERSON:John Smith']],
    ['The Mississippi River flows into the Gulf of Mexico.', ['LOCATION:Mississippi River', 'LOCATION:Gulf of Mexico']],
    ['i went to see taylor swift in london last night', ['PERSON:taylor swift', 'GPE:london']],
    [
      'President Joe Biden flew from Washington to Paris, France, for talks with Emmanuel Macron.',
      ['PERSON:Joe Biden', 'GPE:Washington', 'GPE:Paris', 'GPE:France', 'PERSON:Emmanuel Macron'],
    ],
  ])('%s', (text, expected) => {
    expect(names(text)).toEqual(expected);
  });

  it('keeps pattern entities next to names, and lets @mentions stay mentions', () => {
    const found = engine.entities('Tim Cook paid $5 million in Berlin on 3 May 2019, @tim said.').map((e) => `${e.label}:${e.text}`);
    expect(found).toEqual(expect.arrayContaining(['PERSON:Tim Cook', 'MONEY:$5 million', 'GPE:Berlin', 'DATE:3 May 2019', 'MENTION:@tim']));
  });

  it('labels tokens of names with IOB labels', () => {
    const labels = engine.tokens('Goldman Sachs hired Mary Ann Lee.').map((t) => `${t.text}:${t.label}`);
    expect(labels).toEqual(['Goldman:B-ORGANIZATION', 'Sachs:I-ORGANIZATION', 'hired:O', 'Mary:B-PERSON', 'Ann:I-PERSON', 'Lee:I-PERSON', '.:O']);
  });

  it('keeps the older compromise-based recogniser for comparison, outside the service (npm run eval:ner)', () => {
    const text = 'Barack Obama visited Paris.';
    expect(namedEntities(nlp, text).map((e) => `${e.label}:${text.slice(e.start, e.end)}`)).toEqual(['PERSON:Barack Obama', 'GPE:Paris']);
  });
});
