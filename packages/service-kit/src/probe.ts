import http from 'node:http';
import { COMMON_SETTINGS, PROBE_SETTINGS } from './settings/common.js';
import { readSetting, type Env, type Setting } from './settings/setting.js';

export { PROBE_SETTINGS };

const ANY_ADDRESS = new Set(['0.0.0.0', '::']);

/**
 * The container health check: GET /health (or HEALTHCHECK_PATH, e.g. /ready) on the service's own
 * port, exit 0 on 200 and 1 otherwise. It imports nothing but node:http and the settings tables
 * (no express), so a probe every few seconds costs a bare node start and no more.
 */
export function probeOwnPort(env: Env, portSetting: Setting<number, string>): void {
  let target: { host: string; port: number; path: string };
  try {
    const bound = readSetting(env, COMMON_SETTINGS.host);
    target = {
      host: ANY_ADDRESS.has(bound) ? '127.0.0.1' : bound,
      port: readSetting(env, portSetting),
      path: readSetting(env, PROBE_SETTINGS.path),
    };
  } catch (error) {
    process.stderr.write(`health check: ${(error as Error).message}\n`);
    process.exit(1);
  }
  const { host, port, path } = target;
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
