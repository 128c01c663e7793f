/**
 * Trains the POS tagger and writes packages/english/models/pos-perceptron.bin.
 *
 *   npm run train:pos                     # EWT train + GUM train, wink hints (the shipped model)
 *   npm run train:pos -- --no-gum         # EWT train only
 *   npm run train:pos -- --no-hints --out=packages/english/models/pos-perceptron-standalone.bin
 *                                         # without wink-nlp's hints (the shipped standalone model)
 *   npm run train:pos -- --out=/tmp/m.json --iterations=8 --min-weight=0 --decimals=3   # unpruned
 *
 * Deterministic: fixed seed, fixed shuffles, sorted output. Data: $NLP_DATA_DIR or
 * <repo>/../shared/data (UD English-EWT r2.16, GUM V11.1.0 permissive genres); if the data is
 * missing the script prints SKIP and exits 0. Only train splits are read (dev is for scripts/eval/pos.ts).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_MODEL_PATH, serialiseModel, type PosModel } from '@nlp-api/english';
import { learnLemmaExceptions, trainTagger, DEFAULT_TRAIN_OPTIONS, type TrainingSentence } from '@nlp-api/english/training';
import { datasetFile, readConllu, type DatasetName, type UdSentence } from './eval/ud.js';
import { hintsFor } from './eval/wink-hints.js';

const arg = (name: string): string | undefined => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const flag = (name: string): boolean => process.argv.includes(`--${name}`);

const useGum = !flag('no-gum');
const useHints = !flag('no-hints');
const iterations = Number(arg('iterations') ?? DEFAULT_TRAIN_OPTIONS.iterations);
const minWeight = Number(arg('min-weight') ?? 1);
const decimals = Number(arg('decimals') ?? 1);
const shippedModel = fileURLToPath(DEFAULT_MODEL_PATH);
const out = resolve(arg('out') ?? shippedModel);

/** The command that wrote this model, for its metadata (the output path as given, when it is not the default). */
function reproduce(): string {
  const flags = [...(useGum ? [] : ['--no-gum']), ...(useHints ? [] : ['--no-hints']), ...process.argv.filter((a) => /^--(?:iterations|min-weight|decimals|out)=/.test(a))];
  return `npm run train:pos${flags.length > 0 ? ` -- ${flags.join(' ')}` : ''}`;
}

const names: DatasetName[] = useGum ? ['ewt-train', 'gum-train'] : ['ewt-train'];
const files = names.map((n) => [n, datasetFile(n)] as const);
const missing = files.filter(([, f]) => f === null).map(([n]) => n);
if (missing.length > 0) {
  console.log(`SKIP: training data not found (${missing.join(', ')}); set NLP_DATA_DIR or put shared/data beside the checkout. Nothing trained.`);
  process.exit(0);
}

const t0 = performance.now();
const sentences: UdSentence[] = files.flatMap(([, f]) => readConllu(f as string));
const training: TrainingSentence[] = sentences.map((s) => ({
  forms: s.words.map((w) => w.form),
  labels: s.words.map((w) => `${w.xpos}|${w.upos}`),
  ...(useHints ? { hints: hintsFor(s.text, s.words) } : {}),
}));
const words = training.reduce((n, s) => n + s.forms.length, 0);
console.log(`training on ${names.join(' + ')}: ${sentences.length} sentences, ${words} words${useHints ? ', with wink hints' : ''}`);

const tagger = trainTagger(training, {
  iterations,
  minWeight,
  decimals,
  onEpoch: (epoch, accuracy) => console.log(`  epoch ${epoch}: ${(100 * accuracy).toFixed(2)} % of training words right, ${((performance.now() - t0) / 1000).toFixed(0)} s`),
});

const lemmaVocabulary = new Set<string>();
for (const s of sentences) for (const w of s.words) if (/^(?:VB|JJ|RB)/.test(w.xpos) && /^[a-z]+$/.test(w.lemma)) lemmaVocabulary.add(w.lemma);
const lemmaExceptions = learnLemmaExceptions(sentences.flatMap((s) => s.words.map((w) => [w.form, w.xpos, w.lemma] as const)), lemmaVocabulary, 1);

const model: PosModel = {
  ...tagger,
  lemmaExceptions,
  lemmaVocabulary,
  meta: {
    description: useHints
      ? 'Averaged perceptron POS tagger (joint Penn|UPOS labels) and lemma exceptions for prose-app'
      : 'Averaged perceptron POS tagger (joint Penn|UPOS labels) and lemma exceptions, trained without hints (for use without wink-nlp)',
    licence: 'CC BY-SA 4.0 (derived from UD English-EWT r2.16, CC BY-SA 4.0; see ATTRIBUTION.md beside this file)',
    trainedOn: names.map((n) => (n === 'ewt-train' ? 'UD_English-EWT r2.16 en_ewt-ud-train.conllu' : 'GUM V11.1.0 permissive genres, train split')),
    options: { iterations, seed: DEFAULT_TRAIN_OPTIONS.seed, minWeight, decimals, hints: useHints ? 'wink-nlp UPOS' : 'none' },
    reproduce: reproduce(),
  },
};
const bytes = serialiseModel(model, decimals);
writeFileSync(out, bytes);
// A model written beside the shipped one is meant to ship: its licence must be stated there.
const attribution = join(dirname(out), 'ATTRIBUTION.md');
if (dirname(out) === dirname(shippedModel) && !(existsSync(attribution) && readFileSync(attribution, 'utf8').includes(basename(out)))) {
  console.warn(`WARNING: ${attribution} has no section on ${basename(out)}; the weights are CC BY-SA 4.0 and must say so.`);
}
console.log(
  `wrote ${out}: ${(bytes.length / 1e6).toFixed(2)} MB, ${tagger.perceptron.featureCount} features, ` +
    `${tagger.perceptron.weightCount} weights, ${tagger.tagDict.size} dictionary words, ${lemmaExceptions.size} lemma exceptions, ` +
    `${((performance.now() - t0) / 1000).toFixed(0)} s`,
);
