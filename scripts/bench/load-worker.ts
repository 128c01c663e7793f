/**
 * The load generator: autocannon in a child process the bench pins to core 1, spoken to in JSON
 * lines (see worker-channel.ts):
 *
 *   {"op":"init","textsFile":"..."}
 *   {"op":"run","url":"http://127.0.0.1:PORT","method":"POST","path":"/tokens","size":"1KB",
 *    "fields":{"algorithm":"positionrank"},"headers":{...},"connections":10,"phase":{"seconds":5}|{"amount":8},"timeoutSec":120,
 *    "overallRate":80 (optional: paced, requests per second over all connections)}
 *
 * A warm-up is just a run whose answer the bench throws away.
 *
 * Every connection cycles through all variant texts of the size, each sent as {"text", ...fields}
 * (fields, optional, choose what the endpoint runs, e.g. the keyword algorithm). The rate is counted here, not
 * taken from autocannon's summary (which samples once a second): in a timed run, the 2xx answers
 * that arrive within `seconds` of the start, divided by `seconds`; in an amount run, the amount
 * divided by the time to the last answer.
 */
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import type { TextSet } from '@nlp-api/corpus';
import { serveLines } from './worker-channel.js';

const MAX_LATENCIES = 5_000;

/** At most MAX_LATENCIES values, evenly spaced, so a reply stays small; percentiles barely move. */
function sample(values: number[]): number[] {
  if (values.length <= MAX_LATENCIES) return values;
  const step = values.length / MAX_LATENCIES;
  return Array.from({ length: MAX_LATENCIES }, (_, i) => values[Math.floor(i * step)] as number);
}

export type Phase = { seconds: number } | { amount: number };

let texts: TextSet | undefined;

interface RunMessage {
  url: string;
  method: 'GET' | 'POST';
  path: string;
  size?: keyof TextSet['texts'];
  /** Sent with the text in every body. */
  fields?: Record<string, unknown>;
  headers: Record<string, string>;
  connections: number;
  /** Requests per second over all connections; absent: as fast as the server answers. */
  overallRate?: number;
  phase: Phase;
  timeoutSec: number;
}

export interface PhaseResult {
  /** 2xx answers counted for the rate. */
  counted: number;
  /** Seconds the rate is computed over. */
  windowSec: number;
  /** All 2xx answers of the run, and its length from start to the last answer autocannon waited for. */
  total2xx: number;
  runSec: number;
  non2xx: number;
  statusCodes: Record<string, number>;
  errors: number;
  timeouts: number;
  /** Latency in ms of the counted answers (every one, or an even sample of at most MAX_LATENCIES). */
  latenciesMs: number[];
  clientCpuMs: number;
}

function runPhase(message: RunMessage, phase: Phase): Promise<PhaseResult> {
  const bodies = message.size && texts ? texts.texts[message.size].map((text) => JSON.stringify({ text, ...message.fields })) : [undefined];
  const requests = bodies.map((body) => ({ method: message.method, path: message.path, ...(body === undefined ? {} : { body }) }));
  const timed = 'seconds' in phase;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const windowEnd = timed ? started + phase.seconds * 1000 : Infinity;
  let counted = 0;
  let lastAnswer = started;
  const statusCodes: Record<string, number> = {};
  const latencies: number[] = [];

  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: message.url,
        connections: message.connections,
        pipelining: 1,
        timeout: message.timeoutSec,
        headers: message.headers,
        requests,
        ...(message.overallRate ? { overallRate: message.overallRate } : {}),
        // Check for the end every 100 ms, not every second, so a run stops close to its window.
        sampleInt: 100,
        ...(timed ? { duration: phase.seconds } : { amount: phase.amount }),
      },
      (error, result) => {
        if (error) {
          reject(error);
          return;
        }
        const cpu = process.cpuUsage(cpuBefore);
        const runSec = (lastAnswer - started) / 1000;
        resolve({
          counted,
          windowSec: timed ? phase.seconds : runSec,
          total2xx: result['2xx'],
          runSec,
          non2xx: result.non2xx,
          statusCodes,
          errors: result.errors,
          timeouts: result.timeouts,
          latenciesMs: sample(latencies).map((ms) => Math.round(ms * 100) / 100),
          clientCpuMs: (cpu.user + cpu.system) / 1000,
        });
      },
    );
    // The tracker emits (client, statusCode, bytes, ms); the type definitions leave out the client.
    (instance as unknown as NodeJS.EventEmitter).on('response', (_client: unknown, statusCode: number, _bytes: number, ms: number) => {
      const now = performance.now();
      statusCodes[statusCode] = (statusCodes[statusCode] ?? 0) + 1;
      if (statusCode < 200 || statusCode >= 300) return;
      lastAnswer = now;
      if (now <= windowEnd) {
        counted++;
        latencies.push(ms);
      }
    });
  });
}

serveLines(async (raw) => {
  if (raw.op === 'init') {
    texts = JSON.parse(readFileSync(String(raw.textsFile), 'utf8')) as TextSet;
    return { ok: true };
  }
  if (raw.op === 'run') {
    const message = raw as unknown as RunMessage;
    return { ...(await runPhase(message, message.phase)) };
  }
  throw new Error(`unknown op ${String(raw.op)}`);
});
