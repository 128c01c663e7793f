/**
 * Weighted graphs for the rankers, built without a hash map: the pairs are enumerated twice (once
 * to count each vertex's edges, once to write them into arrays grouped by source), then repeated
 * pairs are summed row by row. Memory is 12 bytes per pair written, and no garbage-collected object
 * is made per edge: a Map of a 100 KB text's edges held over 100 MB.
 */
import type { WeightedGraph } from './pagerank.js';

/** Calls `add(a, b, weight)` once per undirected pair occurrence; must enumerate the same pairs each time it is called. */
export type PairSource = (add: (a: number, b: number, weight: number) => void) => void;

/** A graph with both directions of every pair, repeated pairs summed; edges grouped by source, targets in first-seen order. */
export function undirectedGraph(nodeCount: number, pairs: PairSource): WeightedGraph & { readonly rowStart: Int32Array } {
  const rowStart = new Int32Array(nodeCount + 1);
  pairs((a, b) => {
    rowStart[a + 1] = (rowStart[a + 1] as number) + 1;
    rowStart[b + 1] = (rowStart[b + 1] as number) + 1;
  });
  for (let v = 0; v < nodeCount; v++) rowStart[v + 1] = (rowStart[v + 1] as number) + (rowStart[v] as number);
  const total = rowStart[nodeCount] as number;
  const to = new Int32Array(total);
  const weight = new Float64Array(total);
  const fill = rowStart.slice(0, nodeCount);
  pairs((a, b, w) => {
    let k = fill[a] as number;
    to[k] = b;
    weight[k] = w;
    fill[a] = k + 1;
    k = fill[b] as number;
    to[k] = a;
    weight[k] = w;
    fill[b] = k + 1;
  });

  // Sum repeated targets within each row, compacting in place.
  const slotOf = new Int32Array(nodeCount).fill(-1);
  const compactStart = new Int32Array(nodeCount + 1);
  let write = 0;
  for (let v = 0; v < nodeCount; v++) {
    compactStart[v] = write;
    const rowFrom = write;
    for (let k = rowStart[v] as number; k < (rowStart[v + 1] as number); k++) {
      const t = to[k] as number;
      const slot = slotOf[t] as number;
      if (slot >= 0) {
        weight[slot] = (weight[slot] as number) + (weight[k] as number);
      } else {
        slotOf[t] = write;
        to[write] = t;
        weight[write] = weight[k] as number;
        write++;
      }
    }
    for (let k = rowFrom; k < write; k++) slotOf[to[k] as number] = -1;
  }
  compactStart[nodeCount] = write;
  const from = new Int32Array(write);
  for (let v = 0; v < nodeCount; v++) from.fill(v, compactStart[v] as number, compactStart[v + 1] as number);
  return { nodeCount, from, to: to.subarray(0, write), weight: weight.subarray(0, write), rowStart: compactStart };
}
