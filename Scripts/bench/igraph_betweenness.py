#!/usr/bin/env python3
"""The same job as `diplograph centrality EVENTS --slice all --measures betweenness --format csv`:
read the events CSV, aggregate one directed graph, compute normalised betweenness, print CSV."""
import csv, sys
import igraph as ig

index, edges = {}, {}
with open(sys.argv[1], newline="") as f:
    for row in csv.DictReader(f):
        u = index.setdefault(row["source"], len(index))
        v = index.setdefault(row["target"], len(index))
        edges[(u, v)] = edges.get((u, v), 0.0) + float(row["weight"] or 1)
g = ig.Graph(n=len(index), edges=list(edges), directed=True)
n = g.vcount()
values = g.betweenness(directed=True)
scale = 1 / ((n - 1) * (n - 2))
names = list(index)
out = ["slice,actor,betweenness"] + [f"all,{names[i]},{values[i] * scale!r}" for i in range(n)]
sys.stdout.write("\n".join(out) + "\n")
