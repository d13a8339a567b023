#!/usr/bin/env python3
"""Benchmark inputs, each from a fixed seed.
Usage: generate.py JOB OUT.csv, JOB one of
  betweenness        directed random graph, 2,000 nodes, 10,000 ties
  betweenness-large  directed random graph, 20,000 nodes, 100,000 ties
  ingest             1,000,000 events, 5,000 actors, 10 years
  brokerage          200,000 actors in 2,000 communities of 100, 1,000,000 events, one year"""
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


def betweenness_large(path):
    betweenness(path, n=20_000, m=100_000, seed=3)


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


def brokerage(path, actors=200_000, community=100, events=1_000_000, seed=4):
    """Many actors, each its own group when no actors file is given: the case where
    brokerage's null model used to rebuild the list of other groups for every group.
    Ties stay inside communities, so that betweenness (O(n m)) stays in seconds too."""
    rng = random.Random(seed)
    with open(path, "w") as f:
        f.write("date,source,target,kind,weight\n")
        # Every actor appears at least once: a ring inside each community.
        lines = [f"2020,a{u},a{u - u % community + (u + 1) % community},summit,1\n" for u in range(actors)]
        for _ in range(events - actors):
            base = rng.randrange(actors // community) * community
            u = rng.randrange(community)
            v = rng.randrange(community - 1)
            if v >= u:
                v += 1
            lines.append(f"2020,a{base + u},a{base + v},summit,1\n")
        f.writelines(lines)


if __name__ == "__main__":
    {"betweenness": betweenness, "betweenness-large": betweenness_large, "ingest": ingest,
     "brokerage": brokerage}[sys.argv[1]](sys.argv[2])
