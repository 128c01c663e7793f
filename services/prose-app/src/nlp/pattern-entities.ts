import type { Document, ItsHelpers } from 'wink-nlp';
import type { EntitySpan } from './entity-merge.js';
import type { Span } from './offsets.js';
import { URL_TRAILING_PUNCTUATION, type RawToken } from './tokenize.js';

/** Every entity type wink-eng-lite-web-model emits, and the label this service reports for it. */
export const PATTERN_LABELS: Readonly<Record<string, string>> = {
  DATE: 'DATE',
  TIME: 'TIME',
  DURATION: 'DURATION',
  MONEY: 'MONEY',
  PERCENT: 'PERCENT',
  CARDINAL: 'CARDINAL',
  ORDINAL: 'ORDINAL',
  EMAIL: 'EMAIL',
  URL: 'URL',
  HASHTAG: 'HASHTAG',
  MENTION: 'MENTION',
  EMOJI: 'EMOJI',
  EMOTICON: 'EMOTICON',
};

/**
 * wink-nlp's pattern entities as character spans. wink reports token-index spans; they are mapped through
 * the tokens' offsets and widened to whole (merged) tokens, so an emoji ZWJ sequence is one EMOJI.
 */
export function patternEntities(
  doc: Document,
  its: ItsHelpers,
  text: string,
  winkSpans: ReadonlyArray<Span | null>,
  tokens: readonly RawToken[],
): EntitySpan[] {
  const spans = doc.entities().out(its.span) as unknown as Array<[number, number]>;
  const types = doc.entities().out(its.type) as string[];
  const out: EntitySpan[] = [];
  spans.forEach(([first, last], k) => {
    const start = firstSpan(winkSpans, first, last, 1)?.start;
    const end = firstSpan(winkSpans, last, first, -1)?.end;
    if (start === undefined || end === undefined || end <= start) return;
    const type = types[k] ?? '';
    const label = PATTERN_LABELS[type] ?? type.toUpperCase();
    const span = widenToTokens(tokens, { start, end });
    if (label === 'URL') {
      const m = URL_TRAILING_PUNCTUATION.exec(text.slice(span.start, span.end));
      if (m && m.index > 0) span.end = span.start + m.index;
    }
    out.push({ ...span, label, source: 'pattern' });
  });
  return out;
}

function firstSpan(spans: ReadonlyArray<Span | null>, from: number, to: number, step: 1 | -1): Span | undefined {
  for (let i = from; step > 0 ? i <= to : i >= to; i += step) {
    const s = spans[i];
    if (s) return s;
  }
  return undefined;
}

/** Binary search for the token containing `offset`. */
function tokenAt(tokens: readonly RawToken[], offset: number): RawToken | undefined {
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const t = tokens[mid] as RawToken;
    if (offset < t.start) hi = mid - 1;
    else if (offset >= t.end) lo = mid + 1;
    else return t;
  }
  return undefined;
}

function widenToTokens(tokens: readonly RawToken[], span: Span): Span {
  const first = tokenAt(tokens, span.start);
  const last = tokenAt(tokens, span.end - 1);
  return { start: Math.min(span.start, first?.start ?? span.start), end: Math.max(span.end, last?.end ?? span.end) };
}
