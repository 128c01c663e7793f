/**
 * The traffic mix and the bookkeeping of one autocannon run: which endpoint and text size each
 * request had, its status, latency, and every kind of failure autocannon can see.
 */
import { ENDPOINTS as CATALOGUE, type EndpointName } from '@nlp-api/api-schema';
import autocannon from 'autocannon';
import { textsOfSize, type Corpus, type SizeClass } from './corpus.js';
// Seeded, so two runs send the same sequence of choices.
import { seededRandom } from '@nlp-api/english';

/** The share of requests each endpoint of the catalogue gets, in per cent. */
const WEIGHTS: Readonly<Record<EndpointName, number>> = { keywords: 40, tokens: 25, entities: 20, sentences: 15 };

export const ENDPOINTS = CATALOGUE.map((e) => ({ path: e.path, weight: WEIGHTS[e.name] }));

/** Weights in per mille. "A few" 100 KB texts: 5 in 1000 requests. */
export const SIZES: (SizeClass & { weight: number })[] = [
  { name: '100B', minBytes: 70, maxBytes: 150, variants: 400, weight: 500 },
  { name: '1KB', minBytes: 900, maxBytes: 1_200, variants: 100, weight: 350 },
  { name: '10KB', minBytes: 9_500, maxBytes: 11_000, variants: 30, weight: 145 },
  // Below the services' default MAX_TEXT_BYTES of 100 KiB (102,400 bytes).
  { name: '100KB', minBytes: 97_000, maxBytes: 102_000, variants: 6, weight: 5 },
];


/**
 * Draws without replacement from a shuffled deck holding `weight` copies of each item, reshuffled when
 * empty: any stretch of requests has close to the exact mix, so even a short or slow run gets its few
 * 100 KB texts (independent weighted draws could leave them out altogether).
 */
function deck<T extends { weight: number }>(items: readonly T[], next: () => number): () => T {
  let cards: T[] = [];
  return () => {
    if (cards.length === 0) {
      cards = items.flatMap((item) => Array.from({ length: item.weight }, () => item));
      for (let i = cards.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [cards[i], cards[j]] = [cards[j]!, cards[i]!];
      }
    }
    return cards.pop()!;
  };
}

/** Ready-serialised JSON bodies per size class, so the client spends no time building them. */
export interface BodyPools {
  bySize: Map<string, string[]>;
  /** Actual UTF-8 sizes of the texts, for the report. */
  textBytes: Record<string, { min: number; max: number; variants: number }>;
}

export function buildPools(corpus: Corpus, seed: number): BodyPools {
  const next = seededRandom(seed);
  const bySize = new Map<string, string[]>();
  const textBytes: BodyPools['textBytes'] = {};
  for (const size of SIZES) {
    const texts = textsOfSize(corpus, size, next);
    bySize.set(size.name, texts.map((text) => JSON.stringify({ text })));
    const lengths = texts.map((text) => Buffer.byteLength(text, 'utf8'));
    textBytes[size.name] = { min: Math.min(...lengths), max: Math.max(...lengths), variants: texts.length };
  }
  return { bySize, textBytes };
}

export interface PhaseStats {
  responses: number;
  byStatus: Record<string, number>;
  /** Non-2xx answers by "status code" from the JSON error body, e.g. "504 UPSTREAM_TIMEOUT (prose-app)". */
  errorCodes: Record<string, number>;
  /** Client-side timeouts (autocannon's `timeout`), by request kind. */
  timeouts: Record<string, number>;
  /** Socket errors by code (ECONNRESET, ECONNREFUSED, EPIPE, ...). */
  connErrors: Record<string, number>;
  /** The server closed a keep-alive connection with one of our requests in flight (a lost request), by kind. */
  closedInFlight: Record<string, number>;
  /** The server closed an idle keep-alive connection (harmless, autocannon reconnects). */
  closedIdle: number;
  connects: number;
  /** Latency in ms of every response, all statuses, in arrival order. */
  latencies: number[];
  byKind: Map<string, { latencies: number[]; statuses: Record<string, number> }>;
  /** Responses per second as autocannon ticks them. */
  perSecond: number[];
  sent: number;
  durationSec: number;
}

const emptyStats = (): PhaseStats => ({
  responses: 0,
  byStatus: {},
  errorCodes: {},
  timeouts: {},
  connErrors: {},
  closedInFlight: {},
  closedIdle: 0,
  connects: 0,
  latencies: [],
  byKind: new Map(),
  perSecond: [],
  sent: 0,
  durationSec: 0,
});

const bump = (record: Record<string, number>, key: string, by = 1): void => {
  record[key] = (record[key] ?? 0) + by;
};

interface Context {
  kind?: string;
}

/** The autocannon Client internals this file relies on (autocannon 9, lib/httpClient.js). */
interface ClientInternals {
  _connect: () => void;
  conn: import('node:net').Socket;
  destroyed: boolean;
  pipelinedRequests: { size: () => number };
  requestIterator: { context: Context };
  on(event: string, listener: (...args: never[]) => void): unknown;
}

export interface PhaseOptions {
  url: string;
  key: string;
  connections: number;
  durationSec: number;
  /** Client-side timeout per request, seconds. */
  timeoutSec: number;
  pools: BodyPools;
  seed: number;
  /** Lets the caller stop the run early (SIGINT). */
  onInstance?: (instance: autocannon.Instance) => void;
}

/** Runs autocannon once with the mixed traffic and returns what happened, request by request. */
export async function runPhase(options: PhaseOptions): Promise<{ stats: PhaseStats; result: autocannon.Result }> {
  const stats = emptyStats();
  const next = seededRandom(options.seed);
  const nextEndpoint = deck(ENDPOINTS, next);
  const nextSize = deck(SIZES, next);
  const kindOf = (client: unknown): string => (client as ClientInternals).requestIterator?.context?.kind ?? 'unknown';

  const request: autocannon.Request = {
    method: 'POST',
    setupRequest: (req, context) => {
      const endpoint = nextEndpoint();
      const size = nextSize();
      const pool = options.pools.bySize.get(size.name)!;
      (context as Context).kind = `${endpoint.path} ${size.name}`;
      return { ...req, path: endpoint.path, body: pool[Math.floor(next() * pool.length)]! };
    },
    onResponse: (status, body, context) => {
      if (status >= 200 && status < 300) return;
      let code = '';
      try {
        const parsed = JSON.parse(body) as { code?: string; upstream?: string };
        code = `${parsed.code ?? '?'}${parsed.upstream ? ` (${parsed.upstream})` : ''}`;
      } catch {
        code = `non-JSON body: ${body.slice(0, 60)}`;
      }
      bump(stats.errorCodes, `${status} ${code} on ${(context as Context).kind ?? 'unknown'}`);
    },
  };

  let finished: (result: autocannon.Result) => void = () => {};
  let failed: (error: unknown) => void = () => {};
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    finished = resolve;
    failed = reject;
  });
  const started = performance.now();
  // The callback form returns the event emitter (the promise form is typed as a bare Promise).
  const instance = autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.durationSec,
    timeout: options.timeoutSec,
    pipelining: 1,
    headers: { authorization: `Bearer ${options.key}`, 'content-type': 'application/json' },
    requests: [request],
    setupClient: (client) => {
      const internals = client as unknown as ClientInternals;
      // On a timeout autocannon reconnects (and so moves on to the next request) before it emits
      // 'timeout': remember the kind that was in flight when the connection was replaced.
      let kindBeforeReconnect = 'unknown';
      internals.on('timeout', () => bump(stats.timeouts, kindBeforeReconnect));
      internals.on('connError', (error: NodeJS.ErrnoException) => bump(stats.connErrors, `${error.code ?? error.message} on ${kindOf(client)}`));
      // autocannon reconnects silently when the server ends a connection, dropping a request that
      // was in flight; count both cases so a keep-alive race cannot hide.
      const connect = internals._connect.bind(internals);
      internals._connect = () => {
        kindBeforeReconnect = kindOf(client);
        connect();
        stats.connects++;
        internals.conn.prependListener('end', () => {
          if (internals.destroyed) return;
          if (internals.pipelinedRequests.size() > 0) bump(stats.closedInFlight, kindOf(client));
          else stats.closedIdle++;
        });
      };
    },
  }, (error: unknown, result: autocannon.Result) => (error ? failed(error) : finished(result)));
  options.onInstance?.(instance);

  instance.on('response', (client, statusCode, _bytes, responseTime) => {
    stats.responses++;
    bump(stats.byStatus, String(statusCode));
    stats.latencies.push(responseTime);
    const kind = kindOf(client);
    let entry = stats.byKind.get(kind);
    if (!entry) stats.byKind.set(kind, (entry = { latencies: [], statuses: {} }));
    entry.latencies.push(responseTime);
    bump(entry.statuses, String(statusCode));
  });
  (instance as unknown as NodeJS.EventEmitter).on('tick', (tick: { counter: number }) => stats.perSecond.push(tick.counter));

  const result = await done;
  stats.durationSec = (performance.now() - started) / 1000;
  stats.sent = result.requests.sent;
  return { stats, result };
}

/** Everything that counts as a failure: any non-2xx other than 429, timeouts, socket errors, lost requests. */
export function failuresOf(stats: PhaseStats): { count: number; kinds: string[] } {
  const kinds: string[] = [];
  let count = 0;
  for (const [status, n] of Object.entries(stats.byStatus)) {
    const code = Number(status);
    if ((code < 200 || code >= 300) && code !== 429) {
      count += n;
      kinds.push(`${n} × HTTP ${status}`);
    }
  }
  const timeouts = Object.values(stats.timeouts).reduce((a, b) => a + b, 0);
  if (timeouts > 0) kinds.push(`${timeouts} × client timeout`);
  for (const [code, n] of Object.entries(stats.connErrors)) kinds.push(`${n} × ${code}`);
  const closed = Object.values(stats.closedInFlight).reduce((a, b) => a + b, 0);
  if (closed > 0) kinds.push(`${closed} × connection closed by the server mid-request`);
  count += timeouts + Object.values(stats.connErrors).reduce((a, b) => a + b, 0) + closed;
  return { count, kinds };
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export interface LatencySummary {
  count: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
}

export function summarise(values: readonly number[]): LatencySummary {
  const sorted = [...values].sort((a, b) => a - b);
  const mean = sorted.length ? sorted.reduce((a, b) => a + b, 0) / sorted.length : NaN;
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    max: sorted.length ? sorted[sorted.length - 1]! : NaN,
    mean,
  };
}
