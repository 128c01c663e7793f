import { loadStandaloneTagger, tagStandalone } from '@nlp-api/english';
import { describe, expect, it } from 'vitest';
import { DEFAULT_KEYPHRASE_LIMIT, extractKeyphrases, KEYPHRASE_ALGORITHMS, type KeyphraseAlgorithm, type KeyphraseOptions } from '../src/keyphrase/index.js';
import { distinctWords } from './fixtures/distinct-words.js';

const tagger = loadStandaloneTagger();
const extract = (text: string, algorithm: KeyphraseAlgorithm, options?: KeyphraseOptions) =>
  extractKeyphrases(text, tagStandalone(tagger, text), algorithm, options);
const candidates = (text: string, algorithm: KeyphraseAlgorithm, options?: KeyphraseOptions) =>
  extract(text, algorithm, options).map((k) => k.candidate);

/**
 * The worked example of TextRank (Mihalcea & Tarau 2004, section 3, Figure 2): an Inspec abstract,
 * the keywords TextRank extracted from it and those the Inspec indexers assigned.
 */
const TEXTRANK_ABSTRACT =
  'Compatibility of systems of linear constraints over the set of natural numbers. Criteria of compatibility of a ' +
  'system of linear Diophantine equations, strict inequations, and nonstrict inequations are considered. Upper bounds ' +
  'for components of a minimal set of solutions and algorithms of construction of minimal generating sets of ' +
  'solutions for all types of systems are given. These criteria and the corresponding algorithms for constructing ' +
  'a minimal supporting set of solutions can be used in solving all the considered types of systems and systems of mixed types.';
const TEXTRANK_KEYWORDS = ['linear constraints', 'linear Diophantine equations', 'natural numbers', 'nonstrict inequations', 'strict inequations', 'upper bounds'];
const MANUAL_KEYWORDS = ['linear constraints', 'linear Diophantine equations', 'minimal generating sets', 'nonstrict inequations', 'set of natural numbers', 'strict inequations', 'upper bounds'];

const ISSUE_EXAMPLE = 'Angela Merkel met Apple in Berlin on 3 May 2019. It cost $5 million. The Internet is the global system of interconnected computer networks.';
const SEED = 'The Internet is the global system of interconnected computer networks that use the Internet protocol suite to link devices worldwide.';

describe('PositionRank on TextRank’s worked example', () => {
  const top10 = candidates(TEXTRANK_ABSTRACT, 'positionrank');

  it('finds five of the seven keyphrases the indexers assigned in its top 10 (the other two are not noun phrases of up to three words)', () => {
    expect(top10).toHaveLength(10);
    expect(MANUAL_KEYWORDS.filter((k) => top10.includes(k))).toEqual([
      'linear constraints',
      'linear Diophantine equations',
      'minimal generating sets',
      'nonstrict inequations',
      'strict inequations',
    ]);
  });

  it('finds five of the six keywords TextRank extracted in its top 10, and the sixth ("upper bounds") among all candidates', () => {
    expect(TEXTRANK_KEYWORDS.filter((k) => top10.includes(k))).toHaveLength(5);
    expect(candidates(TEXTRANK_ABSTRACT, 'positionrank', { limit: 100 })).toContain('upper bounds');
  });

  it('ranks the phrases on minimal sets, which the abstract’s title words and repetitions favour, first', () => {
    expect(top10.slice(0, 4)).toEqual(['minimal generating sets', 'minimal supporting set', 'minimal set', 'linear Diophantine equations']);
  });
});

describe.each(KEYPHRASE_ALGORITHMS)('%s', (algorithm) => {
  it('never returns a number, a date or a verb (the issue’s example)', () => {
    const found = candidates(ISSUE_EXAMPLE, algorithm);
    expect(new Set(found)).toEqual(new Set(['Angela Merkel', 'Apple', 'Berlin', 'interconnected computer networks', 'global system', 'Internet']));
  });

  it('keeps hyphenated compounds and their numbers ("real-time systems", "COVID-19")', () => {
    const found = candidates('Our real-time systems track COVID-19 cases with state-of-the-art sensors.', algorithm);
    expect(found).toEqual(expect.arrayContaining(['real-time systems', 'COVID-19 cases', 'state-of-the-art sensors']));
  });

  it('answers best first with positive scores, at most 10 by default', () => {
    const found = extract(TEXTRANK_ABSTRACT, algorithm);
    expect(found).toHaveLength(DEFAULT_KEYPHRASE_LIMIT);
    for (let i = 1; i < found.length; i++) expect(found[i]!.score).toBeLessThanOrEqual(found[i - 1]!.score);
    expect(found.every((k) => k.score > 0)).toBe(true);
  });

  it('leaves out a keyphrase that a better one contains', () => {
    const found = candidates(SEED, algorithm, { limit: 100 });
    const lower = found.map((k) => k.toLowerCase());
    lower.forEach((k, i) => lower.slice(0, i).forEach((better) => expect(` ${better} `.includes(` ${k} `)).toBe(false)));
  });

  it('applies limit, maxWords, minScore and minFrequency', () => {
    expect(extract(TEXTRANK_ABSTRACT, algorithm, { limit: 3 })).toHaveLength(3);
    expect(candidates(TEXTRANK_ABSTRACT, algorithm, { maxWords: 1, limit: 100 }).every((k) => !k.includes(' '))).toBe(true);
    const all = extract(TEXTRANK_ABSTRACT, algorithm, { limit: 100 });
    const threshold = all[2]!.score;
    expect(extract(TEXTRANK_ABSTRACT, algorithm, { minScore: threshold, limit: 100 }).every((k) => k.score >= threshold)).toBe(true);
    const frequent = candidates(TEXTRANK_ABSTRACT, algorithm, { minFrequency: 3, limit: 100 });
    expect(frequent).toContain('systems');
    expect(frequent).not.toContain('linear constraints');
  });

  it('answers [] for text without nouns', () => {
    for (const text of ['', '   ', 'It is what it is.', '3 + 4 = 7']) expect(extract(text, algorithm)).toEqual([]);
  });

  it('handles 100 KB of distinct words and of repeated text', () => {
    const distinct = distinctWords(14_300, []).join(' ');
    expect(distinct.length).toBeGreaterThan(100_000);
    const made = extract(distinct, algorithm, { limit: 5 });
    expect(made.length).toBeGreaterThan(0);
    expect(made.length).toBeLessThanOrEqual(5);
    const repeated = `${TEXTRANK_ABSTRACT} `.repeat(Math.ceil(100_000 / TEXTRANK_ABSTRACT.length)).slice(0, 100_000);
    expect(extract(repeated, algorithm, { limit: 5 })).toHaveLength(5);
  });
});

it('PositionRank considers phrases of up to three words unless told otherwise (Florescu & Caragea 2017)', () => {
  const text = 'We studied large scale database management systems. Large scale database management systems need care.';
  expect(candidates(text, 'positionrank', { limit: 100 })).toEqual(['care']);
  expect(candidates(text, 'positionrank', { maxWords: 5 })[0]).toBe('large scale database management systems');
  expect(candidates(text, 'multipartiterank')[0]).toBe('large scale database management systems');
});
