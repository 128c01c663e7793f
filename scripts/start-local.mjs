#!/usr/bin/env node
// `npm start`: builds if needed, starts rake-app, prose-app and the nlp-client gateway on
// loopback, prints the key and a curl line, and stops all three cleanly on Ctrl-C.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { localPlan, ROOT as root } from './lib/local-plan.mjs';

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
// Read after the build: the services' settings tables give the variables and their defaults.
const plan = await localPlan(env);
const { ENDPOINTS } = await import('@nlp-api/api-schema');
const keywordsPath = ENDPOINTS.find((endpoint) => endpoint.name === 'keywords').path;
const children = plan.services.map(({ name, entry, env: own }) => {
  const child = spawn(process.execPath, [entry], {
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
