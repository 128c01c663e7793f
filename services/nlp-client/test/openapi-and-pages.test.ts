import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, KEYWORD_ALGORITHMS, RECOMMENDED_KEYWORD_ALGORITHM } from '@nlp-api/api-schema';
import { createLogger } from '@nlp-api/service-kit';
import { createGatewayApp } from '../src/app.js';
import { PAGE_CSP } from '../src/pages.js';
import { createUpstream } from '../src/upstream.js';

const app = createGatewayApp(
  { auth: { keys: ['k'] }, maxTextBytes: 1_000, upstreamTimeoutMs: 1_000 },
  { rake: createUpstream('rake-app', new URL('http://127.0.0.1:1')), prose: createUpstream('prose-app', new URL('http://127.0.0.1:1')) },
  createLogger('openapi-test', 'silent'),
);

describe('GET /openapi.json', () => {
  it('serves an OpenAPI 3.1 document without a key', async () => {
    const res = await request(app).get('/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    expect(res.body.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('documents every route that /routes lists, with its method', async () => {
    const document = (await request(app).get('/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
    const routes = (await request(app).get('/routes').set('Authorization', 'Bearer k')).body as { method: string; path: string }[];
    expect(routes.length).toBeGreaterThan(10);
    for (const route of routes) expect(document.paths[route.path], route.path).toHaveProperty(route.method.toLowerCase());
  });

  it('resolves every $ref to a component schema', async () => {
    const text = (await request(app).get('/openapi.json')).text;
    const document = JSON.parse(text) as { components: { schemas: Record<string, unknown> } };
    for (const [, id] of text.matchAll(/"#\/components\/schemas\/([A-Za-z]+)"/g)) expect(document.components.schemas).toHaveProperty(id!);
  });

  it.each(Object.entries(EXAMPLES))('has an example %s that its schema accepts', (_name, example) => {
    expect(example.schema.safeParse(example.value).success).toBe(true);
  });

  it('embeds those examples in the document', async () => {
    const document = (await request(app).get('/openapi.json')).body;
    expect(document.paths['/keywords'].post.requestBody.content['application/json'].example).toEqual(EXAMPLES.keywordsRequest.value);
    expect(document.paths['/keywords'].post.responses['200'].content['application/json'].example).toEqual(EXAMPLES.keywordsResponse.value);
  });
});

describe('the pages', () => {
  it('serves the playground at / with a strict Content-Security-Policy and its assets', async () => {
    const page = await request(app).get('/');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.headers['content-security-policy']).toBe(PAGE_CSP);
    expect(page.text).toContain('<script type="module" src="/playground/playground.js"></script>');
    expect(page.text).not.toMatch(/https?:\/\//);
    for (const asset of ['/playground/playground.js', '/playground/playground.css']) {
      const res = await request(app).get(asset);
      expect(res.status, asset).toBe(200);
      expect(res.text).not.toMatch(/https?:\/\/(?!localhost)/);
    }
  });

  it('offers every keywords algorithm in the playground, starting on the recommended one', async () => {
    const page = (await request(app).get('/')).text;
    const options = [...page.matchAll(/<option value="([a-z]+)"( selected)?>([^<]+)<\/option>/g)].map(([, value, selected, label]) => ({ value, selected, label }));
    expect(options.map((o) => o.value).sort()).toEqual([...KEYWORD_ALGORITHMS].sort());
    expect(options.filter((o) => o.selected).map((o) => o.value)).toEqual([RECOMMENDED_KEYWORD_ALGORITHM]);
    expect(options[0]).toMatchObject({ value: 'positionrank', label: 'PositionRank — short texts (recommended)' });
    expect(page).toContain('<select id="algorithm" name="algorithm">');
  });

  it('serves the API reference at /docs from the swagger-ui-dist package, offline', async () => {
    const page = await request(app).get('/docs');
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toBe(PAGE_CSP);
    expect((await request(app).get('/docs/assets/swagger-ui-bundle.js')).status).toBe(200);
    expect((await request(app).get('/docs/assets/swagger-ui.css')).status).toBe(200);
    expect((await request(app).get('/docs/init.js')).text).toContain("url: '/openapi.json'");
  });

  it('answers a missing asset with 404', async () => {
    expect((await request(app).get('/playground/nope.js')).status).toBe(404);
  });
});
