#!/usr/bin/env python3
"""Benchmark inputs: a directed random slice for betweenness, and a large event stream for ingest.
Usage: generate.py betweenness OUT.csv | generate.py ingest OUT.csv"""
import random, sys


def betweenness(path, n=2000, m=10000, seed=1):
    rng = random.Random(seed)
    pairs = set()
    while len(pairs) < m:
        u, v = rng.randrange(n), rng.randrange(n)
        if u != v:
            pairs.add((u, v))
    with open(path, "w") as f:
        f.write("date,source,target,kind,weight\n")
        for u, v in sorted(pairs):
            f.write(f"2020,a{u},a{v},summit,1\n")


def ingest(path, events=1_000_000, actors=5000, years=10, seed=2):
    rng = random.Random(seed)
    kinds = ["mediation", "summit", "pressure"]
    with open(path, "w") as f:
        f.write("date,source,target,kind,weight\n")
        lines = []
        for _ in range(events):
            u = rng.randrange(actors)
            v = rng.randrange(actors - 1)
            if v >= u:
                v += 1
            lines.append(f"{2010 + rng.randrange(years)}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d},a{u},a{v},{rng.choice(kinds)},{rng.choice((1, 2, 3))}\n")
            if len(lines) == 100_000:
                f.writelines(lines)
                lines = []
        f.writelines(lines)


if __name__ == "__main__":
    {"betweenness": betweenness, "ingest": ingest}[sys.argv[1]](sys.argv[2])
