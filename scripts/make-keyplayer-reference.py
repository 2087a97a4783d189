#!/usr/bin/env python3
"""Makes fixtures/reference/keyplayers.json: the optimal key-player sets of Zachary's karate
club, Padgett's Florentine families and Les Misérables (fixtures/reference/*.csv) for k = 1, 2, 3,
found by trying every set, with Borgatti's (2006) definitions written out from the paper on the
undirected view:

  F  = 1 - sum_c s_c (s_c - 1) / (N (N - 1))      components c of the network without the set
  DF = 1 - sum_{i != j} (1 / d_ij) / (N (N - 1))  in the network without the set, 1/inf = 0
  DR = sum_{j not in S} (1 / d(S, j)) / n          n every actor, d(S, j) from the nearest member
  m-reach (m = 1) = share of non-members within one step of a member

The best set is the first in lexicographic order of the actors sheet among the best values
(within 1e-12). The tests read the committed numbers; they never run this.
  python3 scripts/make-keyplayer-reference.py
"""
import csv
import itertools
import json
import os

import networkx as nx
import numpy as np
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import connected_components, shortest_path

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REF = os.path.join(ROOT, "fixtures", "reference")


def read(name):
    with open(os.path.join(REF, f"{name}.actors.csv"), encoding="utf-8") as f:
        ids = [r["id"] for r in csv.DictReader(f)]
    index = {v: i for i, v in enumerate(ids)}
    a = np.zeros((len(ids), len(ids)), dtype=np.int8)
    with open(os.path.join(REF, f"{name}.ties.csv"), encoding="utf-8") as f:
        for r in csv.DictReader(f):
            s, t = index[r["source"]], index[r["target"]]
            if s != t:
                a[s, t] = a[t, s] = 1
    return ids, a


def fragmentation(a, keep):
    sub = a[np.ix_(keep, keep)]
    n = len(keep)
    _, labels = connected_components(csr_matrix(sub), directed=False)
    sizes = np.bincount(labels)
    return 1 - float((sizes * (sizes - 1)).sum()) / (n * (n - 1))


def distance_fragmentation(a, keep):
    sub = a[np.ix_(keep, keep)]
    n = len(keep)
    d = shortest_path(csr_matrix(sub), directed=False, unweighted=True)
    with np.errstate(divide="ignore"):
        inv = np.where(np.isfinite(d) & (d > 0), 1.0 / d, 0.0)
    return 1 - float(inv.sum()) / (n * (n - 1))


def main():
    out = {"source": f"every set tried, networkx {nx.__version__} / scipy; Borgatti (2006) definitions (docstring)", "networks": {}}
    for name in ("florentine", "karate", "lesmis"):
        ids, a = read(name)
        n = len(ids)
        full = shortest_path(csr_matrix(a), directed=False, unweighted=True)
        # A check of the adjacency against networkx's reading of the same ties.
        g = nx.Graph()
        g.add_nodes_from(range(n))
        g.add_edges_from(zip(*np.nonzero(np.triu(a))))
        assert g.number_of_edges() == int(np.triu(a).sum())
        result = {"actors": n, "ties": g.number_of_edges()}
        for k in (1, 2, 3):
            best = {}
            for s in itertools.combinations(range(n), k):
                keep = [v for v in range(n) if v not in s]
                dist = full[list(s)].min(axis=0)
                others = np.array(keep)
                with np.errstate(divide="ignore"):
                    reach = float(np.where(np.isfinite(dist[others]), 1.0 / dist[others], 0.0).sum()) / n
                m_reach = float((dist[others] <= 1).sum()) / (n - k)
                values = {
                    "fragmentation": fragmentation(a, keep),
                    "distance-weighted-fragmentation": distance_fragmentation(a, keep),
                    "reach": reach,
                    "m-reach": m_reach,
                }
                for key, v in values.items():
                    if key not in best or v > best[key][0] + 1e-12:
                        best[key] = (v, s)
            result[str(k)] = {key: {"value": round(v, 12), "set": [ids[i] for i in s]} for key, (v, s) in sorted(best.items())}
        out["networks"][name] = result
        print(name, {k: {o: result[k][o]["value"] for o in result[k]} for k in ("1", "2", "3")})
    with open(os.path.join(REF, "keyplayers.json"), "w", encoding="utf-8") as f:
        f.write(json.dumps(out, indent=1, sort_keys=True) + "\n")
    print("wrote fixtures/reference/keyplayers.json")


if __name__ == "__main__":
    main()
