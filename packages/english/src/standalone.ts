/**
 * Tokens with tags for a whole text, without wink-nlp: UD tokenization, the sentence rule of
 * sentences.ts, and the perceptron trained without hints, sentence by sentence.
 */
import { splitSentences } from './sentences.js';
import { tagTokens, type TaggedToken } from './tag-tokens.js';
import { PosTagger } from './tagger/index.js';
import { loadModelFile, STANDALONE_MODEL_PATH } from './tagger/model-file.js';
import { udTokenize } from './ud-tokenizer/index.js';

export interface StandaloneToken extends TaggedToken {
  /** 0-based index of the token's sentence. */
  sentence: number;
}

/**
 * Loads the model trained without hints (models/pos-perceptron-standalone.bin unless `path` says
 * otherwise). A model trained with hints is refused: without them it tags about 2 points worse.
 */
export function loadStandaloneTagger(path: string | URL = STANDALONE_MODEL_PATH): PosTagger {
  const model = loadModelFile(path);
  const hints = (model.meta.options as Record<string, unknown> | undefined)?.hints;
  if (hints !== 'none') throw new Error(`${String(path)} was trained with hints (${String(hints)}); tagStandalone needs a model trained without them`);
  return new PosTagger(model);
}

/** Tokenizes, splits into sentences and tags `text`. Pure: no I/O, the tagger's model is loaded already. */
export function tagStandalone(tagger: PosTagger, text: string): StandaloneToken[] {
  const out: StandaloneToken[] = [];
  splitSentences(text, udTokenize(text)).forEach((sentence, k) => {
    for (const t of tagTokens(tagger, sentence)) {
      out.push({ text: t.text, start: t.start, end: t.end, kind: t.kind, tag: t.tag, upos: t.upos, lemma: t.lemma, sentence: k });
    }
  });
  return out;
}
