import type { Span } from './offsets.js';

export type EntitySource = 'named' | 'pattern';

export interface EntitySpan extends Span {
  label: string;
  source: EntitySource;
}

/** Pattern entities whose form alone proves them (an "@tim" is a mention even if "tim" is a name). */
export const STRUCTURAL_LABELS: ReadonlySet<string> = new Set(['URL', 'EMAIL', 'HASHTAG', 'MENTION', 'EMOJI', 'EMOTICON']);

/** Among equally long named entities, the more specific/reliable label wins. */
const NAMED_LABEL_RANK: Record<string, number> = { PERSON: 0, ORGANIZATION: 1, GPE: 2, LOCATION: 3 };

function rank(e: EntitySpan): number {
  return e.source === 'named' ? (NAMED_LABEL_RANK[e.label] ?? 9) : 10;
}

const structural = (e: EntitySpan): number => (e.source === 'pattern' && STRUCTURAL_LABELS.has(e.label) ? 0 : 1);

/**
 * Resolves overlaps between named entities (compromise: PERSON, ORGANIZATION, GPE, LOCATION)
 * and pattern entities (wink-nlp: DATE, MONEY, URL, ...), within and across the two sources.
 *
 * Rule: structural pattern entities (URL, EMAIL, HASHTAG, MENTION, EMOJI, EMOTICON) beat everything.
 * Otherwise the longest span wins. On equal length a named entity beats a pattern entity
 * (then PERSON > ORGANIZATION > GPE > LOCATION), then the earlier start, then the label's
 * alphabetical order. Spans are accepted greedily in that priority order and any span that
 * overlaps an accepted one is dropped, so the result never overlaps, whatever the input order.
 * E.g. PERSON "March" inside DATE "12th March 2024" loses (shorter); GPE "New York City" beats
 * CARDINAL "York"-like fragments; MENTION "@tim" beats PERSON "@tim" (structural).
 *
 * Empty or inverted spans are ignored. The output is sorted by start offset.
 */
export function mergeEntities(named: readonly EntitySpan[], pattern: readonly EntitySpan[]): EntitySpan[] {
  const candidates = [...named, ...pattern].filter((e) => e.end > e.start && e.start >= 0);
  candidates.sort(
    (a, b) =>
      structural(a) - structural(b) ||
      b.end - b.start - (a.end - a.start) ||
      rank(a) - rank(b) ||
      a.start - b.start ||
      (a.label < b.label ? -1 : a.label > b.label ? 1 : 0),
  );
  const size = candidates.reduce((m, e) => Math.max(m, e.end), 0);
  const taken = new Uint8Array(size);
  const accepted: EntitySpan[] = [];
  for (const e of candidates) {
    let free = true;
    for (let i = e.start; i < e.end && free; i++) free = taken[i] === 0;
    if (!free) continue;
    taken.fill(1, e.start, e.end);
    accepted.push(e);
  }
  return accepted.sort((a, b) => a.start - b.start);
}
