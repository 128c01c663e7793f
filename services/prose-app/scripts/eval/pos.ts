/**
 * Evaluates the UD tokenizer and the POS tagger on the dev splits of UD English-EWT and GUM.
 *
 *   npm run eval:pos                          # shipped model, EWT dev + GUM dev
 *   npm run eval:pos -- --model=/tmp/m.json   # another model file
 *   npm run eval:pos -- --engine              # also the whole engine (loadNlpEngine().tokens) end to end
 *   npm run eval:pos -- --errors              # top tokenization differences and tag confusions
 *
 * Prints, per split: token precision/recall/F1 (exact character spans against the gold words; multi-word
 * tokens count as their words), XPOS/UPOS/lemma accuracy on gold tokens and end to end (on our own
 * tokens: a gold word counts as right only if a predicted token has exactly its span and the right
 * tag), plus model size, load time, memory and tagging speed. Accuracy is reported, never asserted.
 * Data: $NLP_DATA_DIR or <repo>/../shared/data; if missing, prints SKIP and exits 0.
 */
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DEFAULT_MODEL_PATH, loadPosTagger, udTokenize } from '@nlp-api/english';
import { endToEnd, pct, scoreTokens, tokenDiffs, type Counts } from './token-score.js';
import { datasetFile, readConllu, type DatasetName, type UdSentence } from './ud.js';
import { hintsFor } from './wink-hints.js';

const arg = (name: string): string | undefined => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const flag = (name: string): boolean => process.argv.includes(`--${name}`);

const modelPath = arg('model') ?? fileURLToPath(DEFAULT_MODEL_PATH);
const splits: DatasetName[] = ['ewt-dev', 'gum-dev'];
const available = splits.filter((s) => datasetFile(s) !== null);
if (available.length === 0) {
  console.log('SKIP: no dev data found (set NLP_DATA_DIR or put shared/data beside the checkout); nothing evaluated.');
  process.exit(0);
}

// Model: size, load time, memory.
global.gc?.();
const memory = (): number => process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
const heapBefore = memory();
const t0 = performance.now();
const tagger = loadPosTagger(modelPath);
const loadMs = performance.now() - t0;
global.gc?.();
const heapMb = (memory() - heapBefore) / 1e6;
const sizeMb = statSync(modelPath).size / 1e6;
const usesHints = String((tagger.model.meta.options as Record<string, unknown> | undefined)?.hints ?? 'none') !== 'none';
console.log(`model ${modelPath}`);
console.log(
  `  ${sizeMb.toFixed(2)} MB on disk, ${tagger.model.perceptron.featureCount} features, ${tagger.model.perceptron.weightCount} weights; ` +
    `load ${loadMs.toFixed(0)} ms; memory +${heapMb.toFixed(0)} MB (heap + array buffers)${global.gc ? '' : ' (approximate: run node with --expose-gc for an exact figure)'}; ` +
    `hints: ${usesHints ? 'wink-nlp' : 'none'}`,
);

async function evaluateSplit(name: DatasetName, sentences: UdSentence[]): Promise<void> {
  const words = sentences.reduce((n, s) => n + s.words.length, 0);
  console.log(`\n${name}: ${sentences.length} sentences, ${words} words`);

  // Tokens.
  const tokT0 = performance.now();
  const predicted = sentences.map((s) => udTokenize(s.text));
  const tokMs = performance.now() - tokT0;
  const tok = scoreTokens(sentences, predicted);
  console.log(
    `  tokens: P ${pct(tok.matched, tok.predicted)}  R ${pct(tok.matched, tok.gold)}  F1 ${(100 * tok.f1).toFixed(2)}  ` +
      `(${tok.predicted} predicted, ${tok.gold} gold, ${tok.matched} exact; ${Math.round((tok.predicted / tokMs) * 1000)} tokens/s)`,
  );

  // Gold tokens.
  const goldHints = usesHints ? sentences.map((s) => hintsFor(s.text, s.words)) : sentences.map(() => undefined);
  const gold: Counts = { words: 0, xpos: 0, upos: 0, lemma: 0 };
  const confusion = new Map<string, number>();
  tagger.tag(['Warm', 'up', '.']);
  const tagT0 = performance.now();
  const goldTags = sentences.map((s, k) => tagger.tag(s.words.map((w) => w.form), goldHints[k]));
  const tagMs = performance.now() - tagT0;
  sentences.forEach((s, k) => {
    s.words.forEach((w, i) => {
      const t = goldTags[k]?.[i];
      gold.words++;
      if (!t) return;
      if (t.tag === w.xpos) gold.xpos++;
      else confusion.set(`${w.xpos}->${t.tag}`, (confusion.get(`${w.xpos}->${t.tag}`) ?? 0) + 1);
      if (t.upos === w.upos) gold.upos++;
      if (t.lemma === w.lemma) gold.lemma++;
    });
  });
  console.log(
    `  gold tokens: XPOS ${pct(gold.xpos, gold.words)}  UPOS ${pct(gold.upos, gold.words)}  lemma ${pct(gold.lemma, gold.words)}  ` +
      `(tagger ${Math.round((gold.words / tagMs) * 1000)} words/s, hints precomputed)`,
  );

  // End to end on our tokens.
  const e2e = endToEnd(sentences, predicted.map((tokens, k) => {
    const s = sentences[k] as UdSentence;
    const forms = tokens.map((t) => t.text);
    const tags = tagger.tag(forms, usesHints ? hintsFor(s.text, tokens) : undefined);
    return tokens.map((t, i) => ({ start: t.start, end: t.end, ...(tags[i] as { tag: string; upos: string; lemma: string }) }));
  }));
  console.log(`  end to end (UD tokenizer + tagger): XPOS ${pct(e2e.xpos, e2e.words)}  UPOS ${pct(e2e.upos, e2e.words)}  lemma ${pct(e2e.lemma, e2e.words)}`);

  if (flag('engine')) await engineEndToEnd(sentences);

  if (flag('errors')) {
    const diffs = [...tokenDiffs(sentences, predicted)].sort((a, b) => b[1] - a[1]).slice(0, 25);
    console.log(`  token differences: ${diffs.map(([k, v]) => `${v}× ${k}`).join('\n    ')}`);
    const top = [...confusion].sort((a, b) => b[1] - a[1]).slice(0, 25);
    console.log(`  XPOS confusions (gold->predicted): ${top.map(([k, v]) => `${k} ${v}`).join(', ')}`);
  }
}

async function engineEndToEnd(sentences: readonly UdSentence[]): Promise<void> {
  const { loadNlpEngine } = await import('../../src/nlp/engine.js');
  const engine = loadNlpEngine();
  engine.tokens('Warm up the engine.');
  const t = performance.now();
  const outputs = sentences.map((s) => engine.tokens(s.text));
  const ms = performance.now() - t;
  const c = endToEnd(sentences, outputs);
  const n = outputs.reduce((a, o) => a + o.length, 0);
  console.log(`  engine.tokens() end to end: XPOS ${pct(c.xpos, c.words)}  UPOS ${pct(c.upos, c.words)}  lemma ${pct(c.lemma, c.words)}  (${Math.round((n / ms) * 1000)} tokens/s, sentence by sentence, NER included)`);
}

for (const name of available) await evaluateSplit(name, readConllu(datasetFile(name) as string));
