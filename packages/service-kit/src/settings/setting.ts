/** The environment as a plain map, so config parsing is testable without touching process.env. */
export type Env = Readonly<Record<string, string | undefined>>;

/** Thrown at start-up for a bad or missing setting; the message names the variable. */
export class ConfigError extends Error {
  constructor(readonly variable: string, problem: string) {
    super(`${variable}: ${problem}`);
    this.name = 'ConfigError';
  }
}

/** Turns a variable's text into its value, or throws a ConfigError naming the variable. */
export type Parser<T> = (text: string, variable: string) => T;

/**
 * The one declaration of a setting. The default is given as one would write it in the
 * environment, so it goes through the same parser as a value that is set; `undefined` means
 * there is no default and the setting reads as undefined when unset.
 */
export interface Setting<T, Default extends string | undefined = string | undefined> {
  readonly variable: string;
  readonly default: Default;
  readonly parse: Parser<T>;
  /** One line: what the setting does. */
  readonly description: string;
  /** Said after the default in the README, e.g. what "unset" means. */
  readonly defaultNote?: string;
  /** Sentences after the description in the README, when the reasons behind a default need them. */
  readonly details?: string;
}

// Settings are declared through this so that `default` keeps its literal type, which tells
// readSetting whether the value can be undefined.
export const setting = <T, Default extends string | undefined>(declaration: Setting<T, Default>): Setting<T, Default> =>
  declaration;

export type SettingsTable = Readonly<Record<string, Setting<unknown>>>;

/** The variable's text, with white space trimmed; empty counts as unset. */
function rawText(env: Env, variable: string): string | undefined {
  const value = env[variable]?.trim();
  return value === '' ? undefined : value;
}

export function readSetting<T>(env: Env, declared: Setting<T, string>): T;
export function readSetting<T>(env: Env, declared: Setting<T>): T | undefined;
export function readSetting<T>(env: Env, declared: Setting<T>): T | undefined {
  const text = rawText(env, declared.variable) ?? declared.default;
  return text === undefined ? undefined : declared.parse(text, declared.variable);
}

/** What reading a table gives: each setting's parsed value, undefined only where there is no default. */
export type SettingValues<Table extends SettingsTable> = {
  -readonly [Key in keyof Table]: Table[Key] extends Setting<infer T, infer Default> ? (Default extends string ? T : T | undefined) : never;
};

export function readSettings<Table extends SettingsTable>(env: Env, table: Table): SettingValues<Table> {
  const entries = Object.entries(table).map(([key, declared]) => [key, readSetting(env, declared)]);
  return Object.fromEntries(entries) as SettingValues<Table>;
}
