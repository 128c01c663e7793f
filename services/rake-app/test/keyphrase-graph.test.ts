import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { multipartiteRank, undirectedGraph, type WeightedGraph, pageRank, positionRank, topicsOf, TOPIC_DISTANCE, type Candidate, type Word, type WordRole } from '../src/keyphrase/index.js';

/**
 * Reference values from networkx 3.6.1, the library pke (the reference implementation of
 * PositionRank and MultipartiteRank) ranks with:
 *   G = nx.DiGraph(); edges (0,1,2) (1,0,2) (1,2,1) (2,1,1) (2,0,.5) (3,2,3) (2,4,1)
 *   nx.pagerank(G, alpha=0.85, weight='weight', tol=1e-10, max_iter=1000)
 *   ... and with personalization={0:.1, 1:.2, 2:.3, 3:.4, 4:0}
 * Node 3 has no incoming edge and node 4 no outgoing one (a dangling node).
 */
const EDGES: ReadonlyArray<readonly [number, number, number]> = [[0, 1, 2], [1, 0, 2], [1, 2, 1], [2, 1, 1], [2, 0, 0.5], [3, 2, 3], [2, 4, 1]];
const NETWORKX_PLAIN = [0.28488932422061586, 0.3573521335894972, 0.1929789786907793, 0.04958335538410969, 0.1151962081149984];
const NETWORKX_PERSONALIZED = [0.2551683564090209, 0.34088897629389786, 0.2362892740294438, 0.08731504007466359, 0.08033835319297405];

function graph(): WeightedGraph {
  return {
    nodeCount: 5,
    from: Int32Array.from(EDGES, (e) => e[0]),
    to: Int32Array.from(EDGES, (e) => e[1]),
    weight: Float64Array.from(EDGES, (e) => e[2]),
  };
}

describe('pageRank', () => {
  it('gives networkx’s scores on a weighted directed graph with a dangling node', () => {
    const scores = pageRank(graph(), { tolerance: 1e-12, maxIterations: 1_000 });
    NETWORKX_PLAIN.forEach((expected, i) => expect(scores[i]).toBeCloseTo(expected, 9));
  });

  it('gives networkx’s scores when biased by a personalization vector', () => {
    const personalization = Float64Array.from([1, 2, 3, 4, 0]);
    const scores = pageRank(graph(), { personalization, tolerance: 1e-12, maxIterations: 1_000 });
    NETWORKX_PERSONALIZED.forEach((expected, i) => expect(scores[i]).toBeCloseTo(expected, 9));
  });

  it('adds up repeated pairs in both directions, and its scores sum to 1', () => {
    const built = undirectedGraph(4, (add) => {
      add(0, 1, 1);
      add(1, 2, 0.5);
      add(1, 0, 1);
    });
    const edges = [...built.from].map((from, k) => [from, built.to[k], built.weight[k]]);
    expect(edges).toEqual([[0, 1, 2], [1, 0, 2], [1, 2, 0.5], [2, 1, 0.5]]);
    expect([...built.rowStart]).toEqual([0, 1, 3, 4, 4]);
    const scores = pageRank(built);
    expect(scores.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    expect(scores[3]).toBeCloseTo((1 - 0.85) / 4 + (0.85 * scores[3]!) / 4, 9);
    expect(scores.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    expect(scores[1]).toBeGreaterThan(scores[0] as number);
  });

  it('gives an empty graph no scores', () => {
    expect(pageRank(undirectedGraph(0, () => {}))).toHaveLength(0);
  });
});

/**
 * 40 random sets of word sets, clustered by SciPy 1.17.1 as TopicRank specifies (pke does the same):
 *   linkage(pdist(X, 'jaccard'), method='average'); fcluster(Z, t=0.74, criterion='distance')
 * with X the sets as boolean word vectors; the expected topics are listed by their first member. Only
 * sets for which SciPy gave the same topics under 30 shuffles of their order were kept: with exact
 * ties in the average distances, either merge is right and the clusterings may differ.
 */
interface HacCase {
  sets: string[][];
  topics: number[][];
}
const HAC_CASES = JSON.parse(readFileSync(new URL('./fixtures/scipy-average-linkage.json', import.meta.url), 'utf8')) as HacCase[];

function partition(topic: Int32Array): number[][] {
  const groups = new Map<number, number[]>();
  topic.forEach((t, i) => groups.set(t, [...(groups.get(t) ?? []), i]));
  return [...groups.values()].sort((a, b) => (a[0] as number) - (b[0] as number));
}

describe('topicsOf (TopicRank’s clustering)', () => {
  it('uses the published threshold', () => expect(TOPIC_DISTANCE).toBe(0.74));

  it.each(HAC_CASES.map((c, i) => [i, c] as const))('matches SciPy’s average linkage cut at 0.74 (case %i)', (_, c) => {
    expect(partition(topicsOf(c.sets.map((s) => new Set(s))))).toEqual(c.topics);
  });

  it('never joins candidates without a shared word, and joins near-duplicates', () => {
    const sets = [['neural', 'network'], ['network'], ['graph'], ['neural', 'network', 'model'], ['graph', 'theory']].map((s) => new Set(s));
    expect(partition(topicsOf(sets))).toEqual([[0, 1, 3], [2, 4]]);
  });

  it('clusters thousands of candidates sharing one word in bounded time', () => {
    const sets = Array.from({ length: 2_000 }, (_, i) => new Set(['system', `w${i}`]));
    const topic = topicsOf(sets);
    expect(topic).toHaveLength(2_000);
    expect(Math.min(...topic)).toBe(0);
  });
});

/**
 * The words and candidates of two texts (TextRank's worked example and a news-style text), with the
 * scores an independent implementation on networkx and SciPy gives them: scripts/reference/
 * dump-graph-input.ts wrote the input, scripts/reference/graph-rank-reference.py the scores.
 */
interface ReferenceText {
  text: string;
  words: Array<[string, WordRole]>;
  candidates: Array<{ lemmas: string[]; occurrences: Array<[number, number]> }>;
  positionrank: number[];
  multipartiterank: number[];
}
const REFERENCE = JSON.parse(readFileSync(new URL('./fixtures/graph-rank-reference.json', import.meta.url), 'utf8')) as ReferenceText[];

function inputOf(ref: ReferenceText): { words: Word[]; candidates: Candidate[] } {
  const words = ref.words.map(([lemma, role], i): Word => ({ text: lemma, lemma, role, proper: false, start: i, end: i + 1, sentence: 0, sentenceInitial: i === 0 }));
  const candidates = ref.candidates.map((c): Candidate => ({ key: c.lemmas.join(' '), lemmas: c.lemmas, occurrences: c.occurrences.map(([first, length]) => ({ first, length })) }));
  return { words, candidates };
}

describe.each(REFERENCE.map((r) => [r.text.slice(0, 40), r] as const))('against the reference implementation: %s…', (_, ref) => {
  it('PositionRank scores every candidate as networkx does', () => {
    const { words, candidates } = inputOf(ref);
    const scores = positionRank(words, candidates);
    ref.positionrank.forEach((expected, i) => expect(scores[i]).toBeCloseTo(expected, 12));
  });

  it('MultipartiteRank scores every candidate as networkx and SciPy do', () => {
    const { candidates } = inputOf(ref);
    const scores = multipartiteRank(candidates);
    ref.multipartiterank.forEach((expected, i) => expect(scores[i]).toBeCloseTo(expected, 12));
  });
});
