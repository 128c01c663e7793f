/**
 * The in-process limit: the services' own domain functions on the bench's texts, no HTTP, in a
 * child process the bench pins to core 0 (the services' core). Spoken to in JSON lines
 * (see worker-channel.ts):
 *
 *   {"op":"init","textsFile":"..."}                         -> {"loadMs": ..., "taggerLoadMs": ...}
 *   {"op":"measure","fn":"tokens","size":"1KB","durationMs":1000|"rounds":2,"wholeRounds":true,"json":false}
 *     -> {"iterations","elapsedMs","cpuMs","settledMsPerCall"}
 *
 * settledMsPerCall (warm-ups only, "wholeRounds": false): the time per call of the calls begun in
 * the second half of the warm-up, when there were any. The first calls run cold code, and the
 * tagger's first calls touch its model's pages for the first time: a 1 KB PositionRank call takes
 * three times as long then, enough to mistake a fast row for a slow one.
 *
 * A round is one call on each variant text of the size, so every text weighs the same, as in the
 * HTTP rows. With "json": true each call also does what the service does around the function:
 * JSON.parse of the request body and JSON.stringify of the answer.
 *
 * "keywords" is RAKE with its defaults, as `POST /keywords {"text"}` runs it; "positionrank" and
 * "multipartiterank" are what `{"text", "algorithm": ...}` runs: the standalone tagger (loaded at
 * init, as rake-app loads it at start-up), then the keyphrase ranking, with their defaults.
 */
import { readFileSync } from 'node:fs';
import { loadStandaloneTagger, type PosTagger } from '@nlp-api/english';
import { loadNlpEngine, type NlpEngine } from '@nlp-api/prose-app/nlp';
import { extract, readKeywordRequest } from '@nlp-api/rake-app/keywords';
import type { TextSet } from '@nlp-api/corpus';
import { serveLines } from './worker-channel.js';

export type RawFn = 'keywords' | 'positionrank' | 'multipartiterank' | 'tokens' | 'entities' | 'sentences';

let texts: TextSet | undefined;
let engine: NlpEngine | undefined;
let tagger: PosTagger | undefined;
let sink = 0;

function functionFor(fn: RawFn): (text: string) => unknown[] {
  if (!engine || !tagger) throw new Error('init first');
  const loadedTagger = tagger;
  if (fn === 'keywords' || fn === 'positionrank' || fn === 'multipartiterank') {
    // rake-app's own dispatch, on the request it reads from {"text"} or {"text", "algorithm"}
    // (read once: the options do not depend on the text, which goes to extract).
    const request = readKeywordRequest(fn === 'keywords' ? { text: '' } : { text: '', algorithm: fn });
    return (text) => extract(text, request, () => loadedTagger);
  }
  const loaded = engine;
  if (fn === 'tokens') return (text) => loaded.tokens(text);
  if (fn === 'entities') return (text) => loaded.entities(text);
  if (fn === 'sentences') return (text) => loaded.sentences(text);
  throw new Error(`unknown function ${String(fn)}`);
}

serveLines(async (message) => {
  if (message.op === 'init') {
    texts = JSON.parse(readFileSync(String(message.textsFile), 'utf8')) as TextSet;
    const started = performance.now();
    engine = loadNlpEngine();
    const loadMs = performance.now() - started;
    tagger = loadStandaloneTagger();
    return { loadMs, taggerLoadMs: performance.now() - started - loadMs };
  }
  if (message.op === 'measure') {
    if (!texts) throw new Error('init first');
    const name = message.fn as RawFn;
    const fn = functionFor(name);
    const variants = texts.texts[message.size as keyof TextSet['texts']];
    if (!variants) throw new Error(`no texts of size ${String(message.size)}`);
    // The request body the service would parse: the algorithm named when it is not the default.
    const fields = name === 'positionrank' || name === 'multipartiterank' ? { algorithm: name } : {};
    const bodies = variants.map((text) => Buffer.from(JSON.stringify({ text, ...fields })));
    const json = message.json === true;
    const once = json
      ? (i: number) => {
          const parsed = JSON.parse((bodies[i] as Buffer).toString('utf8')) as { text: string };
          sink += JSON.stringify(fn(parsed.text)).length;
        }
      : (i: number) => {
          sink += fn(variants[i] as string).length;
        };
    const round = () => {
      for (let i = 0; i < variants.length; i++) once(i);
    };

    // Exactly `rounds` whole rounds (every text equally often); or whole rounds for at least
    // durationMs; or, for a warm-up or an estimate (wholeRounds false), single calls cycling
    // through the texts for at least durationMs, one call at least.
    const durationMs = Number(message.durationMs);
    const wholeRounds = message.wholeRounds !== false;
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    let calls = 0;
    const rounds = Number(message.rounds ?? 0);
    if (wholeRounds && rounds > 0) {
      for (let r = 0; r < rounds; r++) round();
      calls = rounds * variants.length;
    } else if (wholeRounds) {
      do {
        round();
        calls += variants.length;
      } while (performance.now() - started < durationMs);
    } else {
      const half = started + durationMs / 2;
      let late: { from: number; at: number } | undefined;
      do {
        if (late === undefined && performance.now() >= half) late = { from: calls, at: performance.now() };
        once(calls++ % variants.length);
      } while (performance.now() - started < durationMs);
      const elapsedMs = performance.now() - started;
      const cpu = process.cpuUsage(cpuBefore);
      const settledMsPerCall = late ? (started + elapsedMs - late.at) / (calls - late.from) : elapsedMs / calls;
      return { iterations: calls, elapsedMs, cpuMs: (cpu.user + cpu.system) / 1000, settledMsPerCall, sink: sink % 1000 };
    }
    const elapsedMs = performance.now() - started;
    const cpu = process.cpuUsage(cpuBefore);
    return { iterations: calls, elapsedMs, cpuMs: (cpu.user + cpu.system) / 1000, sink: sink % 1000 };
  }
  throw new Error(`unknown op ${String(message.op)}`);
});
