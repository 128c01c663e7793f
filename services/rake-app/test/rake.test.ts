import { describe, expect, it } from 'vitest';
import { extractKeywords, type RakeOptions } from '../src/rake/index.js';

const SEED_TEXT =
  'The Internet is the global system of interconnected computer networks that use the Internet protocol suite to link devices worldwide.';

function candidates(text: string, options?: RakeOptions): string[] {
  return extractKeywords(text, options).map((keyword) => keyword.candidate);
}

describe('extractKeywords', () => {
  it('scores the seed text exactly as the 2019 service did', () => {
    expect(JSON.stringify(extractKeywords(SEED_TEXT))).toBe(
      '[{"candidate":"interconnected computer networks","score":9},{"candidate":"link devices worldwide","score":9},{"candidate":"internet protocol suite","score":8},{"candidate":"global system","score":4},{"candidate":"internet","score":2}]',
    );
  });

  it('scores words as degree / frequency, giving non-integer scores for shared words', () => {
    // Candidates: "quantum computing research" and "quantum physics".
    // quantum: frequency 2, degree 3 + 2 = 5 -> 2.5
    // computing, research: 3 / 1 = 3; physics: 2 / 1 = 2
    expect(extractKeywords('Quantum computing research. Quantum physics.')).toEqual([
      { candidate: 'quantum computing research', score: 8.5 },
      { candidate: 'quantum physics', score: 4.5 },
    ]);
    // deep: frequency 2, degree 2 + 1 = 3 -> 1.5; learning: 2
    expect(extractKeywords('Deep learning, deep.')).toEqual([
      { candidate: 'deep learning', score: 3.5 },
      { candidate: 'deep', score: 1.5 },
    ]);
  });

  it('breaks score ties by first occurrence in the text, not alphabetically', () => {
    expect(candidates('Beta gamma. Alpha delta.')).toEqual(['beta gamma', 'alpha delta']);
    expect(candidates('Alpha delta. Beta gamma.')).toEqual(['alpha delta', 'beta gamma']);
  });

  it('lists a repeated candidate once but counts every occurrence in the scores', () => {
    // solar, power: frequency 2, degree 4 -> 2 each; wind: 1
    expect(extractKeywords('Solar power. Wind. Solar power!')).toEqual([
      { candidate: 'solar power', score: 4 },
      { candidate: 'wind', score: 1 },
    ]);
  });

  it('counts a word repeated inside one phrase once per occurrence', () => {
    // bora: frequency 2, degree 2 + 2 = 4 -> 2; phrase = 2 + 2
    expect(extractKeywords('Bora Bora')).toEqual([{ candidate: 'bora bora', score: 4 }]);
  });

  it('splits candidates at stop words and lower-cases them', () => {
    expect(candidates('Compatibility of systems of linear constraints')).toEqual([
      'linear constraints',
      'compatibility',
      'systems',
    ]);
  });

  it('keeps Unicode letters, digits and combining marks inside words', () => {
    expect(candidates('Café.')).toEqual(['café']);
    expect(candidates('COVID-19.')).toEqual(['covid-19']);
    expect(candidates('5G.')).toEqual(['5g']);
    // "naïve" written with a combining diaeresis (i + U+0308)
    expect(candidates('Nai\u0308ve.')).toEqual(['nai\u0308ve']);
    expect(candidates('Москва.')).toEqual(['москва']);
    expect(candidates('ΑΘΗΝΑ.')).toEqual(['αθηνα']);
    expect(candidates('हिन्दी.')).toEqual(['हिन्दी']);
    expect(candidates('東京.')).toEqual(['東京']);
    expect(candidates('مرحبا بالعالم')).toEqual(['مرحبا بالعالم']);
  });

  it('joins words with internal hyphens and apostrophes, and folds typographic ones to ASCII', () => {
    expect(candidates('State-of-the-art covid-19 models')).toEqual(['state-of-the-art covid-19 models']);
    expect(candidates('Rust\u2019s borrow\u2011checker')).toEqual(["rust's borrow-checker"]);
    // "don’t" (U+2019) is the stop word "don't"
    expect(candidates('Pizza don\u2019t burn')).toEqual(['pizza', 'burn']);
  });

  it('treats a hyphen or apostrophe that is not between word characters as a delimiter', () => {
    expect(candidates('pre- processing')).toEqual(['pre', 'processing']);
    expect(candidates('fast -slow')).toEqual(['fast', 'slow']);
    expect(candidates('fast--slow')).toEqual(['fast', 'slow']);
    expect(candidates("'quoted words' here")).toEqual(['quoted words']);
  });

  it('breaks phrases at punctuation, brackets, quotes, dashes and slashes', () => {
    const text =
      'alpha, bravo; charlie: delta! echo? (foxtrot) [golf] {hotel} "india" \u201cjuliet\u201d kilo \u2014 lima \u2013 mike / november|oscar & papa';
    expect(candidates(text)).toEqual([
      'alpha',
      'bravo',
      'charlie',
      'delta',
      'echo',
      'foxtrot',
      'golf',
      'hotel',
      'india',
      'juliet',
      'kilo',
      'lima',
      'mike',
      'november',
      'oscar',
      'papa',
    ]);
  });

  it('breaks phrases at every kind of newline but not at spaces or tabs', () => {
    expect(candidates('machine learning\nneural networks')).toEqual(['machine learning', 'neural networks']);
    expect(candidates('machine learning\r\nneural networks')).toEqual(['machine learning', 'neural networks']);
    expect(candidates('machine\u2028learning')).toEqual(['machine', 'learning']);
    expect(candidates('machine \t\u00a0 learning')).toEqual(['machine learning']);
  });

  it('returns [] for empty and whitespace-only text', () => {
    expect(extractKeywords('')).toEqual([]);
    expect(extractKeywords('   \n\t \r\n ')).toEqual([]);
  });

  it('returns [] for text made only of stop words and punctuation', () => {
    expect(extractKeywords('The, and of it is; who would have been there -- it was!')).toEqual([]);
  });

  describe('options', () => {
    it('limit keeps only the top results', () => {
      expect(candidates(SEED_TEXT)).toHaveLength(5);
      expect(extractKeywords(SEED_TEXT, { limit: 2 })).toEqual([
        { candidate: 'interconnected computer networks', score: 9 },
        { candidate: 'link devices worldwide', score: 9 },
      ]);
      expect(extractKeywords(SEED_TEXT, { limit: 0 })).toEqual([]);
      expect(extractKeywords(SEED_TEXT, { limit: 100 })).toHaveLength(5);
    });

    it('maxWords filters the output without changing any score', () => {
      expect(extractKeywords(SEED_TEXT, { maxWords: 2 })).toEqual([
        { candidate: 'global system', score: 4 },
        { candidate: 'internet', score: 2 },
      ]);
      // "internet" still scores 2: its degree includes "internet protocol suite"
      expect(extractKeywords(SEED_TEXT, { maxWords: 1 })).toEqual([{ candidate: 'internet', score: 2 }]);
    });

    it('minScore drops results scoring below it and keeps those equal to it', () => {
      expect(candidates(SEED_TEXT, { minScore: 8 })).toEqual([
        'interconnected computer networks',
        'link devices worldwide',
        'internet protocol suite',
      ]);
      expect(extractKeywords(SEED_TEXT, { minScore: 9.5 })).toEqual([]);
    });

    it('applies maxWords and minScore before limit', () => {
      expect(extractKeywords(SEED_TEXT, { maxWords: 2, minScore: 1, limit: 1 })).toEqual([
        { candidate: 'global system', score: 4 },
      ]);
    });

    it('accepts a custom stop word set or array, matched case-insensitively', () => {
      const stopwords = new Set(['IS', 'of', 'to']);
      // The custom list replaces the SMART list, so "the" is no longer a stop word.
      expect(candidates('Speed is of the essence to win', { stopwords })).toEqual(['the essence', 'speed', 'win']);
      expect(extractKeywords('Speed is of the essence to win', { stopwords: ['is', 'of', 'to'] })).toEqual([
        { candidate: 'the essence', score: 4 },
        { candidate: 'speed', score: 1 },
        { candidate: 'win', score: 1 },
      ]);
    });
  });
});
