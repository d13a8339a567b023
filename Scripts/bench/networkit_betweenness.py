#!/usr/bin/env python3
"""The betweenness job with networkit (all cores), for comparison."""
import csv, sys
import networkit as nk

index, edges = {}, {}
with open(sys.argv[1], newline="") as f:
    for row in csv.DictReader(f):
        u = index.setdefault(row["source"], len(index))
        v = index.setdefault(row["target"], len(index))
        edges[(u, v)] = 1
g = nk.Graph(len(index), directed=True)
for u, v in edges:
    g.addEdge(u, v)
b = nk.centrality.Betweenness(g, normalized=True)
b.run()
values = b.scores()
names = list(index)
sys.stdout.write("\n".join(["slice,actor,betweenness"] + [f"all,{names[i]},{values[i]!r}" for i in range(len(names))]) + "\n")
