/**
 * PositionRank (Florescu & Caragea 2017, "PositionRank: An Unsupervised Approach to Keyphrase
 * Extraction from Scholarly Documents", ACL): SingleRank's word graph (Wan & Xiao 2008: nouns and
 * adjectives as vertices, an edge weighted by how often two of them co-occur within a window of
 * words) ranked with PageRank biased towards words that occur early and often: each word's jump
 * weight is the sum of 1/position over its occurrences. A candidate scores the sum of its words'
 * scores.
 */
import type { Candidate } from './candidates.js';
import { undirectedGraph } from './graph.js';
import { pageRank } from './pagerank.js';
import type { Word } from './words.js';

export interface PositionRankSettings {
  /** Words co-occur when fewer than `window` positions apart (SingleRank's 10, pke's default). */
  readonly window: number;
}

export const POSITION_RANK: PositionRankSettings = { window: 10 };

/** Score of every candidate, in the candidates' order. */
export function positionRank(words: readonly Word[], candidates: readonly Candidate[], settings = POSITION_RANK): Float64Array {
  const ids = new Map<string, number>();
  const node = new Int32Array(words.length).fill(-1);
  words.forEach((word, i) => {
    if (word.role === 'other') return;
    let id = ids.get(word.lemma);
    if (id === undefined) ids.set(word.lemma, (id = ids.size));
    node[i] = id;
  });

  const position = new Float64Array(ids.size);
  for (let i = 0; i < words.length; i++) {
    const a = node[i] as number;
    if (a >= 0) position[a] = (position[a] as number) + 1 / (i + 1);
  }
  const graph = undirectedGraph(ids.size, (add) => {
    for (let i = 0; i < words.length; i++) {
      const a = node[i] as number;
      if (a < 0) continue;
      const end = Math.min(words.length, i + settings.window);
      for (let j = i + 1; j < end; j++) {
        const b = node[j] as number;
        if (b >= 0 && b !== a) add(a, b, 1);
      }
    }
  });
  const wordScores = pageRank(graph, { personalization: position });
  return Float64Array.from(candidates, (c) => c.lemmas.reduce((sum, lemma) => sum + (wordScores[ids.get(lemma) as number] as number), 0));
}
