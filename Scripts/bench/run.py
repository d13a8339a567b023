#!/usr/bin/env python3
"""Runs each benchmark job as a whole process several times; reports the median wall time
and the peak resident memory, and checks that the outputs agree."""
import os, platform, statistics, subprocess, sys, time

TOOL = ".build/release/diplograph"
BETWEENNESS = ".bench/betweenness.events.csv"
INGEST = ".bench/ingest.events.csv"

JOBS = [
    ("betweenness: 2,000 actors, 10,000 directed ties", [
        ("diplograph", [TOOL, "centrality", BETWEENNESS, "--slice", "all", "--measures", "betweenness", "--format", "csv"], 7),
        ("python-igraph", [sys.executable, "Scripts/bench/igraph_betweenness.py", BETWEENNESS], 7),
        ("networkit", [sys.executable, "Scripts/bench/networkit_betweenness.py", BETWEENNESS], 3),
        ("networkx", [sys.executable, "Scripts/bench/networkx_betweenness.py", BETWEENNESS], 1),
    ]),
    ("ingest: 1,000,000 events, 5,000 actors, 10 yearly slices, degree + pagerank", [
        ("diplograph", [TOOL, "centrality", INGEST, "--measures", "degree,pagerank", "--format", "csv"], 5),
        ("python csv + networkx", [sys.executable, "Scripts/bench/networkx_ingest.py", INGEST], 1),
    ]),
]


def run(command):
    """Wall time and peak RSS (MB) of one run of `command`; its stdout."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    out = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"{command} failed with status {status}")
    return elapsed, usage.ru_maxrss / 1024, out


def values(csv_bytes):
    rows = csv_bytes.decode().strip().split("\n")[1:]
    return {tuple(r.split(",")[:2]): [float(x) for x in r.split(",")[2:]] for r in rows}


def main():
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.processor())
    print(f"Machine: {cpu}, {os.cpu_count()} cores, Linux {platform.release()}; Python {platform.python_version()}")
    print(f"Date: {time.strftime('%Y-%m-%d')}; command: Scripts/benchmark.sh (make bench)\n")
    for title, contenders in JOBS:
        print(f"### {title}\n")
        print("| tool | median wall time (s) | runs | peak memory (MB) | vs diplograph |")
        print("|---|---:|---:|---:|---:|")
        results, outputs = [], {}
        for name, command, repeats in contenders:
            times, peak = [], 0.0
            for _ in range(repeats):
                elapsed, rss, out = run(command)
                times.append(elapsed)
                peak = max(peak, rss)
            outputs[name] = out
            results.append((name, statistics.median(times), repeats, peak))
        base = results[0][1]
        for name, median, repeats, peak in results:
            print(f"| {name} | {median:.3f} | {repeats} | {peak:.0f} | {median / base:.1f}× |")
        ours = values(outputs[results[0][0]])
        for name, out in outputs.items():
            theirs = values(out)
            worst = max((abs(a - b) / max(abs(b), 1e-300) for k, vs in theirs.items() for a, b in zip(ours[k], vs) if b != 0), default=0.0)
            print(f"\n{name}: {len(theirs)} rows, largest relative difference from diplograph {worst:.1e}", end="")
        print("\n")


if __name__ == "__main__":
    main()
