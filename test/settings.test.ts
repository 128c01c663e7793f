/**
 * Every setting is declared once, in a settings table (service-kit's COMMON_SETTINGS and
 * PROBE_SETTINGS, and each service's settings.ts). The README's configuration table is generated
 * from the tables, and stack.yml may only set variables the service reads, to values its parsers
 * accept. (The CloudFormation task definition is checked the same way in
 * test/cloudformation/wiring.test.ts.)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../scripts/lib/processes.js';
import { ALL_TABLES, isServiceName, settingsReadBy } from '../scripts/settings/catalogue.js';
import { README, readmeSettingsTable, settingsTableMarkdown } from '../scripts/settings/readme-table.js';
import { expectOnlyDeclaredSettings } from './support/settings.js';

describe('the settings tables', () => {
  const declarations = ALL_TABLES.flatMap(({ table }) => Object.values(table));

  it('declare each variable once, with a one-line description', () => {
    const variables = declarations.map((declared) => declared.variable);
    expect(variables.length).toBeGreaterThan(20);
    expect(variables.filter((variable, i) => variables.indexOf(variable) !== i)).toEqual([]);
    for (const declared of declarations) expect(declared.description, declared.variable).toMatch(/^[^\n]+$/);
  });

  it('declare defaults their own parsers accept', () => {
    for (const declared of declarations) {
      if (declared.default !== undefined) expect(() => declared.parse(declared.default!, declared.variable)).not.toThrow();
    }
  });
});

describe('the README', () => {
  it('holds the configuration table generated from the settings tables (npm run docs:settings)', () => {
    const table = readmeSettingsTable(readFileSync(README, 'utf8'));
    expect(table, 'the README has lost the markers around its configuration table').toBeDefined();
    expect(table).toBe(settingsTableMarkdown());
  });

  it('shows each declared default in the generated table', () => {
    const rows = settingsTableMarkdown().split('\n');
    for (const declared of ALL_TABLES.flatMap(({ table }) => Object.values(table))) {
      const row = rows.find((line) => line.startsWith(`| \`${declared.variable}\` |`));
      const shown = declared.default === undefined ? 'unset' : `\`${declared.default}\``;
      const cell = row?.split(' | ')[2] ?? '';
      expect(cell === shown || cell.startsWith(`${shown} (`), `${declared.variable}: ${cell}`).toBe(true);
    }
  });
});

describe('stack.yml', () => {
  const stack = parse(readFileSync(join(ROOT, 'stack.yml'), 'utf8')) as { services: Record<string, { environment?: Record<string, string> }> };

  it('runs only services that have settings tables', () => {
    expect(Object.keys(stack.services).filter((name) => !isServiceName(name))).toEqual([]);
  });

  it.each(Object.keys(stack.services).filter(isServiceName))('sets for %s only variables it reads, to values they accept', (name) => {
    const environment = stack.services[name]?.environment ?? {};
    expect(Object.keys(environment).length).toBeGreaterThan(1);
    expectOnlyDeclaredSettings(name, environment, settingsReadBy(name));
  });
});
