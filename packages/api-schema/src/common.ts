import { z } from 'zod';

/** Every endpoint's body: a JSON object with the text. Other fields are tolerated (they may be options). */
export const TextRequest = z
  .looseObject({
    text: z
      .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a string') })
      .describe('The text to analyse: at most MAX_TEXT_BYTES bytes of UTF-8 (default 102,400).'),
  })
  .meta({ id: 'TextRequest' });

export const ErrorBody = z
  .looseObject({
    message: z.string().describe('What went wrong, for a person to read.'),
    code: z.string().describe('A stable code for programs, e.g. INVALID_JSON, UNAUTHORIZED, UPSTREAM_TIMEOUT.'),
    upstream: z.string().optional().describe('For upstream errors: the backend that failed.'),
  })
  .meta({ id: 'Error' });

export const Health = z.object({ status: z.literal('UP') }).meta({ id: 'Health' });

export const Ready = z
  .object({
    status: z.enum(['UP', 'DOWN']),
    checks: z.record(z.string(), z.enum(['UP', 'DOWN'])).optional().describe('Each backend, for the gateway.'),
  })
  .meta({ id: 'Ready' });

export const RouteList = z
  .array(z.object({ method: z.enum(['GET', 'POST']), path: z.string(), name: z.string() }))
  .meta({ id: 'Routes' });

export interface Invalid {
  ok: false;
  /** Names the field: `"limit" must be a whole number from 1 to 10000`. */
  message: string;
}

/** `["stoplist", 1]` -> `"stoplist"[1]`, the way the field reads in the JSON the client sent. */
function describePath(path: readonly PropertyKey[]): string {
  const [first, ...rest] = path;
  if (first === undefined) return '';
  return JSON.stringify(String(first)) + rest.map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`)).join('');
}

type Issue = z.core.$ZodIssue;

/**
 * Of a union's failed branches, the issue that got furthest into the value: for `["the", 3]` as a
 * stoplist that is the bad element, not "none of the alternatives matched".
 */
function deepestIssue(issue: Issue): Issue {
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) return issue;
  const candidates = issue.errors.flat().map((inner) => ({ ...inner, path: [...issue.path, ...inner.path] }) as Issue);
  const deepest = candidates.reduce((best, next) => (next.path.length > best.path.length ? next : best));
  return deepest.path.length > issue.path.length ? deepestIssue(deepest) : issue;
}

/** Parses with a schema; the first problem is reported with the field it is about. */
export function check<T>(schema: z.ZodType<T>, value: unknown): { ok: true; value: T } | Invalid {
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, value: result.data };
  const first = result.error.issues[0];
  if (!first) return { ok: false, message: 'invalid request' };
  const issue = deepestIssue(first);
  const path = describePath(issue.path);
  return { ok: false, message: path ? `${path} ${issue.message}` : issue.message };
}
