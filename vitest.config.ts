import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * The stages: whole systems and outside tools (network namespaces, Chromium, the CloudFormation and IAM
 * tools, a Docker engine, `npm start` itself). `npm run test:stages` runs them; `npm test` runs the rest.
 */
const STAGES = ['test/docker/**/*.test.ts', 'test/netns/**/*.test.ts', 'test/browser/**/*.test.ts', 'test/cloudformation/**/*.test.ts', 'test/start-local.test.ts'];

export default defineConfig({
  resolve: {
    // Tests run against the packages' TypeScript sources, so they never see a stale build.
    alias: [
      { find: /^@nlp-api\/english$/, replacement: fileURLToPath(new URL('./packages/english/src/index.ts', import.meta.url)) },
      { find: /^@nlp-api\/english\/training$/, replacement: fileURLToPath(new URL('./packages/english/src/training.ts', import.meta.url)) },
      { find: /^@nlp-api\/service-kit$/, replacement: fileURLToPath(new URL('./packages/service-kit/src/index.ts', import.meta.url)) },
      { find: /^@nlp-api\/api-schema$/, replacement: fileURLToPath(new URL('./packages/api-schema/src/index.ts', import.meta.url)) },
      { find: /^@nlp-api\/corpus$/, replacement: fileURLToPath(new URL('./packages/corpus/src/index.ts', import.meta.url)) },
      { find: /^@nlp-api\/service-kit\/probe$/, replacement: fileURLToPath(new URL('./packages/service-kit/src/probe.ts', import.meta.url)) },
      { find: /^@nlp-api\/service-kit\/settings$/, replacement: fileURLToPath(new URL('./packages/service-kit/src/settings/index.ts', import.meta.url)) },
      ...['nlp-client', 'rake-app', 'prose-app'].map((service) => ({
        find: new RegExp(`^@nlp-api/${service}/settings$`),
        replacement: fileURLToPath(new URL(`./services/${service}/src/settings.ts`, import.meta.url)),
      })),
    ],
  },
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Both projects keep vitest's default workers (one on a 2-core machine): with two, the files that start the
    // real services compete for the cores, and the adversarial test's 5 s upstream bound was missed.
    projects: [
      {
        extends: true,
        test: {
          name: 'fast',
          include: ['packages/*/test/**/*.test.ts', 'services/*/test/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: ['**/node_modules/**', ...STAGES],
        },
      },
      {
        extends: true,
        test: { name: 'stages', include: STAGES },
      },
    ],
  },
});
