"""Reference scores for test/fixtures/graph-rank-reference.json, computed the way the published
implementations compute them: networkx.pagerank for the random walks and SciPy's average-linkage
clustering for the topics (as in pke, Boudin's reference implementation of both methods).

Input: the JSON written by scripts/reference/dump-graph-input.ts (each text's words as
[lemma, role] and its candidates with their occurrences). Output: the same JSON with the expected
PositionRank and MultipartiteRank score of every candidate.

    npx tsx services/rake-app/scripts/reference/dump-graph-input.ts > /tmp/in.json
    python3 services/rake-app/scripts/reference/graph-rank-reference.py < /tmp/in.json \
      > services/rake-app/test/fixtures/graph-rank-reference.json
"""
import json
import math
import sys
from collections import defaultdict
from itertools import combinations

import networkx as nx
import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import pdist


def position_rank(words, candidates, window=10):
    # Florescu & Caragea (2017): words of the graph are nouns and adjectives; an occurrence at
    # position p (counted from 1 over every word) adds 1/p to the word's jump weight.
    graph = nx.Graph()
    positions = defaultdict(float)
    for p, (lemma, role) in enumerate(words, start=1):
        if role != 'other':
            graph.add_node(lemma)
            positions[lemma] += 1 / p
    for j, (a, role_a) in enumerate(words):
        for k in range(j + 1, min(j + window, len(words))):
            b, role_b = words[k]
            if role_a != 'other' and role_b != 'other' and a != b:
                w = graph[a][b]['weight'] if graph.has_edge(a, b) else 0
                graph.add_edge(a, b, weight=w + 1)
    scores = nx.pagerank(graph, alpha=0.85, personalization=dict(positions), weight='weight')
    return [sum(scores[l] for l in c['lemmas']) for c in candidates]


def topics(candidates):
    if len(candidates) == 1:
        return [0]
    vocabulary = sorted({l for c in candidates for l in c['lemmas']})
    x = np.array([[l in set(c['lemmas']) for l in vocabulary] for c in candidates], dtype=bool)
    return list(fcluster(linkage(np.nan_to_num(pdist(x, 'jaccard')), method='average'), t=0.74, criterion='distance'))


def multipartite_rank(candidates, alpha=1.1):
    # Boudin (2018): complete multipartite graph of candidates, edges weighted by the sum of
    # 1/gap over pairs of occurrences, incoming edges of each topic's first candidate boosted.
    topic = topics(candidates)
    graph = nx.DiGraph()
    graph.add_nodes_from(range(len(candidates)))
    for i, j in combinations(range(len(candidates)), 2):
        if topic[i] == topic[j]:
            continue
        total = 0.0
        for pi, li in candidates[i]['occurrences']:
            for pj, lj in candidates[j]['occurrences']:
                gap = pj - (pi + li - 1) if pi < pj else pi - (pj + lj - 1)
                total += 1 / gap
        graph.add_edge(i, j, weight=total)
        graph.add_edge(j, i, weight=total)
    boosts = {}
    for t in set(topic):
        members = [i for i in range(len(candidates)) if topic[i] == t]
        if len(members) == 1:
            continue
        first = min(members, key=lambda i: candidates[i]['occurrences'][0][0])
        for _, end in graph.edges(first):
            total = sum(graph[v][end]['weight'] for v in members if v != first and graph.has_edge(v, end))
            if total:
                boosts[(end, first)] = total * alpha * math.exp(1 / (1 + candidates[first]['occurrences'][0][0]))
    for (a, b), extra in boosts.items():
        graph[a][b]['weight'] += extra
    scores = nx.pagerank(graph, alpha=0.85, weight='weight')
    return [scores[i] for i in range(len(candidates))]


texts = json.load(sys.stdin)
for text in texts:
    text['positionrank'] = position_rank(text['words'], text['candidates'])
    text['multipartiterank'] = multipartite_rank(text['candidates'])
json.dump(texts, sys.stdout, separators=(',', ':'))
