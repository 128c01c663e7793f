import { describe, expect, it } from 'vitest';
import { iobToSpans, parseTag, spansToIob } from '../src/nlp/ner/iob-spans.js';

describe('iobToSpans', () => {
  it('turns well-formed BIO tags into token spans', () => {
    expect(iobToSpans(['B-PER', 'I-PER', 'O', 'B-LOC', 'O'])).toEqual([
      { start: 0, end: 2, type: 'PER' },
      { start: 3, end: 4, type: 'LOC' },
    ]);
  });

  it('starts a new entity at every B-, even right after one of the same type', () => {
    expect(iobToSpans(['B-LOC', 'B-LOC', 'I-LOC'])).toEqual([
      { start: 0, end: 1, type: 'LOC' },
      { start: 1, end: 3, type: 'LOC' },
    ]);
  });

  it('treats a malformed I- (at the start, after O, or after another type) as the start of an entity', () => {
    expect(iobToSpans(['I-ORG', 'I-ORG', 'O', 'I-PER', 'B-LOC', 'I-PER'])).toEqual([
      { start: 0, end: 2, type: 'ORG' },
      { start: 3, end: 4, type: 'PER' },
      { start: 4, end: 5, type: 'LOC' },
      { start: 5, end: 6, type: 'PER' },
    ]);
  });

  it('closes an entity at the end of the sentence and ignores unknown tags', () => {
    expect(iobToSpans(['O', 'B-ORG', 'I-ORG'])).toEqual([{ start: 1, end: 3, type: 'ORG' }]);
    expect(iobToSpans(['X', 'B-', '-'])).toEqual([]);
    expect(iobToSpans([])).toEqual([]);
  });

  it('round-trips through spansToIob, which also repairs malformed input', () => {
    const tags = ['B-PER', 'I-PER', 'O', 'B-LOC', 'B-LOC', 'I-LOC', 'O'];
    expect(spansToIob(tags.length, iobToSpans(tags))).toEqual(tags);
    expect(spansToIob(3, iobToSpans(['O', 'I-ORG', 'I-ORG']))).toEqual(['O', 'B-ORG', 'I-ORG']);
  });

  it('parses tags', () => {
    expect(parseTag('B-GPE')).toEqual(['B', 'GPE']);
    expect(parseTag('I-creative-work')).toEqual(['I', 'creative-work']);
    expect(parseTag('O')).toEqual(['O', '']);
  });
});
