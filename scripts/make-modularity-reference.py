#!/usr/bin/env python3
"""Makes fixtures/reference/optimal-modularity.json: the proven best modularity of small real
networks (igraph's community_optimal_modularity, an integer programme solved by GLPK), the
oracle for Coalition's default Leiden run count.

  karate, florentine, lesmis   the networks of fixtures/reference (unweighted)
  davis                        Davis's Southern Women (networkx davis_southern_women_graph:
                               18 women, 14 events, 89 attendances), written to
                               fixtures/reference/davis.{actors,ties}.csv
  net-zero-neighbourhoods      the hand-made mission of fixtures/warnings, supporting ties only
                               (opposition left out), symmetrised

Needs igraph and networkx from PyPI. The tests read the committed file; they never run this.
  python3 scripts/make-modularity-reference.py [--check]
"""
import csv
import json
import os
import sys

import igraph
import networkx as nx

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REF = os.path.join(ROOT, "fixtures", "reference")


def read_pairs(path, delimiter=",", skip_relation=None):
    with open(path, newline="", encoding="utf-8") as f:
        rows = [r for r in csv.reader(f, delimiter=delimiter) if r and not r[0].startswith("#")]
    header = [h.strip().lower() for h in rows[0]]
    s, t = header.index("source"), header.index("target")
    rel = header.index("relation") if "relation" in header else None
    return [(r[s], r[t]) for r in rows[1:] if rel is None or r[rel] != skip_relation]


def write_davis():
    g = nx.davis_southern_women_graph()
    nodes = sorted(g.nodes, key=lambda v: (g.nodes[v]["bipartite"], v))
    with open(os.path.join(REF, "davis.actors.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "name", "group"])
        for v in nodes:
            w.writerow([v, v, "woman" if g.nodes[v]["bipartite"] == 0 else "event"])
    with open(os.path.join(REF, "davis.ties.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["source", "target"])
        for a, b in sorted(g.edges, key=lambda e: (nodes.index(e[0]), nodes.index(e[1]))):
            w.writerow([a, b])


def optimum(pairs, ids=None):
    # Names may repeat in the ties (names as tie ends in the hand-made mission): map them.
    ids = ids or {}
    edges = {tuple(sorted((ids.get(a, a), ids.get(b, b)))) for a, b in pairs}
    g = igraph.Graph.TupleList(sorted(edges), directed=False)
    best = g.community_optimal_modularity()
    return {"actors": g.vcount(), "ties": g.ecount(), "optimal_modularity": round(best.modularity, 12), "communities": len(best)}


def main():
    write_davis()
    out = {}
    for name in ["karate", "florentine", "lesmis", "davis"]:
        out[name] = optimum(read_pairs(os.path.join(REF, f"{name}.ties.csv")))
    mission = os.path.join(ROOT, "fixtures", "warnings", "net-zero-neighbourhoods")
    with open(os.path.join(mission, "actors.csv"), encoding="utf-8") as f:
        rows = [r for r in csv.reader(f, delimiter=";")][2:]
    names = {r[1]: r[0] for r in rows[1:]}
    out["net-zero-neighbourhoods"] = optimum(read_pairs(os.path.join(mission, "ties.csv"), ";", "opposition"), names)
    text = json.dumps({"source": f"igraph {igraph.__version__} community_optimal_modularity (GLPK), unweighted, undirected", "networks": out}, indent=2) + "\n"
    path = os.path.join(REF, "optimal-modularity.json")
    if "--check" in sys.argv:
        same = open(path, encoding="utf-8").read() == text
        print("optimal-modularity.json is " + ("what this script makes" if same else "NOT what this script makes"))
        sys.exit(0 if same else 1)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    print(text)


if __name__ == "__main__":
    main()
