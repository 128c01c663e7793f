/**
 * Load time and per-call latency of the NLP engine for 1 KB to 100 KB of English text.
 *
 *   npx tsx services/prose-app/scripts/bench-engine.ts
 */
import { loadNlpEngine } from '../src/nlp/index.js';

const PARAGRAPH =
  'President Bush on Tuesday nominated two individuals to replace retiring jurists on federal courts in the Washington area. ' +
  "I can't believe the hotel charged us $45.50 for breakfast; email complaints@example.com or see https://example.com/help. " +
  'Angela Merkel met executives from Microsoft in Berlin, Germany on March 5, 2024, and shares rose 20% by 5:30 pm. ' +
  'The kids loved the trip to the Rocky Mountains :) and we will go back next summer with 3 friends. ';

const t0 = performance.now();
const engine = loadNlpEngine();
console.log(`loadNlpEngine: ${(performance.now() - t0).toFixed(0)} ms`);

console.log('| size | tokens() ms | entities() ms | sentences() ms |');
console.log('|---:|---:|---:|---:|');
for (const size of [1_000, 10_000, 100_000]) {
  const text = PARAGRAPH.repeat(Math.ceil(size / PARAGRAPH.length)).slice(0, size);
  const reps = size <= 1_000 ? 50 : size <= 10_000 ? 10 : 3;
  const time = (f: (t: string) => unknown): string => {
    f(text);
    const start = performance.now();
    for (let i = 0; i < reps; i++) f(text);
    return ((performance.now() - start) / reps).toFixed(1);
  };
  console.log(`| ${size / 1000} KB | ${time(engine.tokens)} | ${time(engine.entities)} | ${time(engine.sentences)} |`);
}
