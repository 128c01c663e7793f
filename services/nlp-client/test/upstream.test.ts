import http from 'node:http';
import type { Socket } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HttpError } from '@nlp-api/service-kit';
import { ConcurrencyGate } from '../src/concurrency-gate.js';
import { createUpstream, type Upstream } from '../src/upstream.js';
import { fakeBackend, type Behaviour, type FakeBackend } from './support/fake-backend.js';
import { waitFor } from '../../../scripts/lib/processes.js';

describe('the concurrency gate', () => {
  it('lets `limit` holders in at once and the rest in arrival order', () => {
    const gate = new ConcurrencyGate(2);
    const started: string[] = [];
    for (const name of ['a', 'b', 'c', 'd']) gate.enter(() => started.push(name));
    expect(started).toEqual(['a', 'b']);
    expect(gate.queued).toBe(2);
    gate.leave();
    expect(started).toEqual(['a', 'b', 'c']);
    gate.leave();
    gate.leave();
    expect(started).toEqual(['a', 'b', 'c', 'd']);
  });

  it('forgets a waiter that gives up, so it never starts', () => {
    const gate = new ConcurrencyGate(1);
    const started: string[] = [];
    gate.enter(() => started.push('first'));
    const cancel = gate.enter(() => started.push('gave up'));
    gate.enter(() => started.push('third'));
    cancel();
    gate.leave();
    expect(started).toEqual(['first', 'third']);
  });
});

const backends: FakeBackend[] = [];
const upstreams: Upstream[] = [];
afterEach(async () => {
  for (const upstream of upstreams.splice(0)) upstream.close();
  await Promise.all(backends.splice(0).map((b) => b.close()));
});

async function backend(behaviour: Behaviour): Promise<FakeBackend> {
  const started = await fakeBackend(behaviour);
  backends.push(started);
  return started;
}

const answer = (res: http.ServerResponse, body = '{"ok":true}'): void => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(body);
};

function upstreamFor(url: URL, maxConnections = 4): Upstream {
  const upstream = createUpstream('rake-app', url, { connectTimeoutMs: 1_000, maxConnections, breaker: { failureThreshold: 100, cooldownMs: 1_000 } });
  upstreams.push(upstream);
  return upstream;
}

const call = (upstream: Upstream, timeoutMs = 2_000) =>
  upstream.call({ method: 'POST', path: '/keywords', body: Buffer.from('{"text":"x"}'), requestId: 'r', timeoutMs });

describe('calls to a backend', () => {
  it('reuses one keep-alive connection for calls one after another', async () => {
    const server = await backend((_req, res) => answer(res));
    const upstream = upstreamFor(server.url);
    for (let i = 0; i < 5; i++) expect((await call(upstream)).status).toBe(200);
    expect(server.connections()).toBe(1);
  });

  it('retries once on a new connection when a reused keep-alive socket breaks before any answer', async () => {
    // The backend closes the connection on its second request, as one closing an idle socket just
    // as the gateway reuses it would: the request never reached the handler's work.
    const server = await backend((req, res, _body, nth) => (nth === 2 ? req.socket.destroy() : answer(res)));
    const upstream = upstreamFor(server.url);
    expect((await call(upstream)).status).toBe(200);
    const second = await call(upstream);
    expect(second.status).toBe(200);
    expect(server.seen.length).toBe(3);
    expect(server.connections()).toBe(2);
  });

  it('does not retry a call whose fresh connection breaks: that backend is failing', async () => {
    const server = await backend((req) => req.socket.destroy());
    const upstream = upstreamFor(server.url);
    await expect(call(upstream)).rejects.toMatchObject({ status: 502, code: 'UPSTREAM_UNREACHABLE' });
    expect(server.seen.length).toBe(1);
  });

  it('keeps at most maxConnections calls at the backend; a call that waits past its deadline never reaches it', async () => {
    let inFlight = 0;
    let most = 0;
    const server = await backend((_req, res) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      setTimeout(() => {
        inFlight -= 1;
        answer(res);
      }, 150);
    });
    const upstream = upstreamFor(server.url, 2);
    const patient = [call(upstream), call(upstream), call(upstream), call(upstream)];
    const hasty = call(upstream, 100);
    await expect(hasty).rejects.toMatchObject({ status: 504, code: 'UPSTREAM_TIMEOUT' });
    const answers = await Promise.all(patient);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    expect(most).toBe(2);
    expect(server.seen.length).toBe(4);
  });

  it('closes its idle connections once a call fails, so later calls start on new ones', async () => {
    const sockets = new Set<Socket>();
    let closed = 0;
    const server = await backend((req, res) => {
      if (!sockets.has(req.socket)) {
        sockets.add(req.socket);
        req.socket.once('close', () => (closed += 1));
      }
      // The call named 'hang' never gets an answer; the others get theirs a little later, so two
      // at once need two connections.
      if (req.headers['x-request-id'] !== 'hang') setTimeout(() => answer(res), 50);
    });
    const upstream = upstreamFor(server.url);
    await Promise.all([call(upstream), call(upstream)]);
    expect(server.connections()).toBe(2);
    const hung = upstream.call({ method: 'POST', path: '/keywords', body: Buffer.from('{"text":"x"}'), requestId: 'hang', timeoutMs: 100 });
    await expect(hung).rejects.toMatchObject({ status: 504 });
    await waitFor(async () => closed === 2, 2_000, 'both connections to close');
    expect((await call(upstream)).status).toBe(200);
    expect(server.connections()).toBe(3);
  });

  it('passes the status, content type and bytes of the answer through', async () => {
    const server = await backend((_req, res) => {
      res.writeHead(418, { 'content-type': 'application/json; charset=utf-8' });
      res.end('{"message":"short and stout","code":"TEAPOT"}');
    });
    const got = await call(upstreamFor(server.url));
    expect(got.status).toBe(418);
    expect(got.contentType).toBe('application/json; charset=utf-8');
    expect(got.body.toString()).toBe('{"message":"short and stout","code":"TEAPOT"}');
  });

  it('answers 504 naming the backend when it takes longer than the timeout, and drops that connection', async () => {
    let closed = false;
    const server = await backend((req) => req.socket.once('close', () => (closed = true)));
    const error = await call(upstreamFor(server.url), 100).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ status: 504, code: 'UPSTREAM_TIMEOUT', extra: { upstream: 'rake-app' } });
    await vi.waitFor(() => expect(closed).toBe(true));
  });
});
