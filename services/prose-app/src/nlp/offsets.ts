/** A half-open character range [start, end) in UTF-16 code units. */
export interface Span {
  start: number;
  end: number;
}

const WHITESPACE = /\s/;

/**
 * Locates `piece` in `text` at or shortly after `cursor` and returns its start, or -1.
 * The search window is bounded so that a run of unfindable pieces stays linear in the text size.
 */
export function locate(text: string, piece: string, cursor: number, window = 256): number {
  if (piece.length === 0) return -1;
  if (text.startsWith(piece, cursor)) return cursor;
  let i = cursor;
  while (i < text.length && WHITESPACE.test(text[i] ?? '')) i++;
  if (text.startsWith(piece, i)) return i;
  const limit = Math.min(text.length, cursor + window + piece.length);
  const found = text.slice(cursor, limit).indexOf(piece);
  return found < 0 ? -1 : cursor + found;
}

/**
 * Aligns an ordered list of token strings to the text they were cut from, with a moving cursor.
 * A piece that cannot be found near the cursor yields null (and the cursor stays put).
 */
export function alignPieces(text: string, pieces: readonly string[]): Array<Span | null> {
  const spans: Array<Span | null> = [];
  let cursor = 0;
  for (const piece of pieces) {
    const start = locate(text, piece, cursor);
    if (start < 0) {
      spans.push(null);
      continue;
    }
    const end = start + piece.length;
    spans.push({ start, end });
    cursor = end;
  }
  return spans;
}

/** True when `span` lies inside `text` and slices to exactly `expected`. */
export function slicesTo(text: string, span: Span, expected: string): boolean {
  return span.start >= 0 && span.end <= text.length && span.start < span.end && text.slice(span.start, span.end) === expected;
}

/** Shrinks a span so it neither starts nor ends with whitespace; returns null if nothing is left. */
export function trimSpan(text: string, span: Span): Span | null {
  let { start, end } = span;
  while (start < end && WHITESPACE.test(text[start] ?? '')) start++;
  while (end > start && WHITESPACE.test(text[end - 1] ?? '')) end--;
  return start < end ? { start, end } : null;
}
