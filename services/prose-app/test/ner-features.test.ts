import { describe, expect, it } from 'vitest';
import { sentenceCase, sentenceFeatures, shortShape, wordShape } from '../src/nlp/ner/features.js';
import { Gazetteer, GAZETTEER_FORMAT } from '../src/nlp/ner/gazetteer.js';

const gazetteer = new Gazetteer({
  format: GAZETTEER_FORMAT,
  source: 'test',
  lists: { first: ['angela', 'tim'], city: ['berlin', 'new york', 'new york city'], org: ['goldman sachs'] },
});

describe('word shapes', () => {
  it.each([
    ['Obama', 'Xxxxx', 'Xx'],
    ['Angela', 'Xxxxx', 'Xx'],
    ['U.S.', 'X.X.', 'X.X.'],
    ['2024', 'dddd', 'd'],
    ['McDonald', 'XxXxxxx', 'XxXx'],
    ['iPhone', 'xXxxxx', 'xXx'],
    ['1,200.50', 'd,ddd.dd', 'd,d.d'],
    ['Zürich', 'Xxxxx', 'Xx'],
    ['@tim', '@xxx', '@x'],
    ['😀', 'E', 'E'],
    ['東京', 'LL', 'L'],
  ])('%s -> %s / %s', (word, long, short) => {
    expect(wordShape(word)).toBe(long);
    expect(shortShape(word)).toBe(short);
  });
});

describe('sentenceCase', () => {
  it('tells prose, lower-case chat, headlines and shouting apart', () => {
    expect(sentenceCase('Angela Merkel met the press in Berlin today .'.split(' '))).toBe('mixed');
    expect(sentenceCase('i went to see taylor swift in london last night'.split(' '))).toBe('lower');
    expect(sentenceCase('Stocks Fall As Investors Fear New Rate Rise'.split(' '))).toBe('title');
    expect(sentenceCase('WE ARE SO EXCITED FOR TONIGHT'.split(' '))).toBe('caps');
    expect(sentenceCase(['Hi', '!'])).toBe('mixed');
  });
});

describe('sentenceFeatures', () => {
  it('gives the window, shape, UPOS and gazetteer features of a token', () => {
    const tokens = [
      { text: 'Angela', upos: 'PROPN' },
      { text: 'met', upos: 'VERB' },
      { text: 'Goldman', upos: 'PROPN' },
      { text: 'Sachs', upos: 'PROPN' },
    ];
    const [first, , goldman] = sentenceFeatures(tokens, gazetteer);
    expect(first).toEqual(
      expect.arrayContaining(['b', 'w=Angela', 'l=angela', 's=Xx', 'S=Xxxxx', 'u=PROPN', 'first|s=Xx', 'l-1=<s>', 'l+1=met', 'u+1=VERB', 'p2=an', 'x3=ela', 'g=first', 'g|s=first|Xx']),
    );
    expect(goldman).toEqual(
      expect.arrayContaining(['l=goldman', 'l-1=met', 'l+1=sachs', 'l+2=</s>', 'l-2=angela', 'l-1|l=met|goldman', 's-1|s|s+1=x|Xx|Xx', 'G=B-org', 'u-1|u=VERB|PROPN']),
    );
    expect(goldman).not.toContain('first|s=Xx');
  });

  it('works without UPOS or gazetteer, and on an empty sentence', () => {
    const [f] = sentenceFeatures([{ text: 'Paris' }]);
    expect(f).toEqual(expect.arrayContaining(['u=X', 'l=paris', 'l-1=<s>', 'l+1=</s>']));
    expect(f?.some((x) => x.startsWith('g'))).toBe(false);
    expect(sentenceFeatures([])).toEqual([]);
  });
});

describe('Gazetteer', () => {
  it('finds one-word entries, whole spans and the longest multi-word match', () => {
    expect(gazetteer.listsOfWord('Berlin')).toEqual(['city']);
    expect(gazetteer.listsOfWord('Paris')).toEqual([]);
    expect(gazetteer.listsOfSpan(['New', 'York'])).toEqual(['city']);
    expect(gazetteer.phraseTags(['in', 'New', 'York', 'City', 'today'])).toEqual([undefined, 'B-city', 'I-city', 'I-city', undefined]);
    expect(gazetteer.phraseTags(['New', 'Jersey'])).toEqual([undefined, undefined]);
  });

  it('rejects an unknown file format', () => {
    expect(() => new Gazetteer({ format: 'other', source: '', lists: {} })).toThrow(/format/);
  });
});
