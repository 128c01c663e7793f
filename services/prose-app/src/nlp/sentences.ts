import type { Document, ItsHelpers } from 'wink-nlp';
import { trimSpan, type Span } from './offsets.js';
import type { Sentence } from './types.js';

/** wink-nlp's sentence boundaries as character spans (from its first to its last non-blank token). */
export function sentenceSpans(doc: Document, its: ItsHelpers, winkSpans: ReadonlyArray<Span | null>, text: string): Sentence[] {
  const ranges = doc.sentences().out(its.span) as unknown as Array<[number, number]>;
  const out: Sentence[] = [];
  let floor = 0;
  for (const [first, last] of ranges) {
    let start = -1;
    let end = -1;
    for (let i = first; i <= last && start < 0; i++) start = winkSpans[i]?.start ?? -1;
    for (let i = last; i >= first && end < 0; i--) end = winkSpans[i]?.end ?? -1;
    if (start < floor || end <= start) continue;
    const span = trimSpan(text, { start, end });
    if (!span) continue;
    out.push({ text: text.slice(span.start, span.end), start: span.start, end: span.end });
    floor = span.end;
  }
  return out;
}

/**
 * Groups tokens (in text order) into sentences: a token belongs to the first sentence that ends after
 * its start (a token between two sentences joins the next one; tokens after the last, a final group).
 */
export function groupBySentence<T extends Span>(tokens: readonly T[], sentences: readonly Span[]): T[][] {
  const groups: T[][] = [];
  let s = 0;
  let current: T[] = [];
  for (const t of tokens) {
    let moved = false;
    while (s < sentences.length && (sentences[s] as Span).end <= t.start) {
      s++;
      moved = true;
    }
    if (moved && current.length > 0) {
      groups.push(current);
      current = [];
    }
    current.push(t);
  }
  if (current.length > 0) groups.push(current);
  return groups;
}
