// `npm run docs:settings`: writes the README's configuration table from the settings tables.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Setting } from '@nlp-api/service-kit/settings';
import { ROOT } from '../lib/processes.js';
import { ALL_TABLES } from './catalogue.js';

export const README = join(ROOT, 'README.md');
export const TABLE_START = '<!-- settings table: generated from the settings tables by `npm run docs:settings` -->';
export const TABLE_END = '<!-- end of settings table -->';

export function defaultCell(declared: Setting<unknown>): string {
  const shown = declared.default === undefined ? 'unset' : `\`${declared.default}\``;
  return declared.defaultNote === undefined ? shown : `${shown} (${declared.defaultNote})`;
}

function row(usedBy: string, declared: Setting<unknown>): string {
  const meaning = declared.details === undefined ? declared.description : `${declared.description}. ${declared.details}`;
  return `| \`${declared.variable}\` | ${usedBy} | ${defaultCell(declared)} | ${meaning} |`;
}

export function settingsTableMarkdown(): string {
  const rows = ALL_TABLES.flatMap(({ usedBy, table }) => Object.values(table).map((declared) => row(usedBy, declared)));
  return ['| variable | used by | default | meaning |', '|---|---|---|---|', ...rows].join('\n');
}

/** Where the text between the markers starts and ends, or undefined when the README has lost them. */
function tableBounds(readme: string): { start: number; end: number } | undefined {
  const marker = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  if (marker < 0 || end < marker) return undefined;
  return { start: marker + TABLE_START.length, end };
}

export function readmeSettingsTable(readme: string): string | undefined {
  const bounds = tableBounds(readme);
  return bounds && readme.slice(bounds.start, bounds.end).trim();
}

function writeReadmeTable(): void {
  const readme = readFileSync(README, 'utf8');
  const bounds = tableBounds(readme);
  if (bounds === undefined) throw new Error(`README.md: put ${TABLE_START} and ${TABLE_END} around the configuration table`);
  writeFileSync(README, `${readme.slice(0, bounds.start)}\n${settingsTableMarkdown()}\n${readme.slice(bounds.end)}`);
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) writeReadmeTable();
