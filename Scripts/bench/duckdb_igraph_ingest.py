#!/usr/bin/env python3
"""The ingest job with DuckDB (read, aggregate in SQL) and python-igraph (degree, PageRank);
see polars_igraph_ingest.py for the job."""
import sys
import duckdb
import igraph as ig

path = sys.argv[1].replace("'", "''")
ties = duckdb.sql(f"""
    select substr(date, 1, 4) as slice, source, target, sum(coalesce(weight, 1.0)) as weight
    from read_csv('{path}', header = true,
                  columns = {{'date': 'VARCHAR', 'source': 'VARCHAR', 'target': 'VARCHAR',
                             'kind': 'VARCHAR', 'weight': 'DOUBLE'}})
    group by all
    order by slice""").fetchnumpy()
out = ["slice,actor,degree,pagerank"]
slices, sources, targets, weights = ties["slice"], ties["source"], ties["target"], ties["weight"]
start = 0
while start < len(slices):
    year = slices[start]
    end = start
    while end < len(slices) and slices[end] == year:
        end += 1
    index = {}
    edges = [(index.setdefault(u, len(index)), index.setdefault(v, len(index)))
             for u, v in zip(sources[start:end], targets[start:end])]
    g = ig.Graph(n=len(index), edges=edges, directed=True)
    pagerank = g.pagerank(weights=weights[start:end].tolist(), damping=0.85, directed=True)
    degree = g.degree(mode="all")
    out += [f"{year},{name},{d},{p!r}" for name, d, p in zip(index, degree, pagerank)]
    start = end
sys.stdout.write("\n".join(out) + "\n")
