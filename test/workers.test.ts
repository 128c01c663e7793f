// WORKERS > 1: a supervisor and its workers share the port; a dead worker is replaced; SIGTERM
// drains them all and the supervisor exits 0. Real processes, as deployed.
import { describe, expect, it } from 'vitest';
import { processTree } from '../scripts/load/procfs.js';
import { freePort, startService, waitFor, waitReady } from '../scripts/lib/processes.js';

const KEY = 'workers-test-key';

async function keywords(base: string): Promise<number> {
  const res = await fetch(`${base}/keywords`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${KEY}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ text: 'Compatibility of systems of linear constraints over the set of natural numbers.' }),
  });
  await res.arrayBuffer();
  return res.status;
}

describe('a service run with WORKERS=2', () => {
  it('serves from two workers, replaces one that dies, and drains all on SIGTERM', async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const service = startService('rake-app', { AUTH_KEY: KEY, HOST: '127.0.0.1', RAKE_PORT: String(port), WORKERS: '2', LOG_LEVEL: 'info' });
    try {
      await waitReady(base);
      const supervisor = service.child.pid!;
      await waitFor(async () => processTree(supervisor).length === 3, 10_000, 'two workers');
      const statuses = await Promise.all(Array.from({ length: 20 }, () => keywords(base)));
      expect(statuses.every((status) => status === 200)).toBe(true);

      const [, firstWorker] = processTree(supervisor);
      process.kill(firstWorker!, 'SIGKILL');
      await waitFor(async () => {
        const tree = processTree(supervisor);
        return tree.length === 3 && !tree.includes(firstWorker!);
      }, 10_000, 'a replacement worker');
      await waitFor(async () => (await keywords(base)) === 200, 10_000, 'answers after the replacement');
      expect(service.output()).toContain('worker died; starting another');

      const workers = processTree(supervisor).slice(1);
      expect(await service.stop('SIGTERM')).toBe(0);
      for (const pid of workers) expect(() => process.kill(pid, 0)).toThrow();
      expect(service.output()).toContain('"clean":true');
    } finally {
      await service.stop('SIGKILL');
    }
  }, 60_000);

  it('keeps one process when WORKERS is unset, and refuses a bad value naming the variable', async () => {
    const port = await freePort();
    const single = startService('rake-app', { AUTH_KEY: KEY, HOST: '127.0.0.1', RAKE_PORT: String(port) });
    try {
      await waitReady(`http://127.0.0.1:${port}`);
      expect(processTree(single.child.pid!)).toHaveLength(1);
    } finally {
      await single.stop();
    }
    const bad = startService('rake-app', { AUTH_KEY: KEY, HOST: '127.0.0.1', RAKE_PORT: String(port), WORKERS: 'many' });
    expect(await bad.exited).toBe(2);
    expect(bad.output()).toContain('WORKERS');
  }, 60_000);
});
