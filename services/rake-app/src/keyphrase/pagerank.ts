/**
 * PageRank over a weighted graph (Page et al. 1999; the weighted form of Mihalcea & Tarau 2004),
 * optionally biased towards a personalization vector (Haveliwala 2002), as PositionRank and
 * MultipartiteRank use it. Computed by power iteration as networkx.pagerank does (the library the
 * published implementations rely on): dangling nodes hand their score to the personalization
 * vector; the iteration stops when the L1 change falls below n · tolerance.
 */

export interface WeightedGraph {
  readonly nodeCount: number;
  /** Edge k goes from `from[k]` to `to[k]` with weight `weight[k]` (> 0). Undirected graphs list both directions. */
  readonly from: Int32Array;
  readonly to: Int32Array;
  readonly weight: Float64Array;
}

export interface PageRankOptions {
  /** The damping factor d: the probability of following an edge rather than jumping. */
  readonly damping?: number;
  /** Where jumps land, one non-negative weight per node (normalised here); uniform by default. */
  readonly personalization?: Float64Array;
  readonly tolerance?: number;
  readonly maxIterations?: number;
}

export function pageRank(graph: WeightedGraph, options: PageRankOptions = {}): Float64Array {
  const n = graph.nodeCount;
  const scores = new Float64Array(n);
  if (n === 0) return scores;
  const damping = options.damping ?? 0.85;
  const tolerance = options.tolerance ?? 1e-6;
  const maxIterations = options.maxIterations ?? 100;

  const jump = new Float64Array(n);
  const given = options.personalization;
  const givenTotal = given ? given.reduce((a, b) => a + b, 0) : 0;
  for (let i = 0; i < n; i++) jump[i] = given && givenTotal > 0 ? (given[i] as number) / givenTotal : 1 / n;

  const outWeight = new Float64Array(n);
  for (let k = 0; k < graph.from.length; k++) {
    const source = graph.from[k] as number;
    outWeight[source] = (outWeight[source] as number) + (graph.weight[k] as number);
  }

  scores.fill(1 / n);
  let next = new Float64Array(n);
  let current = scores;
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    next.fill(0);
    let dangling = 0;
    for (let i = 0; i < n; i++) if (outWeight[i] === 0) dangling += current[i] as number;
    for (let k = 0; k < graph.from.length; k++) {
      const source = graph.from[k] as number;
      const target = graph.to[k] as number;
      next[target] = (next[target] as number) + (damping * (current[source] as number) * (graph.weight[k] as number)) / (outWeight[source] as number);
    }
    let change = 0;
    for (let i = 0; i < n; i++) {
      const value = (next[i] as number) + (damping * dangling + (1 - damping)) * (jump[i] as number);
      next[i] = value;
      change += Math.abs(value - (current[i] as number));
    }
    [current, next] = [next, current];
    if (change < n * tolerance) break;
  }
  return current;
}
