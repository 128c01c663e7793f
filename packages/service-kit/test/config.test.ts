import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, bytes, httpUrl, port, readAuthKeys, readAuthSettings, readCommonConfig, readSetting, readWorkers, setting } from '../src/index.js';

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

  it('reads a declared setting through its parser, the default too, and unset as undefined without one', () => {
    const size = setting({ variable: 'S', default: '1kb', parse: bytes, description: 'a size' });
    expect(readSetting({}, size)).toBe(1024);
    expect(readSetting({ S: ' 2kb ' }, size)).toBe(2048);
    const optional = setting({ variable: 'O', default: undefined, parse: bytes, description: 'a size' });
    expect(readSetting({ O: '' }, optional)).toBeUndefined();
  });

  it('names the variable and the problem for a bad port', () => {
    const declared = setting({ variable: 'P', default: '1', parse: port, description: 'a port' });
    expect(readSetting({ P: '8080' }, declared)).toBe(8080);
    expect(() => readSetting({ P: 'eighty' }, declared)).toThrowError('P: expected a whole number, got "eighty"');
    expect(() => readSetting({ P: '70000' }, declared)).toThrowError('P: must be between 0 and 65535, got 70000');
  });

  it('reads sizes with units', () => {
    expect(bytes('100kb', 'S')).toBe(102_400);
    expect(bytes('2mb', 'S')).toBe(2 * 1024 * 1024);
    expect(bytes('5000', 'S')).toBe(5000);
    expect(() => bytes('lots', 'S')).toThrowError(/^S: expected a size/);
    expect(() => bytes('65mb', 'S')).toThrowError('S: must be between 1 byte and 64mb, got "65mb"');
  });

  it('accepts only http(s) URLs for endpoints', () => {
    expect(httpUrl('http://localhost:8081', 'E').href).toBe('http://localhost:8081/');
    expect(() => httpUrl('localhost:8081', 'E')).toThrowError(/^E: expected an http/);
    expect(() => httpUrl('ftp://h', 'E')).toThrowError(/^E: expected an http/);
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
