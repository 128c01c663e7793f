/**
 * The endpoint catalogue (packages/api-schema/src/endpoints.ts) is the one list of endpoints: the
 * OpenAPI document, the gateway's routes and batch routes, each backend's routes and the CLI's
 * commands all come from it.
 */
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { BATCH_ENDPOINTS, batchPath, buildOpenApiDocument, ENDPOINTS, endpointsOf } from '@nlp-api/api-schema';
import { createLogger } from '@nlp-api/service-kit';
import { main } from '../packages/cli/src/main.js';
import { createGatewayApp } from '../services/nlp-client/src/app.js';
import { createUpstream } from '../services/nlp-client/src/upstream.js';
import { createProseApp } from '../services/prose-app/src/app.js';
import { createRakeApp } from '../services/rake-app/src/app.js';

const KEY = 'catalogue-key';
const auth = { Authorization: `Bearer ${KEY}` };
const settings = { auth: { keys: [KEY] }, maxTextBytes: 1_000 };
const logger = createLogger('catalogue', 'silent');

const postRoutes = async (app: Parameters<typeof request>[0]): Promise<string[]> =>
  ((await request(app).get('/routes').set(auth)).body as { method: string; path: string }[]).filter((r) => r.method === 'POST').map((r) => r.path);

describe('the endpoint catalogue', () => {
  it('lists each endpoint once, under its own name', () => {
    expect(ENDPOINTS.map((e) => e.path)).toEqual(ENDPOINTS.map((e) => `/${e.name}`));
    expect(new Set(ENDPOINTS.map((e) => e.name)).size).toBe(ENDPOINTS.length);
  });

  it('gives the OpenAPI document its API paths, and batch paths for the batchable ones', () => {
    const paths = Object.keys(buildOpenApiDocument({ version: '0.0.0' }).paths as object);
    const posts = paths.filter((p) => !['/health', '/ready', '/routes', '/metrics', '/openapi.json'].includes(p));
    expect(posts).toEqual([...ENDPOINTS.map((e) => e.path), ...BATCH_ENDPOINTS.map((e) => batchPath(e.name))]);
  });

  it('gives the gateway its routes and batch routes', async () => {
    const backend = createUpstream('rake-app', new URL('http://127.0.0.1:9'));
    const gateway = createGatewayApp({ ...settings, upstreamTimeoutMs: 1_000 }, { rake: backend, prose: backend }, logger);
    expect(await postRoutes(gateway)).toEqual(expect.arrayContaining([...ENDPOINTS.map((e) => e.path), ...BATCH_ENDPOINTS.map((e) => batchPath(e.name))]));
    expect(await postRoutes(gateway)).toHaveLength(ENDPOINTS.length + BATCH_ENDPOINTS.length);
  });

  it('gives each backend the routes of its endpoints', async () => {
    expect(await postRoutes(createRakeApp(settings, logger))).toEqual(endpointsOf('rake-app').map((e) => e.path));
    expect((await postRoutes(createProseApp(settings, { engine: undefined }, logger))).sort()).toEqual(endpointsOf('prose-app').map((e) => e.path).sort());
  });

  it('gives the CLI a command per endpoint', async () => {
    let usage = '';
    await main(['--help'], {}, { write: (chunk: string) => (usage += chunk) }, { write: () => undefined });
    for (const e of ENDPOINTS) expect(usage).toContain(e.name);
    expect(usage).toMatch(new RegExp(`<${ENDPOINTS.map((e) => e.name).join('\\|')}>`));
  });
});
