#!/usr/bin/env python3
"""The betweenness job with networkx, for comparison."""
import csv, sys
import networkx as nx

G = nx.DiGraph()
with open(sys.argv[1], newline="") as f:
    for row in csv.DictReader(f):
        G.add_edge(row["source"], row["target"])
values = nx.betweenness_centrality(G)
sys.stdout.write("\n".join(["slice,actor,betweenness"] + [f"all,{v},{b!r}" for v, b in values.items()]) + "\n")
