import type { CorsOrigins } from '../cors.js';
import { ConfigError, type Parser } from './setting.js';

export function integer(min: number, max: number): Parser<number> {
  return (text, variable) => {
    if (!/^\d+$/.test(text)) throw new ConfigError(variable, `expected a whole number, got "${text}"`);
    const parsed = Number(text);
    if (parsed < min || parsed > max) throw new ConfigError(variable, `must be between ${min} and ${max}, got ${text}`);
    return parsed;
  };
}

export const port: Parser<number> = integer(0, 65_535);

const MAX_BYTES = 64 * 1024 * 1024;

/** Plain bytes or a size with a unit: 100000, 100kb, 1mb (1 kb = 1024 bytes). */
export const bytes: Parser<number> = (text, variable) => {
  const match = /^(\d+)\s*(b|kb|kib|mb|mib)?$/i.exec(text);
  if (!match) throw new ConfigError(variable, `expected a size such as 102400, 100kb or 1mb, got "${text}"`);
  const unit = (match[2] ?? 'b').toLowerCase();
  const multiplier = unit.startsWith('m') ? 1024 * 1024 : unit.startsWith('k') ? 1024 : 1;
  const size = Number(match[1]) * multiplier;
  if (size < 1 || size > MAX_BYTES) throw new ConfigError(variable, `must be between 1 byte and 64mb, got "${text}"`);
  return size;
};

export const httpUrl: Parser<URL> = (text, variable) => {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ConfigError(variable, `expected an http(s) URL such as http://localhost:8081, got "${text}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(variable, `expected an http:// or https:// URL, got "${text}"`);
  }
  if (url.search || url.hash) throw new ConfigError(variable, `must not carry a query or fragment, got "${text}"`);
  return url;
};

export const bindAddress: Parser<string> = (text, variable) => {
  if (/\s|\//.test(text)) throw new ConfigError(variable, `expected a bind address such as 0.0.0.0 or 127.0.0.1, got "${text}"`);
  return text;
};

export const boolean: Parser<boolean> = (text, variable) => {
  const value = text.toLowerCase();
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  throw new ConfigError(variable, `expected true or false, got "${value}"`);
};

/** One of a fixed set of words, in any case. */
export function oneOf<const Word extends string>(words: readonly Word[]): Parser<Word> {
  return (text, variable) => {
    const value = text.toLowerCase();
    if (!(words as readonly string[]).includes(value)) throw new ConfigError(variable, `expected one of ${words.join(', ')}, got "${value}"`);
    return value as Word;
  };
}

export const text: Parser<string> = (value) => value;

export const urlPath: Parser<string> = (value, variable) => {
  if (!value.startsWith('/') || /\s/.test(value)) throw new ConfigError(variable, `expected a path such as /health, got "${value}"`);
  return value;
};

/** A number from 1 to 64, or "auto" for one per CPU (which config resolves, knowing the CPUs). */
export const workerCount: Parser<number | 'auto'> = (value, variable) =>
  value.toLowerCase() === 'auto' ? 'auto' : integer(1, 64)(value, variable);

/** "*" for any origin, or a comma-separated list of origins. */
export const corsOrigins: Parser<Exclude<CorsOrigins, 'none'>> = (value, variable) => {
  if (value === '*') return 'any';
  const origins = value.split(',').map((origin) => origin.trim()).filter(Boolean);
  for (const origin of origins) {
    let url: URL;
    try {
      url = new URL(origin);
    } catch {
      throw new ConfigError(variable, `expected origins such as https://app.example.com, got "${origin}"`);
    }
    if (url.origin !== origin) throw new ConfigError(variable, `"${origin}" is not an origin; did you mean ${url.origin}?`);
  }
  return origins;
};
