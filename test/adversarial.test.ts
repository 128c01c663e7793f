import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../scripts/lib/processes.js';

const KEY = 'adversarial-key';
const TIMEOUT_MS = 5_000;
const LIMIT = 100 * 1024;

/** Deterministic pseudo-random letters, so a failure can be replayed. */
function letters(count: number, seed = 7): string {
  let state = seed;
  let out = '';
  for (let i = 0; i < count; i++) {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    out += String.fromCharCode(97 + (state % 26));
  }
  return out;
}

function distinctWords(bytes: number): string {
  const words: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes - 16; i++) {
    const word = `${letters(4, i + 1)}${i.toString(36)}`;
    words.push(word);
    size += word.length + 1;
  }
  return words.join(' ');
}

const INPUTS: Record<string, string> = {
  '100 KB of distinct words': distinctWords(LIMIT),
  '100 KB with no spaces or punctuation': letters(LIMIT),
  '100 KB of one repeated word': 'buffalo '.repeat(LIMIT / 8),
  '100 KB of tiny sentences': 'Go. '.repeat(LIMIT / 4),
  '100 KB of one emoji': '😀'.repeat(LIMIT / 4),
  '100 KB of newlines': '\n'.repeat(LIMIT),
};

const ENDPOINTS = ['/keywords', '/tokens', '/entities', '/sentences'];

function rssMb(pid: number | undefined): number {
  if (!pid) return NaN;
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]) / 1024;
}

describe('hostile input through the gateway', () => {
  let stack: Stack;
  let base = '';

  beforeAll(async () => {
    stack = await startStack(
      { AUTH_KEY: KEY, LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '0' },
      { UPSTREAM_TIMEOUT_MS: String(TIMEOUT_MS) },
    );
    base = stack.base;
  });

  afterAll(async () => {
    await stack?.stop();
  });

  const post = (path: string, body: string) =>
    fetch(`${base}${path}`, { method: 'POST', headers: { Authorization: `Bearer ${KEY}` }, body, signal: AbortSignal.timeout(30_000) });

  // The bound is the system's own: the gateway gives up on a backend after UPSTREAM_TIMEOUT_MS and
  // says 504. A 200 or a 413 means the work finished inside it, whatever the machine's load.
  it.each(Object.entries(INPUTS))('answers %s within the upstream timeout on every endpoint', async (_name, text) => {
    for (const path of ENDPOINTS) {
      const started = performance.now();
      const res = await post(path, JSON.stringify({ text }));
      const ms = Math.round(performance.now() - started);
      console.log(`${_name} ${path}: ${res.status} in ${ms} ms`);
      expect([200, 413], `${path} answered ${res.status}: ${await res.clone().text()}`).toContain(res.status);
      const body = await res.json();
      if (res.status === 200) expect(Array.isArray(body)).toBe(true);
    }
  }, 120_000);

  it('refuses text one byte over the limit with 413, before any backend works on it', async () => {
    const res = await post('/tokens', JSON.stringify({ text: 'a'.repeat(LIMIT + 1) }));
    expect(res.status).toBe(413);
  });

  it('parses deeply nested JSON without trouble, and answers on the text alone', async () => {
    const depth = 100_000;
    const res = await post('/keywords', `{"text":"deep structures","nested":${'['.repeat(depth)}${']'.repeat(depth)}}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual([{ candidate: 'deep structures', score: 4 }]);
  });

  it('refuses a body far over the limit (6 MB of brackets) with 413', async () => {
    const res = await post('/keywords', `{"text":"x","nested":${'['.repeat(3_000_000)}${']'.repeat(3_000_000)}}`);
    expect(res.status).toBe(413);
  });

  it('keeps every service alive and its memory bounded afterwards', async () => {
    const { rake, prose, gateway } = stack;
    for (const service of [rake, prose, gateway]) expect(service.child.exitCode).toBeNull();
    const rss = { rake: rssMb(rake.child.pid), prose: rssMb(prose.child.pid), gateway: rssMb(gateway.child.pid) };
    console.log(`RSS after the hostile inputs (MB): ${JSON.stringify(rss)}`);
    expect(rss.rake).toBeLessThan(300);
    expect(rss.prose).toBeLessThan(600);
    expect(rss.gateway).toBeLessThan(300);
    const seed = await post('/keywords', JSON.stringify({ text: 'global system' }));
    expect(await seed.json()).toEqual([{ candidate: 'global system', score: 4 }]);
  });
});
