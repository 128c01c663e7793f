import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createLogger } from '@nlp-api/service-kit';
import { createGatewayApp } from '../src/app.js';
import { createGatewayMetrics } from '../src/gateway-metrics.js';
import { createUpstream, DEFAULT_UPSTREAM_OPTIONS } from '../src/upstream.js';
import { freePort } from '../../../scripts/lib/processes.js';

/** The value of the one sample of `name` whose labels include `labels` (in any order). */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  for (const line of text.split('\n')) {
    const match = /^([a-z_]+)\{([^}]*)\} (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries([...match[2]!.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([k, v]) => found[k] === v)) return Number(match[3]);
  }
  return undefined;
}

/** A loopback port nothing listens on (freed a moment ago). */
async function closedPort(): Promise<URL> {
  return new URL(`http://127.0.0.1:${await freePort()}`);
}

describe('GET /metrics on the gateway', () => {
  it('needs the key by default, and counts requests by route and status and upstream errors by backend', async () => {
    const metrics = createGatewayMetrics();
    const down = await closedPort();
    const upstream = (name: string) => createUpstream(name, down, { ...DEFAULT_UPSTREAM_OPTIONS, onFailure: metrics.countFailures(name) });
    const app = createGatewayApp(
      { auth: { keys: ['k'] }, maxTextBytes: 1_000, upstreamTimeoutMs: 1_000 },
      { rake: upstream('rake-app'), prose: upstream('prose-app') },
      createLogger('metrics-test', 'silent'),
      metrics,
    );
    expect((await request(app).get('/metrics')).status).toBe(401);
    await request(app).post('/keywords').set('Authorization', 'Bearer k').send({ text: 'x' });
    await request(app).get('/nope/123');
    const res = await request(app).get('/metrics').set('Authorization', 'Bearer k');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(sample(res.text, 'http_requests_total', { method: 'POST', route: '/keywords', status: '502' })).toBe(1);
    expect(sample(res.text, 'http_requests_total', { method: 'GET', route: 'unmatched', status: '404' })).toBe(1);
    expect(sample(res.text, 'http_request_duration_seconds_count', { route: '/keywords', status: '502' })).toBe(1);
    expect(sample(res.text, 'upstream_errors_total', { upstream: 'rake-app', code: 'UPSTREAM_UNREACHABLE' })).toBe(1);
    expect(res.text).toContain('process_resident_memory_bytes');
  });

  it('is open when METRICS_PUBLIC asks for it', async () => {
    const app = createGatewayApp(
      { auth: { keys: ['k'] }, maxTextBytes: 1_000, upstreamTimeoutMs: 1_000, metricsPublic: true },
      { rake: createUpstream('rake-app', await closedPort()), prose: createUpstream('prose-app', await closedPort()) },
      createLogger('metrics-test', 'silent'),
      createGatewayMetrics({ processMetrics: false }),
    );
    expect((await request(app).get('/metrics')).status).toBe(200);
  });
});
