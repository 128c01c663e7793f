import { describe, expect, it } from 'vitest';
import { charCount, extractKeywords } from '../src/rake/index.js';

const SEED_TEXT =
  'The Internet is the global system of interconnected computer networks that use the Internet protocol suite to link devices worldwide.';
const SEED_ANSWER =
  '[{"candidate":"interconnected computer networks","score":9},{"candidate":"link devices worldwide","score":9},{"candidate":"internet protocol suite","score":8},{"candidate":"global system","score":4},{"candidate":"internet","score":2}]';

const AXIS = 'The axis of evil. Critics of the axis of evil. Axis of evil rhetoric.';

const candidates = (text: string, options?: Parameters<typeof extractKeywords>[1]): string[] =>
  extractKeywords(text, options).map((k) => k.candidate);

describe('RAKE options', () => {
  it('leaves the seed answer unchanged with every new option at its default, spelled out or not', () => {
    expect(JSON.stringify(extractKeywords(SEED_TEXT))).toBe(SEED_ANSWER);
    expect(
      JSON.stringify(extractKeywords(SEED_TEXT, { stopwords: 'smart', minChars: 1, minFrequency: 1, adjoining: false })),
    ).toBe(SEED_ANSWER);
  });

  describe('stoplist', () => {
    it('"fox" splits at Fox’s stop words instead of SMART’s', () => {
      // Fox stops "open", "problems", "general" and "numbers"; SMART stops none of them.
      expect(candidates('Open problems in general relativity.')).toEqual(['open problems', 'general relativity']);
      expect(candidates('Open problems in general relativity.', { stopwords: 'fox' })).toEqual(['relativity']);
      expect(candidates('Natural numbers.', { stopwords: 'fox' })).toEqual(['natural']);
      expect(candidates('Natural numbers.')).toEqual(['natural numbers']);
      // The seed text happens to split the same way under both lists.
      expect(JSON.stringify(extractKeywords(SEED_TEXT, { stopwords: 'fox' }))).toBe(SEED_ANSWER);
    });

    it('a custom list replaces the default entirely', () => {
      expect(candidates('Speed is of the essence', { stopwords: ['is'] })).toEqual(['of the essence', 'speed']);
      expect(candidates('Speed is of the essence', { stopwords: [] })).toEqual(['speed is of the essence']);
    });
  });

  describe('minChars', () => {
    it('treats shorter words as stop words, splitting phrases at them', () => {
      expect(candidates('AI chips and EU law.')).toEqual(['ai chips', 'eu law']);
      expect(candidates('AI chips and EU law.', { minChars: 3 })).toEqual(['chips', 'law']);
      expect(candidates('AI chips and EU law.', { minChars: 4 })).toEqual(['chips']);
    });

    it('counts code points without combining marks, so both encodings of a word count alike', () => {
      expect(charCount('café')).toBe(4);
      expect(charCount('cafe\u0301')).toBe(4);
      expect(charCount('covid-19')).toBe(8);
      expect(charCount('東京')).toBe(2);
      expect(charCount('𝔘𝔫𝔦')).toBe(3);
      expect(candidates('Café culture. Cafe\u0301 society.', { minChars: 5 })).toEqual(['culture', 'society']);
      expect(candidates('Naïve café', { minChars: 5 })).toEqual(['naïve']);
    });

    it('changes scores as stop words do, since short words no longer join phrases', () => {
      // "ai chips": ai 2/1 + chips 2/1 = 4; with minChars 3 "chips" stands alone: 1.
      expect(extractKeywords('AI chips.', { minChars: 3 })).toEqual([{ candidate: 'chips', score: 1 }]);
    });
  });

  describe('minFrequency', () => {
    it('keeps only candidates occurring at least that many times, scores unchanged', () => {
      const text = 'Solar power. Wind. Solar power! Wind turbines. Solar power.';
      const all = extractKeywords(text);
      // "solar power" occurs 3 times, "wind turbines" once, "wind" once: the "wind" inside
      // "wind turbines" is part of another candidate, not an occurrence of this one.
      expect(all).toEqual([
        { candidate: 'solar power', score: 4 },
        { candidate: 'wind turbines', score: 3.5 },
        { candidate: 'wind', score: 1.5 },
      ]);
      expect(extractKeywords(text, { minFrequency: 2 })).toEqual([all[0]]);
      expect(extractKeywords(text, { minFrequency: 3 })).toEqual([all[0]]);
      expect(extractKeywords(`${text} Wind.`, { minFrequency: 2 }).map((k) => k.candidate)).toEqual(['solar power', 'wind']);
      expect(extractKeywords(text, { minFrequency: 4 })).toEqual([]);
    });
  });

  describe('adjoining (section 1.2.3)', () => {
    it('is off by default', () => {
      expect(candidates(AXIS)).not.toContain('axis of evil');
    });

    it('joins two keywords adjoining twice with their interior stop words, scored as the sum of theirs', () => {
      // axis: freq 3, deg 3 -> 1; evil: freq 3, deg 1 + 1 + 2 = 4 -> 4/3; critics 1; rhetoric 2.
      expect(extractKeywords(AXIS, { adjoining: true })).toEqual([
        { candidate: 'evil rhetoric', score: 4 / 3 + 2 },
        { candidate: 'axis of evil', score: 1 + 4 / 3 },
        { candidate: 'evil', score: 4 / 3 },
        { candidate: 'axis', score: 1 },
        { candidate: 'critics', score: 1 },
      ]);
    });

    it('needs the same keywords, in the same order, with the same stop words between them, at least twice', () => {
      // Once only.
      expect(candidates('The axis of evil.', { adjoining: true })).not.toContain('axis of evil');
      // Twice, but the other way round once.
      expect(candidates('Axis of evil. Evil of axis.', { adjoining: true })).toEqual(['axis', 'evil']);
      // Twice, but with different interior stop words.
      expect(candidates('Axis of evil. Axis and evil.', { adjoining: true })).toEqual(['axis', 'evil']);
      // A delimiter between them is not adjoining.
      expect(candidates('Axis of, evil. Axis of, evil.', { adjoining: true })).toEqual(['axis', 'evil']);
      // Longer interiors are kept verbatim.
      expect(candidates('Pride and the prejudice. Pride and the prejudice.', { adjoining: true })).toContain(
        'pride and the prejudice',
      );
    });

    it('joins pairs only, so a chain gives one keyword per adjoining pair', () => {
      const text = 'Rock of ages of gold. Rock of ages of gold.';
      const found = candidates(text, { adjoining: true });
      expect(found).toContain('rock of ages');
      expect(found).toContain('ages of gold');
      expect(found).not.toContain('rock of ages of gold');
    });

    it('counts interior stop words in maxWords and the sequence’s own occurrences in minFrequency', () => {
      expect(candidates(AXIS, { adjoining: true, maxWords: 2 })).not.toContain('axis of evil');
      expect(candidates(AXIS, { adjoining: true, minFrequency: 2 })).toEqual(['axis of evil', 'evil', 'axis']);
    });

    it('respects minChars: a short word becomes an interior stop word', () => {
      expect(candidates('Tom & Jerry. Tom & Jerry.', { adjoining: true })).toEqual(['tom', 'jerry']);
      expect(candidates('Tom n Jerry. Tom n Jerry.', { adjoining: true, minChars: 2 })).toContain('tom n jerry');
    });
  });
});
