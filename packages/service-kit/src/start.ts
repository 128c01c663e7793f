import { ConfigError, type Env } from './settings/setting.js';

/**
 * Parses a service's config, or stops the process with a message that names the variable.
 * A bad setting must stop start-up, never be half-applied.
 */
export function loadConfigOrExit<T>(service: string, load: (env: Env) => T, env: Env = process.env): T {
  try {
    return load(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${service}: configuration error: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
}
