/**
 * Compares Penn Treebank taggers on UD English-EWT (XPOS column).
 *
 *   npx tsx services/prose-app/scripts/eval-tagger.ts [dev|train] [--errors]
 *
 * Each candidate runs on the raw `# text` of each sentence; its tokens are aligned to the gold
 * tokens by character offsets. A gold token without an exactly matching predicted span counts as wrong.
 */
import { readConllu, datasetPath, type GoldSentence } from './conllu.js';
import { buildCandidates, type Candidate, type Tagged } from './tagger-candidates.js';

const split = process.argv.includes('train') ? 'train' : 'dev';
const showErrors = process.argv.includes('--errors');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);

const path = datasetPath(`en_ewt-ud-${split}.conllu`);
if (path === null) {
  console.log(`SKIP: en_ewt-ud-${split}.conllu not found (set UD_EWT_DIR or put shared/data/ud-en-ewt beside the checkout); nothing evaluated.`);
  process.exit(0);
}

interface Result {
  name: string;
  gold: number;
  predicted: number;
  exactSpans: number;
  correctRaw: number;
  correct: number;
  seconds: number;
  loadMs: number;
}

function evaluate(candidate: Candidate, sentences: GoldSentence[], confusion: Map<string, number>): Result {
  const r: Result = { name: candidate.name, gold: 0, predicted: 0, exactSpans: 0, correctRaw: 0, correct: 0, seconds: 0, loadMs: candidate.loadMs };
  const outputs: Tagged[][] = [];
  const t0 = process.hrtime.bigint();
  for (const s of sentences) outputs.push(candidate.tag(s.text));
  r.seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  sentences.forEach((s, k) => {
    const predicted = outputs[k] ?? [];
    r.predicted += predicted.length;
    const bySpan = new Map<string, Tagged>();
    for (const p of predicted) bySpan.set(`${p.start}:${p.end}`, p);
    for (const g of s.tokens) {
      r.gold++;
      const p = g.start < 0 ? undefined : bySpan.get(`${g.start}:${g.end}`);
      if (!p) continue;
      r.exactSpans++;
      if (p.rawTag === g.xpos) r.correctRaw++;
      if (p.tag === g.xpos) r.correct++;
      else if (showErrors) {
        const key = `${g.xpos}->${p.tag}`;
        confusion.set(key, (confusion.get(key) ?? 0) + 1);
      }
    }
  });
  return r;
}

const pct = (a: number, b: number): string => (b === 0 ? '-' : ((100 * a) / b).toFixed(2));

const sentences = readConllu(path);
const goldCount = sentences.reduce((n, s) => n + s.tokens.length, 0);
const unplaced = sentences.reduce((n, s) => n + s.tokens.filter((t) => t.start < 0).length, 0);
console.log(`${split}: ${sentences.length} sentences, ${goldCount} gold tokens (${unplaced} not placeable in the text)\n`);

const candidates = buildCandidates().filter((c) => !only || c.name.includes(only));
const rows: Result[] = [];
for (const c of candidates) {
  c.tag('Warm up the tagger before timing it.');
  const confusion = new Map<string, number>();
  const r = evaluate(c, sentences, confusion);
  rows.push(r);
  if (showErrors) {
    const top = [...confusion.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25);
    console.log(`${c.name} top confusions (gold->predicted): ${top.map(([k, v]) => `${k} ${v}`).join(', ')}\n`);
  }
}

console.log('| candidate | boundary recall % | boundary precision % | Penn acc. all gold % | Penn acc. matched % | raw-tag acc. all gold % | tokens/s | load ms |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rows) {
  console.log(
    `| ${r.name} | ${pct(r.exactSpans, r.gold)} | ${pct(r.exactSpans, r.predicted)} | ${pct(r.correct, r.gold)} | ${pct(r.correct, r.exactSpans)} | ${pct(r.correctRaw, r.gold)} | ${Math.round(r.gold / r.seconds).toLocaleString('en-US')} | ${Math.round(r.loadMs)} |`,
  );
}
