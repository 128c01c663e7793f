import { describe, expect, it } from 'vitest';
import { freePort, startProcess, waitFor } from '../scripts/lib/processes.js';

const SEED =
  'The Internet is the global system of interconnected computer networks that use the Internet protocol suite to link devices worldwide.';

describe('npm start', () => {
  it('starts all three services, prints a working key and curl line, and stops cleanly on Ctrl-C', async () => {
    const ports = { NLP_CLIENT_PORT: await freePort(), RAKE_PORT: await freePort(), PROSE_PORT: await freePort() };
    const run = startProcess(process.execPath, ['scripts/start-local.mjs'], {
      NLP_CLIENT_PORT: String(ports.NLP_CLIENT_PORT),
      RAKE_PORT: String(ports.RAKE_PORT),
      PROSE_PORT: String(ports.PROSE_PORT),
    });
    try {
      await waitFor(async () => run.output().includes('Press Ctrl-C'), 60_000, 'the start banner');
      const key = /generated for this run; set AUTH_KEY to choose your own\): (\S+)/.exec(run.output())?.[1];
      expect(key).toBeDefined();
      expect(run.output()).toContain(`curl -s -H 'Authorization: Bearer ${key}' -d '{"text":`);
      const res = await fetch(`http://127.0.0.1:${ports.NLP_CLIENT_PORT}/keywords`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${key}` },
        body: JSON.stringify({ text: SEED }),
      });
      expect(res.status).toBe(200);
      expect(((await res.json()) as unknown[])[0]).toEqual({ candidate: 'interconnected computer networks', score: 9 });
    } finally {
      expect(await run.stop('SIGINT')).toBe(0);
    }
    for (const port of Object.values(ports)) {
      await expect(fetch(`http://127.0.0.1:${port}/health`)).rejects.toThrow();
    }
  });
});
