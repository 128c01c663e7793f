import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check, KEYWORD_ALGORITHMS, KeywordsRequest } from '@nlp-api/api-schema';
import { main } from '../src/main.js';

let server: http.Server;
let url = '';
const seen: { path: string; auth: string | undefined; body: string }[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      seen.push({ path: req.url ?? '', auth: req.headers.authorization, body });
      res.setHeader('content-type', 'application/json');
      if (req.headers.authorization !== 'Bearer good') {
        res.statusCode = 401;
        res.end('{"message":"invalid API key","code":"UNAUTHORIZED"}');
      } else if (req.url === '/keywords') {
        // Checks the options as the gateway does.
        const checked = check(KeywordsRequest, JSON.parse(body));
        if (!checked.ok) {
          res.statusCode = 400;
          res.end(JSON.stringify({ message: checked.message, code: 'INVALID_REQUEST' }));
          return;
        }
        res.end('[{"candidate":"global system","score":4},{"candidate":"internet","score":2}]');
      } else {
        res.end('[{"text":"Paris","label":"GPE","start":10,"end":15}]');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function run(argv: string[], env: Record<string, string> = {}, stdin = '') {
  let out = '';
  let err = '';
  const code = await main(argv, { NLP_URL: url, ...env }, { write: (s: string) => (out += s) }, { write: (s: string) => (err += s) }, () => stdin);
  return { code, out, err };
}

describe('the nlp command-line client', () => {
  it('prints keywords as a table', async () => {
    const { code, out } = await run(['keywords', 'The', 'global', 'system', '--key', 'good']);
    expect(code).toBe(0);
    expect(out).toBe('score  keyword\n-----  -------------\n4      global system\n2      internet\n');
    expect(seen.at(-1)).toEqual({ path: '/keywords', auth: 'Bearer good', body: '{"text":"The global system"}' });
  });

  it('prints the JSON with --json, and takes the key from NLP_API_KEY', async () => {
    const { out } = await run(['entities', 'I love Paris', '--json'], { NLP_API_KEY: 'good' });
    expect(JSON.parse(out)).toEqual([{ text: 'Paris', label: 'GPE', start: 10, end: 15 }]);
  });

  it('reads the text from standard input', async () => {
    await run(['sentences', '-'], { NLP_API_KEY: 'good' }, 'One. Two.');
    expect(seen.at(-1)?.body).toBe('{"text":"One. Two."}');
  });

  it("says what the API refused, and exits 1", async () => {
    const { code, err } = await run(['keywords', 'x', '--key', 'bad']);
    expect(code).toBe(1);
    expect(err).toBe('nlp: 401 invalid API key (UNAUTHORIZED)\n');
  });

  it('exits 2 with usage for an unknown command, a missing key or an unreachable server', async () => {
    expect((await run(['summarise', 'x', '--key', 'good'])).code).toBe(2);
    expect((await run(['keywords', 'x'])).err).toContain('no API key');
    const unreachable = await run(['keywords', 'x', '--key', 'good', '--url', 'http://127.0.0.1:1']);
    expect(unreachable).toMatchObject({ code: 2, err: expect.stringContaining('cannot reach') });
  });

  it.each(KEYWORD_ALGORITHMS)('sends --algorithm %s with the keywords request', async (algorithm) => {
    const { code } = await run(['keywords', 'The global system', '--algorithm', algorithm, '--key', 'good']);
    expect(code).toBe(0);
    expect(seen.at(-1)).toMatchObject({ path: '/keywords', body: JSON.stringify({ text: 'The global system', algorithm }) });
  });

  it('lists every algorithm in the usage, the recommended one first', async () => {
    const { code, out } = await run(['--help']);
    expect(code).toBe(0);
    expect(out).toContain('--algorithm');
    for (const algorithm of KEYWORD_ALGORITHMS) expect(out).toContain(algorithm);
    expect(out).toMatch(/--algorithm +keywords only: positionrank \(short texts[^)]*; recommended\),\s+multipartiterank \(long documents, news\)/);
  });

  it("passes on the API's message for an unknown algorithm, and exits 1", async () => {
    const { code, err } = await run(['keywords', 'x', '--algorithm', 'textrank', '--key', 'good']);
    expect(code).toBe(1);
    expect(err).toBe('nlp: 400 "algorithm" must be one of "rake", "yake", "positionrank", "multipartiterank" (INVALID_REQUEST)\n');
  });

  it('exits 2 with usage for --algorithm on another command', async () => {
    const before = seen.length;
    const { code, err } = await run(['tokens', 'x', '--algorithm', 'yake', '--key', 'good']);
    expect(code).toBe(2);
    expect(err).toContain('nlp: --algorithm applies only to keywords\nusage: nlp');
    expect(seen).toHaveLength(before);
  });
});
