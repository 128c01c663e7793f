// Which way to use both cores for prose-app: one process, worker threads, or a node:cluster.
// The same stripped server (read the body, run the engine's tokens(), answer the JSON) in each of
// the three models, measured with autocannon, unpinned (as when one machine runs the services).
//
//   npm run build && node scripts/bench/threading-models.mjs [seconds] [connections] [workers]
//
// Prints req/s, latency and the RSS summed over the process tree for each model.
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import cluster from 'node:cluster';
import http from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, isMainThread, parentPort } from 'node:worker_threads';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const engineModule = join(root, 'services', 'prose-app', 'dist', 'nlp', 'index.js');
const MODE = process.env.THREADING_MODE;
const N = Number(process.env.THREADING_WORKERS ?? 2);
const PORT = Number(process.env.THREADING_PORT ?? 0);

async function loadEngine() {
  const { loadNlpEngine } = await import(engineModule);
  return loadNlpEngine();
}

function serve(compute) {
  http
    .createServer((req, res) => {
      const chunks = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', async () => {
        const { text } = JSON.parse(Buffer.concat(chunks).toString());
        const body = await compute(text);
        res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
        res.end(body);
      });
    })
    .listen(PORT, '127.0.0.1');
}

async function threadPool() {
  const workers = [];
  const pending = new Map();
  let nextId = 0;
  await Promise.all(
    Array.from({ length: N }, () => new Promise((resolve) => {
      const worker = new Worker(fileURLToPath(import.meta.url), { env: { ...process.env } });
      worker.busy = 0;
      worker.on('message', (m) => {
        if (m.ready) return resolve();
        worker.busy--;
        pending.get(m.id)(m.json);
        pending.delete(m.id);
      });
      workers.push(worker);
    })),
  );
  return (text) =>
    new Promise((resolve) => {
      const worker = workers.reduce((a, b) => (b.busy < a.busy ? b : a));
      worker.busy++;
      const id = nextId++;
      pending.set(id, resolve);
      worker.postMessage({ id, text });
    });
}

if (!isMainThread) {
  const engine = await loadEngine();
  parentPort.on('message', ({ id, text }) => parentPort.postMessage({ id, json: JSON.stringify(engine.tokens(text)) }));
  parentPort.postMessage({ ready: true });
} else if (MODE === 'cluster') {
  if (cluster.isPrimary) for (let i = 0; i < N; i++) cluster.fork();
  else {
    const engine = await loadEngine();
    serve(async (text) => JSON.stringify(engine.tokens(text)));
  }
} else if (MODE === 'threads') {
  serve(await threadPool());
} else if (MODE === 'single') {
  const engine = await loadEngine();
  serve(async (text) => JSON.stringify(engine.tokens(text)));
} else {
  // The driver.
  const seconds = process.argv[2] ?? '8';
  const connections = process.argv[3] ?? '8';
  const workers = process.argv[4] ?? '2';
  const sentences = readFileSync(join(root, '..', 'shared', 'data', 'ud-en-ewt', 'en_ewt-ud-dev.conllu'), 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('# text = '))
    .map((line) => line.slice(9));
  let text = '';
  for (const sentence of sentences.slice(200)) {
    if (text.length + sentence.length > 1000) break;
    text += (text ? ' ' : '') + sentence;
  }
  const body = JSON.stringify({ text });
  const autocannon = join(root, 'node_modules', '.bin', 'autocannon');
  const treeRssMiB = (pid) => {
    const parents = new Map();
    for (const entry of readdirSync('/proc').filter((e) => /^\d+$/.test(e))) {
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
      } catch {}
    }
    const tree = [pid];
    for (let i = 0; i < tree.length; i++) for (const [child, parent] of parents) if (parent === tree[i]) tree.push(child);
    return tree.reduce((sum, p) => {
      try {
        return sum + Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'))[1]) / 1024;
      } catch {
        return sum;
      }
    }, 0);
  };
  for (const mode of ['single', 'threads', 'cluster']) {
    const port = String(18_300 + Math.floor(Math.random() * 500));
    const server = spawn(process.execPath, [fileURLToPath(import.meta.url)], {
      env: { ...process.env, THREADING_MODE: mode, THREADING_WORKERS: workers, THREADING_PORT: port },
      stdio: 'ignore',
    });
    const url = `http://127.0.0.1:${port}/`;
    for (let i = 0; i < 300; i++) {
      const ok = await fetch(url, { method: 'POST', body }).then((r) => r.ok, () => false);
      if (ok) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const run = (duration) =>
      spawnSync(autocannon, ['-j', '-c', connections, '-d', duration, '-m', 'POST', '-b', body, url], { encoding: 'utf8' }).stdout;
    run('2');
    const result = JSON.parse(run(seconds));
    console.log(
      `${mode.padEnd(8)} ${result.requests.average.toFixed(1)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ` +
        `errors ${result.errors + result.non2xx}, RSS ${treeRssMiB(server.pid).toFixed(0)} MiB`,
    );
    server.kill('SIGKILL');
    await new Promise((resolve) => server.once('exit', resolve));
  }
}
