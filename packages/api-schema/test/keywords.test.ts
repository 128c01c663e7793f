import { describe, expect, it } from 'vitest';
import {
  buildOpenApiDocument,
  check,
  KEYWORD_ALGORITHM_SUMMARIES,
  KEYWORD_ALGORITHMS,
  KeywordsRequest,
  RECOMMENDED_KEYWORD_ALGORITHM,
} from '../src/index.js';

const text = 'The Internet is the global system of interconnected computer networks.';
const GRAPH = ['positionrank', 'multipartiterank'] as const;
const NOUN_PHRASES = 'candidates are noun phrases found by part of speech';

const messageOf = (fields: Record<string, unknown>) => {
  const checked = check(KeywordsRequest, { text, ...fields });
  return checked.ok ? 'ok' : checked.message;
};

describe('the keyword algorithms', () => {
  it('are rake, yake, positionrank and multipartiterank, each with a one-line summary; positionrank is recommended', () => {
    expect(KEYWORD_ALGORITHMS).toEqual(['rake', 'yake', 'positionrank', 'multipartiterank']);
    expect(Object.keys(KEYWORD_ALGORITHM_SUMMARIES).sort()).toEqual([...KEYWORD_ALGORITHMS].sort());
    for (const summary of Object.values(KEYWORD_ALGORITHM_SUMMARIES)) expect(summary).toMatch(/: use for [^\n]+$/);
    expect(RECOMMENDED_KEYWORD_ALGORITHM).toBe('positionrank');
    expect(KEYWORD_ALGORITHM_SUMMARIES.positionrank).toContain('short texts');
    expect(KEYWORD_ALGORITHM_SUMMARIES.multipartiterank).toContain('long documents and news');
  });

  it('rejects any other name, listing the four', () => {
    for (const algorithm of ['textrank', 'PositionRank', 'multipartite', 5]) {
      expect(messageOf({ algorithm })).toBe('"algorithm" must be one of "rake", "yake", "positionrank", "multipartiterank"');
    }
  });
});

describe.each(GRAPH)('"algorithm": "%s"', (algorithm) => {
  it.each([
    ['no options', {}],
    ['null options, like leaving them out', { limit: null, maxWords: null, maxScore: null, stoplist: null, minChars: null, adjoining: null }],
    ['limit 1', { limit: 1 }],
    ['limit 10,000', { limit: 10_000 }],
    ['maxWords 1', { maxWords: 1 }],
    ['maxWords 100 (no YAKE cap)', { maxWords: 100 }],
    ['minScore, higher being better', { minScore: 0.05 }],
    ['minFrequency', { minFrequency: 2 }],
    ['adjoining false, the default', { adjoining: false }],
    ['all the options it takes at once', { limit: 5, maxWords: 3, minScore: 0, minFrequency: 1 }],
  ])('accepts %s', (_label, fields) => {
    expect(messageOf({ algorithm, ...fields })).toBe('ok');
  });

  it.each([
    [{ limit: 0 }, '"limit" must be a whole number from 1 to 10000'],
    [{ limit: 10_001 }, '"limit" must be a whole number from 1 to 10000'],
    [{ maxWords: 0 }, '"maxWords" must be a whole number from 1 to 100'],
    [{ maxWords: 101 }, '"maxWords" must be a whole number from 1 to 100'],
    [{ maxWords: 2.5 }, '"maxWords" must be a whole number from 1 to 100'],
    [{ minScore: 'high' }, '"minScore" must be a finite number'],
    [{ minFrequency: 0 }, '"minFrequency" must be a whole number from 1 to 100000'],
    [{ maxScore: 0.5 }, `"maxScore" applies only to "algorithm": "yake" (${algorithm} scores are higher-is-better: use "minScore")`],
    [{ stoplist: 'fox' }, `"stoplist" applies only to "algorithm": "rake" or "yake" (${algorithm} ${NOUN_PHRASES})`],
    [{ stoplist: [] }, `"stoplist" applies only to "algorithm": "rake" or "yake" (${algorithm} ${NOUN_PHRASES})`],
    [{ minChars: 3 }, `"minChars" applies only to "algorithm": "rake" or "yake" (${algorithm} ${NOUN_PHRASES})`],
    [{ adjoining: true }, `"adjoining" applies only to "algorithm": "rake" (${algorithm} ${NOUN_PHRASES})`],
  ])('rejects %j with a message naming the field', (fields, message) => {
    expect(messageOf({ algorithm, ...fields })).toBe(message);
  });
});

describe('RAKE and YAKE keep their rules', () => {
  it.each([
    [{ maxScore: 1 }, '"maxScore" applies only to "algorithm": "yake" (RAKE scores are higher-is-better: use "minScore")'],
    [{ algorithm: 'rake', maxScore: 1 }, '"maxScore" applies only to "algorithm": "yake" (RAKE scores are higher-is-better: use "minScore")'],
    [{ algorithm: 'yake', minScore: 1 }, '"minScore" applies only to "algorithm": "rake" (YAKE scores are lower-is-better: use "maxScore")'],
    [{ algorithm: 'yake', adjoining: true }, '"adjoining" applies only to "algorithm": "rake" (YAKE candidates already keep inner stop words)'],
    [{ algorithm: 'yake', maxWords: 11 }, '"maxWords" must be a whole number from 1 to 10 for YAKE'],
  ])('rejects %j as before', (fields, message) => {
    expect(messageOf(fields)).toBe(message);
  });

  it.each([
    [{ stoplist: 'fox', minChars: 2, adjoining: true, minScore: 1 }],
    [{ algorithm: 'yake', stoplist: ['the'], minChars: 3, maxScore: 0.1, maxWords: 10 }],
  ])('accepts %j as before', (fields) => {
    expect(messageOf(fields)).toBe('ok');
  });
});

describe('the OpenAPI document', () => {
  const document = buildOpenApiDocument({ version: 'test' }) as {
    components: { schemas: { KeywordsRequest: { properties: Record<string, { description: string; anyOf?: { enum?: string[] }[] }> } } };
  };
  const fields = document.components.schemas.KeywordsRequest.properties;

  it('lists the four algorithms and describes each', () => {
    expect(fields.algorithm?.anyOf?.[0]?.enum).toEqual([...KEYWORD_ALGORITHMS]);
    for (const algorithm of KEYWORD_ALGORITHMS) {
      expect(fields.algorithm?.description).toContain(`"${algorithm}": ${KEYWORD_ALGORITHM_SUMMARIES[algorithm]}.`);
    }
  });

  it('gives each default and which algorithms a field applies to', () => {
    expect(fields.limit?.description).toContain('RAKE: all; YAKE: 20; positionrank/multipartiterank: 10');
    expect(fields.maxWords?.description).toContain(
      'longest candidate considered, in words (positionrank default 3, as in the paper; multipartiterank unlimited)',
    );
    expect(fields.stoplist?.description).toMatch(/^RAKE and YAKE only/);
    expect(fields.minChars?.description).toMatch(/^RAKE and YAKE only/);
    expect(fields.adjoining?.description).toMatch(/^RAKE only/);
  });
});
