import type { IncomingMessage } from 'node:http';
import type { Readable, Transform } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { HttpError, badRequest, payloadTooLarge } from './errors.js';

const DECODERS: Record<string, () => Transform> = {
  gzip: createGunzip,
  deflate: createInflate,
  br: createBrotliDecompress,
};

const tooLarge = (limit: number): HttpError => payloadTooLarge(`request body exceeds the limit of ${limit} bytes`);

/**
 * Reads a request body, decoding gzip, deflate or br, up to `limit` bytes after decoding (so a
 * compressed bomb is refused, not inflated). Rejects with 413 as soon as the declared or received
 * length passes the limit, 415 for another Content-Encoding, and 400 when the client aborts or the
 * compressed bytes are corrupt.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = req.headers['content-length'];
  if (declared !== undefined && Number(declared) > limit) return Promise.reject(tooLarge(limit));
  const encoding = req.headers['content-encoding']?.trim().toLowerCase();
  if (encoding === undefined || encoding === '' || encoding === 'identity') return collect(req, req, limit);
  const decoder = DECODERS[encoding];
  if (decoder === undefined) {
    return Promise.reject(new HttpError(415, 'UNSUPPORTED_ENCODING', `unsupported Content-Encoding "${encoding}"; send gzip, deflate, br or none`));
  }
  const decoded = decoder();
  req.pipe(decoded);
  return collect(decoded, req, limit, encoding);
}

function collect(source: Readable, req: IncomingMessage, limit: number, encoding?: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (error: HttpError | undefined): void => {
      source.off('data', onData);
      source.off('end', onEnd);
      source.off('error', onCorrupt);
      req.off('error', onAbort);
      req.off('close', onClose);
      if (source !== req) {
        req.unpipe(source as Transform);
        source.destroy();
      }
      if (error) reject(error);
      else resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size));
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) finish(tooLarge(limit));
      else chunks.push(chunk);
    };
    const onEnd = (): void => finish(undefined);
    const onAbort = (): void => finish(new HttpError(400, 'REQUEST_ABORTED', 'the client aborted the request body'));
    const onCorrupt = (): void => finish(badRequest('INVALID_BODY', `the request body is not valid ${encoding} data`));
    const onClose = (): void => {
      if (!req.complete) onAbort();
    };
    source.on('data', onData);
    source.on('end', onEnd);
    if (source !== req) source.on('error', onCorrupt);
    req.on('error', onAbort);
    req.on('close', onClose);
  });
}
