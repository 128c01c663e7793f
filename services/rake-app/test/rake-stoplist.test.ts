import { describe, expect, it } from 'vitest';
import { DEFAULT_STOPWORDS, FOX_STOPLIST, FOX_STOPWORDS, SMART_STOPLIST } from '../src/rake/index.js';

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

describe('Fox stoplist', () => {
  it('has the 421 words Fox (1989) reports, distinct, lower-case, frozen', () => {
    expect(FOX_STOPLIST).toHaveLength(421);
    expect(new Set(FOX_STOPLIST).size).toBe(421);
    expect(FOX_STOPWORDS.size).toBe(421);
    for (const word of FOX_STOPLIST) expect(word).toMatch(/^[a-z]+$/);
    expect(Object.isFrozen(FOX_STOPLIST)).toBe(true);
  });

  it('is RAKE’s FoxStoplist.txt, in its order, less the four words the 1994 Verity copy lacks', () => {
    expect(FOX_STOPLIST[0]).toBe('a');
    expect(FOX_STOPLIST.at(-1)).toBe('z');
    // Nearly alphabetical, as in the source: "because" before "became", "herself" before "here".
    expect(FOX_STOPLIST.indexOf('because')).toBeLessThan(FOX_STOPLIST.indexOf('became'));
    for (const word of ['asked', 'asking', 'asks', 'grouped']) expect(FOX_STOPWORDS.has(word)).toBe(false);
    // Fox's inflected families and single letters, which his finite-state filter stops cheaply.
    for (const word of ['ask', 'group', 'grouping', 'groups', 'numbered', 'numbering', 'numbers', 'wells', 'b', 'q'])
      expect(FOX_STOPWORDS.has(word), word).toBe(true);
  });

  it('shares most but not all of its words with SMART', () => {
    const shared = FOX_STOPLIST.filter((word) => DEFAULT_STOPWORDS.has(word));
    expect(shared.length).toBeGreaterThan(200);
    expect(shared.length).toBeLessThan(421);
    expect(DEFAULT_STOPWORDS.has('numbers')).toBe(false);
  });
});
