/**
 * rake-app's domain, for tools that run it in-process (the bench): every algorithm of /keywords as
 * a pure function, and the request reader the endpoint uses. No HTTP here.
 */
export { extractKeywords, type Keyword, type RakeOptions } from '../rake/index.js';
export { extractYakeKeywords, type YakeOptions } from '../yake/index.js';
export { extractKeyphrases, KEYPHRASE_ALGORITHMS, type KeyphraseAlgorithm, type KeyphraseOptions } from '../keyphrase/index.js';
export { extract, readKeywordRequest, type KeywordRequest } from './request.js';
