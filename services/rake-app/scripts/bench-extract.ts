/**
 * In-process timing of extractKeywords (or extractYakeKeywords) per KB at 10 KB and 100 KB, on the
 * texts the benchmark uses (scripts/bench/corpus.ts, EWT dev), plus the size and cost of
 * JSON.stringify of the answers, which the HTTP endpoint adds.
 *
 *   npx tsx services/rake-app/scripts/bench-extract.ts [rake|yake] [rounds] [module]
 *
 * `module` (e.g. a copy of an older src/rake/index.ts) replaces this package's own rake or yake
 * index, to compare versions. The two sizes are measured in alternating rounds of ~250 ms; each
 * reports its fastest round (least disturbed by other processes on a shared machine) and the mean
 * over all rounds, in CPU time. Pin it to one core (`taskset -c 1`) to count garbage collection as
 * a one-core service pays for it.
 */
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildTexts, dataDir, loadCorpus, SIZES } from '@nlp-api/corpus';

const algorithm = process.argv[2] === 'yake' ? 'yake' : 'rake';
const rounds = Number(process.argv[3] ?? 9);
const module = process.argv[4] === undefined ? `../src/${algorithm}/index.js` : pathToFileURL(resolve(process.argv[4])).href;
const exports = (await import(module)) as Record<string, (text: string, options: object) => unknown[]>;
const extractFn = exports[algorithm === 'yake' ? 'extractYakeKeywords' : 'extractKeywords'];
if (extractFn === undefined) throw new Error(`${module} exports no extract function for ${algorithm}`);
const extract = (text: string): unknown[] => extractFn(text, {});

const root = join(import.meta.dirname, '..', '..', '..');
const sizes = SIZES.filter((size) => size.name === '10KB' || size.name === '100KB');
const { texts } = buildTexts(loadCorpus(dataDir(process.env, root)), sizes);
const small = texts['10KB'];
const large = texts['100KB'];

const kilobytes = (list: readonly string[]): number => list.reduce((sum, text) => sum + Buffer.byteLength(text), 0) / 1000;

/**
 * CPU milliseconds per KB of one round: calls over every text of `list` for at least `budget` ms.
 * CPU time of the whole process (garbage collection threads included), not wall time, so that
 * other processes taking the core do not count.
 */
function round(list: readonly string[], step: (text: string) => unknown, budget = 250): number {
  let passes = 0;
  const start = performance.now();
  const cpu = process.cpuUsage();
  do {
    for (const text of list) step(text);
    passes += 1;
  } while (performance.now() - start < budget);
  const used = process.cpuUsage(cpu);
  return (used.user + used.system) / 1000 / passes / kilobytes(list);
}

interface Timing {
  fastest: number;
  mean: number;
}

/** Fastest and mean round of each size, the sizes alternating. */
function compare(step: (text: string) => unknown): [Timing, Timing] {
  round(small, step, 500);
  round(large, step, 500);
  const times: [number[], number[]] = [[], []];
  for (let i = 0; i < rounds; i++) {
    times[0].push(round(small, step));
    times[1].push(round(large, step));
  }
  const timing = (list: number[]): Timing => ({
    fastest: Math.min(...list),
    mean: list.reduce((a, b) => a + b, 0) / list.length,
  });
  return [timing(times[0]), timing(times[1])];
}

const show = (label: string, [a, b]: [Timing, Timing]): void => {
  for (const key of ['fastest', 'mean'] as const) {
    const perKb = (timing: Timing): string => `${timing[key].toFixed(4)} ms/KB`;
    const growth = (b[key] / a[key]).toFixed(2);
    console.log(`${algorithm} ${label.padEnd(18)} ${key.padEnd(7)} 10KB ${perKb(a)}  100KB ${perKb(b)}  growth ${growth}x`);
  }
};

show('extract', compare(extract));
show('extract+stringify', compare((text) => JSON.stringify(extract(text))));
// JSON.stringify alone, of answers computed beforehand (still per KB of text).
const answers = new Map([...small, ...large].map((text) => [text, extract(text)]));
show('stringify only', compare((text) => JSON.stringify(answers.get(text))));
for (const [name, list] of [['10KB', small], ['100KB', large]] as const) {
  const keywords = list.reduce((sum, text) => sum + (answers.get(text)?.length ?? 0), 0) / list.length;
  const bytes = list.reduce((sum, text) => sum + Buffer.byteLength(JSON.stringify(answers.get(text))), 0) / list.length;
  const textKb = (kilobytes(list) / list.length).toFixed(1);
  console.log(`${algorithm} ${name}: ${textKb} KB text, ${keywords} keywords, ${bytes} bytes of JSON (means)`);
}
