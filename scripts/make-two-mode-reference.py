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

# The Active Travel example portfolio, read from its sheets: actors as the first mode (the
# whole actors sheet, so that actors in no initiative count in the normalisations), the
# initiatives as the second; measures, the actors' projections (all roles, and leads and
# partners only) and the initiatives' Newman projection.
import csv

folder = os.path.join(ROOT, "fixtures", "active-travel-2035")
with open(os.path.join(folder, "actors.csv"), encoding="utf-8") as f:
    actors = [row["id"] for row in csv.DictReader(f)]
with open(os.path.join(folder, "initiatives.csv"), encoding="utf-8") as f:
    initiatives = [row["id"] for row in csv.DictReader(f)]
with open(os.path.join(folder, "participations.csv"), encoding="utf-8") as f:
    rows = list(csv.DictReader(f))


def two_mode(roles=None):
    b = nx.Graph()
    b.add_nodes_from(actors, bipartite=0)
    b.add_nodes_from(initiatives, bipartite=1)
    b.add_edges_from((r["actor"], r["initiative"]) for r in rows if roles is None or r["role"] in roles)
    return b


b = two_mode()
streets = {"source": f"networkx {nx.__version__} bipartite measures on fixtures/active-travel-2035, first mode the actors"}
for key, measure in [
    ("degree", bipartite.degree_centrality),
    ("closeness", bipartite.closeness_centrality),
    ("betweenness", bipartite.betweenness_centrality),
]:
    streets[key] = {v: round(x, 12) for v, x in sorted(measure(b, actors).items())}


def edges(p):
    return sorted([sorted([a, c]) + [round(d["weight"], 12)] for a, c, d in p.edges(data=True)])


streets["actors_count"] = edges(bipartite.weighted_projected_graph(b, actors))
streets["actors_newman"] = edges(bipartite.collaboration_weighted_projected_graph(b, actors))
streets["actors_jaccard"] = edges(bipartite.overlap_weighted_projected_graph(b, actors, jaccard=True))
streets["actors_count_lead_partner"] = edges(bipartite.weighted_projected_graph(two_mode({"lead", "partner"}), actors))
streets["initiatives_newman"] = edges(bipartite.collaboration_weighted_projected_graph(b, initiatives))
with open(os.path.join(ROOT, "fixtures", "reference", "active-travel-two-mode.json"), "w", encoding="utf-8") as f:
    f.write(json.dumps(streets, indent=1, sort_keys=True) + "\n")
print("wrote fixtures/reference/active-travel-two-mode.json")

# Davis as other tools write two-mode files, for the interop tests: networkx's GraphML and GEXF
# (node attribute bipartite 0/1) and igraph's GraphML (boolean vertex attribute type, FALSE
# for the women).
import igraph as ig

interop = os.path.join(ROOT, "fixtures", "interop")
plain = nx.Graph()  # without the graph's own attributes (lists, which GraphML cannot hold)
plain.add_nodes_from(sorted(g.nodes(data=True)))
plain.add_edges_from(sorted(tuple(sorted(e)) for e in g.edges))
nx.write_graphml(plain, os.path.join(interop, "davis-networkx.graphml"))
nx.write_gexf(plain, os.path.join(interop, "davis-networkx.gexf"))
names = sorted(g.nodes)
ih = ig.Graph(n=len(names), edges=sorted(tuple(sorted((names.index(a), names.index(b)))) for a, b in g.edges))
ih.vs["name"] = names
ih.vs["type"] = [g.nodes[v]["bipartite"] == 1 for v in names]
ih.write_graphml(os.path.join(interop, "davis-igraph.graphml"))
print("wrote fixtures/interop/davis-networkx.graphml, davis-networkx.gexf, davis-igraph.graphml")
