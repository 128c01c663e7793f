import http from 'node:http';

/** The probe's own setting: which path decides health (`/ready` for a backend that loads models). */
export const PROBE_ENV = { path: 'HEALTHCHECK_PATH' } as const;

/**
 * The container health check: GET /health (or HEALTHCHECK_PATH, e.g. /ready) on the service's own
 * port, exit 0 on 200 and 1 otherwise. It imports nothing but node:http, so a probe every few
 * seconds costs a bare node start and no more.
 */
export function probeOwnPort(env: NodeJS.ProcessEnv, portVariable: string, defaultPort: number): void {
  const port = Number(env[portVariable] || defaultPort);
  const bound = env.HOST;
  const host = !bound || bound === '0.0.0.0' || bound === '::' ? '127.0.0.1' : bound;
  const path = env[PROBE_ENV.path] || '/health';
  const req = http.get({ host, port, path, timeout: 2_500 }, (res) => {
    res.resume();
    process.exit(res.statusCode === 200 ? 0 : 1);
  });
  req.on('timeout', () => req.destroy(new Error('timed out')));
  req.on('error', (error) => {
    process.stderr.write(`health check of ${host}:${port}${path} failed: ${error.message}\n`);
    process.exit(1);
  });
}
