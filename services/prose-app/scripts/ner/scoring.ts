/** Exact-span precision / recall / F1 for PER / LOC / ORG, summed over sentences. */
import type { Span } from '../../src/nlp/offsets.js';
import { iobToSpans } from '../../src/nlp/ner/iob-spans.js';
import type { NerSentence } from './data.js';

export const TYPES = ['PER', 'LOC', 'ORG'] as const;
export type EvalType = (typeof TYPES)[number];

/** API label -> evaluation type (GPE and LOCATION both count as LOC). */
export const EVAL_TYPE: Record<string, EvalType> = {
  PERSON: 'PER',
  ORGANIZATION: 'ORG',
  GPE: 'LOC',
  LOCATION: 'LOC',
  PER: 'PER',
  ORG: 'ORG',
  LOC: 'LOC',
};

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export type Score = Record<EvalType, Counts>;

export const emptyScore = (): Score => ({ PER: { tp: 0, fp: 0, fn: 0 }, LOC: { tp: 0, fp: 0, fn: 0 }, ORG: { tp: 0, fp: 0, fn: 0 } });

export interface CharEntity extends Span {
  label: string;
}

/** Gold entities of a sentence as character spans, without those touching a structural token. */
export function goldEntities(s: NerSentence, keepStructural = false): CharEntity[] {
  return iobToSpans(s.labels)
    .filter((e) => keepStructural || !s.structural.slice(e.start, e.end).some(Boolean))
    .map((e) => ({ start: (s.spans[e.start] as Span).start, end: (s.spans[e.end - 1] as Span).end, label: e.type }));
}

/** Predicted entities that touch no structural token of the gold tokenisation, mapped to evaluation types. */
export function admissible(s: NerSentence, predicted: readonly CharEntity[], keepStructural = false): CharEntity[] {
  const blocked = keepStructural ? [] : s.spans.filter((_, i) => s.structural[i]);
  return predicted
    .filter((p) => EVAL_TYPE[p.label] !== undefined)
    .filter((p) => !blocked.some((b) => b.start < p.end && p.start < b.end))
    .map((p) => ({ start: p.start, end: p.end, label: EVAL_TYPE[p.label] as string }));
}

export function addScore(score: Score, gold: readonly CharEntity[], predicted: readonly CharEntity[]): void {
  const key = (e: CharEntity): string => `${e.start}:${e.end}:${e.label}`;
  const goldKeys = new Set(gold.map(key));
  const predKeys = new Set(predicted.map(key));
  for (const g of gold) {
    const c = score[g.label as EvalType];
    if (!c) continue;
    if (predKeys.has(key(g))) c.tp++;
    else c.fn++;
  }
  for (const p of predKeys) {
    const type = p.split(':')[2] as EvalType;
    if (!goldKeys.has(p) && score[type]) score[type].fp++;
  }
}

export function merge(into: Score, from: Score): void {
  for (const t of TYPES) {
    into[t].tp += from[t].tp;
    into[t].fp += from[t].fp;
    into[t].fn += from[t].fn;
  }
}

export function prf(c: Counts): { p: number; r: number; f: number } {
  const p = c.tp + c.fp === 0 ? 0 : c.tp / (c.tp + c.fp);
  const r = c.tp + c.fn === 0 ? 0 : c.tp / (c.tp + c.fn);
  return { p, r, f: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
}

export function micro(score: Score): Counts {
  return TYPES.reduce((a, t) => ({ tp: a.tp + score[t].tp, fp: a.fp + score[t].fp, fn: a.fn + score[t].fn }), { tp: 0, fp: 0, fn: 0 });
}

/** Macro F1 over the three types. */
export function macroF1(score: Score): number {
  return TYPES.reduce((a, t) => a + prf(score[t]).f, 0) / TYPES.length;
}
