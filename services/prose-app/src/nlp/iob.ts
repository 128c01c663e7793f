import type { Span } from './offsets.js';

/**
 * IOB labels for tokens (sorted, non-overlapping) from entities (sorted, non-overlapping).
 * A token overlapping an entity takes its label: B- for the first such token, I- for the following ones.
 */
export function iobLabels(tokens: readonly Span[], entities: ReadonlyArray<Span & { label: string }>): string[] {
  const labels: string[] = [];
  let e = 0;
  let lastLabelled = -1;
  for (const token of tokens) {
    while (e < entities.length && (entities[e] as Span).end <= token.start) e++;
    const entity = entities[e];
    if (entity && entity.start < token.end && token.start < entity.end) {
      labels.push(`${lastLabelled === e ? 'I' : 'B'}-${entity.label}`);
      lastLabelled = e;
    } else {
      labels.push('O');
    }
  }
  return labels;
}
