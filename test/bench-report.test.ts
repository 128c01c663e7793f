// The bench's ratio, target and table code on fixed numbers. No timing here: the bench itself
// (npm run bench) is a report, never a test.
import { describe, expect, it } from 'vitest';
import { buildTexts, textFrom, type Corpus } from '@nlp-api/corpus';
import { aggregate, FULL, planFor } from '../scripts/bench/series.js';
import {
  atLeast,
  atMost,
  ceilings,
  compare,
  costGrowth,
  costPerKb,
  costPerKbTable,
  formatLatency,
  formatPercent,
  formatRate,
  median,
  percentile,
  renderMarkdown,
  TARGETS,
  targetSummary,
  throughputTable,
  type BenchReport,
  type Row,
  type Throughput,
} from '../scripts/bench/report.js';
import {
  judgeNpmStart,
  NPM_START_TARGETS,
  npmStartMemoryTable,
  npmStartTable,
  npmStartVerdicts,
  type NpmStartResult,
  type NpmStartRow,
} from '../scripts/bench/npm-start-report.js';

const measured = (reqPerSec: number, cpuMsPerReq?: number): Throughput => ({
  reqPerSec,
  requests: Math.round(reqPerSec * 5),
  windowSec: 5,
  mode: 'timed',
  connections: 10,
  ...(cpuMsPerReq === undefined ? {} : { cpuMsPerReq }),
  problems: [],
});

const rows: Row[] = [
  { id: '/health bare node:http', endpoint: '/health', via: 'bare node:http', result: measured(20_000, 0.05) },
  { id: '/health gateway', endpoint: '/health', via: 'gateway', limitId: '/health bare node:http', minRatio: 0.4, result: measured(9_000, 0.1) },
  { id: '/keywords 1KB in-process', endpoint: '/keywords', size: '1KB', via: 'in-process', result: { ...measured(5_000, 0.2), mode: 'in-process' } },
  { id: '/keywords 1KB direct', endpoint: '/keywords', size: '1KB', via: 'direct', limitId: '/keywords 1KB in-process', minRatio: 0.8, result: measured(3_000, 0.3) },
  { id: '/keywords 1KB gateway', endpoint: '/keywords', size: '1KB', via: 'gateway', limitId: '/keywords 1KB direct', minRatio: 0.85, error: 'boom' },
  { id: '/keywords 10KB direct', endpoint: '/keywords', size: '10KB', via: 'direct', result: measured(100, 10) },
  { id: '/keywords 100KB direct', endpoint: '/keywords', size: '100KB', via: 'direct', result: measured(8, 130) },
  { id: '/keywords 10KB in-process', endpoint: '/keywords', size: '10KB', via: 'in-process', result: measured(200, 5) },
  { id: '/keywords 100KB in-process', endpoint: '/keywords', size: '100KB', via: 'in-process', result: measured(20, 50) },
];

/** What a report says about the run itself, for a quick run of the parts matching `only`. */
const runOf = (only: string): Pick<BenchReport, 'startedAt' | 'finishedAt' | 'runSeconds' | 'quick' | 'only' | 'machine' | 'pinning' | 'corpus' | 'settings'> => ({
  startedAt: '2026-01-01T00:00:00.000Z',
  finishedAt: '2026-01-01T00:05:00.000Z',
  runSeconds: 300,
  quick: true,
  only,
  machine: { cpus: 2, cpuModel: 'test', node: '20', loadAverageBefore: '0', loadAverageAfter: '0' },
  pinning: { pinned: true, serverCore: '0', clientCore: '1', note: 'test' },
  corpus: { source: 'test', fallback: false, sizes: {} },
  settings: {},
});

describe('bench report', () => {
  it('takes medians of odd and even counts, and nearest-rank percentiles', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeUndefined();
    const hundred = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(hundred, 50)).toBe(50);
    expect(percentile(hundred, 99)).toBe(99);
    expect(percentile(hundred, 100)).toBe(100);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeUndefined();
  });

  it('judges minimum and maximum targets, and says n/a without a figure', () => {
    expect(atLeast(0.4, 0.4)).toBe('PASS');
    expect(atLeast(0.39, 0.4)).toBe('FAIL');
    expect(atLeast(undefined, 0.4)).toBe('n/a');
    expect(atLeast(0.1, undefined)).toBe('');
    expect(atMost(150, 150)).toBe('PASS');
    expect(atMost(151, 150)).toBe('FAIL');
  });

  it('compares each row with its limit, on throughput and on CPU per request', () => {
    const byRow = new Map(compare(rows).map((c) => [c.rowId, c]));
    const health = byRow.get('/health gateway')!;
    expect(health.ratio).toBeCloseTo(0.45);
    expect(health.cpuRatio).toBeCloseTo(0.5);
    expect(health.verdict).toBe('PASS');
    const direct = byRow.get('/keywords 1KB direct')!;
    expect(direct.ratio).toBeCloseTo(0.6);
    expect(direct.cpuRatio).toBeCloseTo(2 / 3);
    expect(direct.verdict).toBe('FAIL');
    expect(direct.cpuVerdict).toBe('FAIL');
    // A row that failed has no figure: not a pass, not a fail.
    expect(byRow.get('/keywords 1KB gateway')!.verdict).toBe('n/a');
  });

  it('computes time per KB growth from 10 KB to 100 KB, judging only the rows it is asked to', () => {
    const growth = costGrowth(rows, { '10KB': 10_240, '100KB': 102_400 });
    const direct = growth.find((g) => g.via === 'direct')!;
    // 10 ms/request over 10 KB is 1 ms/KB; 125 ms over 100 KB is 1.25 ms/KB.
    expect(direct.msPerKb10).toBeCloseTo(1);
    expect(direct.msPerKb100).toBeCloseTo(1.25);
    expect(direct.growth).toBeCloseTo(1.25);
    expect(direct.cpuGrowth).toBeCloseTo(1.3);
    expect(direct.verdict).toBe('PASS');
    const inProcess = growth.find((g) => g.via === 'in-process')!;
    expect(inProcess.growth).toBeCloseTo(1);
    expect(inProcess.verdict).toBe('');
  });

  it('formats rates, percentages and whole-millisecond latencies', () => {
    expect(formatRate(12_345.6)).toBe('12,346');
    expect(formatRate(42.123)).toBe('42.1');
    expect(formatRate(0.4)).toBe('0.40');
    expect(formatPercent(0.853)).toBe('85%');
    expect(formatPercent(0.0934)).toBe('9.3%');
    expect(formatLatency(0.4321)).toBe('0.432');
    expect(formatLatency(1234.5)).toBe('1,235');
  });

  it('renders one table line per row, with the ratio and the verdict', () => {
    const lines = throughputTable(rows, compare(rows)).split('\n');
    expect(lines).toHaveLength(2 + rows.length);
    const gateway = lines.find((line) => line.startsWith('| /health |  | gateway |'))!;
    expect(gateway).toContain('| 9,000 |');
    expect(gateway).toContain('| bare node:http | 45% | 50% | ≥ 40% | PASS |');
    expect(lines.find((line) => line.includes('| 1KB | gateway |'))).toContain('ERROR: boom');
  });

  it('lists every missed target in the report, and never more than were judged', () => {
    const report: BenchReport = {
      startedAt: '2026-01-01T00:00:00.000Z',
      finishedAt: '2026-01-01T00:05:00.000Z',
      runSeconds: 300,
      quick: false,
      machine: { cpus: 2, cpuModel: 'test', node: '20', loadAverageBefore: '0', loadAverageAfter: '0' },
      pinning: { pinned: true, serverCore: '0', clientCore: '1', note: 'test' },
      corpus: { source: 'test', fallback: false, sizes: {} },
      settings: {},
      rows,
      comparisons: compare(rows),
      ceilings: ceilings(rows),
      growth: costGrowth(rows, { '10KB': 10_240, '100KB': 102_400 }),
      costPerKb: [],
      memory: [{ service: 'prose-app', rssAfterMiB: 180, peakMiB: 200, maxMiB: 150, verdict: 'FAIL' }],
      startup: [{ service: 'rake-app', samplesMs: [300, 400, 350], medianMs: 350, maxMs: 1000, verdict: 'PASS' }],
      notes: [],
    };
    const summary = targetSummary(report);
    expect(summary.failed).toHaveLength(2);
    expect(summary.failed.join('\n')).toMatch(/keywords 1KB direct: 60% .*\n.*prose-app: RSS 180\.0 MiB/);
    expect(summary.missing).toEqual([expect.stringContaining('/keywords 1KB gateway')]);
    const markdown = renderMarkdown(report);
    expect(markdown).toContain('**3 PASS, 2 FAIL**');
    expect(markdown).toContain('| rake-app | 350 ms | 300, 400, 350 | ≤ 1 s | PASS |');
  });
});

describe('bench plans and slices', () => {
  it('times fast rows in slices and sends whole rounds of the texts to slow ones', () => {
    expect(planFor(undefined, 1, false, FULL)).toEqual({ kind: 'timed', connections: 10, sliceSec: 1, slices: 4, warmup: { seconds: 1 } });
    expect(planFor(0.1, 8, true, FULL)).toMatchObject({ kind: 'timed', connections: 4 });
    // 40 ms a call: about 19 answers in a 1 s slice, too few to count in a window.
    const medium = planFor(40, 8, false, FULL);
    expect(medium).toMatchObject({ kind: 'amount', connections: 2, amountPerSlice: 16, rawRoundsPerSlice: 2, slices: 4, warmup: { amount: 2 } });
    // 2.5 s a call on 2 texts: one connection, one round a slice, no warm-up, and enough slices for
    // the 8 requests a row needs at least.
    expect(planFor(2_500, 2, true, FULL)).toEqual({ kind: 'amount', connections: 1, amountPerSlice: 2, rawRoundsPerSlice: 1, slices: 4, warmup: null });
  });

  it('sums slices into one rate, CPU per request and latency percentiles, and names every problem', () => {
    const result = aggregate(
      [
        { counted: 100, windowSec: 1, total: 110, cpuMs: 55, wallMs: 1_100, clientCpuMs: 110, latenciesMs: [1, 2, 3], statusCodes: { 200: 110 } },
        { counted: 300, windowSec: 1, total: 290, cpuMs: 145, wallMs: 900, clientCpuMs: 90, latenciesMs: [4], non2xx: 2, errors: 1, statusCodes: { 200: 290, 503: 2 } },
      ],
      'timed',
      10,
    );
    expect(result.reqPerSec).toBe(200);
    expect(result.cpuMsPerReq).toBeCloseTo(0.5);
    expect(result.serverCpu).toBeCloseTo(0.1);
    expect(result.clientCpu).toBeCloseTo(0.1);
    expect(result.p50Ms).toBe(2);
    expect(result.p99Ms).toBe(4);
    expect(result.slices).toBe(2);
    expect(result.problems).toEqual(['2 non-2xx ({"200":400,"503":2})', '1 socket errors']);
  });
});

describe('bench texts', () => {
  const corpus: Corpus = { sentences: ['One two three.', 'Four five six seven.', 'Eight nine.'], source: 'test', fallback: false };

  it('joins whole sentences up to the size, wrapping around the corpus', () => {
    expect(textFrom(corpus.sentences, 2, { bytes: 26, maxBytes: 40 })).toBe('Eight nine. One two three.');
  });

  it('cuts at a word boundary rather than exceed the largest size', () => {
    const text = textFrom(corpus.sentences, 0, { bytes: 20, maxBytes: 22 });
    expect(text).toBe('One two three. Four');
  });

  it('builds the same texts every time, with their mean size', () => {
    const sizes = [{ name: '100B' as const, bytes: 30, maxBytes: 40, variants: 3 }];
    const a = buildTexts(corpus, sizes);
    expect(a).toEqual(buildTexts(corpus, sizes));
    expect(a.texts['100B']).toHaveLength(3);
    expect(a.meanBytes['100B']).toBeGreaterThan(0);
  });
});

describe('ceilings', () => {
  const timed = (cpuMsPerReq: number) => measured(1_000 / cpuMsPerReq, cpuMsPerReq);
  const figures: Row[] = [
    { id: '/health bare node:http', endpoint: '/health', via: 'bare node:http', result: timed(0.02) },
    { id: '/health bare proxy', endpoint: '/health', via: 'bare proxy', limitId: '/health bare node:http', result: timed(0.07) },
    { id: '/keywords 1KB in-process', endpoint: '/keywords', size: '1KB', via: 'in-process', result: { ...timed(0.1), mode: 'in-process' } },
    { id: '/keywords 1KB in-process + JSON', endpoint: '/keywords', size: '1KB', via: 'in-process + JSON', limitId: '/keywords 1KB in-process', result: { ...timed(0.13), mode: 'in-process' } },
    { id: '/keywords 1KB direct', endpoint: '/keywords', size: '1KB', via: 'direct', limitId: '/keywords 1KB in-process', minRatio: 0.8, result: timed(0.2) },
    { id: '/keywords 1KB gateway', endpoint: '/keywords', size: '1KB', via: 'gateway', limitId: '/keywords 1KB direct', minRatio: 0.85, result: timed(0.3) },
    { id: '/tokens 1KB in-process', endpoint: '/tokens', size: '1KB', via: 'in-process', result: { ...timed(5), mode: 'in-process' } },
    { id: '/tokens 1KB direct', endpoint: '/tokens', size: '1KB', via: 'direct', limitId: '/tokens 1KB in-process', minRatio: 0.8, result: timed(5.5) },
  ];

  it('bounds a direct row by the in-process cost plus JSON plus a bare server, and a gateway row by one bare proxy hop', () => {
    const [keywordsDirect, keywordsGateway, tokensDirect] = ceilings(figures);
    // 0.1 / (0.13 + 0.02)
    expect(keywordsDirect).toMatchObject({ rowId: '/keywords 1KB direct', targetAboveCeiling: true });
    expect(keywordsDirect!.ceiling).toBeCloseTo(0.6667, 3);
    expect(keywordsDirect!.cpuRatio).toBeCloseTo(0.5, 3);
    expect(keywordsDirect!.reached).toBeCloseTo(0.75, 3);
    // 0.2 / (0.2 + (0.07 - 0.02))
    expect(keywordsGateway).toMatchObject({ rowId: '/keywords 1KB gateway', targetAboveCeiling: true });
    expect(keywordsGateway!.ceiling).toBeCloseTo(0.8, 3);
    // No "+ JSON" row: the in-process cost alone stands for it. 5 / (5 + 0.02)
    expect(tokensDirect!.ceiling).toBeCloseTo(0.996, 3);
    expect(tokensDirect!.targetAboveCeiling).toBe(false);
  });

  it('names the ceiling of a missed target in the summary', () => {
    const summary = targetSummary({ comparisons: compare(figures), ceilings: ceilings(figures), growth: [], memory: [], startup: [] });
    expect(summary.failed.find((line) => line.startsWith('/keywords 1KB direct'))).toContain('ceiling here 67%, below the target, 75% of it reached');
  });

  it('takes the hop in front of a bare server as busy as the backend when the run measured it', () => {
    const withBusy: Row[] = [
      ...figures,
      { id: '/keywords 1KB bare server, busy', endpoint: '/keywords', size: '1KB', via: 'bare server, busy 180 µs', result: timed(0.21) },
      { id: '/keywords 1KB bare proxy, busy', endpoint: '/keywords', size: '1KB', via: 'bare proxy → that server', limitId: '/keywords 1KB bare server, busy', result: timed(0.31) },
    ];
    const gateway = ceilings(withBusy).find((c) => c.rowId === '/keywords 1KB gateway')!;
    // 0.2 / (0.2 + (0.31 - 0.21))
    expect(gateway.ceiling).toBeCloseTo(0.6667, 3);
    expect(gateway.basis).toContain('as busy, 100 µs');
  });

  it('has no ceilings without the bare rows', () => {
    expect(ceilings(figures.filter((row) => !row.id.startsWith('/health')))).toEqual([]);
  });
});

describe('in-process CPU per KB beside RAKE', () => {
  const inProcess = (endpoint: string, size: '1KB' | '10KB' | '100KB', cpuMsPerReq: number): Row => ({
    id: `${endpoint} ${size} in-process`,
    endpoint,
    size,
    via: 'in-process',
    result: { ...measured(1_000 / cpuMsPerReq, cpuMsPerReq), mode: 'in-process' },
  });
  const figures: Row[] = [
    inProcess('/keywords', '1KB', 0.05),
    inProcess('/keywords', '10KB', 0.5),
    inProcess('/keywords positionrank', '1KB', 1.5),
    inProcess('/keywords positionrank', '10KB', 20),
    { id: '/keywords positionrank 1KB direct', endpoint: '/keywords positionrank', size: '1KB', via: 'direct', limitId: '/keywords positionrank 1KB in-process', result: measured(500, 1.8) },
    inProcess('/keywords multipartiterank', '1KB', 2.5),
    // Its RAKE row failed: no figure beside it, no ratio.
    inProcess('/keywords multipartiterank', '100KB', 900),
  ];
  const meanBytes = { '1KB': 1_024, '10KB': 10_240, '100KB': 102_400 };
  const specs = ['/keywords positionrank', '/keywords multipartiterank'].map((endpoint) => ({
    endpoint,
    beside: '/keywords',
    besideLabel: 'RAKE',
    maxUsPerKb: TARGETS.maxKeyphraseCpuUsPerKb,
    judgedSizes: ['1KB' as const],
  }));
  const cost = costPerKb(figures, meanBytes, specs);

  it('gives CPU µs per KB of every in-process row of the named endpoints, and how many times RAKE\'s on the same texts', () => {
    expect(cost.map((c) => `${c.endpoint} ${c.size}`)).toEqual([
      '/keywords positionrank 1KB',
      '/keywords positionrank 10KB',
      '/keywords multipartiterank 1KB',
      '/keywords multipartiterank 100KB',
    ]);
    const [pr1, pr10, mpr1, mpr100] = cost;
    expect(pr1!.cpuUsPerKb).toBeCloseTo(1_500);
    expect(pr1!.besideCpuUsPerKb).toBeCloseTo(50);
    expect(pr1!.times).toBeCloseTo(30);
    // 20 ms over 10 KB: 2,000 µs per KB, 40× RAKE's 50.
    expect(pr10!.cpuUsPerKb).toBeCloseTo(2_000);
    expect(pr10!.times).toBeCloseTo(40);
    expect(mpr1!.cpuUsPerKb).toBeCloseTo(2_500);
    expect(mpr100!.cpuUsPerKb).toBeCloseTo(9_000);
    expect(mpr100!.besideCpuUsPerKb).toBeUndefined();
    expect(mpr100!.times).toBeUndefined();
  });

  it('judges the 2 ms per KB target at 1 KB only, the other sizes shown for information', () => {
    expect(TARGETS.maxKeyphraseCpuUsPerKb).toBe(2_000);
    expect(cost.map((c) => c.verdict)).toEqual(['PASS', '', 'FAIL', '']);
    expect(cost[1]!.maxUsPerKb).toBeUndefined();
    // Texts not quite 1 KB: the figure is per 1,024 bytes, not per call.
    const [short] = costPerKb(figures, { ...meanBytes, '1KB': 768 }, specs);
    expect(short!.cpuUsPerKb).toBeCloseTo(2_000);
    expect(short!.verdict).toBe('PASS');
  });

  it('lists the judged figures among the targets and prints a table with the ratio to RAKE', () => {
    const summary = targetSummary({ comparisons: [], growth: [], memory: [], startup: [], costPerKb: cost });
    expect(summary.passed).toEqual(["/keywords positionrank 1KB in-process: 1,500 µs CPU per KB, tagging included, 30× RAKE's (target ≤ 2,000 µs per KB)"]);
    expect(summary.failed).toEqual(["/keywords multipartiterank 1KB in-process: 2,500 µs CPU per KB, tagging included, 50× RAKE's (target ≤ 2,000 µs per KB)"]);
    const lines = costPerKbTable(cost).split('\n');
    expect(lines).toHaveLength(2 + cost.length);
    expect(lines[2]).toBe('| /keywords positionrank | 1KB | 1.50 | 1,500 | RAKE | 50 | 30× | ≤ 2,000 µs/KB | PASS |');
    expect(lines[5]).toBe('| /keywords multipartiterank | 100KB | 900 | 9,000 | RAKE | – | – | (information) |  |');
  });

  it('renders the section in the report, and the growth of the new rows like any endpoint\'s', () => {
    const growth = costGrowth(figures, meanBytes);
    expect(growth.find((g) => g.endpoint === '/keywords positionrank')!.growth).toBeUndefined();
    const report: BenchReport = {
      ...runOf('positionrank'),
      rows: figures,
      comparisons: compare(figures),
      ceilings: ceilings(figures),
      growth,
      costPerKb: cost,
      memory: [{ service: 'rake-app', rssAfterMiB: 120, largestAfter: '/keywords multipartiterank 100KB', maxMiB: 150, verdict: 'PASS' }],
      startup: [],
      notes: [],
    };
    const markdown = renderMarkdown(report);
    expect(markdown).toContain('**2 PASS, 1 FAIL**');
    // Which 100 KB part left the service at its largest RSS.
    expect(markdown).toContain('| rake-app | – | 120.0 (after /keywords multipartiterank 100KB) | – | ≤ 150 MiB | PASS |');
    expect(markdown).toContain('## In-process CPU per KB');
    expect(markdown).toContain('- FAIL /keywords multipartiterank 1KB in-process: 2,500 µs');
    expect(markdown).toContain('| /keywords positionrank | 1KB | direct |');
  });
});

describe('the npm-start part', () => {
  const row = (id: string, cpuUsPerReq: number | undefined, extra: Partial<NpmStartRow> = {}): NpmStartRow => ({
    id,
    measured: id.split(' ')[0]!,
    endpoint: id.split(' ')[1]!,
    via: 'direct',
    answers: 400,
    seconds: 4,
    problems: [],
    ...(cpuUsPerReq === undefined ? {} : { cpuUsPerReq }),
    ...extra,
  });
  const npmStart: NpmStartResult = {
    config: ['prose-app WORKERS=auto (2 workers)'],
    rows: [
      row('bare /json 1KB', 100, { via: 'bare' }),
      row('bare /json 1KB, 80 req/s', 200, { via: 'bare', pacedPerSec: 80 }),
      row('prose-app /tokens 1KB direct', 1_400, { bareId: 'bare /json 1KB' }),
      row('prose-app /entities 1KB direct', 1_200, { bareId: 'bare /json 1KB' }),
      row('prose-app /sentences 1KB direct', 200, { bareId: 'bare /json 1KB' }),
      row('rake-app /keywords 1KB direct', 170, { bareId: 'bare /json 1KB' }),
      row('nlp-client /keywords 1KB gateway', 250, { via: 'gateway', pacedPerSec: 80, bareId: 'bare /json 1KB, 80 req/s', backendCpuUsPerReq: 300 }),
    ],
    targets: [
      { rowId: 'prose-app /tokens 1KB direct', label: 'tokens', maxCpuUs: NPM_START_TARGETS.tokensCpuUs },
      { rowId: 'prose-app /entities 1KB direct', label: 'entities', maxCpuUs: NPM_START_TARGETS.entitiesCpuUs },
      { rowId: 'prose-app /sentences 1KB direct', label: 'sentences', maxTimesBare: NPM_START_TARGETS.sentencesTimesBare },
      { rowId: 'rake-app /keywords 1KB direct', label: 'keywords', maxTimesBare: NPM_START_TARGETS.keywordsTimesBare },
      { rowId: 'nlp-client /keywords 1KB gateway', label: 'gateway', maxTimesBare: NPM_START_TARGETS.gatewayTimesBare },
      { rowId: 'nowhere', label: 'missing', maxCpuUs: 10 },
    ],
    memoryAfter: '100 KB texts',
    memory: [
      { service: 'nlp-client', role: 'main', pid: 10, rssMiB: 120 },
      { service: 'prose-app', role: 'supervisor', pid: 11, rssMiB: 70 },
      { service: 'prose-app', role: 'worker 1', pid: 12, rssMiB: 150.5 },
    ],
    maxRssMiB: NPM_START_TARGETS.maxRssMiB,
    notes: ['idle note'],
  };

  it('judges absolute CPU targets and multiples of the bare server measured at the same pace', () => {
    const judged = new Map(judgeNpmStart(npmStart).map((j) => [j.label, j]));
    expect(judged.get('tokens')!.verdict).toBe('PASS');
    expect(judged.get('entities')!.verdict).toBe('FAIL');
    expect(judged.get('sentences')).toMatchObject({ timesBare: 2, bareUs: 100, verdict: 'PASS' });
    expect(judged.get('keywords')).toMatchObject({ verdict: 'FAIL' });
    expect(judged.get('keywords')!.timesBare).toBeCloseTo(1.7);
    // The paced gateway row is set beside the paced bare row, not the saturated one.
    expect(judged.get('gateway')).toMatchObject({ bareUs: 200, timesBare: 1.25, verdict: 'PASS' });
    expect(judged.get('missing')!.verdict).toBe('n/a');
  });

  it('says n/a for a row that failed, whatever figure it holds', () => {
    const failed = { ...npmStart, rows: npmStart.rows.map((r) => (r.id.includes('/tokens') ? { ...r, error: 'boom' } : r)) };
    expect(judgeNpmStart(failed).find((j) => j.label === 'tokens')!.verdict).toBe('n/a');
  });

  it('prints the judged table with the ratio to bare, and every process\'s RSS', () => {
    const lines = npmStartTable(judgeNpmStart(npmStart)).split('\n');
    expect(lines[0]).toBe('| row | CPU per request | bare node:http | ratio to bare | target | result |');
    expect(lines).toContain('| tokens | 1,400 µs | 100 µs | 14.00× | ≤ 1,500 µs | PASS |');
    expect(lines).toContain('| gateway | 250 µs | 200 µs | 1.25× | ≤ 1.5× bare | PASS |');
    expect(lines).toContain('| missing | – | – | – | ≤ 10 µs | n/a |');
    const memory = npmStartMemoryTable(npmStart.memory, npmStart.maxRssMiB).split('\n');
    expect(memory).toContain('| prose-app worker 1 | 12 | 150.5 MiB | ≤ 150 MiB | FAIL |');
  });

  it('counts its verdicts in the report\'s summary and renders its section', () => {
    const verdicts = npmStartVerdicts(npmStart);
    expect(verdicts.filter((v) => v.verdict === 'FAIL').map((v) => v.text)).toEqual([
      expect.stringContaining('entities: 1,200 µs'),
      expect.stringContaining('keywords: 170 µs CPU per request, 1.70× bare'),
      expect.stringContaining('prose-app worker 1: RSS 150.5 MiB after 100 KB texts'),
    ]);
    const summary = targetSummary({ comparisons: [], growth: [], memory: [], startup: [], npmStart });
    expect([summary.passed.length, summary.failed.length, summary.missing.length]).toEqual([5, 3, 1]);
    const report: BenchReport = {
      ...runOf('npm-start'),
      rows: [],
      comparisons: [],
      ceilings: [],
      growth: [],
      costPerKb: [],
      memory: [],
      startup: [],
      npmStart,
      notes: [],
    };
    const markdown = renderMarkdown(report);
    expect(markdown).toContain('**5 PASS, 3 FAIL**, 1 not measured');
    expect(markdown).toContain('## Under npm start');
    expect(markdown).toContain('prose-app WORKERS=auto (2 workers)');
    expect(markdown).toContain('| nlp-client /keywords 1KB gateway | nlp-client | 80 req/s | 400 | 100 | 250 µs | 300 µs |  |');
    expect(markdown).toContain('- idle note');
  });
});
