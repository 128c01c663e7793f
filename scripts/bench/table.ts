/** Verdicts on targets and Markdown tables: what every section of the bench report is built from. */

export type Verdict = 'PASS' | 'FAIL' | 'n/a' | '';

export function atLeast(value: number | undefined, min: number | undefined): Verdict {
  if (min === undefined) return '';
  if (value === undefined || !Number.isFinite(value)) return 'n/a';
  return value >= min ? 'PASS' : 'FAIL';
}

export function atMost(value: number | undefined, max: number | undefined): Verdict {
  if (max === undefined) return '';
  if (value === undefined || !Number.isFinite(value)) return 'n/a';
  return value <= max ? 'PASS' : 'FAIL';
}

const cell = (text: string): string => text.replace(/\|/g, '\\|');

export function table(header: readonly string[], body: readonly (readonly string[])[]): string {
  const lines = [`| ${header.map(cell).join(' | ')} |`, `|${header.map(() => '---').join('|')}|`];
  for (const line of body) lines.push(`| ${line.map(cell).join(' | ')} |`);
  return lines.join('\n');
}
