#!/usr/bin/env python3
"""Leiden on modularity, weighted: `coalition communities` against igraph's community_leiden,
both as whole processes on the same files, over several seeds, interleaved so that drift on a
shared machine hits both alike. Prints each run and the medians (time and modularity).

    python3 Benchmarks/scripts/leiden-vs-igraph.py DATA NAME COALITION [--seeds 5] [--iterations 2]

DATA/NAME.actors.csv and DATA/NAME.ties.csv in the layout of ../shared/bench/anchors.py (which
this script imports to read them as it does). Coalition runs with --restarts 1 --iterations N;
igraph with n_iterations=N, objective modularity, weights "weight". --iterations 0 runs both until
stable (Coalition's default; igraph's n_iterations=-1).
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time

IGRAPH_RUN = r'''
import sys, time, json, random
sys.path.insert(0, sys.argv[1])
import anchors, igraph as ig
t0 = time.perf_counter()
d = anchors.read_inputs(sys.argv[2], sys.argv[3])
g = ig.Graph(n=d["n"], edges=list(zip(d["src"].tolist(), d["dst"].tolist())), directed=False)
g.es["weight"] = d["w"].tolist()
random.seed(int(sys.argv[4]))
ig.set_random_number_generator(random)
t1 = time.perf_counter()
p = g.community_leiden(objective_function="modularity", weights="weight", n_iterations=int(sys.argv[5]))
t2 = time.perf_counter()
print(json.dumps({"modularity": g.modularity(p.membership, weights="weight"), "leiden": t2 - t1, "communities": len(p)}))
'''


def main():
    a = argparse.ArgumentParser()
    a.add_argument("data")
    a.add_argument("name")
    a.add_argument("coalition")
    a.add_argument("--seeds", type=int, default=5)
    a.add_argument("--iterations", type=int, default=2)
    a.add_argument("--anchors", default=os.path.join(os.path.dirname(__file__), "../../../shared/bench"))
    o = a.parse_args()
    files = [f"{o.data}/{o.name}.actors.csv", f"{o.data}/{o.name}.ties.csv"]
    ours, theirs = [], []
    for seed in range(1, o.seeds + 1):
        args = [o.coalition, "communities", *files, "--weighted", "--restarts", "1", "--seed", str(seed), "--format", "json", "--quiet"]
        if o.iterations > 0:
            args += ["--iterations", str(o.iterations)]
        t = time.perf_counter()
        out = subprocess.run(args, check=True, capture_output=True, text=True).stdout
        ours.append((time.perf_counter() - t, json.loads(out)["modularity"]))
        t = time.perf_counter()
        out = subprocess.run([sys.executable, "-c", IGRAPH_RUN, o.anchors, o.data, o.name, str(seed), str(o.iterations if o.iterations > 0 else -1)],
                             check=True, capture_output=True, text=True).stdout
        r = json.loads(out)
        theirs.append((time.perf_counter() - t, r["modularity"], r["leiden"]))
        print(f"seed {seed}: coalition {ours[-1][0]:.2f} s Q {ours[-1][1]:.5f} | igraph {theirs[-1][0]:.2f} s (leiden {theirs[-1][2]:.2f} s) Q {theirs[-1][1]:.5f}")
    mt, mq = statistics.median(x[0] for x in ours), statistics.median(x[1] for x in ours)
    it, iq = statistics.median(x[0] for x in theirs), statistics.median(x[1] for x in theirs)
    print(f"median: coalition {mt:.2f} s, Q {mq:.5f}; igraph {it:.2f} s, Q {iq:.5f}; time ratio {mt / it:.2f}")


if __name__ == "__main__":
    main()
