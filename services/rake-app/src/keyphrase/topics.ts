/**
 * Topics for TopicRank and MultipartiteRank (Bougouin et al. 2013, section 3.2): candidates are
 * grouped by hierarchical agglomerative clustering with average linkage over the Jaccard distance of
 * their word sets, stopping at distance 0.74 (two candidates share a topic when at least about a
 * quarter of their words are the same). Words are lemmas here, where the papers used stems.
 *
 * Two groups with no word in common are at distance 1 under average linkage and never merge, so the
 * clustering runs separately inside each set of candidates connected by shared words; inside each,
 * the nearest-neighbour chain algorithm (Murtagh 1983) merges in O(k²) time and O(k²) memory.
 */

/** The published threshold (pke's TopicRank and MultipartiteRank default). */
export const TOPIC_DISTANCE = 0.74;

function jaccardDistance(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return 1 - shared / (a.size + b.size - shared);
}

/** Sets of candidate indexes that share words, directly or through others (union-find). */
function connectedByWords(wordSets: ReadonlyArray<ReadonlySet<string>>): number[][] {
  const parent = Int32Array.from(wordSets, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i] as number] as number;
      i = parent[i] as number;
    }
    return i;
  };
  const firstWith = new Map<string, number>();
  wordSets.forEach((words, i) => {
    for (const w of words) {
      const other = firstWith.get(w);
      if (other === undefined) firstWith.set(w, i);
      else parent[find(i)] = find(other);
    }
  });
  const groups = new Map<number, number[]>();
  wordSets.forEach((_, i) => {
    const root = find(i);
    const group = groups.get(root);
    if (group) group.push(i);
    else groups.set(root, [i]);
  });
  return [...groups.values()];
}

/** Average-linkage clusters of `members` cut at `threshold`, by the nearest-neighbour chain. */
function averageLinkage(members: readonly number[], wordSets: ReadonlyArray<ReadonlySet<string>>, threshold: number): number[][] {
  const k = members.length;
  if (k === 1) return [[members[0] as number]];
  const distance = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    for (let j = i + 1; j < k; j++) {
      const d = jaccardDistance(wordSets[members[i] as number] as ReadonlySet<string>, wordSets[members[j] as number] as ReadonlySet<string>);
      distance[i * k + j] = d;
      distance[j * k + i] = d;
    }
  }
  const size = new Int32Array(k).fill(1);
  const alive = new Uint8Array(k).fill(1);
  // Still able to merge: a cluster whose nearest neighbour is farther than the threshold is final,
  // since under average linkage no later merge brings anything closer to it.
  const open = new Uint8Array(k).fill(1);
  let openCount = k;
  const clusters: number[][] = members.map((m) => [m]);
  const chain: number[] = [];
  while (openCount > 1) {
    if (chain.length === 0) chain.push(open.indexOf(1));
    const top = chain[chain.length - 1] as number;
    const below = chain.length > 1 ? (chain[chain.length - 2] as number) : -1;
    let nearest = -1;
    let best = Infinity;
    for (let j = 0; j < k; j++) {
      if (j === top || !open[j]) continue;
      const d = distance[top * k + j] as number;
      // Prefer the previous link on ties, so the chain ends in a pair of reciprocal nearest neighbours.
      if (d < best || (d === best && j === below)) {
        best = d;
        nearest = j;
      }
    }
    if (nearest < 0 || best > threshold) {
      chain.pop();
      open[top] = 0;
      openCount--;
      continue;
    }
    if (nearest !== below) {
      chain.push(nearest);
      continue;
    }
    chain.length -= 2;
    const [keep, gone] = top < below ? [top, below] : [below, top];
    for (let j = 0; j < k; j++) {
      if (!alive[j] || j === keep || j === gone) continue;
      const d = ((distance[keep * k + j] as number) * (size[keep] as number) + (distance[gone * k + j] as number) * (size[gone] as number)) / ((size[keep] as number) + (size[gone] as number));
      distance[keep * k + j] = d;
      distance[j * k + keep] = d;
    }
    size[keep] = (size[keep] as number) + (size[gone] as number);
    alive[gone] = 0;
    open[gone] = 0;
    openCount--;
    (clusters[keep] as number[]).push(...(clusters[gone] as number[]));
  }
  return clusters.filter((_, i) => alive[i] === 1);
}

/** Topic of each candidate (0-based topic numbers, in order of their first candidate). */
export function topicsOf(wordSets: ReadonlyArray<ReadonlySet<string>>, threshold = TOPIC_DISTANCE): Int32Array {
  const topic = new Int32Array(wordSets.length).fill(-1);
  const clusters = connectedByWords(wordSets).flatMap((group) => averageLinkage(group, wordSets, threshold));
  clusters.sort((a, b) => Math.min(...a) - Math.min(...b));
  clusters.forEach((cluster, t) => {
    for (const i of cluster) topic[i] = t;
  });
  return topic;
}
