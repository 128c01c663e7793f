import { z } from 'zod';
import { BatchRequest, DEFAULT_BATCH_MAX_DOCUMENTS } from './batch.js';
import { ErrorBody, Health, Ready, RouteList, TextRequest } from './common.js';
import { Keywords, KeywordsRequest } from './keywords.js';
import { Entities, Sentences, Tokens } from './prose.js';
import { BATCH_ENDPOINTS, batchPath, ENDPOINTS, type BatchableName, type EndpointName } from './endpoints.js';

export const SEED_TEXT =
  'The Internet is the global system of interconnected computer networks that use the Internet protocol suite to link devices worldwide.';

/** Every example in the document: tests check each one against its schema. */
export const EXAMPLES = {
  keywordsRequest: { schema: KeywordsRequest, value: { text: SEED_TEXT } },
  keywordsYakeRequest: { schema: KeywordsRequest, value: { text: SEED_TEXT, algorithm: 'yake', limit: 5 } },
  keywordsResponse: {
    schema: Keywords,
    value: [
      { candidate: 'interconnected computer networks', score: 9 },
      { candidate: 'link devices worldwide', score: 9 },
      { candidate: 'internet protocol suite', score: 8 },
      { candidate: 'global system', score: 4 },
      { candidate: 'internet', score: 2 },
    ],
  },
  textRequest: { schema: TextRequest, value: { text: 'Barack Obama visited Paris.' } },
  tokensResponse: {
    schema: Tokens,
    value: [
      { text: 'Barack', tag: 'NNP', label: 'B-PERSON', start: 0, end: 6, upos: 'PROPN', lemma: 'Barack' },
      { text: 'Obama', tag: 'NNP', label: 'I-PERSON', start: 7, end: 12, upos: 'PROPN', lemma: 'Obama' },
      { text: 'visited', tag: 'VBD', label: 'O', start: 13, end: 20, upos: 'VERB', lemma: 'visit' },
      { text: 'Paris', tag: 'NNP', label: 'B-GPE', start: 21, end: 26, upos: 'PROPN', lemma: 'Paris' },
      { text: '.', tag: '.', label: 'O', start: 26, end: 27, upos: 'PUNCT', lemma: '.' },
    ],
  },
  entitiesResponse: {
    schema: Entities,
    value: [
      { text: 'Barack Obama', label: 'PERSON', start: 0, end: 12 },
      { text: 'Paris', label: 'GPE', start: 21, end: 26 },
    ],
  },
  sentencesRequest: { schema: TextRequest, value: { text: 'Hello there. How are you?' } },
  sentencesResponse: {
    schema: Sentences,
    value: [
      { text: 'Hello there.', start: 0, end: 12 },
      { text: 'How are you?', start: 13, end: 25 },
    ],
  },
  batchRequest: {
    schema: BatchRequest,
    value: { documents: [{ id: 'a', text: SEED_TEXT }, { id: 'b', text: 'Barack Obama visited Paris.' }] },
  },
  error: { schema: ErrorBody, value: { message: 'missing Authorization header; send "Authorization: Bearer <key>"', code: 'UNAUTHORIZED' } },
} as const;

type ExampleName = keyof typeof EXAMPLES;

/** The examples shown with each endpoint of the catalogue. */
const ENDPOINT_EXAMPLES: Readonly<Record<EndpointName, { request: ExampleName; response: ExampleName }>> = {
  keywords: { request: 'keywordsRequest', response: 'keywordsResponse' },
  tokens: { request: 'textRequest', response: 'tokensResponse' },
  entities: { request: 'textRequest', response: 'entitiesResponse' },
  sentences: { request: 'sentencesRequest', response: 'sentencesResponse' },
};

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });
const json = (schema: object, example?: ExampleName) => ({
  'application/json': { schema, ...(example ? { example: EXAMPLES[example].value } : {}) },
});
const errorResponse = (description: string) => ({ description, content: json(ref('Error')) });

const API_ERRORS = {
  '400': errorResponse('Invalid JSON, or a field that is missing, of the wrong type or out of range; the message names the field'),
  '401': errorResponse('Missing or wrong credential (with WWW-Authenticate: Bearer)'),
  '413': errorResponse('The text is over MAX_TEXT_BYTES, or the body over its limit'),
  '429': errorResponse('Over the per-client rate limit (with Retry-After)'),
  '502': errorResponse('The backend could not be reached, or broke off its answer'),
  '503': errorResponse('The backend kept failing and is given a pause (with Retry-After), or is still loading'),
  '504': errorResponse('The backend did not answer within UPSTREAM_TIMEOUT_MS'),
};

function post(summary: string, request: object, requestExample: ExampleName, response: object, responseExample?: ExampleName) {
  return {
    post: {
      summary,
      requestBody: { required: true, content: json(request, requestExample) },
      responses: { '200': { description: 'OK', content: json(response, responseExample) }, ...API_ERRORS },
    },
  };
}

function batchResponseSchema(field: string, item: string) {
  return {
    type: 'object',
    required: ['results', 'errors'],
    properties: {
      results: {
        type: 'array',
        items: {
          type: 'object',
          required: ['index', field],
          properties: { index: { type: 'integer' }, id: { type: 'string' }, [field]: ref(item) },
        },
      },
      errors: { type: 'array', items: ref('BatchError') },
    },
  };
}

function batch(field: BatchableName, item: string, maxDocuments: number) {
  return {
    post: {
      summary: `${field} for up to ${maxDocuments} documents at once`,
      description:
        'Each result is exactly what the single endpoint answers for that text. An invalid document goes into ' +
        '"errors" and the others still get results (200). Options beside "documents" apply to every document.',
      requestBody: { required: true, content: json(ref('BatchRequest'), 'batchRequest') },
      responses: {
        '200': { description: 'Results and per-document errors', content: json(batchResponseSchema(field, item)) },
        ...API_ERRORS,
        '413': errorResponse(`More than ${maxDocuments} documents, or the body over its limit`),
      },
    },
  };
}

export interface OpenApiOptions {
  version: string;
  maxDocuments?: number;
}

/** The OpenAPI 3.1 document of the gateway, generated from the schemas the services validate with. */
export function buildOpenApiDocument(options: OpenApiOptions): Record<string, unknown> {
  const maxDocuments = options.maxDocuments ?? DEFAULT_BATCH_MAX_DOCUMENTS;
  // Importing the schemas registered them (with their ids) in zod's global registry.
  const { schemas } = z.toJSONSchema(z.globalRegistry, {
    uri: (id) => `#/components/schemas/${id}`,
    io: 'input',
    unrepresentable: 'any',
  }) as { schemas: Record<string, Record<string, unknown>> };
  for (const schema of Object.values(schemas)) delete schema.$schema;

  const open = { security: [] };
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: 'NLP API',
      version: options.version,
      description:
        'Keywords (RAKE, YAKE, PositionRank, MultipartiteRank), tokens with Penn Treebank tags, sentences and named entities. Every endpoint ' +
        'except /health, /ready, /openapi.json and the pages needs "Authorization: Bearer <key or JWT>". ' +
        'Errors are {"message", "code"}.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }],
    paths: {
      ...Object.fromEntries(
        ENDPOINTS.map((e) => [e.path, post(e.summary, ref(e.request.id), ENDPOINT_EXAMPLES[e.name].request, ref(e.response.id), ENDPOINT_EXAMPLES[e.name].response)]),
      ),
      ...Object.fromEntries(BATCH_ENDPOINTS.map((e) => [batchPath(e.name), batch(e.name, e.response.id, maxDocuments)])),
      '/health': { get: { summary: 'The process is alive', ...open, responses: { '200': { description: 'Alive', content: json(ref('Health')) } } } },
      '/ready': {
        get: {
          summary: 'The service can serve: both backends are ready',
          ...open,
          responses: {
            '200': { description: 'Ready', content: json(ref('Ready')) },
            '503': errorResponse('Not ready; "checks" names the backend that is not'),
          },
        },
      },
      '/routes': {
        get: { summary: 'The API routes', responses: { '200': { description: 'Routes in a stable order', content: json(ref('Routes')) }, '401': API_ERRORS['401'] } },
      },
      '/metrics': {
        get: {
          summary: 'Prometheus metrics',
          responses: { '200': { description: 'Prometheus text format', content: { 'text/plain': { schema: { type: 'string' } } } }, '401': API_ERRORS['401'] },
        },
      },
      '/openapi.json': { get: { summary: 'This document', ...open, responses: { '200': { description: 'OpenAPI 3.1', content: json({ type: 'object' }) } } } },
    },
    components: {
      schemas,
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'An API key (AUTH_KEY) or a JWT (HS256, RS256, ES256)' } },
    },
  };
}

