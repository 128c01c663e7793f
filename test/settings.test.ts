/**
 * Every setting is declared once, in the services' variable tables (service-kit's COMMON_ENV and
 * PROBE_ENV, and each service's env.ts). The README's configuration table and stack.yml may only
 * name declared variables, and the README must name every one of them. (The CloudFormation task
 * definition is checked against the same tables in test/cloudformation/wiring.test.ts.)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMMON_ENV } from '@nlp-api/service-kit';
import { PROBE_ENV } from '@nlp-api/service-kit/probe';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../scripts/lib/processes.js';
import { GATEWAY_ENV } from '../services/nlp-client/src/env.js';
import { PROSE_ENV } from '../services/prose-app/src/env.js';
import { RAKE_ENV } from '../services/rake-app/src/env.js';

const DECLARED = new Set<string>([
  ...Object.values(COMMON_ENV),
  PROBE_ENV.path,
  ...Object.values(GATEWAY_ENV),
  ...Object.values(RAKE_ENV),
  ...Object.values(PROSE_ENV),
]);

/** The variables named in the first column of the README's configuration table. */
function readmeVariables(): string[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Configuration'));
  const table = section.slice(0, section.indexOf('\n## '));
  return table
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .flatMap((line) => [...(line.split('|')[1] ?? '').matchAll(/`([A-Z][A-Z0-9_]*)`/g)].map((m) => m[1] as string));
}

describe('settings', () => {
  it('the README documents every declared variable and no other', () => {
    const documented = readmeVariables();
    expect(documented.length).toBeGreaterThan(20);
    expect(documented.filter((v) => !DECLARED.has(v))).toEqual([]);
    expect([...DECLARED].filter((v) => !documented.includes(v))).toEqual([]);
  });

  it('stack.yml sets only declared variables', () => {
    const stack = parse(readFileSync(join(ROOT, 'stack.yml'), 'utf8')) as { services: Record<string, { environment?: Record<string, string> }> };
    const used = Object.values(stack.services).flatMap((service) => Object.keys(service.environment ?? {}));
    expect(used.length).toBeGreaterThan(5);
    expect(used.filter((v) => !DECLARED.has(v))).toEqual([]);
  });
});
