import { expect } from 'vitest';
import type { Setting } from '@nlp-api/service-kit/settings';

/** Every variable is one the service reads, and its value is one that variable's parser accepts. */
export function expectOnlyDeclaredSettings(service: string, environment: Record<string, string>, reads: ReadonlyMap<string, Setting<unknown>>): void {
  for (const [variable, value] of Object.entries(environment)) {
    const declared = reads.get(variable);
    expect(declared, `${service} sets ${variable}, which it does not read`).toBeDefined();
    expect(() => declared?.parse(String(value), variable), `${service} sets ${variable}=${value}`).not.toThrow();
  }
}
