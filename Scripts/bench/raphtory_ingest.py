#!/usr/bin/env python3
"""The ingest job with Raphtory 0.17: a temporal graph loaded from a polars frame, one window
per year, degree (in + out) and the summed weights from the window. Raphtory's own PageRank
ignores weights, so the weighted PageRank of each window is python-igraph's; see
polars_igraph_ingest.py for the job."""
import sys
import igraph as ig
import polars as pl
from raphtory import Graph

events = pl.read_csv(sys.argv[1], columns=["date", "source", "target", "weight"],
                     schema_overrides={"date": pl.Utf8, "source": pl.Utf8, "target": pl.Utf8, "weight": pl.Float64})
events = events.with_columns(pl.col("date").str.to_date("%Y-%m-%d").cast(pl.Datetime("ms")).alias("time"),
                             pl.col("weight").fill_null(1.0))
g = Graph()
g.load_edges(events, time="time", src="source", dst="target", properties=["weight"])
first, last = events["date"].str.slice(0, 4).cast(pl.Int64).min(), events["date"].str.slice(0, 4).cast(pl.Int64).max()
out = ["slice,actor,degree,pagerank"]
for year in range(first, last + 1):
    w = g.window(f"{year}-01-01", f"{year + 1}-01-01")
    nodes = w.nodes
    names = list(nodes.name)
    degree = [i + o for i, o in zip(nodes.in_degree().values(), nodes.out_degree().values())]
    index = {name: i for i, name in enumerate(names)}
    edges = w.edges
    pairs = [(index[u], index[v]) for u, v in zip(edges.src.name, edges.dst.name)]
    weights = list(edges.properties.temporal.get("weight").values().sum())
    pagerank = ig.Graph(n=len(names), edges=pairs, directed=True).pagerank(weights=weights, damping=0.85, directed=True)
    out += [f"{year},{name},{d},{p!r}" for name, d, p in zip(names, degree, pagerank)]
sys.stdout.write("\n".join(out) + "\n")
