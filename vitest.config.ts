import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

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
    ],
  },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'services/*/test/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
