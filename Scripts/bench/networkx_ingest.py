#!/usr/bin/env python3
"""The ingest job in python csv + networkx: yearly slices of an event stream, aggregated to
weighted directed graphs, degree and PageRank per actor per year, printed as CSV. PageRank is
solved to DiploGraph's precision (networkx's default tolerance, 1e-6 per node, leaves errors
of about 1e-3 relative)."""
import csv, sys
import networkx as nx

slices = {}
with open(sys.argv[1], newline="") as f:
    for row in csv.DictReader(f):
        year = row["date"][:4]
        G = slices.setdefault(year, nx.DiGraph())
        u, v, w = row["source"], row["target"], float(row["weight"] or 1)
        if G.has_edge(u, v):
            G[u][v]["weight"] += w
        else:
            G.add_edge(u, v, weight=w)
out = ["slice,actor,degree,pagerank"]
for year in sorted(slices):
    G = slices[year]
    pr = nx.pagerank(G, alpha=0.85, weight="weight", tol=1e-15, max_iter=10_000)
    for v in G:
        out.append(f"{year},{v},{G.degree(v)},{pr[v]!r}")
sys.stdout.write("\n".join(out) + "\n")
