// What `npm start` runs: the three services, each with its environment, on loopback. Shared by
// scripts/start-local.mjs and the bench's npm-start part, so both run the same configuration.
// Reads the services' settings tables, so the build must exist.
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export async function localPlan(env) {
  const [{ RAKE_SETTINGS }, { PROSE_SETTINGS }, { GATEWAY_SETTINGS }] = await Promise.all([
    import('@nlp-api/rake-app/settings'),
    import('@nlp-api/prose-app/settings'),
    import('@nlp-api/nlp-client/settings'),
  ]);
  const valueOf = ({ variable, default: fallback }) => env[variable] || fallback;
  const host = env.HOST || '127.0.0.1';
  const rakePort = valueOf(RAKE_SETTINGS.port);
  const prosePort = valueOf(PROSE_SETTINGS.port);
  const gatewayPort = valueOf(GATEWAY_SETTINGS.port);
  const loopback = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  const urlOf = (port) => `http://${loopback.includes(':') ? `[${loopback}]` : loopback}:${port}`;
  const generatedKey = !env.AUTH_KEY && !env.AUTH_KEY_FILE;
  const key = generatedKey ? randomBytes(24).toString('base64url') : undefined;
  const service = (name, port, own) => ({ name, url: urlOf(port), entry: join(ROOT, 'services', name, 'dist', 'server.js'), env: own });
  return {
    generatedKey,
    key,
    gatewayUrl: urlOf(gatewayPort),
    shared: { ...env, HOST: host, ...(key ? { AUTH_KEY: key } : {}) },
    // One machine runs all three: prose-app, which does nearly all the work, gets a worker per CPU
    // (the load test: 130 req/s with one process each on 2 cores, 250 with prose-app at 2, 216 with
    // all three at 2). WORKERS set by the user applies to every service.
    services: [
      service('rake-app', rakePort, { [RAKE_SETTINGS.port.variable]: rakePort, WORKERS: env.WORKERS || '1' }),
      service('prose-app', prosePort, { [PROSE_SETTINGS.port.variable]: prosePort, WORKERS: env.WORKERS || 'auto' }),
      service('nlp-client', gatewayPort, {
        WORKERS: env.WORKERS || '1',
        [GATEWAY_SETTINGS.port.variable]: gatewayPort,
        // Under npm start the backends are where this script put them, not at the tables' defaults.
        [GATEWAY_SETTINGS.rakeEndpoint.variable]: env[GATEWAY_SETTINGS.rakeEndpoint.variable] || `http://${loopback}:${rakePort}`,
        [GATEWAY_SETTINGS.proseEndpoint.variable]: env[GATEWAY_SETTINGS.proseEndpoint.variable] || `http://${loopback}:${prosePort}`,
      }),
    ],
  };
}
