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
import { EdgeCounter, pageRank } from './pagerank.js';
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

interface Placed {
  readonly candidate: number;
  readonly occurrence: Occurrence;
}

/** Score of every candidate, in the candidates' order. */
export function multipartiteRank(candidates: readonly Candidate[], settings = MULTIPARTITE_RANK): Float64Array {
  const topic = topicsOf(candidates.map((c) => new Set(c.lemmas)));
  const placed: Placed[] = candidates.flatMap((c, candidate) => c.occurrences.map((occurrence) => ({ candidate, occurrence })));
  placed.sort((a, b) => a.occurrence.first - b.occurrence.first);

  const edges = new EdgeCounter(candidates.length);
  for (let i = 0; i < placed.length; i++) {
    const earlier = placed[i] as Placed;
    const end = earlier.occurrence.first + earlier.occurrence.length - 1;
    for (let j = i + 1; j < placed.length; j++) {
      const later = placed[j] as Placed;
      const gap = later.occurrence.first - end;
      if (gap > settings.maxGap) break;
      if (topic[earlier.candidate] === topic[later.candidate]) continue;
      edges.addBoth(earlier.candidate, later.candidate, 1 / gap);
    }
  }

  // Section 2.2, weight adjustment: w(cj -> ci) += α · e^(1/p_i) · Σ_{ck in topic(ci), k != i} w(cj -> ck),
  // for ci the first-occurring candidate of its topic (p_i counted from 1).
  const graph = edges.toGraph();
  const firstOfTopic = new Map<number, number>();
  candidates.forEach((c, i) => {
    const t = topic[i] as number;
    const known = firstOfTopic.get(t);
    if (known === undefined || (c.occurrences[0] as Occurrence).first < ((candidates[known] as Candidate).occurrences[0] as Occurrence).first) firstOfTopic.set(t, i);
  });
  const boost = new Float64Array(graph.weight.length);
  for (let e = 0; e < graph.from.length; e++) {
    const source = graph.from[e] as number;
    const target = graph.to[e] as number;
    if (firstOfTopic.get(topic[target] as number) === target) continue;
    const first = firstOfTopic.get(topic[target] as number) as number;
    // Edge source -> target, target a topic-mate of `first`: it strengthens source -> first.
    boost[e] = settings.alpha * Math.exp(1 / (((candidates[first] as Candidate).occurrences[0] as Occurrence).first + 1)) * (graph.weight[e] as number);
  }
  const extra = new EdgeCounter(candidates.length);
  for (let e = 0; e < graph.from.length; e++) {
    if (boost[e] === 0) continue;
    const target = graph.to[e] as number;
    const first = firstOfTopic.get(topic[target] as number) as number;
    if (edges.get(graph.from[e] as number, first) > 0) extra.add(graph.from[e] as number, first, boost[e] as number);
  }
  const extraGraph = extra.toGraph();
  for (let e = 0; e < extraGraph.from.length; e++) edges.add(extraGraph.from[e] as number, extraGraph.to[e] as number, extraGraph.weight[e] as number);
  return pageRank(edges.toGraph());
}
