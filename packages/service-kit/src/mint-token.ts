// `npm run token -- --sub alice --ttl 1h`: mints a JWT for testing.
// HS256 with AUTH_JWT_SECRET (or AUTH_JWT_SECRET_FILE); RS256/ES256 with --private-key <pem file>.
import { createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import jwt from 'jsonwebtoken';
import { readJwtSettings } from './config.js';
import { COMMON_SETTINGS } from './settings/common.js';
import { ConfigError, readSetting } from './settings/setting.js';

const USAGE = 'usage: npm run token -- --sub <subject> [--ttl 1h] [--aud <audience>] [--iss <issuer>] [--private-key <pem file>]';

/** "90s", "15m", "1h", "7d" -> seconds. */
export function parseTtl(text: string): number {
  const match = /^(\d+)(s|m|h|d)$/.exec(text);
  if (!match) throw new Error(`--ttl: expected a duration such as 30s, 15m, 1h or 7d, got "${text}"`);
  const unit = { s: 1, m: 60, h: 3600, d: 86_400 }[match[2] as 's' | 'm' | 'h' | 'd'];
  const seconds = Number(match[1]) * unit;
  if (seconds < 1 || seconds > 366 * 86_400) throw new Error('--ttl: must be between 1s and 366d');
  return seconds;
}

export interface MintOptions {
  sub: string;
  ttlSeconds: number;
  aud?: string;
  iss?: string;
}

export function mintToken(options: MintOptions, key: { secret: string } | { privateKeyPem: string }): string {
  const claims = {
    expiresIn: options.ttlSeconds,
    subject: options.sub,
    ...(options.aud ? { audience: options.aud } : {}),
    ...(options.iss ? { issuer: options.iss } : {}),
  };
  if ('secret' in key) return jwt.sign({}, key.secret, { algorithm: 'HS256', ...claims });
  const type = createPrivateKey(key.privateKeyPem).asymmetricKeyType;
  const algorithm = type === 'rsa' ? 'RS256' : type === 'ec' ? 'ES256' : undefined;
  if (!algorithm) throw new Error('--private-key: expected an RSA or P-256 EC private key');
  return jwt.sign({}, key.privateKeyPem, { algorithm, ...claims });
}

function main(): void {
  const { values } = parseArgs({
    options: {
      sub: { type: 'string' },
      ttl: { type: 'string', default: '1h' },
      aud: { type: 'string' },
      iss: { type: 'string' },
      'private-key': { type: 'string' },
    },
  });
  if (!values.sub) throw new Error(`--sub is required\n${USAGE}`);
  const options: MintOptions = { sub: values.sub, ttlSeconds: parseTtl(values.ttl ?? '1h') };
  const aud = values.aud ?? readSetting(process.env, COMMON_SETTINGS.jwtAudience);
  const iss = values.iss ?? readSetting(process.env, COMMON_SETTINGS.jwtIssuer);
  if (aud) options.aud = aud;
  if (iss) options.iss = iss;
  if (values['private-key']) {
    process.stdout.write(`${mintToken(options, { privateKeyPem: readFileSync(values['private-key'], 'utf8') })}\n`);
    return;
  }
  const secret = readJwtSettings(process.env)?.secret;
  if (!secret) throw new Error(`set ${COMMON_SETTINGS.jwtSecret.variable} (the HS256 secret the services use) or pass --private-key\n${USAGE}`);
  process.stdout.write(`${mintToken(options, { secret })}\n`);
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  try {
    main();
  } catch (error) {
    process.stderr.write(`token: ${error instanceof ConfigError ? error.message : (error as Error).message}\n`);
    process.exit(2);
  }
}
