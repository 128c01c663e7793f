/**
 * Every setting is declared once, in a settings table (service-kit's COMMON_SETTINGS and
 * PROBE_SETTINGS, and each service's settings.ts). The README's configuration table documents
 * every declared variable and no other, and stack.yml may only set variables the service reads, to values its parsers
 * accept. (The CloudFormation task definition is checked the same way in
 * test/cloudformation/wiring.test.ts.)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../scripts/lib/processes.js';
import { ALL_TABLES, isServiceName, settingsReadBy } from '../scripts/settings/catalogue.js';
import { expectOnlyDeclaredSettings } from './support/settings.js';

const README = join(ROOT, 'README.md');

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
  it('documents every declared variable and no other', () => {
    const readme = readFileSync(README, 'utf8');
    const section = readme.slice(readme.indexOf('## Configuration'));
    const documented = section
      .slice(0, section.indexOf('\n## '))
      .split('\n')
      .filter((line) => line.startsWith('| `'))
      .flatMap((line) => [...(line.split('|')[1] ?? '').matchAll(/`([A-Z][A-Z0-9_]*)`/g)].map((m) => m[1] as string));
    const declared = ALL_TABLES.flatMap(({ table }) => Object.values(table).map((setting) => setting.variable));
    expect(documented.filter((v) => !declared.includes(v))).toEqual([]);
    expect(declared.filter((v) => !documented.includes(v))).toEqual([]);
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
