import { check, TextRequest } from '@nlp-api/api-schema';
import { ApiEndpoint } from './endpoint.js';
import { badRequest, payloadTooLarge } from './errors.js';

/** Room for escapes (`\u0000` is six bytes for one) and for the other request fields. */
export function bodyLimitFor(maxTextBytes: number): number {
  return maxTextBytes * 6 + 64 * 1024;
}

export interface TextRequest {
  /** The whole JSON object the client sent. */
  fields: Record<string, unknown>;
  text: string;
  /** The bytes as received, for forwarding without re-serialising. */
  raw: Buffer;
}

/** The body as a JSON object, or a 400 that says which of the two it is not. `shape` shows the expected form. */
export function parseJsonObject(raw: Buffer, shape: string): { raw: Buffer; object: Record<string, unknown> } {
  if (raw.length === 0) throw badRequest('INVALID_JSON', `the request body is empty; send JSON such as ${shape}`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.toString('utf8'));
  } catch (error) {
    throw badRequest('INVALID_JSON', `the request body is not valid JSON: ${(error as Error).message}`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw badRequest('INVALID_REQUEST', `the request body must be a JSON object such as ${shape}`);
  }
  return { raw, object: parsed as Record<string, unknown> };
}

export function parseTextRequest(source: Buffer, maxTextBytes: number): TextRequest {
  const { raw, object: parsed } = parseJsonObject(source, '{"text": "..."}');
  const checked = check(TextRequest, parsed);
  if (!checked.ok) throw badRequest('INVALID_REQUEST', checked.message);
  const fields = checked.value as Record<string, unknown>;
  const text = checked.value.text;
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > maxTextBytes) {
    throw payloadTooLarge(`"text" is ${bytes} bytes of UTF-8; the limit is ${maxTextBytes} bytes`);
  }
  return { fields, text, raw };
}

/** Validation of optional numeric fields, shared so every service words its errors alike. */
export function optionalInteger(fields: Record<string, unknown>, name: string, min: number, max: number): number | undefined {
  const value = fields[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw badRequest('INVALID_REQUEST', `"${name}" must be a whole number from ${min} to ${max}`);
  }
  return value;
}

export function optionalNumber(fields: Record<string, unknown>, name: string): number | undefined {
  const value = fields[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw badRequest('INVALID_REQUEST', `"${name}" must be a finite number`);
  return value;
}

/**
 * A POST endpoint that takes `{"text": ...}` and answers JSON: read the bytes, validate, compute,
 * respond. `compute` gets input already validated.
 */
export function textEndpoint(maxTextBytes: number, compute: (input: TextRequest) => unknown): ApiEndpoint {
  return new ApiEndpoint(bodyLimitFor(maxTextBytes), async (call) => {
    const input = parseTextRequest(call.body, maxTextBytes);
    // Let pending socket events run first: a caller that already gave up (a gateway timeout closes
    // the connection) must not cost CPU that requests still waiting need.
    await new Promise((resolve) => setImmediate(resolve));
    if (call.abandoned()) return undefined;
    return { json: await compute(input) };
  });
}
