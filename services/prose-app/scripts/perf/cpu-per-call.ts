/**
 * CPU per engine call (process.cpuUsage) on the bench texts of one size, for each endpoint.
 *
 *   npx tsx services/prose-app/scripts/perf/cpu-per-call.ts [1KB] [seconds per endpoint]
 */
import { buildTexts, loadCorpus, type SizeName } from '@nlp-api/corpus';
import { loadNlpEngine } from '../../src/nlp/index.js';

const size = (process.argv[2] ?? '1KB') as SizeName;
const seconds = Number(process.argv[3] ?? 3);
const texts = buildTexts(loadCorpus('/work/shared/data')).texts[size];
const engine = loadNlpEngine();
const calls = { tokens: engine.tokens, entities: engine.entities, sentences: engine.sentences } as const;

for (const [name, f] of Object.entries(calls)) {
  for (let i = 0; i < 200; i++) JSON.stringify(f(texts[i % texts.length] as string));
  const before = process.cpuUsage();
  const until = performance.now() + seconds * 1000;
  let n = 0;
  while (performance.now() < until) {
    for (let k = 0; k < 20; k++, n++) JSON.stringify(f(texts[n % texts.length] as string));
  }
  const used = process.cpuUsage(before);
  console.log(`${name}\t${((used.user + used.system) / n).toFixed(0)} µs/call\t(${n} calls)`);
}
