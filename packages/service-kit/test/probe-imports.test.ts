import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = join(dirname(fileURLToPath(import.meta.url)), '..', 'src');

/** The modules a source file loads at run time, following relative imports; `import type` loads nothing. */
function runtimeImports(file: string, seen = new Set<string>()): Set<string> {
  const source = readFileSync(file, 'utf8');
  for (const [, specifier] of source.matchAll(/^(?:import|export)(?! type)[^'"]*from '([^']+)'/gm)) {
    if (!specifier!.startsWith('.')) {
      seen.add(specifier!);
      continue;
    }
    const target = resolve(dirname(file), specifier!.replace(/\.js$/, '.ts'));
    if (seen.has(target)) continue;
    seen.add(target);
    runtimeImports(target, seen);
  }
  return seen;
}

describe('the container health check', () => {
  it('loads the settings tables but no package, so a probe costs a bare node start', () => {
    const loaded = [...runtimeImports(join(SRC, 'probe.ts'))];
    expect(loaded.some((module) => module.endsWith(join('settings', 'common.ts')))).toBe(true);
    expect(loaded.filter((module) => !module.startsWith('node:') && !module.startsWith(SRC))).toEqual([]);
  });
});
