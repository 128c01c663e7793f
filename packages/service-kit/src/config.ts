import { createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { AuthSettings, JwtSettings } from './auth.js';
import { COMMON_SETTINGS, type LogLevel } from './settings/common.js';
import { ConfigError, readSetting, type Env, type Setting } from './settings/setting.js';

function splitKeys(list: string): string[] {
  return list
    .split(/[,\n\r]/)
    .map((key) => key.trim())
    .filter((key) => key.length > 0);
}

/** A value given inline (NAME) or in a file (NAME_FILE, for Docker secrets), never both. */
function readInlineOrFile(
  env: Env,
  inline: Setting<string, undefined>,
  file: Setting<string, undefined>,
): { value: string; from: string } | undefined {
  const value = readSetting(env, inline);
  const path = readSetting(env, file);
  if (value !== undefined && path !== undefined) throw new ConfigError(inline.variable, `set ${inline.variable} or ${file.variable}, not both`);
  if (path === undefined) return value === undefined ? undefined : { value, from: inline.variable };
  try {
    return { value: readFileSync(path, 'utf8'), from: file.variable };
  } catch (error) {
    throw new ConfigError(file.variable, `cannot read "${path}": ${(error as Error).message}`);
  }
}

/** Static API keys from AUTH_KEY (comma-separated, for rotation) or AUTH_KEY_FILE; none is []. */
export function readAuthKeys(env: Env): string[] {
  const source = readInlineOrFile(env, COMMON_SETTINGS.authKey, COMMON_SETTINGS.authKeyFile);
  if (source === undefined) return [];
  const keys = splitKeys(source.value);
  if (keys.length === 0) throw new ConfigError(source.from, 'holds no key');
  for (const key of keys) {
    if (/\s/.test(key)) throw new ConfigError(source.from, 'a key must not contain white space');
  }
  return keys;
}

/** HS256 with AUTH_JWT_SECRET, RS256/ES256 with AUTH_JWT_PUBLIC_KEY; undefined when neither is set. */
export function readJwtSettings(env: Env): JwtSettings | undefined {
  const secret = readInlineOrFile(env, COMMON_SETTINGS.jwtSecret, COMMON_SETTINGS.jwtSecretFile);
  const publicKey = readInlineOrFile(env, COMMON_SETTINGS.jwtPublicKey, COMMON_SETTINGS.jwtPublicKeyFile);
  if (!secret && !publicKey) return undefined;
  const settings: JwtSettings = { clockToleranceSec: readSetting(env, COMMON_SETTINGS.jwtClockSkewSec) };
  if (secret) {
    const value = secret.value.trim();
    // RFC 7518 section 3.2: an HS256 key must be at least as long as the hash output.
    if (Buffer.byteLength(value, 'utf8') < 32) throw new ConfigError(secret.from, 'an HS256 secret must be at least 32 bytes');
    settings.secret = value;
  }
  if (publicKey) settings.publicKey = parsePublicKey(publicKey.value.replace(/\\n/g, '\n'), publicKey.from);
  const audience = readSetting(env, COMMON_SETTINGS.jwtAudience);
  const issuer = readSetting(env, COMMON_SETTINGS.jwtIssuer);
  if (audience !== undefined) settings.audience = audience;
  if (issuer !== undefined) settings.issuer = issuer;
  return settings;
}

function parsePublicKey(pem: string, variable: string): NonNullable<JwtSettings['publicKey']> {
  let key;
  try {
    key = createPublicKey(pem);
  } catch (error) {
    throw new ConfigError(variable, `not a PEM public key: ${(error as Error).message}`);
  }
  const details = key.asymmetricKeyDetails ?? {};
  if (key.asymmetricKeyType === 'rsa') {
    if ((details.modulusLength ?? 0) < 2048) throw new ConfigError(variable, 'an RSA key must have at least 2048 bits');
    return { pem, algorithm: 'RS256' };
  }
  if (key.asymmetricKeyType === 'ec' && details.namedCurve === 'prime256v1') return { pem, algorithm: 'ES256' };
  throw new ConfigError(variable, 'expected an RSA (RS256) or P-256 EC (ES256) public key');
}

/** The credentials a service accepts. With none at all it must not start: it fails closed. */
export function readAuthSettings(env: Env): AuthSettings {
  const keys = readAuthKeys(env);
  const jwt = readJwtSettings(env);
  if (keys.length === 0 && !jwt) {
    const { authKey, authKeyFile, jwtSecret, jwtPublicKey, jwtPublicKeyFile } = COMMON_SETTINGS;
    throw new ConfigError(
      authKey.variable,
      `no API key configured; set ${authKey.variable} (comma-separated keys allowed) or ${authKeyFile.variable}, ` +
        `or a JWT key (${jwtSecret.variable}, ${jwtPublicKey.variable} or ${jwtPublicKeyFile.variable}). ` +
        'The service refuses to start without one.',
    );
  }
  return jwt ? { keys, jwt } : { keys };
}

/**
 * WORKERS: 1 by default, a whole number, or "auto" for one per CPU this process may run on. A
 * container limited to one vCPU should keep 1: node sees the host's CPUs, not the quota.
 */
export function readWorkers(env: Env, cpus: number): number {
  const workers = readSetting(env, COMMON_SETTINGS.workers);
  return workers === 'auto' ? Math.max(1, cpus) : workers;
}

/** The settings every service shares, parsed once. */
export interface CommonConfig {
  host: string;
  auth: AuthSettings;
  maxTextBytes: number;
  shutdownTimeoutMs: number;
  logLevel: LogLevel;
  /** GET /metrics without the bearer credential (for a scraper inside a private network). */
  metricsPublic: boolean;
  /** Processes serving the port: 1 (this one alone) unless WORKERS asks for more. */
  workers: number;
}

export function readCommonConfig(env: Env): CommonConfig {
  return {
    host: readSetting(env, COMMON_SETTINGS.host),
    auth: readAuthSettings(env),
    maxTextBytes: readSetting(env, COMMON_SETTINGS.maxTextBytes),
    shutdownTimeoutMs: readSetting(env, COMMON_SETTINGS.shutdownTimeoutMs),
    logLevel: readSetting(env, COMMON_SETTINGS.logLevel),
    metricsPublic: readSetting(env, COMMON_SETTINGS.metricsPublic),
    workers: readWorkers(env, availableParallelism()),
  };
}

/** A service that needs nothing beyond the common settings and its own port. */
export interface PortServiceConfig extends CommonConfig {
  port: number;
}

export function readPortServiceConfig(env: Env, port: Setting<number, string>): PortServiceConfig {
  return { ...readCommonConfig(env), port: readSetting(env, port) };
}
