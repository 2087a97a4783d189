#!/usr/bin/env python3
"""Regenerates fixtures/reference/generated.json: every measure the graph tests check, computed
by networkx on karate, Les Misérables and two seeded random networks (one directed, one
disconnected). The tests read the committed file; run this only to change what it holds, then
read the diff.

    python3 scripts/make-generated-reference.py            # rewrites the file
    python3 scripts/make-generated-reference.py --check    # exits 1 if the file differs

Conventions: `strength` is the weighted degree; `*_inverse_weight` path measures take length
1/weight; `*_weighted` measures use the weight as weight; for directed networks `closeness` and
`harmonic` count paths *into* a node (networkx's convention), `*_out` paths out of it, and
`degree` is in + out. Values are rounded to 12 significant digits.
"""
import json
import os
import random
import sys

import networkx as nx

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "fixtures", "reference", "generated.json")


def r(x):
    return float("%.12g" % x)


# One stream of weights for both random networks, directed40's edges first.
WEIGHTS = random.Random(11)


def seeded(n, p, seed, directed):
    g = nx.gnp_random_graph(n, p, seed=seed, directed=directed)
    rng = WEIGHTS
    for u, v in g.edges():
        g[u][v]["weight"] = rng.choice([1, 2, 4])
    return g


def measures(g):
    for u, v, d in g.edges(data=True):
        d.setdefault("weight", 1)
        d["inverse"] = 1.0 / d["weight"]
    nodes = list(g)
    table = {
        "degree": dict(g.degree()),
        "strength": dict(g.degree(weight="weight")),
        "betweenness": nx.betweenness_centrality(g),
        "betweenness_inverse_weight": nx.betweenness_centrality(g, weight="inverse"),
        "closeness": nx.closeness_centrality(g),
        "closeness_inverse_weight": nx.closeness_centrality(g, distance="inverse"),
        "harmonic": nx.harmonic_centrality(g),
        "harmonic_inverse_weight": nx.harmonic_centrality(g, distance="inverse"),
        "pagerank": nx.pagerank(g, weight=None, tol=1e-12),
        "pagerank_weighted": nx.pagerank(g, weight="weight", tol=1e-12),
        # On a directed network: in-edges (networkx's convention, left eigenvector).
        "eigenvector": nx.eigenvector_centrality(g, max_iter=10000, tol=1e-12, weight=None),
        "eigenvector_weighted": nx.eigenvector_centrality(g, max_iter=10000, tol=1e-12, weight="weight"),
        "core_number": nx.core_number(g),
        "clustering": nx.clustering(g),
        "clustering_weighted": nx.clustering(g, weight="weight"),
        "constraint": nx.constraint(g),
        "constraint_weighted": nx.constraint(g, weight="weight"),
        # nodes= takes networkx's iterative path; its sparse path divides by the wrong axis for
        # weighted graphs (networkx PR #8906).
        "effective_size": nx.effective_size(g, nodes=nodes),
        "effective_size_weighted": nx.effective_size(g, nodes=nodes, weight="weight"),
    }
    if g.is_directed():
        # Burt's constraint is left out for an actor with no out-ties: its ties are not its own
        # investments (Coalition reports it as undefined there).
        for key in ("constraint", "constraint_weighted"):
            for v in nodes:
                if g.out_degree(v) == 0:
                    table[key].pop(v, None)
        rev = g.reverse()
        table["in_degree"] = dict(g.in_degree())
        table["out_degree"] = dict(g.out_degree())
        table["closeness_out"] = nx.closeness_centrality(rev)
        table["harmonic_out"] = nx.harmonic_centrality(rev)
    # Undefined values (networkx's nan, and constraint without out-ties) are null.
    out = {str(v): {k: (r(table[k][v]) if v in table[k] and table[k][v] == table[k][v] else None) for k in sorted(table)} for v in nodes}
    eb = nx.edge_betweenness_centrality(g)
    edges = [{"edge_betweenness": r(eb[(a, b)]), "source": str(a), "target": str(b)} for a, b in g.edges()]
    ties = [[str(a), str(b), d["weight"]] for a, b, d in g.edges(data=True)]
    return out, edges, ties


def main():
    networks = {
        "directed40": (seeded(40, 0.07, 3, True), "gnp_random_graph(40, 0.07, seed=3, directed=True), weights drawn from {1,2,4} with random.Random(11) in edge order (powers of two so 1/w sums are exact)"),
        "random60": (seeded(60, 0.06, 5, False), "gnp_random_graph(60, 0.06, seed=5), undirected and disconnected, weights from {1,2,4}"),
        "karate": (nx.karate_club_graph(), "networkx karate_club_graph(); effective_size with nodes=list(G) (the iterative path: networkx's sparse path normalises by the wrong axis, networkx PR #8906)"),
        "lesmis": (nx.les_miserables_graph(), "networkx les_miserables_graph()"),
    }
    doc = {"generator": "networkx " + nx.__version__, "networks": {}}
    for name, (g, note) in networks.items():
        nodes, edges, ties = measures(g)
        doc["networks"][name] = {"directed": g.is_directed(), "edges": edges, "nodes": nodes, "note": note, "ties": ties}
    text = json.dumps(doc, indent=1, sort_keys=True, ensure_ascii=False)
    if "--check" in sys.argv:
        same = open(OUT, encoding="utf-8").read() == text
        print("generated.json is " + ("what this script makes" if same else "NOT what this script makes"))
        sys.exit(0 if same else 1)
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(text)
    print("wrote", os.path.relpath(OUT))


if __name__ == "__main__":
    main()
