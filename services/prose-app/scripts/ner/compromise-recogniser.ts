import type nlp from 'compromise';
import type { EntitySpan } from '../../src/nlp/entity-merge.js';
import { locate, type Span } from '../../src/nlp/offsets.js';

type Compromise = typeof nlp;

interface TermJson {
  text: string;
  post: string;
  tags: string[];
  offset: { start: number; length: number };
}

interface MatchJson {
  terms: TermJson[];
}

const GPE_TAGS = ['Country', 'City', 'Region', 'Canada'];
/** compromise tags continents as countries/regions; they are places, not political entities. */
const CONTINENTS = new Set(['africa', 'antarctica', 'asia', 'europe', 'oceania', 'north america', 'south america', 'latin america', 'central america', 'middle east', 'the middle east']);
const POSSESSIVE = /['’]s?$/;

/**
 * PERSON, ORGANIZATION, GPE and LOCATION spans from compromise. Spans are built from term offsets
 * (match-level offsets are unreliable) and every term is checked against the text: a term whose
 * offset does not slice to its text is re-located nearby, or its match is dropped.
 * A match is cut where punctuation separates two terms ("Berlin, Germany" is two GPEs),
 * and a trailing possessive is left out ("Tim Cook's" -> "Tim Cook").
 * compromise runs on each of `chunks` separately (see compromiseChunks).
 */
export function namedEntities(compromise: Compromise, text: string, chunks: readonly Span[] = [{ start: 0, end: text.length }]): EntitySpan[] {
  const out: EntitySpan[] = [];
  for (const chunk of chunks) {
    for (const e of namedEntitiesInChunk(compromise, text.slice(chunk.start, chunk.end))) {
      out.push({ ...e, start: e.start + chunk.start, end: e.end + chunk.start });
    }
  }
  return out;
}

/**
 * Cuts the text into pieces of about `maxLength` characters at sentence boundaries (a longer sentence
 * is cut at whitespace). compromise slows down more than linearly on long inputs without sentence
 * breaks, so it is run piece by piece.
 */
export function compromiseChunks(text: string, sentences: readonly Span[], maxLength = 2000): Span[] {
  const chunks: Span[] = [];
  let current: Span | null = null;
  for (const sentence of sentences) {
    for (const piece of cutLongSpan(text, sentence, maxLength)) {
      if (current && piece.end - current.start <= maxLength) current.end = piece.end;
      else {
        if (current) chunks.push(current);
        current = { ...piece };
      }
    }
  }
  if (current) chunks.push(current);
  return chunks;
}

function cutLongSpan(text: string, span: Span, maxLength: number): Span[] {
  const pieces: Span[] = [];
  let start = span.start;
  while (span.end - start > maxLength) {
    let cut = text.lastIndexOf(' ', start + maxLength);
    if (cut <= start) {
      cut = start + maxLength;
      if (/[\uDC00-\uDFFF]/.test(text[cut] ?? '')) cut--;
    }
    pieces.push({ start, end: cut });
    start = cut;
  }
  pieces.push({ start, end: span.end });
  return pieces;
}

function namedEntitiesInChunk(compromise: Compromise, text: string): EntitySpan[] {
  const doc = compromise(text);
  // Term offsets computed once for the whole document: far cheaper than json({ offset: true }) per match.
  doc.compute('offset');
  const out: EntitySpan[] = [];
  const collect = (matches: MatchJson[], labelOf: (terms: TermJson[], span: string) => string): void => {
    for (const match of matches) {
      // Titles are not part of the name ("Mr. Smith" -> "Smith"), as in CoNLL and OntoNotes.
      const terms = match.terms.filter((term) => !term.tags.includes('Honorific'));
      for (const run of splitAtPunctuation(terms)) {
        const located = locateRun(text, run);
        if (!located) continue;
        let { start, end } = located;
        const last = run[run.length - 1] as TermJson;
        if (last.tags.includes('Possessive')) {
          const m = POSSESSIVE.exec(text.slice(start, end));
          if (m && m.index > 0) end = start + m.index;
        }
        if (end <= start) continue;
        out.push({ start, end, label: labelOf(run, text.slice(start, end)), source: 'named' });
      }
    }
  };
  const json = (view: { json(options: object): unknown }): MatchJson[] => view.json({ terms: { offset: true } }) as MatchJson[];
  collect(json(doc.people()), () => 'PERSON');
  collect(json(doc.organizations()), () => 'ORGANIZATION');
  collect(json(doc.places()), (terms, span) =>
    !CONTINENTS.has(span.toLowerCase()) && terms.some((t) => GPE_TAGS.some((g) => t.tags.includes(g))) ? 'GPE' : 'LOCATION',
  );
  return out;
}

function splitAtPunctuation(terms: TermJson[]): TermJson[][] {
  const runs: TermJson[][] = [];
  let run: TermJson[] = [];
  for (const term of terms) {
    if (term.offset.length === 0) continue; // implicit term of a contraction
    run.push(term);
    if (/[^\s]/.test(term.post)) {
      runs.push(run);
      run = [];
    }
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

/** Start of the first term to end of the last, with each term verified against the text. */
function locateRun(text: string, run: TermJson[]): { start: number; end: number } | null {
  let start = -1;
  let end = -1;
  let cursor = run[0]?.offset.start ?? 0;
  for (const term of run) {
    let at = term.offset.start;
    if (text.slice(at, at + term.text.length) !== term.text || term.text.length === 0) {
      at = locate(text, term.text, Math.max(0, Math.min(cursor, at) - 16), 64);
      if (at < 0) return null;
    }
    if (start < 0) start = at;
    end = at + term.text.length;
    cursor = end;
  }
  return start >= 0 && end > start ? { start, end } : null;
}
