/**
 * The shape docs/architecture.md describes, checked on the files themselves: layers that point one
 * way, each endpoint path spelled once, and production files short enough to read.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENDPOINTS } from '@nlp-api/api-schema';
import { ROOT } from '../scripts/lib/processes.js';

const tracked = (): string[] => execFileSync('git', ['ls-files', '-co', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' }).split('\n').filter(Boolean);

const SOURCE = /\.(ts|mjs|js)$/;
const isProduction = (file: string): boolean =>
  /^(packages|services)\/[^/]+\/(src|public)\//.test(file) && SOURCE.test(file) && !file.endsWith('.d.ts');
const isTool = (file: string): boolean => /^(scripts\/|(packages|services)\/[^/]+\/scripts\/)/.test(file) && SOURCE.test(file);

/** `packages/english` for a file inside it; undefined for files outside every workspace. */
const workspaceOf = (file: string): string | undefined => /^((packages|services)\/[^/]+)\//.exec(file)?.[1];

function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return [...text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)['"]([^'"]+)['"]/g)].map((match) => match[1]!);
}

/** Where a relative import lands, as a path from the repository root. */
const resolveRelative = (file: string, specifier: string): string => normalize(relative(ROOT, join(ROOT, dirname(file), specifier)));

describe('the structure of the tree', () => {
  const files = tracked();

  it('keeps every production source file at 400 lines or fewer', () => {
    const production = files.filter(isProduction);
    expect(production.length).toBeGreaterThan(50);
    const long = production
      .map((file) => ({ file, lines: readFileSync(join(ROOT, file), 'utf8').split('\n').length }))
      .filter(({ lines }) => lines > 400);
    expect(long).toEqual([]);
  });

  it('spells each endpoint path in the catalogue and the browser playground only', () => {
    const production = [...files.filter(isProduction), 'scripts/start-local.mjs'];
    for (const endpoint of ENDPOINTS) {
      const literal = new RegExp(`['"\`]${endpoint.path}['"\`/?]`);
      const spelled = production.filter((file) => literal.test(readFileSync(join(ROOT, file), 'utf8')));
      expect(spelled.filter((file) => file !== 'packages/api-schema/src/endpoints.ts' && file !== 'services/nlp-client/public/playground.js'), endpoint.path).toEqual([]);
      expect(spelled, endpoint.path).toContain('packages/api-schema/src/endpoints.ts');
    }
  });

  it('lets tools import only the public entry points of packages and services, never src/ of another workspace or test/', () => {
    const tools = files.filter(isTool);
    expect(tools.length).toBeGreaterThan(20);
    const wrong: string[] = [];
    for (const file of tools) {
      for (const specifier of importsOf(file)) {
        const target = specifier.startsWith('.') ? resolveRelative(file, specifier) : undefined;
        const reachesIntoSrc = target !== undefined && /^(packages|services)\/[^/]+\/src\//.test(target) && workspaceOf(target) !== workspaceOf(file);
        const reachesIntoTests = (target !== undefined && /(^|\/)test\//.test(target)) || /^@nlp-api\/[^/]+\/(src|test)\//.test(specifier);
        if (reachesIntoSrc || reachesIntoTests) wrong.push(`${file} -> ${specifier}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('keeps packages free of services and tools, and services free of each other', () => {
    const wrong: string[] = [];
    for (const file of files.filter(isProduction)) {
      const home = workspaceOf(file)!;
      for (const specifier of importsOf(file)) {
        const target = specifier.startsWith('.') ? resolveRelative(file, specifier) : undefined;
        const service = /^@nlp-api\/(nlp-client|rake-app|prose-app)(\/|$)/.exec(specifier)?.[1];
        const outside = target !== undefined && workspaceOf(target) !== home;
        const otherService = service !== undefined && `services/${service}` !== home;
        if (outside || otherService) wrong.push(`${file} -> ${specifier}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
