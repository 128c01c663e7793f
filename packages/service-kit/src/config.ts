import { createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { AuthSettings, JwtSettings } from './auth.js';
import type { CorsOrigins } from './cors.js';

/** The environment as a plain map, so config parsing is testable without touching process.env. */
export type Env = Readonly<Record<string, string | undefined>>;

/** Thrown at start-up for a bad or missing setting; the message names the variable. */
export class ConfigError extends Error {
  constructor(readonly variable: string, problem: string) {
    super(`${variable}: ${problem}`);
    this.name = 'ConfigError';
  }
}

/** Variables every service reads. Service-specific names live in each service's config module. */
export const COMMON_ENV = {
  authKey: 'AUTH_KEY',
  authKeyFile: 'AUTH_KEY_FILE',
  jwtSecret: 'AUTH_JWT_SECRET',
  jwtSecretFile: 'AUTH_JWT_SECRET_FILE',
  jwtPublicKey: 'AUTH_JWT_PUBLIC_KEY',
  jwtPublicKeyFile: 'AUTH_JWT_PUBLIC_KEY_FILE',
  jwtAudience: 'AUTH_JWT_AUDIENCE',
  jwtIssuer: 'AUTH_JWT_ISSUER',
  jwtClockSkewSec: 'AUTH_JWT_CLOCK_SKEW_S',
  host: 'HOST',
  maxTextBytes: 'MAX_TEXT_BYTES',
  shutdownTimeoutMs: 'SHUTDOWN_TIMEOUT_MS',
  logLevel: 'LOG_LEVEL',
  metricsPublic: 'METRICS_PUBLIC',
  workers: 'WORKERS',
} as const;

export const DEFAULT_MAX_TEXT_BYTES = 100 * 1024;
export const DEFAULT_SHUTDOWN_TIMEOUT_MS = 10_000;
export const DEFAULT_HOST = '0.0.0.0';

function raw(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === '' ? undefined : value;
}

export function readInteger(env: Env, name: string, fallback: number, min: number, max: number): number {
  const value = raw(env, name);
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value)) throw new ConfigError(name, `expected a whole number, got "${value}"`);
  const parsed = Number(value);
  if (parsed < min || parsed > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`);
  return parsed;
}

export const readPort = (env: Env, name: string, fallback: number): number => readInteger(env, name, fallback, 0, 65_535);

/** Accepts plain bytes or a size with a unit: 100000, 100kb, 1mb (1 kb = 1024 bytes). */
export function readBytes(env: Env, name: string, fallback: number): number {
  const value = raw(env, name);
  if (value === undefined) return fallback;
  const match = /^(\d+)\s*(b|kb|kib|mb|mib)?$/i.exec(value);
  if (!match) throw new ConfigError(name, `expected a size such as 102400, 100kb or 1mb, got "${value}"`);
  const unit = (match[2] ?? 'b').toLowerCase();
  const multiplier = unit.startsWith('m') ? 1024 * 1024 : unit.startsWith('k') ? 1024 : 1;
  const bytes = Number(match[1]) * multiplier;
  if (bytes < 1 || bytes > 64 * 1024 * 1024) throw new ConfigError(name, `must be between 1 byte and 64mb, got "${value}"`);
  return bytes;
}

export function readUrl(env: Env, name: string, fallback: string): URL {
  const value = raw(env, name) ?? fallback;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(name, `expected an http(s) URL such as http://localhost:8081, got "${value}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(name, `expected an http:// or https:// URL, got "${value}"`);
  }
  if (url.search || url.hash) throw new ConfigError(name, `must not carry a query or fragment, got "${value}"`);
  return url;
}

export function readHost(env: Env, fallback = DEFAULT_HOST): string {
  const value = raw(env, COMMON_ENV.host) ?? fallback;
  if (/\s|\//.test(value)) throw new ConfigError(COMMON_ENV.host, `expected a bind address such as 0.0.0.0 or 127.0.0.1, got "${value}"`);
  return value;
}

export function readBoolean(env: Env, name: string, fallback: boolean): boolean {
  const value = raw(env, name)?.toLowerCase();
  if (value === undefined) return fallback;
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  throw new ConfigError(name, `expected true or false, got "${value}"`);
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export function readLogLevel(env: Env): LogLevel {
  const value = raw(env, COMMON_ENV.logLevel)?.toLowerCase() ?? 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(value)) {
    throw new ConfigError(COMMON_ENV.logLevel, `expected one of ${LOG_LEVELS.join(', ')}, got "${value}"`);
  }
  return value as LogLevel;
}

function splitKeys(list: string): string[] {
  return list
    .split(/[,\n\r]/)
    .map((key) => key.trim())
    .filter((key) => key.length > 0);
}

/** A value given inline (NAME) or in a file (NAME_FILE, for Docker secrets), never both. */
function readInlineOrFile(env: Env, name: string, fileName: string): { value: string; from: string } | undefined {
  const inline = raw(env, name);
  const file = raw(env, fileName);
  if (inline !== undefined && file !== undefined) throw new ConfigError(name, `set ${name} or ${fileName}, not both`);
  if (file === undefined) return inline === undefined ? undefined : { value: inline, from: name };
  try {
    return { value: readFileSync(file, 'utf8'), from: fileName };
  } catch (error) {
    throw new ConfigError(fileName, `cannot read "${file}": ${(error as Error).message}`);
  }
}

/** Static API keys from AUTH_KEY (comma-separated, for rotation) or AUTH_KEY_FILE; none is []. */
export function readAuthKeys(env: Env): string[] {
  const source = readInlineOrFile(env, COMMON_ENV.authKey, COMMON_ENV.authKeyFile);
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
  const secret = readInlineOrFile(env, COMMON_ENV.jwtSecret, COMMON_ENV.jwtSecretFile);
  const publicKey = readInlineOrFile(env, COMMON_ENV.jwtPublicKey, COMMON_ENV.jwtPublicKeyFile);
  if (!secret && !publicKey) return undefined;
  const settings: JwtSettings = {
    clockToleranceSec: readInteger(env, COMMON_ENV.jwtClockSkewSec, 30, 0, 300),
  };
  if (secret) {
    const value = secret.value.trim();
    // RFC 7518 section 3.2: an HS256 key must be at least as long as the hash output.
    if (Buffer.byteLength(value, 'utf8') < 32) throw new ConfigError(secret.from, 'an HS256 secret must be at least 32 bytes');
    settings.secret = value;
  }
  if (publicKey) settings.publicKey = parsePublicKey(publicKey.value.replace(/\\n/g, '\n'), publicKey.from);
  const audience = raw(env, COMMON_ENV.jwtAudience);
  const issuer = raw(env, COMMON_ENV.jwtIssuer);
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
    throw new ConfigError(
      COMMON_ENV.authKey,
      `no API key configured; set ${COMMON_ENV.authKey} (comma-separated keys allowed) or ${COMMON_ENV.authKeyFile}, ` +
        `or a JWT key (${COMMON_ENV.jwtSecret}, ${COMMON_ENV.jwtPublicKey} or ${COMMON_ENV.jwtPublicKeyFile}). ` +
        'The service refuses to start without one.',
    );
  }
  return jwt ? { keys, jwt } : { keys };
}

/** CORS_ORIGINS: unset for no CORS, "*" for any origin, or a comma-separated list of origins. */
export function readCorsOrigins(env: Env, name: string): CorsOrigins {
  const value = raw(env, name);
  if (value === undefined) return 'none';
  if (value === '*') return 'any';
  const origins = value.split(',').map((origin) => origin.trim()).filter(Boolean);
  for (const origin of origins) {
    let url: URL;
    try {
      url = new URL(origin);
    } catch {
      throw new ConfigError(name, `expected origins such as https://app.example.com, got "${origin}"`);
    }
    if (url.origin !== origin) throw new ConfigError(name, `"${origin}" is not an origin; did you mean ${url.origin}?`);
  }
  return origins;
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

/**
 * WORKERS: 1 by default, a whole number, or "auto" for one per CPU this process may run on. A
 * container limited to one vCPU should keep 1: node sees the host's CPUs, not the quota.
 */
export function readWorkers(env: Env, cpus: number): number {
  const value = raw(env, COMMON_ENV.workers);
  if (value?.toLowerCase() === 'auto') return Math.max(1, cpus);
  return readInteger(env, COMMON_ENV.workers, 1, 1, 64);
}

export function readCommonConfig(env: Env): CommonConfig {
  return {
    host: readHost(env),
    auth: readAuthSettings(env),
    maxTextBytes: readBytes(env, COMMON_ENV.maxTextBytes, DEFAULT_MAX_TEXT_BYTES),
    shutdownTimeoutMs: readInteger(env, COMMON_ENV.shutdownTimeoutMs, DEFAULT_SHUTDOWN_TIMEOUT_MS, 0, 600_000),
    logLevel: readLogLevel(env),
    metricsPublic: readBoolean(env, COMMON_ENV.metricsPublic, false),
    workers: readWorkers(env, availableParallelism()),
  };
}

/** A service that needs nothing beyond the common settings and its own port. */
export interface PortServiceConfig extends CommonConfig {
  port: number;
}

export function readPortServiceConfig(env: Env, portVariable: string, defaultPort: number): PortServiceConfig {
  return { ...readCommonConfig(env), port: readPort(env, portVariable, defaultPort) };
}
