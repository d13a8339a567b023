#!/usr/bin/env python3
"""The ingest job with polars (read, aggregate) and python-igraph (degree, PageRank):
yearly slices of an event stream, one weighted directed graph per year (weights summed per
ordered pair), degree (in + out) and PageRank (alpha 0.85, weighted) per actor, printed as CSV."""
import sys
import igraph as ig
import polars as pl

events = pl.read_csv(sys.argv[1], columns=["date", "source", "target", "weight"],
                     schema_overrides={"date": pl.Utf8, "source": pl.Utf8, "target": pl.Utf8, "weight": pl.Float64})
ties = (events.lazy()
        .group_by(pl.col("date").str.slice(0, 4).alias("slice"), "source", "target")
        .agg(pl.col("weight").fill_null(1.0).sum())
        .collect())
out = ["slice,actor,degree,pagerank"]
for (year,), part in sorted(ties.partition_by("slice", as_dict=True).items()):
    names = pl.concat([part["source"], part["target"]]).unique(maintain_order=True)
    index = pl.DataFrame({"name": names, "i": pl.int_range(0, len(names), eager=True, dtype=pl.Int64)})
    edges = (part.join(index, left_on="source", right_on="name").rename({"i": "u"})
             .join(index, left_on="target", right_on="name").rename({"i": "v"}))
    g = ig.Graph(n=len(names), edges=edges.select("u", "v").rows(), directed=True)
    pagerank = g.pagerank(weights=edges["weight"].to_list(), damping=0.85, directed=True)
    degree = g.degree(mode="all")
    out += [f"{year},{name},{d},{p!r}" for name, d, p in zip(names.to_list(), degree, pagerank)]
sys.stdout.write("\n".join(out) + "\n")
