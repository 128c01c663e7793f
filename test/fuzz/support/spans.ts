/** Invariants of the offsets prose-app returns, checked against the text the client sent. */
import { expect } from 'vitest';

export interface SpanItem {
  text: string;
  start: number;
  end: number;
}

export interface TokenItem extends SpanItem {
  tag: string;
  label: string;
}

export interface EntityItem extends SpanItem {
  label: string;
}

const ENTITY_LABELS = new Set([
  'PERSON', 'ORGANIZATION', 'GPE', 'LOCATION', 'DATE', 'TIME', 'DURATION', 'MONEY', 'PERCENT', 'CARDINAL', 'ORDINAL', 'EMAIL', 'URL',
  'HASHTAG', 'MENTION', 'EMOJI', 'EMOTICON',
]);

const show = (text: string): string => JSON.stringify(text.length > 400 ? `${text.slice(0, 400)}…(${text.length} chars)` : text);

/**
 * Every item is a non-empty half-open UTF-16 range [start, end) inside the text that slices to
 * exactly its own `text`; items come in text order and never overlap.
 */
export function expectSpansSliceText(kind: string, text: string, items: unknown): asserts items is SpanItem[] {
  expect(Array.isArray(items), `${kind}: not an array for ${show(text)}`).toBe(true);
  let previousEnd = 0;
  for (const [i, item] of (items as SpanItem[]).entries()) {
    const what = `${kind}[${i}] ${JSON.stringify(item)} of ${show(text)}`;
    expect(typeof item.text, what).toBe('string');
    expect(Number.isInteger(item.start) && Number.isInteger(item.end), what).toBe(true);
    expect(item.start, `${what}: starts before the previous item ends`).toBeGreaterThanOrEqual(previousEnd);
    expect(item.start, `${what}: empty or inverted`).toBeLessThan(item.end);
    expect(item.end, `${what}: past the end of the text`).toBeLessThanOrEqual(text.length);
    expect(text.slice(item.start, item.end), `${what}: does not slice the text`).toBe(item.text);
    previousEnd = item.end;
  }
}

const BLANK = /^[\s\p{Cf}]*$/u;

export function expectTokensWellFormed(text: string, tokens: unknown): asserts tokens is TokenItem[] {
  expectSpansSliceText('tokens', text, tokens);
  for (const token of tokens as TokenItem[]) {
    const what = `${JSON.stringify(token)} of ${show(text)}`;
    expect(BLANK.test(token.text), `blank token ${what}`).toBe(false);
    expect(token.tag, what).toMatch(/^\S+$/);
    expect(token.label, what).toMatch(/^(O|[BI]-[A-Z]+)$/);
  }
}

export function expectSentencesWellFormed(text: string, sentences: unknown): asserts sentences is SpanItem[] {
  expectSpansSliceText('sentences', text, sentences);
  for (const sentence of sentences as SpanItem[]) {
    expect(sentence.text, `sentence with surrounding whitespace ${JSON.stringify(sentence)} of ${show(text)}`).toBe(sentence.text.trim());
  }
}

export function expectEntitiesWellFormed(text: string, entities: unknown): asserts entities is EntityItem[] {
  expectSpansSliceText('entities', text, entities);
  for (const entity of entities as EntityItem[]) {
    expect(ENTITY_LABELS.has(entity.label), `unknown label ${JSON.stringify(entity)} of ${show(text)}`).toBe(true);
  }
}

/**
 * IOB labels agree with the entities of the same text: a token overlapping an entity is B-<label>
 * if it is the first token of that entity, I-<label> otherwise; every other token is O.
 */
export function expectIobMatchesEntities(text: string, tokens: readonly TokenItem[], entities: readonly EntityItem[]): void {
  let previousEntity = -1;
  for (const token of tokens) {
    const e = entities.findIndex((entity) => entity.start < token.end && token.start < entity.end);
    const entity = entities[e];
    const expected = entity ? `${previousEntity === e ? 'I' : 'B'}-${entity.label}` : 'O';
    expect(token.label, `${JSON.stringify(token)} vs entity ${JSON.stringify(entity)} of ${show(text)}`).toBe(expected);
    previousEntity = e;
  }
}
