import { describe, expect, it } from 'vitest';
import {
  countWordStats,
  extractKeywords,
  findCandidatePhrases,
  scoreWords,
  splitIntoSegments,
} from '../src/rake/index.js';

/**
 * The worked example of Rose, Engel, Cramer & Cowley (2010), "Automatic keyword
 * extraction from individual documents", section 1.2: an Inspec abstract
 * (Figure 1.1), its candidate keywords (Figure 1.2), the word scores deg(w),
 * freq(w) and deg(w)/freq(w) (Figure 1.4) and the candidates' scores (Figure
 * 1.5, one decimal). Mihalcea & Tarau's TextRank paper (2004) uses the same
 * abstract.
 */
const ABSTRACT =
  'Compatibility of systems of linear constraints over the set of natural numbers. ' +
  'Criteria of compatibility of a system of linear Diophantine equations, strict inequations, ' +
  'and nonstrict inequations are considered. Upper bounds for components of a minimal set of ' +
  'solutions and algorithms of construction of minimal generating sets of solutions for all types ' +
  'of systems are given. These criteria and the corresponding algorithms for constructing a minimal ' +
  'supporting set of solutions can be used in solving all the considered types of systems and ' +
  'systems of mixed types.';

/**
 * The paper does not print the stoplist behind its example, and neither SMART
 * nor Fox's list gives its candidates (SMART stops "corresponding" and keeps
 * "considered", "types", "mixed"; Fox's stops "numbers"). These are the
 * abstract's words that Figure 1.2 leaves out of every candidate.
 */
const PAPER_EXAMPLE_STOPWORDS = [
  'of', 'over', 'the', 'a', 'and', 'are', 'considered', 'for', 'construction', 'all',
  'given', 'these', 'can', 'be', 'used', 'in', 'types', 'mixed',
];

describe('RAKE on the paper’s worked example (section 1.2)', () => {
  const options = { stopwords: PAPER_EXAMPLE_STOPWORDS };

  it('finds the candidate keywords of Figure 1.2, in text order', () => {
    const phrases = findCandidatePhrases(splitIntoSegments(ABSTRACT), new Set(PAPER_EXAMPLE_STOPWORDS));
    expect(phrases.map((p) => p.join(' '))).toEqual([
      'compatibility', 'systems', 'linear constraints', 'set', 'natural numbers',
      'criteria', 'compatibility', 'system', 'linear diophantine equations', 'strict inequations',
      'nonstrict inequations', 'upper bounds', 'components', 'minimal set', 'solutions',
      'algorithms', 'minimal generating sets', 'solutions', 'systems', 'criteria',
      'corresponding algorithms', 'constructing', 'minimal supporting set', 'solutions', 'solving',
      'systems', 'systems',
    ]);
  });

  it('computes the word scores of Figure 1.4: deg(w), freq(w) and deg(w)/freq(w)', () => {
    const stats = countWordStats(findCandidatePhrases(splitIntoSegments(ABSTRACT), new Set(PAPER_EXAMPLE_STOPWORDS)));
    // [word, deg, freq] as printed in the paper.
    const figure: [string, number, number][] = [
      ['algorithms', 3, 2], ['bounds', 2, 1], ['compatibility', 2, 2], ['components', 1, 1],
      ['constraints', 2, 1], ['constructing', 1, 1], ['corresponding', 2, 1], ['criteria', 2, 2],
      ['diophantine', 3, 1], ['equations', 3, 1], ['generating', 3, 1], ['inequations', 4, 2],
      ['linear', 5, 2], ['minimal', 8, 3], ['natural', 2, 1], ['nonstrict', 2, 1],
      ['numbers', 2, 1], ['set', 6, 3], ['sets', 3, 1], ['solutions', 3, 3],
      ['solving', 1, 1], ['strict', 2, 1], ['supporting', 3, 1], ['system', 1, 1],
      ['systems', 4, 4], ['upper', 2, 1],
    ];
    expect(stats.size).toBe(figure.length);
    for (const [word, degree, frequency] of figure) expect(stats.get(word), word).toEqual({ degree, frequency });
    const scores = scoreWords(stats);
    expect(scores.get('minimal')).toBeCloseTo(2.7, 1); // printed 2.7 (8/3)
    expect(scores.get('linear')).toBe(2.5);
    expect(scores.get('algorithms')).toBe(1.5);
  });

  it('scores the candidates as Figure 1.5 does (which rounds to one decimal)', () => {
    const keywords = extractKeywords(ABSTRACT, options);
    expect(keywords.map(({ candidate, score }) => [candidate, Math.round(score * 10) / 10])).toEqual([
      ['minimal generating sets', 8.7],
      ['linear diophantine equations', 8.5],
      ['minimal supporting set', 7.7],
      ['minimal set', 4.7],
      ['linear constraints', 4.5],
      ['natural numbers', 4],
      ['strict inequations', 4],
      ['nonstrict inequations', 4],
      ['upper bounds', 4],
      ['corresponding algorithms', 3.5],
      ['set', 2],
      ['algorithms', 1.5],
      ['compatibility', 1],
      ['systems', 1],
      ['criteria', 1],
      ['system', 1],
      ['components', 1],
      ['solutions', 1],
      ['constructing', 1],
      ['solving', 1],
    ]);
    // Exact values: 3 + 3 + 8/3, 2.5 + 3 + 3, 8/3 + 3 + 2, 8/3 + 2.
    expect(keywords[0]?.score).toBe(8 / 3 + 3 + 3);
    expect(keywords[1]?.score).toBe(8.5);
    expect(keywords[3]?.score).toBe(8 / 3 + 2);
  });

  it('puts the nine keywords the paper extracts (Table 1.1) on top', () => {
    expect(extractKeywords(ABSTRACT, { ...options, limit: 9 }).map((k) => k.candidate)).toEqual([
      'minimal generating sets',
      'linear diophantine equations',
      'minimal supporting set',
      'minimal set',
      'linear constraints',
      'natural numbers',
      'strict inequations',
      'nonstrict inequations',
      'upper bounds',
    ]);
  });

  it('finds no adjoining keywords there: no pair of keywords adjoins twice in the abstract', () => {
    expect(extractKeywords(ABSTRACT, { ...options, adjoining: true })).toEqual(extractKeywords(ABSTRACT, options));
  });

  it('differs from the paper under the SMART and Fox stoplists, as documented', () => {
    const smart = extractKeywords(ABSTRACT).map((k) => k.candidate);
    // SMART stops "corresponding" and keeps "considered", "types" and "mixed".
    expect(smart).toContain('mixed types');
    expect(smart).not.toContain('corresponding algorithms');
    expect(smart.slice(0, 5)).toEqual([
      'minimal generating sets',
      'linear diophantine equations',
      'minimal supporting set',
      'minimal set',
      'linear constraints',
    ]);
    // Fox stops "numbers", so "natural numbers" cannot be a candidate.
    const fox = extractKeywords(ABSTRACT, { stopwords: 'fox' }).map((k) => k.candidate);
    expect(fox).not.toContain('natural numbers');
    expect(fox).toContain('natural');
  });
});
