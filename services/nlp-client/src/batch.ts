import { ApiEndpoint, HttpError, JSON_CONTENT_TYPE, badRequest, parseJsonObject, type ApiCall } from '@nlp-api/service-kit';
import type { BatchableName } from '@nlp-api/api-schema';
import type { Upstream, UpstreamResponse } from './upstream.js';

export interface BatchSettings {
  maxDocuments: number;
  maxTextBytes: number;
  upstreamTimeoutMs: number;
  /** Documents in flight to the backend at once for one batch. */
  concurrency: number;
}

interface ItemOutcome {
  index: number;
  id?: string;
  /** The backend's JSON answer, embedded as is: each result is byte for byte the single endpoint's. */
  result?: Buffer;
  error?: { code: string; message: string; status: number };
}

/** Room for every document at the text limit, plus JSON escaping of ordinary text and the options. */
export const batchBodyLimit = (settings: Pick<BatchSettings, 'maxDocuments' | 'maxTextBytes'>): number =>
  settings.maxDocuments * settings.maxTextBytes * 2 + 64 * 1024;

function parseBatch(body: Buffer, maxDocuments: number): { documents: unknown[]; options: Record<string, unknown> } {
  const { object: parsed } = parseJsonObject(body, '{"documents": [{"text": "..."}]}');
  const { documents, ...options } = parsed;
  if (!Array.isArray(documents)) throw badRequest('INVALID_REQUEST', '"documents" must be an array of {"id"?, "text"}');
  if (documents.length === 0) throw badRequest('INVALID_REQUEST', '"documents" must hold at least one document');
  if (documents.length > maxDocuments) {
    throw new HttpError(413, 'TOO_MANY_DOCUMENTS', `a batch holds at most ${maxDocuments} documents; this one has ${documents.length}`);
  }
  if ('text' in options) throw badRequest('INVALID_REQUEST', 'put each text in "documents", not at the top level');
  return { documents, options };
}

function itemError(index: number, id: string | undefined, code: string, message: string, status: number): ItemOutcome {
  return { index, ...(id === undefined ? {} : { id }), error: { code, message, status } };
}

function checkDocument(document: unknown, index: number, maxTextBytes: number): ItemOutcome | { index: number; id?: string; text: string } {
  if (document === null || typeof document !== 'object' || Array.isArray(document)) {
    return itemError(index, undefined, 'INVALID_REQUEST', 'a document must be an object {"id"?, "text"}', 400);
  }
  const { id, text } = document as { id?: unknown; text?: unknown };
  if (id !== undefined && (typeof id !== 'string' || id.length > 128)) {
    return itemError(index, undefined, 'INVALID_REQUEST', '"id" must be a string of at most 128 characters', 400);
  }
  const itemId = id as string | undefined;
  if (typeof text !== 'string') return itemError(index, itemId, 'INVALID_REQUEST', '"text" is required and must be a string', 400);
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > maxTextBytes) {
    return itemError(index, itemId, 'PAYLOAD_TOO_LARGE', `"text" is ${bytes} bytes of UTF-8; the limit is ${maxTextBytes} bytes`, 413);
  }
  return { index, ...(itemId === undefined ? {} : { id: itemId }), text };
}

async function mapLimited<T, R>(items: readonly T[], limit: number, run: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await run(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

function errorOf(answer: UpstreamResponse): { code: string; message: string } {
  try {
    const body = JSON.parse(answer.body.toString('utf8')) as { code?: string; message?: string };
    return { code: body.code ?? `HTTP_${answer.status}`, message: body.message ?? `status ${answer.status}` };
  } catch {
    return { code: `HTTP_${answer.status}`, message: `status ${answer.status}` };
  }
}

/**
 * POST /batch/<kind>: each document goes to the backend's single endpoint (so each result is exactly
 * what that endpoint answers), a few at a time. A bad document fails alone, as in AWS Comprehend's
 * batch calls; only when every document failed upstream does the batch itself fail with that error.
 */
export function batchEndpoint(kind: BatchableName, upstream: Upstream, settings: BatchSettings): ApiEndpoint {
  return new ApiEndpoint(batchBodyLimit(settings), async (call: ApiCall) => {
    const { documents, options } = parseBatch(call.body, settings.maxDocuments);
    const checked = documents.map((document, index) => checkDocument(document, index, settings.maxTextBytes));
    const outcomes = await mapLimited(checked, settings.concurrency, async (item): Promise<ItemOutcome> => {
      if (!('text' in item)) return item;
      try {
        const answer = await upstream.call({
          method: 'POST',
          path: `/${kind}`,
          body: Buffer.from(JSON.stringify({ ...options, text: item.text })),
          authorization: call.headers.authorization,
          requestId: `${call.requestId}.${item.index}`,
          timeoutMs: settings.upstreamTimeoutMs,
        });
        if (answer.status === 200) return { index: item.index, ...(item.id === undefined ? {} : { id: item.id }), result: answer.body };
        const { code, message } = errorOf(answer);
        return itemError(item.index, item.id, code, message, answer.status);
      } catch (error) {
        if (!(error instanceof HttpError)) throw error;
        return itemError(item.index, item.id, error.code, error.message, error.status);
      }
    });

    const upstreamFailures = outcomes.filter((o) => o.error && o.error.status >= 500);
    if (upstreamFailures.length === outcomes.length) {
      const first = upstreamFailures[0]!.error!;
      throw new HttpError(first.status, first.code, `every document failed: ${first.message}`, {}, { upstream: upstream.name });
    }
    const results: string[] = [];
    const errors: string[] = [];
    for (const outcome of outcomes) {
      const head = `"index":${outcome.index}${outcome.id === undefined ? '' : `,"id":${JSON.stringify(outcome.id)}`}`;
      if (outcome.result) results.push(`{${head},"${kind}":${outcome.result.toString('utf8')}}`);
      else if (outcome.error) {
        errors.push(`{${head},"code":${JSON.stringify(outcome.error.code)},"message":${JSON.stringify(outcome.error.message)}}`);
      }
    }
    const body = Buffer.from(`{"results":[${results.join(',')}],"errors":[${errors.join(',')}]}`);
    return { status: 200, contentType: JSON_CONTENT_TYPE, body };
  });
}
