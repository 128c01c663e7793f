import { describe, expect, it } from 'vitest';
import { compromiseChunks } from '../scripts/ner/compromise-recogniser.js';

describe('compromiseChunks', () => {
  it('packs whole sentences into chunks no longer than the limit', () => {
    const text = 'One two. Three four. Five six.';
    const sentences = [{ start: 0, end: 8 }, { start: 9, end: 20 }, { start: 21, end: 30 }];
    expect(compromiseChunks(text, sentences, 20)).toEqual([{ start: 0, end: 20 }, { start: 21, end: 30 }]);
  });

  it('cuts an over-long sentence at whitespace, and never inside a surrogate pair', () => {
    const words = 'alpha beta gamma delta '.repeat(20).trim();
    const chunks = compromiseChunks(words, [{ start: 0, end: words.length }], 50);
    for (const c of chunks) {
      expect(c.end - c.start).toBeLessThanOrEqual(50);
      expect(words[c.end] === undefined || words[c.end] === ' ').toBe(true);
    }
    expect(chunks.at(-1)!.end).toBe(words.length);
    const emoji = '😀'.repeat(40);
    for (const c of compromiseChunks(emoji, [{ start: 0, end: emoji.length }], 25)) {
      expect(c.start % 2).toBe(0);
      expect(c.end % 2).toBe(0);
    }
  });
});
