import { afterEach, describe, expect, it } from 'vitest';
import { freePort, startService, waitFor, waitReady, type RunningProcess } from '../scripts/lib/processes.js';

const KEY = 'faults-key';
const SEED = 'The Internet is the global system of interconnected computer networks that use the Internet protocol suite to link devices worldwide.';
const common = { AUTH_KEY: KEY, HOST: '127.0.0.1', LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '0' };

const running: RunningProcess[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((p) => p.stop('SIGKILL')));
});

function start(name: Parameters<typeof startService>[0], env: Record<string, string>): RunningProcess {
  const process = startService(name, { ...common, ...env });
  running.push(process);
  return process;
}

async function topology(options: { startRake: boolean }) {
  const ports = { rake: await freePort(), prose: await freePort(), gateway: await freePort() };
  const rake = options.startRake ? start('rake-app', { RAKE_PORT: String(ports.rake) }) : undefined;
  start('prose-app', { PROSE_PORT: String(ports.prose) });
  const gateway = start('nlp-client', {
    NLP_CLIENT_PORT: String(ports.gateway),
    RAKE_ENDPOINT: `http://127.0.0.1:${ports.rake}`,
    PROSE_ENDPOINT: `http://127.0.0.1:${ports.prose}`,
    UPSTREAM_TIMEOUT_MS: '3000',
    BREAKER_FAILURES: '3',
    BREAKER_COOLDOWN_MS: '500',
  });
  const base = `http://127.0.0.1:${ports.gateway}`;
  await waitFor(async () => (await fetch(`${base}/health`)).ok, 30_000, 'the gateway');
  await waitReady(`http://127.0.0.1:${ports.prose}`);
  return { ports, rake, gateway, base };
}

const keywords = (base: string) =>
  fetch(`${base}/keywords`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${KEY}` },
    body: JSON.stringify({ text: SEED }),
    signal: AbortSignal.timeout(10_000),
  });

/** Sends requests until one succeeds; returns how long that took and what was answered meanwhile. */
async function untilRecovered(base: string, timeoutMs: number): Promise<{ ms: number; statuses: Set<number> }> {
  const started = performance.now();
  const statuses = new Set<number>();
  while (performance.now() - started < timeoutMs) {
    const res = await keywords(base);
    statuses.add(res.status);
    if (res.status === 200) return { ms: Math.round(performance.now() - started), statuses };
    await res.json();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`no recovery within ${timeoutMs} ms; saw ${[...statuses].join(', ')}`);
}

describe('a backend that fails', () => {
  it('down at start: 502 then 503 naming it, /ready says so, and recovery once it starts', async () => {
    const { ports, base, gateway } = await topology({ startRake: false });
    const answers: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await keywords(base);
      answers.push(res.status);
      expect(await res.json()).toMatchObject({ upstream: 'rake-app' });
    }
    expect(answers.slice(0, 3)).toEqual([502, 502, 502]);
    expect(answers.slice(3)).toEqual([503, 503]);
    const ready = await fetch(`${base}/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ checks: { 'rake-app': 'DOWN', 'prose-app': 'UP' } });

    start('rake-app', { RAKE_PORT: String(ports.rake) });
    await waitReady(`http://127.0.0.1:${ports.rake}`);
    const recovery = await untilRecovered(base, 10_000);
    console.log(`down at start: recovered ${recovery.ms} ms after rake-app was ready; meanwhile ${[...recovery.statuses].join(', ')}`);
    expect(gateway.child.exitCode).toBeNull();
  }, 60_000);

  it('killed mid-run and restarted: the gateway answers at once meanwhile and recovers by itself', async () => {
    const { ports, base, rake, gateway } = await topology({ startRake: true });
    await waitReady(base);
    expect((await keywords(base)).status).toBe(200);

    await rake!.stop('SIGKILL');
    const during: number[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await keywords(base);
      during.push(res.status);
      expect(await res.json()).toMatchObject({ upstream: 'rake-app' });
    }
    expect(during.every((status) => status === 502 || status === 503)).toBe(true);
    expect(during).toContain(503);

    const restarted = performance.now();
    start('rake-app', { RAKE_PORT: String(ports.rake) });
    const recovery = await untilRecovered(base, 15_000);
    console.log(
      `killed and restarted: 200 again ${Math.round(performance.now() - restarted)} ms after the restart began; answers while down: ${during.join(', ')}`,
    );
    expect(gateway.child.exitCode).toBeNull();
  }, 60_000);
});
