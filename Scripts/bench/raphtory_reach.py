#!/usr/bin/env python3
"""The reach job with Raphtory 0.17: the events as a temporal graph (one edge update per event,
at its day), then Raphtory's temporally_reachable_nodes from each of the first N actors in
turn (a0, a1, ...), with no start time and no hop limit that binds. Raphtory takes an edge at
or after a node's earliest taint time (non-strict, as diplograph), so on day-precise events
its earliest taint time is diplograph's possible and certain arrival alike.
Prints from,actor,possible,certain for every actor, as diplograph reach --format csv does.

Usage: raphtory_reach.py EVENTS.csv N"""
import datetime, sys
import pandas as pd
from raphtory import Graph
from raphtory import algorithms

events = pd.read_csv(sys.argv[1], usecols=["date", "source", "target"], dtype=str)
events["time"] = (pd.to_datetime(events["date"], format="%Y-%m-%d") - pd.Timestamp("1970-01-01")) // pd.Timedelta(milliseconds=1)
g = Graph()
g.load_edges(events, time="time", src="source", dst="target")
# Actors in the order diplograph numbers them: first appearance in the file, source before target.
order = {}
for s, t in zip(events["source"], events["target"]):
    order.setdefault(s, len(order))
    order.setdefault(t, len(order))
actors = sorted(order, key=order.get)
sources = [f"a{i}" for i in range(int(sys.argv[2]))]
start = int(events["time"].min())
out = ["from,actor,possible,certain"]
for source in sources:
    state = algorithms.temporally_reachable_nodes(g, max_hops=len(actors), start_time=start, seed_nodes=[source])
    reached = {}
    for node, history in state.items():
        times = [hop["0"] for hop in history["reachable_nodes"] if hop["1"] != "start"]
        if times:
            reached[node.name] = min(times)
    for actor in actors:
        if actor == source:
            continue
        day = ""
        if actor in reached:
            day = (datetime.date(1970, 1, 1) + datetime.timedelta(milliseconds=reached[actor])).isoformat()
        out.append(f"{source},{actor},{day},{day}")
sys.stdout.write("\n".join(out) + "\n")
