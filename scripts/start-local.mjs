#!/usr/bin/env node
// `npm start`: builds if needed, starts rake-app, prose-app and the nlp-client gateway on
// loopback, prints the key and a curl line, and stops all three cleanly on Ctrl-C.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const env = process.env;
const SEED =
  'The Internet is the global system of interconnected computer networks that use the Internet protocol suite to link devices worldwide.';

function build() {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const result = spawnSync(process.execPath, [tsc, '-b'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('start: the TypeScript build failed; see the errors above.');
    process.exit(1);
  }
}

// Read after the build: the services' settings tables give the variables and their defaults.
async function settings() {
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
  const generatedKey = !env.AUTH_KEY && !env.AUTH_KEY_FILE;
  const key = generatedKey ? randomBytes(24).toString('base64url') : undefined;
  return {
    generatedKey,
    key,
    gatewayUrl: `http://${loopback.includes(':') ? `[${loopback}]` : loopback}:${gatewayPort}`,
    shared: { ...env, HOST: host, ...(key ? { AUTH_KEY: key } : {}) },
    // One machine runs all three: prose-app, which does nearly all the work, gets a worker per CPU
    // (the load test: 130 req/s with one process each on 2 cores, 250 with prose-app at 2, 216 with
    // all three at 2). WORKERS set by the user applies to every service.
    services: [
      { name: 'rake-app', env: { [RAKE_SETTINGS.port.variable]: rakePort, WORKERS: env.WORKERS || '1' } },
      { name: 'prose-app', env: { [PROSE_SETTINGS.port.variable]: prosePort, WORKERS: env.WORKERS || 'auto' } },
      {
        name: 'nlp-client',
        env: {
          WORKERS: env.WORKERS || '1',
          [GATEWAY_SETTINGS.port.variable]: gatewayPort,
          // Under npm start the backends are where this script put them, not at the tables' defaults.
          [GATEWAY_SETTINGS.rakeEndpoint.variable]: env[GATEWAY_SETTINGS.rakeEndpoint.variable] || `http://${loopback}:${rakePort}`,
          [GATEWAY_SETTINGS.proseEndpoint.variable]: env[GATEWAY_SETTINGS.proseEndpoint.variable] || `http://${loopback}:${prosePort}`,
        },
      },
    ],
  };
}

function prefixLines(stream, name, out) {
  let pending = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk) => {
    const lines = (pending + chunk).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) out.write(`[${name}] ${line}\n`);
  });
  stream.on('end', () => pending && out.write(`[${name}] ${pending}\n`));
}

async function waitUntilReady(url, children, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (children.some((child) => child.exitCode !== null)) return false;
    try {
      const res = await fetch(`${url}/ready`, { signal: AbortSignal.timeout(1_000) });
      if (res.ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

build();
const plan = await settings();
const { ENDPOINTS } = await import('@nlp-api/api-schema');
const keywordsPath = ENDPOINTS.find((endpoint) => endpoint.name === 'keywords').path;
const children = plan.services.map(({ name, env: own }) => {
  const child = spawn(process.execPath, [join(root, 'services', name, 'dist', 'server.js')], {
    cwd: root,
    env: { ...plan.shared, ...own },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.serviceName = name;
  prefixLines(child.stdout, name, process.stdout);
  prefixLines(child.stderr, name, process.stderr);
  return child;
});

let stopping = false;
function stopAll(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  Promise.all(children.map((child) => (child.exitCode !== null ? null : new Promise((r) => child.once('exit', r))))).then(() =>
    process.exit(code),
  );
}
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));
for (const child of children) {
  child.once('exit', (code, signal) => {
    if (stopping) return;
    console.error(`start: ${child.serviceName} exited (${signal ?? `code ${code}`}); stopping the others.`);
    stopAll(1);
  });
}

if (await waitUntilReady(plan.gatewayUrl, children, 60_000)) {
  const keyLine = plan.generatedKey
    ? `API key (generated for this run; set AUTH_KEY to choose your own): ${plan.key}`
    : 'API key: the one in AUTH_KEY / AUTH_KEY_FILE';
  const shownKey = plan.key ?? '<your key>';
  const body = JSON.stringify({ text: SEED });
  console.log(
    [
      '',
      `NLP API ready at ${plan.gatewayUrl}`,
      keyLine,
      '',
      'Try it:',
      `  curl -s -H 'Authorization: Bearer ${shownKey}' -d '${body}' ${plan.gatewayUrl}${keywordsPath}`,
      '',
      'Press Ctrl-C to stop all three services.',
      '',
    ].join('\n'),
  );
} else if (!stopping) {
  console.error(`start: the gateway at ${plan.gatewayUrl} did not become ready; stopping.`);
  stopAll(1);
}
