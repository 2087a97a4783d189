#!/usr/bin/env python3
"""Makes fixtures/reference/davis-two-mode.json: networkx's two-mode measures on Davis's Southern
Women (18 women, 14 events; fixtures/reference/davis.*.csv): bipartite degree_centrality,
closeness_centrality and betweenness_centrality (Borgatti & Everett 1997; Borgatti & Halgin 2011),
with the women as the first mode; and the women's projections by weighted_projected_graph,
collaboration_weighted_projected_graph and overlap_weighted_projected_graph(jaccard=True). The tests read the committed numbers; they never run this.
  python3 scripts/make-two-mode-reference.py
"""
import json
import os

import networkx as nx
from networkx.algorithms import bipartite

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
g = nx.davis_southern_women_graph()
women = [v for v in g if g.nodes[v]["bipartite"] == 0]
out = {
    "source": f"networkx {nx.__version__} bipartite centrality on davis_southern_women_graph, first mode the women",
    "degree": bipartite.degree_centrality(g, women),
    "closeness": bipartite.closeness_centrality(g, women),
    "betweenness": bipartite.betweenness_centrality(g, women),
}
for k in ("degree", "closeness", "betweenness"):
    out[k] = {v: round(x, 12) for v, x in sorted(out[k].items())}
# Projections onto the women: shared events (count), Newman's collaboration weights, Jaccard.
for key, project in [
    ("projection_count", bipartite.weighted_projected_graph),
    ("projection_newman", bipartite.collaboration_weighted_projected_graph),
    ("projection_jaccard", lambda g, nodes: bipartite.overlap_weighted_projected_graph(g, nodes, jaccard=True)),
]:
    p = project(g, women)
    out[key] = sorted([sorted([a, b]) + [round(d["weight"], 12)] for a, b, d in p.edges(data=True)])
with open(os.path.join(ROOT, "fixtures", "reference", "davis-two-mode.json"), "w", encoding="utf-8") as f:
    f.write(json.dumps(out, indent=1, sort_keys=True) + "\n")
print("wrote fixtures/reference/davis-two-mode.json")
