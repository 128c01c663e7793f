import { describe, expect, it } from 'vitest';
import { DEFAULT_STOPWORDS, SMART_STOPLIST } from '../src/rake/index.js';

describe('SMART stoplist', () => {
  it('has the 571 entries of SmartStoplist.txt, "would" listed twice as in the source', () => {
    expect(SMART_STOPLIST).toHaveLength(571);
    expect(SMART_STOPLIST.filter((word) => word === 'would')).toHaveLength(2);
    expect(new Set(SMART_STOPLIST).size).toBe(570);
    expect(DEFAULT_STOPWORDS.size).toBe(570);
  });

  it('runs from "a" to "zero" in the source order, lower-case and trimmed', () => {
    expect(SMART_STOPLIST[0]).toBe('a');
    expect(SMART_STOPLIST[1]).toBe("a's");
    expect(SMART_STOPLIST.at(-1)).toBe('zero');
    for (const word of SMART_STOPLIST) expect(word).toMatch(/^[a-z']+$/);
  });

  it('cannot be modified at run time', () => {
    expect(Object.isFrozen(SMART_STOPLIST)).toBe(true);
  });
});
