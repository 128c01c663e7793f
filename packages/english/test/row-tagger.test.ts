import { describe, expect, it } from 'vitest';
import { seededRandom } from '../src/random.js';
import { loadModelFile } from '../src/tagger/model-file.js';
import { RowTagger } from '../src/tagger/row-tagger.js';
import { tagClasses } from '../src/tagger/tagger.js';

const model = loadModelFile();

const sentences: Array<[string[], string[] | undefined]> = [
  ['The', 'well-known', 'U.S.', 'firm', 'said', 'on', 'Monday', 'it', 'would', "n't", 'buy', '3.5', 'million', 'shares', '.'],
  ['i', 'cant', 'believe', 'its', 'already', '2024', '!!', ':)', 'see', 'https://example.com/help'],
  ['Angela'],
  ['Zürich', 'naïve', 'x'.repeat(40), '-', '😀', '東京'],
].map((forms, k) => [forms, k % 2 === 0 ? forms.map((_, i) => ['NOUN', '~VERB+', '?', ''][i % 4] as string) : undefined]);

describe('RowTagger', () => {
  it('gives the classes tagClasses gives, with and without hints, on first and repeated sight of the words', () => {
    const tagger = new RowTagger(model);
    for (let pass = 0; pass < 2; pass++) {
      for (const [forms, hints] of sentences) expect(tagger.classes(forms, hints)).toEqual(tagClasses(model, forms, hints));
      for (const [forms] of sentences) expect(tagger.classes(forms)).toEqual(tagClasses(model, forms));
    }
  });

  it('stays the same once its caches have filled up and been emptied', () => {
    const tagger = new RowTagger(model);
    const random = seededRandom(7);
    const word = (): string => Array.from({ length: 3 + Math.floor(random() * 6) }, () => 'abcdefghijklmnopqrstuvwxyzAE-'[Math.floor(random() * 29)]).join('');
    for (let call = 0; call < 8; call++) {
      const forms = Array.from({ length: 2500 }, word);
      const hints = forms.map((_, i) => `h${call * 2500 + i}`);
      expect(tagger.classes(forms, hints)).toEqual(tagClasses(model, forms, hints));
    }
  });
});
