/** The three apps built in-process and listening on loopback, plus the known-good answers property 2 checks. */
import { expect } from 'vitest';
import { loadStandaloneTagger } from '@nlp-api/english';
import { createLogger } from '@nlp-api/service-kit';
import { createGatewayApp } from '../../../services/nlp-client/src/app.js';
import { createUpstream } from '../../../services/nlp-client/src/upstream.js';
import { createProseApp, type EngineSlot } from '../../../services/prose-app/src/app.js';
import { loadNlpEngine } from '../../../services/prose-app/src/nlp/index.js';
import { createRakeApp } from '../../../services/rake-app/src/app.js';
import { listen, send, type Listening } from './http.js';

export const KEY = 'fuzz-key-Q7x2';
export const AUTH = { authorization: `Bearer ${KEY}` };
/** Small, so generated texts can cross it; the same for all three so the gateway and backends agree. */
export const MAX_TEXT_BYTES = 4_000;

const logger = createLogger('fuzz', 'silent');
const settings = { auth: { keys: [KEY] }, maxTextBytes: MAX_TEXT_BYTES };

export const startRake = (): Promise<Listening> => listen(createRakeApp(settings, logger, { tagger: loadStandaloneTagger() }));

/** prose-app with its models loaded (once per call: call it once per test file), and its seed answer recorded. */
export async function startProse(maxTextBytes = MAX_TEXT_BYTES): Promise<Listening> {
  const slot: EngineSlot = { engine: loadNlpEngine() };
  const prose = await listen(createProseApp({ ...settings, maxTextBytes }, slot, logger));
  await recordProseBaseline(prose.url);
  return prose;
}

export interface Stack {
  rake: Listening;
  prose: Listening;
  gateway: Listening;
  close(): Promise<void>;
}

/** The gateway with the real rake-app and prose-app behind it, each on its own loopback port. */
export async function startStack(): Promise<Stack> {
  const rake = await startRake();
  const prose = await startProse();
  const backends = { rake: createUpstream('rake-app', rake.url), prose: createUpstream('prose-app', prose.url) };
  const gateway = await listen(createGatewayApp({ ...settings, upstreamTimeoutMs: 10_000 }, backends, logger));
  return {
    rake,
    prose,
    gateway,
    close: async () => {
      await gateway.close();
      backends.rake.close();
      backends.prose.close();
      await rake.close();
      await prose.close();
    },
  };
}

export const SEED =
  'The Internet is the global system of interconnected computer networks that use the Internet protocol suite to link devices worldwide.';
export const SEED_ANSWER =
  '[{"candidate":"interconnected computer networks","score":9},{"candidate":"link devices worldwide","score":9},' +
  '{"candidate":"internet protocol suite","score":8},{"candidate":"global system","score":4},{"candidate":"internet","score":2}]';

export const PROSE_SEED = 'Barack Obama visited Paris.';
/** The README's tokens for PROSE_SEED, as [text, start, end]; tags and labels are the model's business. */
const PROSE_SEED_SPANS = [['Barack', 0, 6], ['Obama', 7, 12], ['visited', 13, 20], ['Paris', 21, 26], ['.', 26, 27]];

const post = (base: URL, path: string, text: string) =>
  send(base, { method: 'POST', path, headers: { ...AUTH, 'content-type': 'application/json' }, body: JSON.stringify({ text }) });

/** Property 2: after a property's run the service is alive and still gives the known answer. */
export async function expectRakeStillServes(base: URL): Promise<void> {
  expect((await send(base, { method: 'GET', path: '/health' })).status).toBe(200);
  const res = await post(base, '/keywords', SEED);
  expect(res.status).toBe(200);
  expect(res.text).toBe(SEED_ANSWER);
}

/** Each prose-app's /tokens answer for PROSE_SEED before any fuzzing, by URL. */
const proseBaselines = new Map<string, string>();

async function recordProseBaseline(base: URL): Promise<void> {
  const res = await post(base, '/tokens', PROSE_SEED);
  expect(res.status).toBe(200);
  const tokens = JSON.parse(res.text) as Array<{ text: string; start: number; end: number }>;
  expect(tokens.map((t) => [t.text, t.start, t.end])).toEqual(PROSE_SEED_SPANS);
  proseBaselines.set(base.href, res.text);
}

/** Property 2 for prose-app: alive, and the seed's tokens byte for byte as before the fuzzing. */
export async function expectProseStillServes(base: URL): Promise<void> {
  expect((await send(base, { method: 'GET', path: '/health' })).status).toBe(200);
  const res = await post(base, '/tokens', PROSE_SEED);
  expect(res.status).toBe(200);
  expect(res.text).toBe(proseBaselines.get(base.href));
}
