/**
 * Evaluates `tagStandalone` of @nlp-api/english (UD tokenizer, its own sentence rule, the model trained
 * without hints; no wink-nlp) on whole documents of the EWT and GUM dev splits.
 *
 *   npm run eval:standalone                          # shipped standalone model
 *   npm run eval:standalone -- --model=/tmp/m.bin    # another model file trained with --no-hints
 *   npm run eval:standalone -- --errors              # also sentence boundaries missed and added
 *
 * Each document is rebuilt as running text (sentences joined by a space, EWT's paragraphs by a blank
 * line; GUM marks no paragraphs) and tagged in one call. Prints token F1 and XPOS/UPOS/lemma accuracy
 * end to end (a gold word counts as right only if a token has exactly its span and the right tag), and
 * precision/recall of sentence starts (not counting the start of each document).
 * Data: $NLP_DATA_DIR or <repo>/../shared/data; if missing, prints SKIP and exits 0.
 */
import { loadStandaloneTagger, STANDALONE_MODEL_PATH, tagStandalone, type StandaloneToken } from '@nlp-api/english';
import { endToEnd, pct, scoreTokens } from './token-score.js';
import { datasetFile, documents, readConllu, type DatasetName } from './ud.js';

const arg = (name: string): string | undefined => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const flag = (name: string): boolean => process.argv.includes(`--${name}`);

const splits: DatasetName[] = ['ewt-dev', 'gum-dev'];
const available = splits.filter((s) => datasetFile(s) !== null);
if (available.length === 0) {
  console.log('SKIP: no dev data found (set NLP_DATA_DIR or put shared/data beside the checkout); nothing evaluated.');
  process.exit(0);
}

const modelPath = arg('model') ?? STANDALONE_MODEL_PATH;
const tagger = loadStandaloneTagger(modelPath);
console.log(`model ${String(modelPath)}`);
tagStandalone(tagger, 'Warm up.');

/** Offsets where a sentence other than the first starts. */
function starts(tokens: readonly StandaloneToken[]): Set<number> {
  const out = new Set<number>();
  for (let i = 1; i < tokens.length; i++) if ((tokens[i] as StandaloneToken).sentence !== (tokens[i - 1] as StandaloneToken).sentence) out.add((tokens[i] as StandaloneToken).start);
  return out;
}

for (const name of available) {
  const docs = documents(readConllu(datasetFile(name) as string));
  const t0 = performance.now();
  const outputs = docs.map(({ doc }) => tagStandalone(tagger, doc.text));
  const ms = performance.now() - t0;
  const sentences = docs.map(({ doc }) => doc);
  const words = sentences.reduce((n, s) => n + s.words.length, 0);
  const tokenCount = outputs.reduce((n, o) => n + o.length, 0);
  console.log(`\n${name}: ${docs.length} documents, ${docs.reduce((n, d) => n + d.sentenceStarts.length, 0)} sentences, ${words} words`);

  const tok = scoreTokens(sentences, outputs);
  console.log(`  tokens: P ${pct(tok.matched, tok.predicted)}  R ${pct(tok.matched, tok.gold)}  F1 ${(100 * tok.f1).toFixed(2)}`);
  const e2e = endToEnd(sentences, outputs);
  console.log(
    `  tagStandalone end to end: XPOS ${pct(e2e.xpos, e2e.words)}  UPOS ${pct(e2e.upos, e2e.words)}  lemma ${pct(e2e.lemma, e2e.words)}  ` +
      `(${Math.round((tokenCount / ms) * 1000)} tokens/s)`,
  );

  let gold = 0;
  let predicted = 0;
  let matched = 0;
  const missed: string[] = [];
  const added: string[] = [];
  docs.forEach(({ doc, sentenceStarts }, k) => {
    const want = new Set(sentenceStarts.slice(1));
    const got = starts(outputs[k] ?? []);
    gold += want.size;
    predicted += got.size;
    const around = (at: number): string => JSON.stringify(`${doc.text.slice(Math.max(0, at - 30), at)}|${doc.text.slice(at, at + 20)}`);
    for (const at of got) if (want.has(at)) matched++; else added.push(around(at));
    for (const at of want) if (!got.has(at)) missed.push(around(at));
  });
  console.log(`  sentence starts: P ${pct(matched, predicted)}  R ${pct(matched, gold)}  (${predicted} predicted, ${gold} gold, ${matched} right)`);
  if (flag('errors')) {
    console.log(`  missed (${missed.length}):\n    ${missed.slice(0, 40).join('\n    ')}`);
    console.log(`  added (${added.length}):\n    ${added.slice(0, 40).join('\n    ')}`);
  }
}
