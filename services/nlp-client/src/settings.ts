// Apart from config.ts so the health check can read the port without loading express.
import { corsOrigins, httpUrl, integer, port, setting } from '@nlp-api/service-kit/settings';

/** The gateway's own settings; the common ones are service-kit's COMMON_SETTINGS. */
export const GATEWAY_SETTINGS = {
  port: setting({
    variable: 'NLP_CLIENT_PORT',
    default: '8080',
    parse: port,
    description: 'port the gateway listens on',
  }),
  rakeEndpoint: setting({
    variable: 'RAKE_ENDPOINT',
    default: 'http://localhost:8081',
    parse: httpUrl,
    description: 'where rake-app is',
  }),
  proseEndpoint: setting({
    variable: 'PROSE_ENDPOINT',
    default: 'http://localhost:8082',
    parse: httpUrl,
    description: 'where prose-app is',
  }),
  upstreamTimeoutMs: setting({
    variable: 'UPSTREAM_TIMEOUT_MS',
    default: '5000',
    parse: integer(1, 600_000),
    description: 'per-request timeout for a backend call (504 past it)',
  }),
  upstreamConnectTimeoutMs: setting({
    variable: 'UPSTREAM_CONNECT_TIMEOUT_MS',
    default: '1000',
    parse: integer(1, 60_000),
    description: 'a backend that does not accept the connection in time is unreachable (502)',
  }),
  upstreamMaxConnections: setting({
    variable: 'UPSTREAM_MAX_CONNECTIONS',
    default: '32',
    parse: integer(1, 10_000),
    description: 'most requests in flight to one backend; more wait in the gateway, in order, within their timeout',
  }),
  breakerFailures: setting({
    variable: 'BREAKER_FAILURES',
    default: '5',
    parse: integer(1, 1_000),
    description: 'after that many failures in a row, answer 503 at once for `BREAKER_COOLDOWN_MS`, then try one request',
  }),
  breakerCooldownMs: setting({
    variable: 'BREAKER_COOLDOWN_MS',
    default: '5000',
    parse: integer(100, 600_000),
    description: 'how long an open breaker answers 503 before it tries one request',
  }),
  rateLimitPerMinute: setting({
    variable: 'RATE_LIMIT_PER_MINUTE',
    default: '6000',
    parse: integer(0, 10_000_000),
    description: 'per client (key or JWT subject): at most that many a minute, its share of them each second, up to `RATE_LIMIT_BURST` at once; 429 with `Retry-After` past it; `0` turns it off',
  }),
  rateLimitBurst: setting({
    variable: 'RATE_LIMIT_BURST',
    default: '200',
    parse: integer(1, 1_000_000),
    description: 'requests a client may send at once before `RATE_LIMIT_PER_MINUTE` paces it',
  }),
  corsOrigins: setting({
    variable: 'CORS_ORIGINS',
    default: undefined,
    defaultNote: 'CORS off',
    parse: corsOrigins,
    description: 'comma-separated origins allowed to call the API from a browser, or `*`',
  }),
  batchMaxDocuments: setting({
    variable: 'BATCH_MAX_DOCUMENTS',
    default: '25',
    parse: integer(1, 1_000),
    description: 'documents per batch call',
  }),
  batchConcurrency: setting({
    variable: 'BATCH_CONCURRENCY',
    default: '1',
    parse: integer(1, 64),
    description: 'documents of one batch sent to the backend at once',
    details:
      'One backend process computes one at a time: 25 × 1 KB `/batch/tokens` took 184 ms one at a time and 237 ms ' +
      'four at a time; raise it when a backend runs several replicas',
  }),
} as const;
