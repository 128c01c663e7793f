import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import express, { Router, type RequestHandler } from 'express';

const PUBLIC_DIR = fileURLToPath(new URL('../public', import.meta.url));
// Only the folder is needed: the package's main module would load its 1.7 MB browser bundle into
// node (0.3-0.4 s of start-up and about 39 MB).
const swaggerUiDir = (createRequire(import.meta.url)('swagger-ui-dist/absolute-path.js') as () => string)();

/**
 * The pages a person opens in a browser are served from this gateway and npm packages only: the
 * policy forbids every other origin, inline scripts and framing.
 */
export const PAGE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const withPageHeaders: RequestHandler = (_req, res, next) => {
  res.setHeader('Content-Security-Policy', PAGE_CSP);
  res.setHeader('Cache-Control', 'no-cache');
  next();
};

const DOCS_HTML = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>NLP API reference</title>
  <link rel="icon" href="data:,">
  <link rel="stylesheet" href="/docs/assets/swagger-ui.css">
  <script src="/docs/assets/swagger-ui-bundle.js" defer></script>
  <script src="/docs/init.js" defer></script>
</head>
<body><div id="swagger-ui"></div></body>
</html>
`;

// swagger-ui needs its options in a script; inline scripts are forbidden, so it is a file of its own.
const DOCS_INIT = `window.addEventListener('load', () => {
  window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#swagger-ui', deepLinking: true, persistAuthorization: false });
});
`;

export function pagesRouter(openapi: unknown): Router {
  const router = Router();
  router.get('/openapi.json', (_req, res) => {
    res.json(openapi);
  });
  router.get('/', withPageHeaders, (_req, res) => {
    res.sendFile('index.html', { root: PUBLIC_DIR });
  });
  router.use('/playground', withPageHeaders, express.static(PUBLIC_DIR, { index: false }));
  router.get('/docs', withPageHeaders, (_req, res) => {
    res.type('html').send(DOCS_HTML);
  });
  router.get('/docs/init.js', withPageHeaders, (_req, res) => {
    res.type('js').send(DOCS_INIT);
  });
  router.use('/docs/assets', withPageHeaders, express.static(swaggerUiDir, { index: false }));
  return router;
}
