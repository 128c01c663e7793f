/**
 * The endpoint catalogue: every API endpoint once, with its path, the backend that computes it, the
 * schemas of its request and answer, its summary and whether /batch serves it. The OpenAPI paths,
 * the gateway's routes and batch routes, the backends' routes, the CLI's commands and the bench and
 * load lists all come from here: a new endpoint is one entry plus its domain function.
 */
import type { z } from 'zod';
import { TextRequest } from './common.js';
import { Keywords, KeywordsRequest } from './keywords.js';
import { Entities, Sentences, Tokens } from './prose.js';

export type Backend = 'rake-app' | 'prose-app';

export interface EndpointSpec<Name extends string = string> {
  /** The route's name in /routes and the CLI's command. */
  readonly name: Name;
  readonly path: `/${Name}`;
  readonly backend: Backend;
  readonly summary: string;
  /** The request body: its component id in the OpenAPI document and its schema. */
  readonly request: { readonly id: string; readonly schema: z.ZodType };
  readonly response: { readonly id: string; readonly schema: z.ZodType };
  /** True when the request has options beyond "text" that the gateway checks before forwarding. */
  readonly hasOptions: boolean;
  /** Served for many documents at once at /batch/<name>. */
  readonly batchable: boolean;
}

const text = { id: 'TextRequest', schema: TextRequest } as const;

export const ENDPOINTS = [
  {
    name: 'keywords',
    path: '/keywords',
    backend: 'rake-app',
    summary: 'Keywords of a text (RAKE by default, or YAKE, PositionRank, MultipartiteRank)',
    request: { id: 'KeywordsRequest', schema: KeywordsRequest },
    response: { id: 'Keywords', schema: Keywords },
    hasOptions: true,
    batchable: true,
  },
  {
    name: 'tokens',
    path: '/tokens',
    backend: 'prose-app',
    summary: 'Tokens with Penn tags, IOB entity labels and offsets',
    request: text,
    response: { id: 'Tokens', schema: Tokens },
    hasOptions: false,
    batchable: true,
  },
  {
    name: 'entities',
    path: '/entities',
    backend: 'prose-app',
    summary: 'Named and pattern entities with offsets; spans never overlap',
    request: text,
    response: { id: 'Entities', schema: Entities },
    hasOptions: false,
    batchable: true,
  },
  {
    name: 'sentences',
    path: '/sentences',
    backend: 'prose-app',
    summary: 'Sentences with offsets',
    request: text,
    response: { id: 'Sentences', schema: Sentences },
    hasOptions: false,
    batchable: false,
  },
] as const satisfies readonly EndpointSpec[];

export type Endpoint = (typeof ENDPOINTS)[number];
export type EndpointName = Endpoint['name'];
export type BatchableEndpoint = Extract<Endpoint, { batchable: true }>;
export type BatchableName = BatchableEndpoint['name'];

/** The endpoints /batch serves. */
export const BATCH_ENDPOINTS: readonly BatchableEndpoint[] = ENDPOINTS.filter((e): e is BatchableEndpoint => e.batchable);

export const ENDPOINT_NAMES: readonly EndpointName[] = ENDPOINTS.map((e) => e.name);

export type EndpointOf<B extends Backend> = Extract<Endpoint, { backend: B }>;

/** The endpoints one backend computes. */
export function endpointsOf<B extends Backend>(backend: B): ReadonlyArray<EndpointOf<B>> {
  return ENDPOINTS.filter((e): e is EndpointOf<B> => e.backend === backend);
}

export const batchPath = (name: BatchableName): string => `/batch/${name}`;
