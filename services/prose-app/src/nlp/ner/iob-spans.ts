/** A run of tokens [start, end) (token indices, end exclusive) carrying one entity type. */
export interface TokenSpan {
  start: number;
  end: number;
  type: string;
}

/** Splits "B-PER" into ["B", "PER"]; "O" and anything unrecognised give ["O", ""]. */
export function parseTag(tag: string): ['B' | 'I' | 'O', string] {
  if (tag.length > 2 && tag[1] === '-' && (tag[0] === 'B' || tag[0] === 'I')) return [tag[0], tag.slice(2)];
  return ['O', ''];
}

/**
 * Entity spans from BIO (IOB2) tags, the conlleval way: B-X starts an entity; I-X continues an
 * entity of type X begun on the previous token; a malformed I-X (after O, at the start, or after
 * another type) starts a new entity of type X, as if it were B-X.
 */
export function iobToSpans(tags: readonly string[]): TokenSpan[] {
  const spans: TokenSpan[] = [];
  let current: TokenSpan | null = null;
  for (let i = 0; i < tags.length; i++) {
    const [prefix, type] = parseTag(tags[i] ?? 'O');
    if (prefix === 'I' && current && current.type === type) {
      current.end = i + 1;
      continue;
    }
    if (current) spans.push(current);
    current = prefix === 'O' ? null : { start: i, end: i + 1, type };
  }
  if (current) spans.push(current);
  return spans;
}

/** BIO tags for `length` tokens from non-overlapping spans (later overlapping spans are skipped). */
export function spansToIob(length: number, spans: readonly TokenSpan[]): string[] {
  const tags = new Array<string>(length).fill('O');
  for (const s of spans) {
    if (s.start < 0 || s.end > length || s.end <= s.start) continue;
    let free = true;
    for (let i = s.start; i < s.end; i++) free &&= tags[i] === 'O';
    if (!free) continue;
    for (let i = s.start; i < s.end; i++) tags[i] = `${i === s.start ? 'B' : 'I'}-${s.type}`;
  }
  return tags;
}
