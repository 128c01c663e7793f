/**
 * Greedy left-to-right POS tagging with an averaged perceptron: each word is tagged from its own
 * features, its neighbours' and the two previous predicted tags. Frequent unambiguous words are
 * tagged from a dictionary without scoring. Linear in the number of words.
 */
import { START2_TAG, START_TAG, setTagFeatures, wordFeatures, wordInfo, type WordInfo } from './features.js';
import type { PerceptronModel } from './perceptron.js';

export interface TaggerModel {
  perceptron: PerceptronModel;
  /** Normalised word -> class index, for frequent words that (almost) always take one class. */
  tagDict: ReadonlyMap<string, number>;
  /** Normalised word -> the tags it was seen with in training (a feature of the word and its neighbours). */
  ambiguity: ReadonlyMap<string, string>;
}

/** Class indexes for the words of one sentence (or any stretch of text; sentences just reset the context). */
export function tagClasses(model: TaggerModel, forms: readonly string[], hints?: readonly string[]): number[] {
  const infos: WordInfo[] = forms.map((f, i) => wordInfo(f, model.ambiguity, hints?.[i] ?? ''));
  const classes = model.perceptron.classes;
  const out: number[] = [];
  let prev1 = START_TAG;
  let prev2 = START2_TAG;
  for (let i = 0; i < infos.length; i++) {
    const info = infos[i] as WordInfo;
    let c = model.tagDict.get(info.norm);
    if (c === undefined) c = model.perceptron.predict(setTagFeatures(wordFeatures(infos, i), infos, i, prev1, prev2));
    out.push(c);
    prev2 = prev1;
    prev1 = classes[c] as string;
  }
  return out;
}

