import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, readAuthKeys, readAuthSettings, readBytes, readCommonConfig, readPort, readUrl, readWorkers } from '../src/index.js';

describe('config parsing', () => {
  it('uses defaults when variables are unset or empty', () => {
    const config = readCommonConfig({ AUTH_KEY: 'k', MAX_TEXT_BYTES: '' });
    expect(config).toMatchObject({ host: '0.0.0.0', auth: { keys: ['k'] }, maxTextBytes: 102_400, logLevel: 'info' });
  });

  it('refuses to start without a key, naming AUTH_KEY', () => {
    expect(() => readAuthSettings({})).toThrowError(ConfigError);
    expect(() => readAuthSettings({})).toThrowError(/^AUTH_KEY: no API key configured/);
    expect(() => readAuthSettings({ AUTH_KEY: ' , ' })).toThrowError(/^AUTH_KEY: holds no key/);
  });

  it('splits AUTH_KEY on commas for rotation', () => {
    expect(readAuthKeys({ AUTH_KEY: 'old, new ,' })).toEqual(['old', 'new']);
  });

  it('reads keys from AUTH_KEY_FILE, as Docker secrets deliver them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kit-'));
    const file = join(dir, 'key');
    writeFileSync(file, 'from-file\n');
    expect(readAuthKeys({ AUTH_KEY_FILE: file })).toEqual(['from-file']);
    expect(() => readAuthKeys({ AUTH_KEY_FILE: join(dir, 'missing') })).toThrowError(/^AUTH_KEY_FILE: cannot read/);
    expect(() => readAuthKeys({ AUTH_KEY_FILE: file, AUTH_KEY: 'x' })).toThrowError(/not both/);
  });

  it('names the variable and the problem for a bad port', () => {
    expect(readPort({ P: '8080' }, 'P', 1)).toBe(8080);
    expect(() => readPort({ P: 'eighty' }, 'P', 1)).toThrowError('P: expected a whole number, got "eighty"');
    expect(() => readPort({ P: '70000' }, 'P', 1)).toThrowError('P: must be between 0 and 65535, got 70000');
  });

  it('reads sizes with units', () => {
    expect(readBytes({ S: '100kb' }, 'S', 1)).toBe(102_400);
    expect(readBytes({ S: '2mb' }, 'S', 1)).toBe(2 * 1024 * 1024);
    expect(readBytes({ S: '5000' }, 'S', 1)).toBe(5000);
    expect(() => readBytes({ S: 'lots' }, 'S', 1)).toThrowError(/^S: expected a size/);
  });

  it('accepts only http(s) URLs for endpoints', () => {
    expect(readUrl({}, 'E', 'http://localhost:8081').href).toBe('http://localhost:8081/');
    expect(() => readUrl({ E: 'localhost:8081' }, 'E', 'x')).toThrowError(/^E: expected an http/);
    expect(() => readUrl({ E: 'ftp://h' }, 'E', 'x')).toThrowError(/^E: expected an http/);
  });

  it('rejects an unknown log level', () => {
    expect(() => readCommonConfig({ AUTH_KEY: 'k', LOG_LEVEL: 'loud' })).toThrowError(/^LOG_LEVEL/);
  });
});

describe('WORKERS', () => {
  it('is 1 unless set, a whole number from 1 to 64, or one per CPU for "auto"', () => {
    expect(readWorkers({}, 8)).toBe(1);
    expect(readWorkers({ WORKERS: '3' }, 8)).toBe(3);
    expect(readWorkers({ WORKERS: 'auto' }, 2)).toBe(2);
    expect(readWorkers({ WORKERS: 'AUTO' }, 0)).toBe(1);
    expect(() => readWorkers({ WORKERS: '0' }, 2)).toThrow(/WORKERS: must be between 1 and 64/);
    expect(() => readWorkers({ WORKERS: 'two' }, 2)).toThrow(/WORKERS: expected a whole number/);
  });
});
