import { z } from 'zod';
import { TextRequest } from './common.js';

export const KEYWORD_ALGORITHMS = ['rake', 'yake', 'positionrank', 'multipartiterank'] as const;
export type KeywordAlgorithm = (typeof KEYWORD_ALGORITHMS)[number];
/** The one to suggest for general text (docs, playground); leaving "algorithm" out still means "rake". */
export const RECOMMENDED_KEYWORD_ALGORITHM = 'positionrank' satisfies KeywordAlgorithm;
/** What each algorithm is for, in one line, for the docs and the clients. */
export const KEYWORD_ALGORITHM_SUMMARIES: Readonly<Record<KeywordAlgorithm, string>> = {
  rake: 'RAKE (Rose et al. 2010), the default: use for fast phrases split at stop words, with your own stoplist if you like',
  yake: 'YAKE (Campos et al. 2020): use for ranking by statistical features (casing, position, spread); lower score is better',
  positionrank: 'PositionRank (Florescu & Caragea 2017): use for short texts (abstracts, paragraphs, descriptions); recommended',
  multipartiterank: 'MultipartiteRank (Boudin 2018): use for long documents and news',
};
/** The noun-phrase, word-graph algorithms: no stop words, higher score is better. */
const GRAPH_ALGORITHMS: readonly KeywordAlgorithm[] = ['positionrank', 'multipartiterank'];
/** Largest custom stoplist, in words, and longest stop word, in characters (code points). */
export const MAX_STOPLIST_WORDS = 2_000;
export const MAX_STOPWORD_CHARS = 50;
/** YAKE builds every 1..maxWords-gram of the text, so its phrases are capped lower than RAKE's. */
export const MAX_YAKE_WORDS = 10;

const wholeNumber = (min: number, max: number) => {
  const error = `must be a whole number from ${min} to ${max}`;
  return z.number({ error }).int({ error }).min(min, { error }).max(max, { error });
};
const finite = z.number({ error: 'must be a finite number' }).refine(Number.isFinite, { error: 'must be a finite number' });

const stopword = z
  .string({ error: `must be a word of 1 to ${MAX_STOPWORD_CHARS} characters` })
  .refine((word) => word.length > 0 && [...word].length <= MAX_STOPWORD_CHARS, {
    error: `must be a word of 1 to ${MAX_STOPWORD_CHARS} characters`,
  });

/** `null` means "not set", like leaving the field out. */
export const KeywordsRequest = TextRequest.extend({
  algorithm: z
    .enum(KEYWORD_ALGORITHMS, { error: `must be one of ${KEYWORD_ALGORITHMS.map((a) => JSON.stringify(a)).join(', ')}` })
    .nullish()
    .describe(
      `${KEYWORD_ALGORITHMS.map((algorithm) => `"${algorithm}": ${KEYWORD_ALGORITHM_SUMMARIES[algorithm]}.`).join(' ')} ` +
        'Not set means "rake". See docs/keywords.md.',
    ),
  limit: wholeNumber(1, 10_000)
    .nullish()
    .describe('Most results to return. When not set, RAKE: all; YAKE: 20; positionrank/multipartiterank: 10.'),
  maxWords: wholeNumber(1, 100)
    .nullish()
    .describe(
      `Longest phrase, in words. RAKE: filters the output, scores unchanged. YAKE: the n-gram size, 1 to ${MAX_YAKE_WORDS} (default 3). ` +
        'PositionRank/MultipartiteRank: longest candidate considered, in words (positionrank default 3, as in the paper; multipartiterank unlimited).',
    ),
  minScore: finite.nullish().describe('RAKE, PositionRank, MultipartiteRank: drop results scoring below this (higher is better).'),
  maxScore: finite.nullish().describe('YAKE only: drop results scoring above this (lower is better).'),
  stoplist: z
    .union([z.enum(['smart', 'fox']), z.array(stopword).max(MAX_STOPLIST_WORDS, { error: `may hold at most ${MAX_STOPLIST_WORDS} words` })], {
      error: 'must be "smart", "fox" or an array of words',
    })
    .nullish()
    .describe(`RAKE and YAKE only: "smart" (default), "fox", or your own list of at most ${MAX_STOPLIST_WORDS} words.`),
  minChars: wholeNumber(1, 50)
    .nullish()
    .describe('RAKE and YAKE only: words shorter than this break phrases (RAKE default 1, YAKE default 3).'),
  minFrequency: wholeNumber(1, 100_000).nullish().describe('Keep only candidates occurring at least this many times.'),
  adjoining: z
    .boolean({ error: 'must be true or false' })
    .nullish()
    .describe('RAKE only: also find keywords with interior stop words ("axis of evil"), section 1.2.3 of the paper.'),
})
  .superRefine((request, ctx) => {
    const onlyFor = (field: string, algorithms: readonly KeywordAlgorithm[], hint: string) =>
      ctx.addIssue({
        code: 'custom',
        path: [field],
        message: `applies only to "algorithm": ${algorithms.map((a) => `"${a}"`).join(' or ')}${hint}`,
      });
    const { algorithm } = request;
    if (algorithm === 'yake') {
      if (request.minScore != null) onlyFor('minScore', ['rake'], ' (YAKE scores are lower-is-better: use "maxScore")');
      if (request.adjoining === true) onlyFor('adjoining', ['rake'], ' (YAKE candidates already keep inner stop words)');
      if (request.maxWords != null && request.maxWords > MAX_YAKE_WORDS) {
        ctx.addIssue({ code: 'custom', path: ['maxWords'], message: `must be a whole number from 1 to ${MAX_YAKE_WORDS} for YAKE` });
      }
    } else if (algorithm != null && GRAPH_ALGORITHMS.includes(algorithm)) {
      const nounPhrases = ` (${algorithm} candidates are noun phrases found by part of speech)`;
      if (request.maxScore != null) onlyFor('maxScore', ['yake'], ` (${algorithm} scores are higher-is-better: use "minScore")`);
      if (request.stoplist != null) onlyFor('stoplist', ['rake', 'yake'], nounPhrases);
      if (request.minChars != null) onlyFor('minChars', ['rake', 'yake'], nounPhrases);
      if (request.adjoining === true) onlyFor('adjoining', ['rake'], nounPhrases);
    } else if (request.maxScore != null) {
      onlyFor('maxScore', ['yake'], ' (RAKE scores are higher-is-better: use "minScore")');
    }
  })
  .meta({ id: 'KeywordsRequest' });

export type KeywordsRequestBody = z.infer<typeof KeywordsRequest>;

export const Keyword = z
  .object({
    candidate: z.string(),
    score: z.number().describe('RAKE, PositionRank, MultipartiteRank: higher is better. YAKE: lower is better. Results are always best first.'),
  })
  .meta({ id: 'Keyword' });

export const Keywords = z.array(Keyword).meta({ id: 'Keywords' });
