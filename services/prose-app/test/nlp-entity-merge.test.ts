import { describe, expect, it } from 'vitest';
import { mergeEntities, type EntitySpan } from '../src/nlp/entity-merge.js';
import { iobLabels } from '../src/nlp/iob.js';

const named = (start: number, end: number, label: string): EntitySpan => ({ start, end, label, source: 'named' });
const pattern = (start: number, end: number, label: string): EntitySpan => ({ start, end, label, source: 'pattern' });

describe('mergeEntities', () => {
  it('keeps disjoint spans from both sources, sorted by start', () => {
    const merged = mergeEntities([named(20, 25, 'GPE'), named(0, 12, 'PERSON')], [pattern(30, 40, 'DATE')]);
    expect(merged.map((e) => [e.start, e.label])).toEqual([[0, 'PERSON'], [20, 'GPE'], [30, 'DATE']]);
  });

  it('lets a strictly longer pattern entity beat the named entity inside it', () => {
    // "12th March 2024": compromise may call "March" a person; the DATE covers it.
    const merged = mergeEntities([named(5, 10, 'PERSON')], [pattern(0, 15, 'DATE')]);
    expect(merged).toEqual([pattern(0, 15, 'DATE')]);
  });

  it('lets a longer named entity beat a shorter pattern entity', () => {
    const merged = mergeEntities([named(0, 13, 'GPE')], [pattern(4, 8, 'CARDINAL')]);
    expect(merged).toEqual([named(0, 13, 'GPE')]);
  });

  it('prefers the named entity when both spans are equally long', () => {
    const merged = mergeEntities([named(3, 9, 'ORGANIZATION')], [pattern(3, 9, 'DATE')]);
    expect(merged).toEqual([named(3, 9, 'ORGANIZATION')]);
  });

  it('lets structural pattern entities (mention, hashtag, url, email, emoji) beat any named entity', () => {
    const merged = mergeEntities([named(0, 4, 'PERSON'), named(10, 40, 'ORGANIZATION')], [pattern(0, 4, 'MENTION'), pattern(12, 20, 'URL')]);
    expect(merged).toEqual([pattern(0, 4, 'MENTION'), pattern(12, 20, 'URL')]);
  });

  it('resolves partial overlaps by length, then by earlier start', () => {
    const merged = mergeEntities([named(0, 6, 'PERSON'), named(4, 10, 'GPE')], []);
    expect(merged).toEqual([named(0, 6, 'PERSON')]);
    const longer = mergeEntities([named(0, 6, 'PERSON'), named(4, 14, 'GPE')], []);
    expect(longer).toEqual([named(4, 14, 'GPE')]);
  });

  it('breaks ties between equally long named entities as PERSON > ORGANIZATION > GPE > LOCATION', () => {
    const merged = mergeEntities([named(0, 5, 'LOCATION'), named(0, 5, 'GPE'), named(0, 5, 'PERSON')], []);
    expect(merged).toEqual([named(0, 5, 'PERSON')]);
  });

  it('is independent of input order and drops duplicates and empty spans', () => {
    const a = [named(0, 5, 'GPE'), named(3, 8, 'PERSON'), named(10, 10, 'PERSON')];
    const b = [pattern(2, 9, 'DATE'), pattern(2, 9, 'DATE')];
    const forward = mergeEntities(a, b);
    const backward = mergeEntities([...a].reverse(), [...b].reverse());
    expect(forward).toEqual(backward);
    expect(forward).toEqual([pattern(2, 9, 'DATE')]);
  });

  it('never returns overlapping spans for a dense random input', () => {
    let seed = 7;
    const rand = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const spans = (source: 'named' | 'pattern'): EntitySpan[] =>
      Array.from({ length: 200 }, () => {
        const start = rand(500);
        return { start, end: start + 1 + rand(20), label: source === 'named' ? 'PERSON' : 'DATE', source };
      });
    const merged = mergeEntities(spans('named'), spans('pattern'));
    for (let i = 1; i < merged.length; i++) expect(merged[i]!.start).toBeGreaterThanOrEqual(merged[i - 1]!.end);
  });
});

describe('iobLabels', () => {
  it('labels the first token of an entity B- and its continuation tokens I-', () => {
    const tokens = [{ start: 0, end: 6 }, { start: 7, end: 12 }, { start: 13, end: 20 }, { start: 21, end: 26 }, { start: 26, end: 27 }];
    const entities = [{ start: 0, end: 12, label: 'PERSON' }, { start: 21, end: 26, label: 'GPE' }];
    expect(iobLabels(tokens, entities)).toEqual(['B-PERSON', 'I-PERSON', 'O', 'B-GPE', 'O']);
  });

  it('starts a new B- label for adjacent entities of the same type', () => {
    const tokens = [{ start: 0, end: 6 }, { start: 8, end: 15 }];
    const entities = [{ start: 0, end: 6, label: 'GPE' }, { start: 8, end: 15, label: 'GPE' }];
    expect(iobLabels(tokens, entities)).toEqual(['B-GPE', 'B-GPE']);
  });

  it('labels a token that only partly overlaps an entity', () => {
    // entity "Apple Inc" while the token is "Inc."
    expect(iobLabels([{ start: 0, end: 5 }, { start: 6, end: 10 }], [{ start: 0, end: 9, label: 'ORGANIZATION' }])).toEqual([
      'B-ORGANIZATION',
      'I-ORGANIZATION',
    ]);
  });
});
