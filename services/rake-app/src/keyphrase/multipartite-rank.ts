/**
 * MultipartiteRank (Boudin 2018, "Unsupervised Keyphrase Extraction with Multipartite Graphs",
 * NAACL): candidates are grouped into topics (topics.ts), and linked to every candidate of another
 * topic by an edge weighted by how close their occurrences are, the sum of 1/gap over pairs of
 * occurrences (gap in words from the end of the earlier one). The edges into the first candidate of
 * each topic are then strengthened by those of its topic-mates, times α·e^(1/p) where p is the
 * position of that first occurrence, so that the variant met first, and met early, draws the topic's
 * weight. PageRank over this directed graph scores each candidate.
 */
import type { Candidate, Occurrence } from './candidates.js';
import { undirectedGraph } from './graph.js';
import { pageRank } from './pagerank.js';
import { topicsOf } from './topics.js';

export interface MultipartiteRankSettings {
  /** The boost α (the paper's 1.1). */
  readonly alpha: number;
  /**
   * Occurrences more than this many words apart add nothing. The paper sums over every pair; a pair
   * this far apart adds less than 1/1,000, and leaving such pairs out keeps the work linear in long
   * texts. Texts shorter than this are ranked exactly as published.
   */
  readonly maxGap: number;
}

export const MULTIPARTITE_RANK: MultipartiteRankSettings = { alpha: 1.1, maxGap: 1_000 };

/** Score of every candidate, in the candidates' order. */
export function multipartiteRank(candidates: readonly Candidate[], settings = MULTIPARTITE_RANK): Float64Array {
  const n = candidates.length;
  const topic = topicsOf(candidates.map((c) => new Set(c.lemmas)));

  // Occurrences in text order, as parallel arrays: candidate, first word, last word.
  const count = candidates.reduce((sum, c) => sum + c.occurrences.length, 0);
  const order = new Int32Array(count);
  const firstWord = new Int32Array(count);
  const lastWord = new Int32Array(count);
  let k = 0;
  candidates.forEach((c, i) => {
    for (const o of c.occurrences) {
      order[k] = i;
      firstWord[k] = o.first;
      lastWord[k] = o.first + o.length - 1;
      k++;
    }
  });
  const byPosition = Int32Array.from({ length: count }, (_, i) => i).sort((a, b) => (firstWord[a] as number) - (firstWord[b] as number));

  const graph = undirectedGraph(n, (add) => {
    for (let x = 0; x < count; x++) {
      const earlier = byPosition[x] as number;
      const a = order[earlier] as number;
      const end = lastWord[earlier] as number;
      for (let y = x + 1; y < count; y++) {
        const later = byPosition[y] as number;
        const gap = (firstWord[later] as number) - end;
        if (gap > settings.maxGap) break;
        const b = order[later] as number;
        if (topic[a] !== topic[b]) add(a, b, 1 / gap);
      }
    }
  });

  // Section 2.2, weight adjustment: w(cj -> ci) += α · e^(1/p_i) · Σ_{ck in topic(ci), k != i} w(cj -> ck),
  // for ci the first-occurring candidate of its topic (p_i its first position, counted from 1).
  const firstOf = new Int32Array(n).fill(-1);
  const firstAt = (c: number): number => ((candidates[c] as Candidate).occurrences[0] as Occurrence).first;
  for (let c = 0; c < n; c++) {
    const t = topic[c] as number;
    const known = firstOf[t] as number;
    if (known < 0 || firstAt(c) < firstAt(known)) firstOf[t] = c;
  }
  const { rowStart, to, weight } = graph;
  const mates = new Float64Array(n);
  for (let source = 0; source < n; source++) {
    const from = rowStart[source] as number;
    const until = rowStart[source + 1] as number;
    for (let e = from; e < until; e++) {
      const target = to[e] as number;
      const first = firstOf[topic[target] as number] as number;
      if (first !== target) mates[first] = (mates[first] as number) + (weight[e] as number);
    }
    for (let e = from; e < until; e++) {
      const target = to[e] as number;
      const boost = mates[target] as number;
      if (boost > 0) weight[e] = (weight[e] as number) + settings.alpha * Math.exp(1 / (firstAt(target) + 1)) * boost;
    }
    for (let e = from; e < until; e++) mates[firstOf[topic[to[e] as number] as number] as number] = 0;
  }
  return pageRank(graph);
}
