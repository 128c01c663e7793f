/**
 * Scores the trained recogniser and the compromise-based one on every dev split, with exact span
 * match on PER / LOC (GPE + LOCATION) / ORG, and measures load time, memory and speed.
 *
 *   npm run eval:ner                          # the shipped model
 *   npm run eval:ner -- --model /tmp/m.json   # another weights file
 *   npm run eval:ner -- --errors /tmp/e.tsv   # also write every false positive / negative
 *
 * Systems (all read the sentence text, as the API does, except "gold tokens"):
 *  - perceptron: the engine's tokens and UPOS (wink-nlp) -> the trained recogniser;
 *  - perceptron, gold tokens: the corpus tokens with the engine's UPOS (the model alone, no tokeniser error);
 *  - compromise: the previous recogniser (named-entities.ts) on the same text.
 * Gold and predicted entities touching an @mention, #hashtag, URL or e-mail are left out (the API
 * reports those as MENTION / HASHTAG / URL / EMAIL whatever a recogniser says); the BTC line
 * "incl. structural" keeps them.
 */
import { writeFileSync } from 'node:fs';
import v8 from 'node:v8';
import vm from 'node:vm';
import { loadNlpEngine } from '../../src/nlp/engine.js';
import { loadPerceptronRecognizer, type PerceptronRecognizer } from '../../src/nlp/ner/recognizer.js';
import { groupBySentence } from '../../src/nlp/sentences.js';
import { CORPORA, dataDir, loadCorpus, type CorpusName } from './data.js';
import { createPipeline } from './pipeline.js';
import { prepare, type Prepared } from './prepare.js';
import { addScore, admissible, emptyScore, goldEntities, macroF1, merge, micro, prf, TYPES, type CharEntity, type Score } from './scoring.js';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const pct = (x: number): string => (100 * x).toFixed(1);

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

function measureLoad(modelPath: string | undefined): { recognizer: PerceptronRecognizer; ms: number; heapMb: number } {
  gc();
  const before = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
  const t0 = performance.now();
  const recognizer = loadPerceptronRecognizer(modelPath ? { modelPath } : {});
  const ms = performance.now() - t0;
  gc();
  const after = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
  return { recognizer, ms, heapMb: (after - before) / 1024 / 1024 };
}

type System = 'perceptron' | 'perceptron, gold tokens' | 'compromise';
const SYSTEMS: System[] = ['perceptron', 'perceptron, gold tokens', 'compromise'];

function predict(system: System, p: Prepared, recognizer: PerceptronRecognizer, pipeline: ReturnType<typeof createPipeline>): CharEntity[] {
  const s = p.sentence;
  if (system === 'compromise') return pipeline.compromiseEntities(s.text, p.analysis.sentences);
  if (system === 'perceptron') return recognizer.recognise(groupBySentence(p.analysis.tokens, p.analysis.sentences));
  return recognizer.spans(p.tokens).map((e) => ({ start: s.spans[e.start]!.start, end: s.spans[e.end - 1]!.end, label: e.type }));
}

async function main(): Promise<void> {
  if (!dataDir()) {
    console.log('SKIP: NER data not found (set NLP_DATA_DIR or put shared/data beside the checkout); nothing evaluated.');
    return;
  }
  const modelPath = arg('--model');
  const errorsPath = arg('--errors');
  const { recognizer, ms, heapMb } = measureLoad(modelPath);
  const meta = JSON.stringify((recognizer.model as unknown as { meta?: unknown }).meta ?? {});
  console.log(`model: ${modelPath ?? 'models/ner-perceptron.json'}, ${recognizer.model.rows.size} features; load ${ms.toFixed(0)} ms, +${heapMb.toFixed(1)} MB heap ${meta === '{}' ? '' : meta}\n`);

  const pipeline = createPipeline();
  const scores = new Map<string, Score>();
  const errors: string[] = [];
  const btcAll = new Map<System, Score>();
  for (const corpus of CORPORA) {
    const prepared = prepare(loadCorpus(corpus, 'dev'), pipeline);
    if (prepared.length === 0) continue;
    for (const system of SYSTEMS) {
      const score = emptyScore();
      const withStructural = emptyScore();
      for (const p of prepared) {
        const predicted = predict(system, p, recognizer, pipeline);
        const gold = goldEntities(p.sentence);
        const pred = admissible(p.sentence, predicted);
        addScore(score, gold, pred);
        if (corpus === 'btc') addScore(withStructural, goldEntities(p.sentence, true), admissible(p.sentence, predicted, true));
        if (errorsPath && system === 'perceptron') {
          const key = (e: CharEntity): string => `${e.start}:${e.end}:${e.label}`;
          const pk = new Set(pred.map(key));
          const gk = new Set(gold.map(key));
          const show = (e: CharEntity): string => `${e.label}\t${p.sentence.text.slice(e.start, e.end)}`;
          for (const g of gold) if (!pk.has(key(g))) errors.push(`${corpus}\tFN\t${show(g)}\t${p.sentence.text}`);
          for (const q of pred) if (!gk.has(key(q))) errors.push(`${corpus}\tFP\t${show(q)}\t${p.sentence.text}`);
        }
      }
      scores.set(`${corpus}|${system}`, score);
      if (corpus === 'btc') btcAll.set(system, withStructural);
    }
  }
  if (errorsPath) writeFileSync(errorsPath, `${errors.join('\n')}\n`);

  console.log('F1 % by type (P / R for micro), exact span match, dev splits:\n');
  console.log('| corpus | system | PER | LOC | ORG | micro F1 (P / R) | macro F1 |');
  console.log('|---|---|---:|---:|---:|---:|---:|');
  const pooled = new Map<System, Score>(SYSTEMS.map((s) => [s, emptyScore()]));
  const corpusMacro = new Map<System, number[]>(SYSTEMS.map((s) => [s, []]));
  const row = (name: string, system: string, score: Score): string => {
    const m = prf(micro(score));
    return `| ${name} | ${system} | ${TYPES.map((t) => pct(prf(score[t]).f)).join(' | ')} | ${pct(m.f)} (${pct(m.p)} / ${pct(m.r)}) | ${pct(macroF1(score))} |`;
  };
  for (const corpus of CORPORA) {
    for (const system of SYSTEMS) {
      const score = scores.get(`${corpus}|${system}`);
      if (!score) continue;
      merge(pooled.get(system) as Score, score);
      corpusMacro.get(system)?.push(prf(micro(score)).f);
      console.log(row(corpus, system, score));
    }
    if (corpus === 'btc') for (const system of SYSTEMS) console.log(row('btc incl. structural', system, btcAll.get(system) ?? emptyScore()));
  }
  for (const system of SYSTEMS) console.log(row('**all (pooled)**', system, pooled.get(system) as Score));
  console.log('\nMacro over corpora (mean of the per-corpus micro F1):');
  for (const system of SYSTEMS) {
    const fs = corpusMacro.get(system) ?? [];
    console.log(`  ${system}: ${pct(fs.reduce((a, b) => a + b, 0) / Math.max(1, fs.length))}`);
  }
  console.log('\nGold entity counts (structural ones left out):', CORPORA.map((c) => {
    const s = scores.get(`${c}|perceptron`);
    return s ? `${c} ${TYPES.map((t) => `${t} ${s[t].tp + s[t].fn}`).join(' ')}` : '';
  }).join('; '));

  // Speed: the engine's /tokens and /entities on ~1 KB of real English (GUM dev text), side by side.
  const gum = loadCorpus('gum-ner', 'dev').map((s) => s.text);
  let text = '';
  for (const t of gum.slice(40)) {
    if (text.length + t.length > 1024) break;
    text += (text ? ' ' : '') + t;
  }
  const engine = loadNlpEngine();
  const rate = (f: (t: string) => unknown): number => {
    for (let i = 0; i < 20; i++) f(text);
    let n = 0;
    const t0 = performance.now();
    while (performance.now() - t0 < 2000) {
      f(text);
      n++;
    }
    return (n * 1000) / (performance.now() - t0);
  };
  const analysis = pipeline.analyse(text);
  const groups = groupBySentence(analysis.tokens, analysis.sentences);
  const tokensRate = rate((t) => engine.tokens(t));
  const entitiesRate = rate((t) => engine.entities(t));
  const sentencesRate = rate((t) => engine.sentences(t));
  const nerRate = rate(() => recognizer.recognise(groups));
  console.log(`\nSpeed on ${text.length} characters (${analysis.tokens.length} tokens) of GUM dev text, calls per second:`);
  console.log(`  engine.tokens ${tokensRate.toFixed(0)}, engine.entities ${entitiesRate.toFixed(0)} (${(entitiesRate / tokensRate).toFixed(2)} x tokens), ` +
    `engine.sentences (wink only) ${sentencesRate.toFixed(0)}, recogniser alone ${nerRate.toFixed(0)} (${((nerRate * analysis.tokens.length) / 1000).toFixed(0)}k tokens/s)`);
  for (const size of [10_000, 100_000]) {
    const big = text.repeat(Math.ceil(size / text.length)).slice(0, size);
    const t0 = performance.now();
    engine.entities(big);
    console.log(`  engine.entities on ${size / 1000} KB: ${(performance.now() - t0).toFixed(0)} ms`);
  }
}

await main();
