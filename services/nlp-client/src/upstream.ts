import { HttpError } from '@nlp-api/service-kit';
import type { Client, Dispatcher } from 'undici';
import { createBreaker, isOpenCircuit, type BreakerOptions } from './circuit-breaker.js';
import { ConcurrencyGate } from './concurrency-gate.js';
import { ConnectionPool, isConnected } from './connection-pool.js';

export interface UpstreamResponse {
  status: number;
  contentType: string;
  body: Buffer;
}

export interface ForwardCall {
  method: 'GET' | 'POST';
  path: string;
  body?: Buffer;
  authorization?: string | undefined;
  requestId: string;
  timeoutMs: number;
}

/** One backend: a keep-alive connection pool, a timeout per call, and failures mapped to statuses. */
export interface Upstream {
  readonly name: string;
  /** Resolves with whatever the backend answered; rejects with a 502/504 HttpError naming the backend. */
  call(call: ForwardCall): Promise<UpstreamResponse>;
  isReady(timeoutMs: number): Promise<boolean>;
  close(): void;
}

// Far above any legitimate answer (tokens of a 100 KB text are a few MB), so a broken backend
// cannot make the gateway buffer without bound.
const MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

export function unreachable(name: string, detail: string): HttpError {
  return new HttpError(502, 'UPSTREAM_UNREACHABLE', `${name} is unreachable: ${detail}`, {}, { upstream: name });
}

export function badResponse(name: string, detail: string): HttpError {
  return new HttpError(502, 'UPSTREAM_BAD_RESPONSE', `${name} sent a broken response: ${detail}`, {}, { upstream: name });
}

export function unavailable(name: string, retryAfterMs: number): HttpError {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return new HttpError(
    503,
    'UPSTREAM_UNAVAILABLE',
    `${name} keeps failing; the gateway will try it again in ${seconds} s`,
    { 'Retry-After': String(seconds) },
    { upstream: name },
  );
}

export function timedOut(name: string, timeoutMs: number): HttpError {
  return new HttpError(504, 'UPSTREAM_TIMEOUT', `${name} did not answer within ${timeoutMs} ms`, {}, { upstream: name });
}

/** A cheap check that a body is one whole JSON object or array, without parsing it again. */
export function looksLikeJson(body: Buffer): boolean {
  let first = 0;
  let last = body.length - 1;
  while (first <= last && isSpace(body[first]!)) first++;
  while (last >= first && isSpace(body[last]!)) last--;
  if (first > last) return false;
  const open = body[first];
  const close = body[last];
  return (open === 0x7b && close === 0x7d) || (open === 0x5b && close === 0x5d);
}

const isSpace = (byte: number): boolean => byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;

export interface UpstreamOptions {
  /** A backend that does not accept the connection within this is unreachable (502), not slow. */
  connectTimeoutMs: number;
  /**
   * Most requests in flight to the backend at once; more wait here, in order, within their timeout.
   * Queueing in the gateway keeps a saturated backend from drowning in connections it accepts late.
   */
  maxConnections?: number;
  breaker: BreakerOptions;
  /** Told of every failed call with its error code, e.g. to count it. */
  onFailure?: (code: string) => void;
}

export const DEFAULT_UPSTREAM_OPTIONS: UpstreamOptions = {
  connectTimeoutMs: 1_000,
  maxConnections: 32,
  breaker: { failureThreshold: 5, cooldownMs: 5_000 },
};

/** One header's value from undici's raw [name, value, name, value, ...] list; '' when absent. */
function headerValue(raw: readonly Buffer[], lowerCaseName: string): string {
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const header = raw[i]!;
    if (header.length === lowerCaseName.length && header.toString('latin1').toLowerCase() === lowerCaseName) return raw[i + 1]!.toString('latin1');
  }
  return '';
}

/** Statuses that say the backend, or something in front of it, is failing: they count against it. */
const isGatewayFailure = (status: number): boolean => status === 502 || status === 503 || status === 504;

/** Errors of a connection that broke before any answer: nothing reached the backend's handler. */
const CONNECTION_LOST = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);

export function createUpstream(name: string, baseUrl: URL, options: UpstreamOptions = DEFAULT_UPSTREAM_OPTIONS): Upstream {
  const breaker = createBreaker(options.breaker);
  const maxConnections = options.maxConnections ?? DEFAULT_UPSTREAM_OPTIONS.maxConnections ?? 32;
  const gate = new ConcurrencyGate(maxConnections);
  const basePath = baseUrl.pathname.replace(/\/+$/, '');
  // undici's dispatch costs less than half the CPU of http.request per call, which matters on the
  // core the gateway shares with its backends. Our own deadline covers headers and body, so
  // undici's timeouts are off; idle sockets are dropped after 30 s, well before the backend's 65 s.
  const connections = new ConnectionPool(baseUrl.origin, {
    pipelining: 1,
    connect: { timeout: options.connectTimeoutMs },
    headersTimeout: 0,
    bodyTimeout: 0,
    keepAliveTimeout: 30_000,
    keepAliveMaxTimeout: 30_000,
  });

  function attempt(call: ForwardCall, deadline: number, firstTry: boolean): Promise<UpstreamResponse> {
    return new Promise((resolve, reject) => {
      let settled = false;
      let holding = false;
      let client: Client | undefined;
      let reused = false;
      let leaveQueue = (): void => undefined;
      let abortCall: ((reason: Error) => void) | undefined;
      let responded = false;
      let status = 0;
      let contentType = '';
      const chunks: Buffer[] = [];
      let size = 0;

      const finish = (outcome: () => void): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        leaveQueue();
        if (client) connections.give(client);
        if (holding) gate.leave();
        outcome();
      };
      const fail = (error: HttpError): void =>
        finish(() => {
          abortCall?.(error);
          reject(error);
        });
      const timer = setTimeout(() => fail(timedOut(name, call.timeoutMs)), Math.max(0, deadline - Date.now()));

      const headers: Record<string, string> = { 'x-request-id': call.requestId, accept: 'application/json' };
      if (call.authorization !== undefined) headers.authorization = call.authorization;
      if (call.body !== undefined) headers['content-type'] = 'application/json';

      // undici's older handler callbacks: the newer ones are adapted to these inside undici, at a
      // cost per call, and these give the raw headers, of which only Content-Type is needed.
      const handler: Dispatcher.DispatchHandler = {
        onConnect(abort) {
          if (settled) abort(new Error('the gateway gave up on this call'));
          else abortCall = abort;
        },
        onHeaders(statusCode, rawHeaders) {
          if (statusCode < 200) return true;
          responded = true;
          status = statusCode;
          contentType = headerValue(rawHeaders, 'content-type');
          return true;
        },
        onData(chunk) {
          size += chunk.length;
          if (size > MAX_RESPONSE_BYTES) fail(badResponse(name, `response larger than ${MAX_RESPONSE_BYTES} bytes`));
          else chunks.push(chunk);
          return true;
        },
        onComplete() {
          if (settled) return;
          const body = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size);
          if (!contentType.startsWith('application/json') || !looksLikeJson(body)) {
            fail(badResponse(name, `expected a JSON body, got ${contentType || 'no content type'} (${body.length} bytes)`));
            return;
          }
          finish(() => resolve({ status, contentType, body }));
        },
        onError(error: Error & { code?: string }) {
          if (settled) return;
          const code = error.code ?? '';
          // A keep-alive socket the backend closed just as we reused it: the request never reached
          // the backend's handler, and our endpoints are pure functions, so one retry is safe.
          if (firstTry && reused && !responded && CONNECTION_LOST.has(code)) {
            finish(() => resolve(attempt(call, deadline, false)));
            return;
          }
          if (code === 'UND_ERR_CONNECT_TIMEOUT') fail(unreachable(name, `no connection within ${options.connectTimeoutMs} ms`));
          else fail(responded ? badResponse(name, error.message) : unreachable(name, code || error.message));
        },
      };

      leaveQueue = gate.enter(() => {
        holding = true;
        client = connections.take();
        reused = isConnected(client);
        client.dispatch({ path: basePath + call.path, method: call.method, headers, body: call.body ?? null }, handler);
      });
    });
  }

  /** Counts the outcome against the backend: transport failures and gateway-class statuses open the circuit. */
  async function guarded(call: ForwardCall): Promise<UpstreamResponse> {
    try {
      const response = await breaker.run(() => attempt(call, Date.now() + call.timeoutMs, true), (r) => isGatewayFailure(r.status));
      if (isGatewayFailure(response.status)) options.onFailure?.(`HTTP_${response.status}`);
      return response;
    } catch (error) {
      if (isOpenCircuit(error)) {
        options.onFailure?.('UPSTREAM_UNAVAILABLE');
        throw unavailable(name, breaker.retryAfterMs());
      }
      // Idle keep-alive sockets to a failing backend may be dead (a partition sends no reset): a
      // request on one would wait out the whole timeout, where a new connection fails in connectTimeoutMs.
      connections.dropIdle();
      options.onFailure?.(error instanceof HttpError ? error.code : 'UNKNOWN');
      throw error;
    }
  }

  return {
    name,
    call: guarded,
    async isReady(timeoutMs) {
      try {
        const res = await attempt({ method: 'GET', path: '/ready', requestId: 'readiness-probe', timeoutMs }, Date.now() + timeoutMs, true);
        // A backend that answers its readiness probe is back: no need to wait out the cooldown.
        if (res.status === 200) breaker.reset();
        return res.status === 200;
      } catch {
        return false;
      }
    },
    close: () => {
      breaker.shutdown();
      connections.destroy();
    },
  };
}
