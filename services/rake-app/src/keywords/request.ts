/**
 * The /keywords request's optional fields: checked here, before any algorithm
 * sees them, so that every mistake is a 400 naming the field.
 */

import { check, KeywordsRequest, MAX_STOPLIST_WORDS, MAX_STOPWORD_CHARS, MAX_YAKE_WORDS } from '@nlp-api/api-schema';
import { badRequest } from '@nlp-api/service-kit';
import { tagStandalone, type PosTagger } from '@nlp-api/english';
import { extractKeyphrases, type KeyphraseAlgorithm, type KeyphraseOptions } from '../keyphrase/index.js';
import { extractKeywords, type Keyword, type RakeOptions } from '../rake/index.js';
import { extractYakeKeywords, type YakeOptions } from '../yake/index.js';

export { MAX_STOPLIST_WORDS, MAX_STOPWORD_CHARS, MAX_YAKE_WORDS };

export type KeywordRequest =
  | { readonly algorithm: 'rake'; readonly options: RakeOptions }
  | { readonly algorithm: 'yake'; readonly options: YakeOptions }
  | { readonly algorithm: KeyphraseAlgorithm; readonly options: KeyphraseOptions };

/** null and absent both mean "not set". */
const given = <T>(value: T | null | undefined): T | undefined => value ?? undefined;

/**
 * Reads and checks the request's optional fields with the API schema (the same one the OpenAPI
 * document is generated from); throws a 400 naming the first bad field.
 */
export function readKeywordRequest(fields: Record<string, unknown>): KeywordRequest {
  const checked = check(KeywordsRequest, fields);
  if (!checked.ok) throw badRequest('INVALID_REQUEST', checked.message);
  const request = checked.value;
  const shared = { limit: given(request.limit), maxWords: given(request.maxWords), minFrequency: given(request.minFrequency) };
  if (request.algorithm === 'positionrank' || request.algorithm === 'multipartiterank') {
    return { algorithm: request.algorithm, options: { ...shared, minScore: given(request.minScore) } };
  }
  const common = {
    ...shared,
    stopwords: given(request.stoplist),
    minChars: given(request.minChars),
  };
  if (request.algorithm === 'yake') return { algorithm: 'yake', options: { ...common, maxScore: given(request.maxScore) } };
  return { algorithm: 'rake', options: { ...common, minScore: given(request.minScore), adjoining: given(request.adjoining) } };
}

/**
 * Runs the requested algorithm; every answer is `[{candidate, score}]`, best first. The noun-phrase
 * algorithms need the tagger (`tagger()` throws while it is still loading); RAKE and YAKE do not.
 */
export function extract(text: string, request: KeywordRequest, tagger: () => PosTagger): Keyword[] {
  switch (request.algorithm) {
    case 'rake':
      return extractKeywords(text, request.options);
    case 'yake':
      return extractYakeKeywords(text, request.options);
    default:
      return extractKeyphrases(text, tagStandalone(tagger(), text), request.algorithm, request.options);
  }
}
