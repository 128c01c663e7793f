import { describe, expect, it } from 'vitest';
import { groupCandidates, nounPhrases, surfaceForm, toWords, type TaggedToken } from '../src/keyphrase/index.js';
import { DEFAULT_STOPWORDS } from '../src/rake/index.js';

/** Tokens from "word/TAG" pairs separated by spaces, "|" marking a token glued to the previous one; "//" starts a sentence. */
function tagged(spec: string): { text: string; tokens: TaggedToken[] } {
  let text = '';
  let sentence = 0;
  const tokens: TaggedToken[] = [];
  for (const item of spec.split(' ')) {
    if (item === '//') {
      sentence++;
      continue;
    }
    const glued = item.startsWith('|');
    const [form, tag, lemma] = (glued ? item.slice(1) : item).split('/') as [string, string, string?];
    if (text.length > 0 && !glued) text += ' ';
    tokens.push({ text: form, start: text.length, end: text.length + form.length, tag, lemma: lemma ?? form.toLowerCase(), sentence });
    text += form;
  }
  return { text, tokens };
}

const isStop = (w: string) => DEFAULT_STOPWORDS.has(w);

function phrasesOf(spec: string): string[] {
  const { text, tokens } = tagged(spec);
  const words = toWords(text, tokens, isStop);
  return groupCandidates(words, nounPhrases(words)).map((c) => surfaceForm(text, words, c));
}

describe('noun-phrase candidates', () => {
  it('are adjectives followed by nouns, ending at the last noun', () => {
    expect(phrasesOf('the/DT global/JJ system/NN of/IN linear/JJ Diophantine/NNP equations/NNS/equation is/VBZ strict/JJ ./.')).toEqual([
      'global system',
      'linear Diophantine equations',
    ]);
  });

  it('start again after a noun when an adjective follows it', () => {
    expect(phrasesOf('computer/NN science/NN related/JJ work/NN')).toEqual(['computer science', 'related work']);
  });

  it('keep a hyphenated compound whole, as one word', () => {
    const { text, tokens } = tagged('real/JJ |-/HYPH |time/NN systems/NNS/system and/CC state/NN |-/HYPH |of/IN |-/HYPH |the/DT |-/HYPH |art/NN methods/NNS/method');
    const words = toWords(text, tokens, isStop);
    expect(words.map((w) => w.text)).toEqual(['real-time', 'systems', 'and', 'state-of-the-art', 'methods']);
    expect(words.map((w) => w.lemma)).toEqual(['real-time', 'system', 'and', 'state-of-the-art', 'method']);
    expect(groupCandidates(words, nounPhrases(words)).map((c) => surfaceForm(text, words, c))).toEqual(['real-time systems', 'state-of-the-art methods']);
  });

  it('keep a compound with a number when it has a word ("COVID-19 vaccines"), but never a bare number', () => {
    expect(phrasesOf('COVID/NNP |-/HYPH |19/CD vaccines/NNS/vaccine cost/VBD 5/CD million/CD in/IN 2019/CD')).toEqual(['COVID-19 vaccines']);
  });

  it('keep a participle that modifies a noun, but not a verb ("interconnected computer networks")', () => {
    expect(phrasesOf('interconnected/VBN computer/NN networks/NNS/network were/VBD interconnected/VBN ./.')).toEqual(['interconnected computer networks']);
    expect(phrasesOf('the/DT training/VBG data/NNS was/VBD based/VBN on/IN learning/VBG rates/NNS/rate')).toEqual(['training data', 'rates']);
    expect(phrasesOf('by/IN using/VBG neural/JJ networks/NNS/network')).toEqual(['neural networks']);
  });

  it('never make a verb alone, or an adjective alone, a keyphrase', () => {
    expect(phrasesOf('Angela/NNP Merkel/NNP met/VBD Apple/NNP in/IN Berlin/NNP ./. // It/PRP is/VBZ cheap/JJ ./.')).toEqual(['Angela Merkel', 'Apple', 'Berlin']);
  });

  it('split at a possessive, keeping the owner and the owned', () => {
    expect(phrasesOf("Apple/NNP |'s/POS new/JJ iPhone/NNP")).toEqual(['Apple', 'iPhone']);
  });

  it('leave out dates and stop words ("3 May 2019", "other methods"), but not proper nouns ("New York")', () => {
    expect(phrasesOf('on/IN 3/CD May/NNP 2019/CD other/JJ methods/NNS/method and/CC several/JJ values/NNS/value')).toEqual(['methods', 'values']);
    expect(phrasesOf('New/NNP York/NNP')).toEqual(['New York']);
  });

  it('never cross a sentence boundary', () => {
    expect(phrasesOf('fast/JJ // cars/NNS/car')).toEqual(['cars']);
  });

  it('group inflections by lemma, written as first met inside a sentence', () => {
    const { text, tokens } = tagged('Neural/JJ networks/NNS/network learn/VBP ./. // A/DT neural/JJ network/NN is/VBZ a/DT neural/JJ network/NN');
    const words = toWords(text, tokens, isStop);
    const candidates = groupCandidates(words, nounPhrases(words));
    expect(candidates.map((c) => [c.key, c.occurrences.length])).toEqual([['neural network', 3]]);
    expect(surfaceForm(text, words, candidates[0]!)).toBe('neural network');
  });

  it('lower a sentence-initial capital only on common words', () => {
    expect(phrasesOf('Networks/NNS/network fail/VBP ./. // Apple/NNP fails/VBZ')).toEqual(['networks', 'Apple']);
  });
});
