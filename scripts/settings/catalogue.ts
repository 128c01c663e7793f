import { COMMON_SETTINGS, PROBE_SETTINGS, type Setting, type SettingsTable } from '@nlp-api/service-kit/settings';
import { GATEWAY_SETTINGS } from '@nlp-api/nlp-client/settings';
import { PROSE_SETTINGS } from '@nlp-api/prose-app/settings';
import { RAKE_SETTINGS } from '@nlp-api/rake-app/settings';

/** A settings table and, for the README's "used by" column, who reads it. */
export interface TableOfSettings {
  readonly usedBy: string;
  readonly table: SettingsTable;
}

const PROBE: TableOfSettings = { usedBy: "the images' health check (`node dist/healthcheck.js`)", table: PROBE_SETTINGS };
const COMMON: TableOfSettings = { usedBy: 'all', table: COMMON_SETTINGS };

/** Each service's own table, under the name its container has in stack.yml and the task definition. */
export const SERVICE_TABLES = {
  'rake-app': { usedBy: 'rake-app', table: RAKE_SETTINGS },
  'prose-app': { usedBy: 'prose-app', table: PROSE_SETTINGS },
  'nlp-client': { usedBy: 'gateway', table: GATEWAY_SETTINGS },
} as const satisfies Record<string, TableOfSettings>;

export type ServiceName = keyof typeof SERVICE_TABLES;

/** Every table, in the order the README lists them. */
export const ALL_TABLES: readonly TableOfSettings[] = [...Object.values(SERVICE_TABLES), COMMON, PROBE];

export const isServiceName = (name: string): name is ServiceName => Object.hasOwn(SERVICE_TABLES, name);

/** What one service's process and its health check read, by variable. */
export function settingsReadBy(service: ServiceName): ReadonlyMap<string, Setting<unknown>> {
  const tables = [SERVICE_TABLES[service], COMMON, PROBE];
  return new Map(tables.flatMap(({ table }) => Object.values(table).map((declared) => [declared.variable, declared] as const)));
}
