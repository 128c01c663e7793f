/**
 * Writes every output of the tagger and the engine on the treebanks and the bench texts,
 * so two versions of the code can be compared byte for byte (cmp each file of two runs).
 *
 *   npx tsx services/prose-app/scripts/perf/snapshot.ts OUT_DIR
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildTexts, loadCorpus } from '@nlp-api/corpus';
import { loadPosTagger } from '@nlp-api/english';
import { loadNlpEngine } from '../../src/nlp/index.js';
import { readConllu } from '../eval/ud.js';
import { hintsFor } from '../eval/wink-hints.js';

const out = process.argv[2] ?? '/tmp/snap';
const only = process.argv[3];
mkdirSync(out, { recursive: true });
const data = '/work/shared/data';
const files: Record<string, string> = {
  'ewt-dev': `${data}/ud-en-ewt/en_ewt-ud-dev.conllu`,
  'gum-dev': `${data}/gum-ud/gum-permissive-dev.conllu`,
  'ewt-train': `${data}/ud-en-ewt/en_ewt-ud-train.conllu`,
  'gum-train': `${data}/gum-ud/gum-permissive-train.conllu`,
};
const tagger = loadPosTagger();
const engine = loadNlpEngine();

if (!only || only === 'bench') {
  const texts = buildTexts(loadCorpus(data)).texts;
  const lines: string[] = [];
  for (const [size, list] of Object.entries(texts)) {
    for (const text of list) {
      lines.push(`${size} tokens ${JSON.stringify(engine.tokens(text))}`);
      lines.push(`${size} entities ${JSON.stringify(engine.entities(text))}`);
      lines.push(`${size} sentences ${JSON.stringify(engine.sentences(text))}`);
    }
  }
  writeFileSync(join(out, 'bench.txt'), `${lines.join('\n')}\n`);
}
for (const [name, path] of Object.entries(files)) {
  if (only && only !== name) continue;
  const sentences = readConllu(path);
  const tagged: string[] = [];
  const e2e: string[] = [];
  for (const s of sentences) {
    const forms = s.words.map((w) => w.form);
    const withHints = tagger.tag(forms, hintsFor(s.text, s.words));
    const without = tagger.tag(forms);
    tagged.push(withHints.map((t, i) => `${forms[i]}\t${t.tag}\t${t.upos}\t${t.lemma}\t${without[i]?.tag}\t${without[i]?.upos}\t${without[i]?.lemma}`).join('\n'));
    e2e.push(JSON.stringify(engine.tokens(s.text)));
  }
  writeFileSync(join(out, `${name}.tagger.txt`), `${tagged.join('\n\n')}\n`);
  writeFileSync(join(out, `${name}.engine.txt`), `${e2e.join('\n')}\n`);
  console.log(name, sentences.length);
}
