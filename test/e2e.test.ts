import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startProcess, startService, startStack, waitFor, waitReady, type RunningProcess, type ServiceName, type Stack } from '../scripts/lib/processes.js';
import { SEED, SEED_ANSWER } from './support/seed.js';

const KEY = 'e2e-key-5f3a9c';

function post(base: string, path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${base}${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${KEY}`, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

const common = { AUTH_KEY: KEY, HOST: '127.0.0.1', LOG_LEVEL: 'info' };

describe('the three real processes, through the gateway', () => {
  let rake: RunningProcess;
  let prose: RunningProcess;
  let gateway: RunningProcess;
  let base: string;
  const ports = { rake: '', prose: '', gateway: '' };
  let stack: Stack | undefined;

  beforeAll(async () => {
    stack = await startStack(common);
    ({ rake, prose, gateway, base } = stack);
    Object.assign(ports, { rake: String(stack.ports.rake), prose: String(stack.ports.prose), gateway: String(stack.ports.gateway) });
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('answers the seed curl exactly as the 2019 service did', async () => {
    // What `curl -d '{"text": ...}'` sends: no JSON content type.
    const res = await post(base, '/keywords', JSON.stringify({ text: SEED }), { 'Content-Type': 'application/x-www-form-urlencoded' });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(SEED_ANSWER);
  });

  it('returns tokens with Penn tags, IOB labels and offsets that slice the text', async () => {
    const text = 'Barack Obama visited Paris 🇫🇷 on Monday.\nIt rained.';
    const res = await post(base, '/tokens', { text });
    expect(res.status).toBe(200);
    const tokens = (await res.json()) as { text: string; tag: string; label: string; start: number; end: number }[];
    for (const token of tokens) expect(text.slice(token.start, token.end)).toBe(token.text);
    const byText = Object.fromEntries(tokens.map((t) => [t.text, t]));
    expect(byText.Barack).toMatchObject({ tag: 'NNP', label: 'B-PERSON' });
    expect(byText.Obama).toMatchObject({ tag: 'NNP', label: 'I-PERSON' });
    expect(byText.Paris?.label).toBe('B-GPE');
  });

  it('returns entities and sentences', async () => {
    const text = 'Angela Merkel met Microsoft in Berlin. It cost $5 million.';
    const entities = (await (await post(base, '/entities', { text })).json()) as { text: string; label: string }[];
    expect(entities).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ text: 'Angela Merkel', label: 'PERSON' }),
        expect.objectContaining({ text: 'Berlin', label: 'GPE' }),
      ]),
    );
    const sentences = (await (await post(base, '/sentences', { text })).json()) as { text: string }[];
    expect(sentences.map((s) => s.text)).toEqual(['Angela Merkel met Microsoft in Berlin.', 'It cost $5 million.']);
  });

  it('answers [] for empty text on every endpoint', async () => {
    for (const path of ['/keywords', '/tokens', '/entities', '/sentences']) {
      const res = await post(base, path, { text: '  ' });
      expect(res.status).toBe(200);
      expect(await res.text()).toBe('[]');
    }
  });

  it('rejects a missing key at the gateway with 401 and leaves /health open', async () => {
    const res = await fetch(`${base}/keywords`, { method: 'POST', body: JSON.stringify({ text: SEED }) });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(await (await fetch(`${base}/health`)).json()).toEqual({ status: 'UP' });
  });

  it('carries one request id through all three logs and never logs the key', async () => {
    await post(base, '/keywords', { text: SEED }, { 'X-Request-Id': 'trace-e2e-001' });
    const res = await post(base, '/tokens', { text: SEED }, { 'X-Request-Id': 'trace-e2e-001' });
    expect(res.headers.get('x-request-id')).toBe('trace-e2e-001');
    const logged = () => [gateway, rake, prose].every((service) => service.output().includes('"requestId":"trace-e2e-001"'));
    await waitFor(async () => logged(), 5_000, 'the request id in all three logs');
    for (const service of [gateway, rake, prose]) {
      expect(service.output()).toContain('"requestId":"trace-e2e-001"');
      expect(service.output()).not.toContain(KEY);
    }
  });

  it('passes the container health checks, which exit 0 only for a live service', async () => {
    const check = (name: ServiceName, env: Record<string, string>) => startProcess(process.execPath, [`services/${name}/dist/healthcheck.js`], env).exited;
    expect(await check('rake-app', { RAKE_PORT: ports.rake })).toBe(0);
    expect(await check('prose-app', { PROSE_PORT: ports.prose, HEALTHCHECK_PATH: '/ready' })).toBe(0);
    expect(await check('nlp-client', { NLP_CLIENT_PORT: ports.gateway })).toBe(0);
    expect(await check('rake-app', { RAKE_PORT: String(await freePort()) })).toBe(1);
  });

  it('answers 502 naming rake-app once it is down, while prose-app keeps serving', async () => {
    expect(await rake.stop('SIGTERM')).toBe(0);
    const res = await post(base, '/keywords', { text: SEED });
    expect(res.status).toBe(502);
    expect(await res.json()).toMatchObject({ code: 'UPSTREAM_UNREACHABLE', upstream: 'rake-app' });
    expect((await post(base, '/tokens', { text: SEED })).status).toBe(200);
    const ready = await fetch(`${base}/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ checks: { 'rake-app': 'DOWN', 'prose-app': 'UP' } });
  });
});

describe('the gateway process with a slow backend', () => {
  let slow: http.Server;
  let gateway: RunningProcess;
  let base: string;
  const delayMs = 1_500;
  /** Called when the slow backend has read a whole request. */
  let arrived: (() => void) | undefined;

  beforeAll(async () => {
    slow = http.createServer((req, res) => {
      if (req.url === '/ready') {
        res.setHeader('content-type', 'application/json');
        res.end('{"status":"UP"}');
        return;
      }
      let body = '';
      req.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      req.on('end', () => {
        arrived?.();
        setTimeout(() => {
          res.setHeader('content-type', 'application/json');
          res.end('[]');
        }, body.includes('quick') ? 250 : delayMs);
      });
    });
    await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve));
    const backend = `http://127.0.0.1:${(slow.address() as AddressInfo).port}`;
    const port = await freePort();
    gateway = startService('nlp-client', {
      ...common,
      NLP_CLIENT_PORT: String(port),
      RAKE_ENDPOINT: backend,
      PROSE_ENDPOINT: backend,
      UPSTREAM_TIMEOUT_MS: '400',
      SHUTDOWN_TIMEOUT_MS: '5000',
    });
    base = `http://127.0.0.1:${port}`;
    await waitReady(base);
  });

  afterAll(async () => {
    await gateway.stop();
    slow.closeAllConnections();
    await new Promise<void>((resolve) => slow.close(() => resolve()));
  });

  it('answers 504 naming the backend, without waiting for it', async () => {
    const started = Date.now();
    const res = await post(base, '/entities', { text: 'slow' });
    expect(res.status).toBe(504);
    expect(await res.json()).toMatchObject({ code: 'UPSTREAM_TIMEOUT', upstream: 'prose-app' });
    expect(Date.now() - started).toBeLessThan(delayMs);
  });

  it('finishes an in-flight request after SIGTERM, then exits 0', async () => {
    const reachedBackend = new Promise<void>((resolve) => (arrived = resolve));
    const inFlight = post(base, '/keywords', { text: 'quick, but in flight' });
    await reachedBackend;
    const exit = gateway.stop('SIGTERM');
    const res = await inFlight;
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('[]');
    expect(await exit).toBe(0);
  });
});

describe('start-up checks', () => {
  it('refuses to start without a key, naming AUTH_KEY', async () => {
    const service = startService('rake-app', { RAKE_PORT: String(await freePort()) });
    expect(await service.exited).toBe(2);
    expect(service.output()).toContain('AUTH_KEY: no API key configured');
  });

  it('refuses a bad port value, naming the variable', async () => {
    const service = startService('nlp-client', { AUTH_KEY: KEY, NLP_CLIENT_PORT: 'eighty' });
    expect(await service.exited).toBe(2);
    expect(service.output()).toContain('NLP_CLIENT_PORT: expected a whole number, got "eighty"');
  });
});
