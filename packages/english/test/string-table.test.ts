import { describe, expect, it } from 'vitest';
import { loadModelFile, StringTable, StringTableBuilder } from '../src/index.js';
import { setTagFeatures, wordFeatures, wordInfo } from '../src/tagger/features.js';
import { PerceptronModel } from '../src/tagger/perceptron.js';

/** The string keys of the POS model file's weight lines, and their scores as the JSON says. */
describe('StringTable', () => {
  const keys = ['', 'a', 'b', 'ab', 'ba', 'naïve', '😀', 'x'.repeat(5000), '\u0000a'];
  const table = StringTable.from(keys);

  it('answers like a Map from key to insertion index', () => {
    const map = new Map(keys.map((k, i) => [k, i]));
    for (const probe of [...keys, 'c', 'abc', 'A', '\u0000', 'x'.repeat(4999), 'naive', '😁']) {
      expect(table.get(probe)).toBe(map.get(probe));
      expect(table.has(probe)).toBe(map.has(probe));
    }
    expect(table.size).toBe(keys.length);
    expect([...table.keys()]).toEqual(keys);
    expect([...table]).toEqual([...map]);
  });

  it('looks keys up with a prefix character without building them', () => {
    const builder = new StringTableBuilder();
    builder.add('the', 1);
    builder.add('the', 2);
    builder.add('\u0003the');
    const t = builder.build();
    expect(t.getPrefixed('the', 1)).toBe(0);
    expect(t.getPrefixed('the', 2)).toBe(1);
    expect(t.getPrefixed('the', 3)).toBe(2);
    expect(t.getPrefixed('the', 4)).toBe(-1);
    expect(t.get('\u0001the')).toBe(0);
    expect(t.get('the')).toBeUndefined();
  });

  it('getMany gives the same ids as one lookup at a time, with and without prefixes', () => {
    const builder = new StringTableBuilder();
    for (let i = 0; i < 5000; i++) builder.add(`w${i}`, i % 7);
    const t = builder.build();
    const probes = Array.from({ length: 7 }, (_, i) => (i === 3 ? null : `w${i * 700 + (i % 2)}`));
    const out = new Int32Array(probes.length);
    t.getMany(probes, true, out);
    expect(Array.from(out)).toEqual(probes.map((p, i) => (p === null ? -1 : t.getPrefixed(p, i))));
    t.getMany(probes, false, out);
    expect(Array.from(out)).toEqual(probes.map((p) => (p === null ? -1 : t.idOf(p))));
  });

  it('refuses a key given twice', () => {
    expect(() => StringTable.from(['a', 'b', 'a'])).toThrow(/duplicate key "a"/);
    const builder = new StringTableBuilder();
    builder.add('the', 1);
    builder.add('\u0001the');
    expect(() => builder.build()).toThrow(/duplicate key/);
  });
});

describe('the POS model as loaded from its file', () => {
  const model = loadModelFile();
  const forms = ['The', 'quick', 'brown', 'fox', 'jumped', 'over', 'e-mail', 'U.S.', '1990s', 'naïve', '😀', '.'];
  const infos = forms.map((f, i) => wordInfo(f, model.ambiguity, ['DET', 'ADJ', '~NOUN', 'NOUN', 'VERB+', '?'][i % 6]));
  const samples = infos.map((_, i) => setTagFeatures(wordFeatures(infos, i), infos, i, 'DT|DET', 'IN|ADP'));

  it('scores sample words exactly as the sum of their weight rows', () => {
    const rows = new Map<string, Array<[number, number]>>();
    for (const [t, value, cls, w] of model.perceptron.rows()) rows.set(`${t}\t${value}`, cls.map((c, k) => [c, w[k] as number]));
    expect(rows.size).toBe(model.perceptron.featureCount);
    for (const values of samples) {
      const expected = new Float64Array(model.perceptron.classes.length);
      values.forEach((v, t) => {
        if (v === null) return;
        for (const [c, w] of rows.get(`${t}\t${v}`) ?? []) expected[c] = (expected[c] as number) + w;
      });
      expect(Array.from(model.perceptron.score(values))).toEqual(Array.from(expected));
    }
  });

  it('scores like the same rows built into a model in memory', () => {
    const rebuilt = new PerceptronModel(model.perceptron.classes, model.perceptron.templates, model.perceptron.rows());
    expect(rebuilt.weightCount).toBe(model.perceptron.weightCount);
    for (const values of samples) expect(Array.from(rebuilt.score(values))).toEqual(Array.from(model.perceptron.score(values)));
  });
});
