import { describe, expect, it } from 'vitest';
import { alignPieces, locate, trimSpan } from '../src/nlp/offsets.js';

describe('alignPieces', () => {
  it('places pieces in order with a moving cursor, across any whitespace', () => {
    const text = 'ca n\'t\n\tgo  home';
    const spans = alignPieces(text, ['ca', "n't", 'go', 'home']);
    expect(spans.map((s) => (s ? text.slice(s.start, s.end) : null))).toEqual(['ca', "n't", 'go', 'home']);
  });

  it('finds repeated words at their own occurrence, not the first one', () => {
    const spans = alignPieces('the cat and the dog', ['the', 'cat', 'and', 'the', 'dog']);
    expect(spans[3]).toEqual({ start: 12, end: 15 });
  });

  it('reports a piece missing from the text as null and keeps going', () => {
    expect(alignPieces('a b', ['a', 'zzz', 'b'])).toEqual([{ start: 0, end: 1 }, null, { start: 2, end: 3 }]);
  });
});

describe('locate', () => {
  it('does not search past its window', () => {
    const text = `${'x'.repeat(1000)}needle`;
    expect(locate(text, 'needle', 0, 100)).toBe(-1);
    expect(locate(text, 'needle', 990, 100)).toBe(1000);
  });
});

describe('trimSpan', () => {
  it('removes surrounding whitespace and returns null for a blank span', () => {
    expect(trimSpan('  ab \n', { start: 0, end: 6 })).toEqual({ start: 2, end: 4 });
    expect(trimSpan(' \t ', { start: 0, end: 3 })).toBeNull();
  });
});
