import type { EndpointName } from '@nlp-api/api-schema';

/** Plain-text tables for a terminal: columns padded to their widest cell. */
export function table(headers: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const cells = [headers, ...rows.map((row) => row.map(String))];
  const widths = headers.map((_, i) => Math.max(...cells.map((row) => [...(row[i] ?? '')].length)));
  const line = (row: readonly string[]) =>
    row
      .map((cell, i) => cell + ' '.repeat((widths[i] ?? 0) - [...cell].length))
      .join('  ')
      .trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...cells.slice(1).map(line)].join('\n');
}

interface Keyword { candidate: string; score: number }
interface Token { text: string; tag: string; label: string; start: number; end: number }
interface Entity { text: string; label: string; start: number; end: number }
interface Sentence { text: string; start: number; end: number }

const round = (score: number) => Math.round(score * 1000) / 1000;

/** How each command's answer reads as a table: one command per endpoint of the catalogue. */
export const FORMATTERS: Readonly<Record<EndpointName, (body: unknown) => string>> = {
  keywords: (body) => table(['score', 'keyword'], (body as Keyword[]).map((k) => [round(k.score), k.candidate])),
  tokens: (body) => table(['token', 'tag', 'entity', 'span'], (body as Token[]).map((t) => [t.text, t.tag, t.label, `${t.start}-${t.end}`])),
  entities: (body) => table(['entity', 'label', 'span'], (body as Entity[]).map((e) => [e.text, e.label, `${e.start}-${e.end}`])),
  sentences: (body) => table(['#', 'sentence', 'span'], (body as Sentence[]).map((s, i) => [i + 1, s.text, `${s.start}-${s.end}`])),
};
