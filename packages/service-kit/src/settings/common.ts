import { bindAddress, boolean, bytes, integer, oneOf, text, urlPath, workerCount } from './parsers.js';
import { setting } from './setting.js';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** The settings every service reads. Each service's own settings are in its settings.ts. */
export const COMMON_SETTINGS = {
  authKey: setting({
    variable: 'AUTH_KEY',
    default: undefined,
    parse: text,
    description: 'API key(s), comma-separated for rotation (`old,new`)',
  }),
  authKeyFile: setting({
    variable: 'AUTH_KEY_FILE',
    default: undefined,
    parse: text,
    description: 'file holding the key(s), for Docker secrets; instead of `AUTH_KEY`',
  }),
  jwtSecret: setting({
    variable: 'AUTH_JWT_SECRET',
    default: undefined,
    parse: text,
    description: 'accept HS256 JWTs signed with this secret (≥ 32 bytes)',
  }),
  jwtSecretFile: setting({
    variable: 'AUTH_JWT_SECRET_FILE',
    default: undefined,
    parse: text,
    description: 'file holding the HS256 secret, for Docker secrets; instead of `AUTH_JWT_SECRET`',
  }),
  jwtPublicKey: setting({
    variable: 'AUTH_JWT_PUBLIC_KEY',
    default: undefined,
    parse: text,
    description: 'accept RS256 or ES256 JWTs verified with this PEM public key (`\\n` for line breaks)',
  }),
  jwtPublicKeyFile: setting({
    variable: 'AUTH_JWT_PUBLIC_KEY_FILE',
    default: undefined,
    parse: text,
    description: 'file holding the PEM public key, for Docker secrets; instead of `AUTH_JWT_PUBLIC_KEY`',
  }),
  jwtAudience: setting({
    variable: 'AUTH_JWT_AUDIENCE',
    default: undefined,
    parse: text,
    description: 'required `aud` claim',
  }),
  jwtIssuer: setting({
    variable: 'AUTH_JWT_ISSUER',
    default: undefined,
    parse: text,
    description: 'required `iss` claim',
  }),
  jwtClockSkewSec: setting({
    variable: 'AUTH_JWT_CLOCK_SKEW_S',
    default: '30',
    parse: integer(0, 300),
    description: 'tolerated clock skew for `exp`, in seconds (at most 300)',
  }),
  host: setting({
    variable: 'HOST',
    default: '0.0.0.0',
    defaultNote: '`npm start`: `127.0.0.1`',
    parse: bindAddress,
    description: 'bind address',
  }),
  maxTextBytes: setting({
    variable: 'MAX_TEXT_BYTES',
    default: '100kb',
    defaultNote: '102,400 bytes, as AWS Comprehend',
    parse: bytes,
    description: 'largest `text`, in UTF-8 bytes; accepts `102400`, `100kb`, `1mb` (at most `64mb`)',
  }),
  shutdownTimeoutMs: setting({
    variable: 'SHUTDOWN_TIMEOUT_MS',
    default: '10000',
    parse: integer(0, 600_000),
    description: 'how long in-flight requests may finish after SIGTERM',
  }),
  logLevel: setting({
    variable: 'LOG_LEVEL',
    default: 'info',
    parse: oneOf(LOG_LEVELS),
    description: '`fatal` … `trace`, or `silent`',
  }),
  metricsPublic: setting({
    variable: 'METRICS_PUBLIC',
    default: 'false',
    parse: boolean,
    description: 'serve `GET /metrics` without the key',
  }),
  workers: setting({
    variable: 'WORKERS',
    default: '1',
    parse: workerCount,
    description: 'processes serving the port, 1 to 64; `auto` = one per CPU',
    details:
      'With node:cluster: a supervisor forks them, replaces one that dies, drains all on SIGTERM. Keep 1 in containers: ' +
      "node sees the host's CPUs, not the task's vCPU quota; scale with replicas there. `npm start` runs prose-app " +
      'with `auto` and the others with 1',
  }),
} as const;

/** The container health check's own setting (it also reads HOST and the service's port). */
export const PROBE_SETTINGS = {
  path: setting({
    variable: 'HEALTHCHECK_PATH',
    default: '/health',
    parse: urlPath,
    description: "the path the container's HEALTHCHECK probes",
    details: '`stack.yml` sets `/ready` on the backends, so a task counts as healthy only once its models are loaded',
  }),
} as const;
