import { describe, expect, it } from 'vitest';
import { freePort, startService, waitFor, waitReady } from '../scripts/lib/processes.js';

const KEY = 'drain-key';
const SEED = 'The Internet is the global system of interconnected computer networks that use the Internet protocol suite to link devices worldwide.';

interface Outcome {
  status?: number;
  error?: string;
}

/** The error code under fetch's "fetch failed": ECONNREFUSED, ECONNRESET, UND_ERR_SOCKET, ... */
function causeOf(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message;
}

describe('SIGTERM during a load run', () => {
  it('loses no accepted request: every request the gateway accepted is answered, then it exits 0', async () => {
    const common = { AUTH_KEY: KEY, HOST: '127.0.0.1', RATE_LIMIT_PER_MINUTE: '0' };
    const [rakePort, prosePort, gatewayPort] = [await freePort(), await freePort(), await freePort()];
    const rake = startService('rake-app', { ...common, LOG_LEVEL: 'warn', RAKE_PORT: String(rakePort) });
    const prose = startService('prose-app', { ...common, LOG_LEVEL: 'warn', PROSE_PORT: String(prosePort) });
    const gateway = startService('nlp-client', {
      ...common,
      LOG_LEVEL: 'info',
      NLP_CLIENT_PORT: String(gatewayPort),
      RAKE_ENDPOINT: `http://127.0.0.1:${rakePort}`,
      PROSE_ENDPOINT: `http://127.0.0.1:${prosePort}`,
    });
    const base = `http://127.0.0.1:${gatewayPort}`;
    try {
      await waitReady(base);
      const outcomes: Outcome[] = [];
      const deadline = Date.now() + 4_000;
      let stopped = false;
      // 16 clients on keep-alive connections, mixing a fast and a slower endpoint, bounded in time.
      const client = async (i: number) => {
        while (Date.now() < deadline && !(stopped && outcomes.length > 0 && outcomes.at(-1)?.error === 'ECONNREFUSED')) {
          const path = i % 2 === 0 ? '/keywords' : '/entities';
          try {
            const res = await fetch(`${base}${path}`, {
              method: 'POST',
              headers: { Authorization: `Bearer ${KEY}` },
              body: JSON.stringify({ text: SEED }),
              signal: AbortSignal.timeout(10_000),
            });
            await res.arrayBuffer();
            outcomes.push({ status: res.status });
          } catch (error) {
            outcomes.push({ error: causeOf(error) });
            if (stopped) await new Promise((resolve) => setTimeout(resolve, 20));
          }
        }
      };
      const load = Promise.all(Array.from({ length: 16 }, (_, i) => client(i)));
      await waitFor(async () => outcomes.length >= 64, 3_000, 'the load to build up');
      const exit = gateway.stop('SIGTERM');
      stopped = true;
      expect(await exit).toBe(0);
      await load;

      const answered = outcomes.filter((o) => o.status !== undefined);
      const failed = outcomes.filter((o) => o.error !== undefined);
      const accepted = gateway
        .output()
        .split('\n')
        .filter((line) => line.includes('"msg":"request"'))
        .map((line) => JSON.parse(line) as { status: number; completed: boolean; path: string });
      const apiAccepted = accepted.filter((line) => line.path === '/keywords' || line.path === '/entities');
      console.log(
        `shutdown under load: ${answered.length} answered (${[...new Set(answered.map((o) => o.status))].join(', ')}), ` +
          `${failed.length} refused before acceptance (${[...new Set(failed.map((o) => o.error))].join(', ')}), ` +
          `${apiAccepted.length} accepted by the gateway`,
      );
      expect(answered.length).toBeGreaterThan(50);
      expect(answered.every((o) => o.status === 200)).toBe(true);
      // Every request the gateway accepted was answered in full, and each answer was one of them.
      expect(apiAccepted.every((line) => line.completed && line.status === 200)).toBe(true);
      expect(apiAccepted.length).toBe(answered.length);
      // What did not get an answer never reached the gateway: refused or closed before it was read.
      for (const o of failed) expect(['ECONNREFUSED', 'ECONNRESET', 'UND_ERR_SOCKET', 'other side closed']).toContain(o.error);
    } finally {
      await Promise.all([rake.stop(), prose.stop(), gateway.stop()]);
    }
  }, 60_000);
});
