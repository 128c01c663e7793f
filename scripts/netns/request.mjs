// One HTTP client call (or a poll) made from inside a network namespace, timed where it is made.
// The root namespace must never talk to the namespaces' private /24, so the test runs this with
//   ip netns exec <pfx>-client node scripts/netns/request.mjs METHOD PATH [JSON_BODY]
// Environment:
//   NLP_BASE      base URL (default http://nlp-client:8080, resolved through the namespace's hosts file)
//   NLP_KEY       bearer key (sent when set)
//   TIMEOUT_MS    client-side limit per attempt (default 15000): a hang shows as status 0 and error "timeout"
//   UNTIL_STATUS  repeat until an answer has this status (or one of a comma-separated list) ...
//   EVERY_MS      ... pausing this long between attempts (default 100) ...
//   WITHIN_MS     ... for at most this long (default 30000)
// Prints one JSON line: [{"status","ms","at","text","error"?}, ...], one entry per attempt; `text` is the
// body as received, `ms` the attempt's latency (request sent to body read), `at` the epoch ms at which
// the answer arrived.
import { performance } from 'node:perf_hooks';

const [method = 'GET', path = '/health', body] = process.argv.slice(2);
const base = process.env.NLP_BASE ?? 'http://nlp-client:8080';
const key = process.env.NLP_KEY;
const timeoutMs = Number(process.env.TIMEOUT_MS ?? 15_000);
const untilStatus = process.env.UNTIL_STATUS ? process.env.UNTIL_STATUS.split(',').map(Number) : undefined;
const everyMs = Number(process.env.EVERY_MS ?? 100);
const withinMs = Number(process.env.WITHIN_MS ?? 30_000);

async function once() {
  const started = performance.now();
  try {
    const res = await fetch(base + path, {
      method,
      headers: key ? { authorization: `Bearer ${key}` } : {},
      body: method === 'GET' ? undefined : body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    return { status: res.status, ms: Math.round(performance.now() - started), at: Date.now(), text };
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    const message = name === 'TimeoutError' ? 'timeout' : String(error instanceof Error ? (error.cause ?? error.message) : error);
    return { status: 0, ms: Math.round(performance.now() - started), at: Date.now(), text: '', error: message };
  }
}

const attempts = [];
const deadline = Date.now() + withinMs;
for (;;) {
  const attempt = await once();
  attempts.push(attempt);
  if (untilStatus === undefined || untilStatus.includes(attempt.status) || Date.now() >= deadline) break;
  await new Promise((resolve) => setTimeout(resolve, everyMs));
}
process.stdout.write(JSON.stringify(attempts) + '\n');
