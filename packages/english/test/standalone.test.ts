import { describe, expect, it } from 'vitest';
import { DEFAULT_MODEL_PATH, loadStandaloneTagger, splitSentences, tagStandalone, udTokenize } from '../src/index.js';

const sentences = (text: string): string[] => splitSentences(text, udTokenize(text)).map((s) => s.map((t) => t.text).join(' '));

describe('sentence rule', () => {
  it('ends a sentence at . ! ? before an upper-case word, a number, a quote or a bracket', () => {
    expect(sentences('It rained. We stayed in! Did you? 2010 was worse. "Why?" (Nobody knows.) Fine...Next')).toEqual([
      'It rained .', 'We stayed in !', 'Did you ?', '2010 was worse .', '" Why ? "', '( Nobody knows . )', 'Fine ...', 'Next',
    ]);
  });

  it('keeps a lower-case word after a period in the sentence, but not after ! or ?', () => {
    expect(sentences('It was approx. ten. why would you? those dogs bite! really')).toEqual([
      'It was approx. ten . why would you ?', 'those dogs bite !', 'really',
    ]);
  });

  it('never splits at abbreviations or numbers', () => {
    expect(sentences('Mr. Smith paid $3.50 in the U.S. on Monday.')).toEqual(['Mr. Smith paid $ 3.50 in the U.S. on Monday .']);
  });

  it('keeps closing quotes and brackets glued to the end, and a reference mark', () => {
    expect(sentences('He said "no." She left. It ended in 1805. [19] His lack')).toEqual([
      'He said " no . "', 'She left .', 'It ended in 1805 . [ 19 ]', 'His lack',
    ]);
  });

  it('ends a sentence at a blank line, not at a single line break', () => {
    expect(sentences('Introduction\n\nResearch has shown\nmuch.\n \nthe end')).toEqual(['Introduction', 'Research has shown much .', 'the end']);
  });

  it('gives no sentence for a text without tokens', () => {
    expect(splitSentences('  \n ', udTokenize('  \n '))).toEqual([]);
  });
});

describe('tagStandalone', () => {
  const tagger = loadStandaloneTagger();

  it('tags a short text with offsets, kinds, lemmas and sentence numbers', () => {
    const text = "The cats sat on the mat. They didn't move 👍";
    const tokens = tagStandalone(tagger, text);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(tokens.map((t) => `${t.text}/${t.tag}/${t.upos}/${t.lemma}/${t.sentence}`)).toEqual([
      'The/DT/DET/the/0', 'cats/NNS/NOUN/cat/0', 'sat/VBD/VERB/sit/0', 'on/IN/ADP/on/0', 'the/DT/DET/the/0', 'mat/NN/NOUN/mat/0', '././PUNCT/./0',
      'They/PRP/PRON/they/1', 'did/VBD/AUX/do/1', "n't/RB/PART/not/1", 'move/VB/VERB/move/1', '👍/NFP/SYM/👍/1',
    ]);
    expect(tokens[0]).toEqual({ text: 'The', start: 0, end: 3, kind: 'word', tag: 'DT', upos: 'DET', lemma: 'the', sentence: 0 });
    expect(tokens.at(-1)?.kind).toBe('emoji');
  });

  it('returns nothing for an empty text', () => {
    expect(tagStandalone(tagger, '')).toEqual([]);
  });

  it('loads a model trained without hints, and refuses the one trained with them', () => {
    expect(tagger.model.meta.options).toMatchObject({ hints: 'none' });
    expect(String(tagger.model.meta.licence)).toMatch(/CC BY-SA 4\.0/);
    expect(() => loadStandaloneTagger(DEFAULT_MODEL_PATH)).toThrow(/trained with hints/);
  });
});
