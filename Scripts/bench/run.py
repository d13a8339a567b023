#!/usr/bin/env python3
"""Runs each benchmark job as whole processes: first once per tool, checking that every peer's
answers equal DiploGraph's (stopping before any time is reported if one does not), then
several timed rounds with the tools interleaved. Prints Markdown for BENCHMARKS.md: median and
fastest wall time, peak resident memory, the ratio to DiploGraph and to the job's physical limit.

Usage: run.py [--jobs betweenness,betweenness-large,ingest,brokerage,reach] [--rounds N]
Environment: BASELINE=path/to/an/older/diplograph adds it as a contender (before/after figures)."""
import argparse, importlib.metadata, os, platform, statistics, subprocess, sys, time

TOOL = ".build/release/diplograph"
PY = sys.executable
INPUT = {name: f".bench/{name}.events.csv" for name in ("betweenness", "betweenness-large", "ingest", "brokerage")}
# The reach job starts from a0, a1, ... in turn; REACH_SOURCES=N changes how many (default 100).
REACH_SOURCES = int(os.environ.get("REACH_SOURCES", "100"))


def diplograph_variants(args, baseline_rounds=1):
    """DiploGraph (timed every round), and the baseline build when one is given."""
    variants = [("diplograph", [TOOL] + args, 1)]
    if os.environ.get("BASELINE"):
        variants.append(("diplograph before (baseline build)", [os.environ["BASELINE"]] + args, baseline_rounds))
    return variants


# Each job: title, the limit model (seconds, and how it is derived), contenders (name, command,
# timed rounds; 0 = checked once, timed once), and the columns compared with their tolerances.
def jobs():
    b, bl, ing, br = INPUT["betweenness"], INPUT["betweenness-large"], INPUT["ingest"], INPUT["brokerage"]
    betweenness_args = lambda path: ["centrality", path, "--slice", "all", "--measures", "betweenness", "--format", "csv"]
    return {
        "betweenness": dict(
            title="betweenness: directed random graph, 2,000 nodes, 10,000 ties",
            limit=(2 * 2000 * 10000 * 1e-9 / 2, "2·n·m = 4·10⁷ edge visits (Brandes, forward and back) at 1 ns each on 2 cores"),
            contenders=diplograph_variants(betweenness_args(b)) + [
                ("python-igraph", [PY, "Scripts/bench/igraph_betweenness.py", b], 1),
                ("networkit (2 threads)", [PY, "Scripts/bench/networkit_betweenness.py", b], 1),
                ("networkx", [PY, "Scripts/bench/networkx_betweenness.py", b], 0)],
            columns={"betweenness": ("relative", 1e-9)}),
        "betweenness-large": dict(
            title="betweenness: directed random graph, 20,000 nodes, 100,000 ties",
            limit=(2 * 20000 * 100000 * 1e-9 / 2, "2·n·m = 4·10⁹ edge visits at 1 ns each on 2 cores"),
            contenders=diplograph_variants(betweenness_args(bl), baseline_rounds=0) + [
                ("python-igraph", [PY, "Scripts/bench/igraph_betweenness.py", bl], 0),
                ("networkit (2 threads)", [PY, "Scripts/bench/networkit_betweenness.py", bl], 0)],
            columns={"betweenness": ("relative", 1e-9)}),
        "ingest": dict(
            title="ingest: 1,000,000 events (33 MB), 5,000 actors, 10 yearly slices, degree + PageRank",
            limit=(33.2e6 / 1e9 / 2 + 10 * 1e5 * 1e-9,
                   "the CSV scanned at 1 GB/s per core on 2 cores (17 ms), plus one pass over each slice's "
                   "10⁵ ties at 1 ns (1 ms); PageRank's iterations are not counted"),
            contenders=diplograph_variants(["centrality", ing, "--measures", "degree,pagerank", "--format", "csv"]) + [
                ("polars + python-igraph", [PY, "Scripts/bench/polars_igraph_ingest.py", ing], 1),
                ("duckdb + python-igraph", [PY, "Scripts/bench/duckdb_igraph_ingest.py", ing], 1),
                ("Raphtory 0.17 (+ python-igraph PageRank)", [PY, "Scripts/bench/raphtory_ingest.py", ing], 1),
                ("python csv + networkx", [PY, "Scripts/bench/networkx_ingest.py", ing], 0)],
            columns={"degree": ("exact", 0), "pagerank": ("absolute", 1e-9)}),
        "brokerage": dict(
            title="default measures (degree, strength, betweenness, brokerage): 200,000 actors, each its own group, 1,000,000 events",
            limit=(28.9e6 / 1e9 / 2, "the CSV scanned at 1 GB/s per core on 2 cores"),
            # The baseline (quadratic in the number of groups) takes over 20 minutes here: not run.
            contenders=[("diplograph", [TOOL, "centrality", br, "--slice", "all", "--format", "csv"], 1),
                        ("diplograph, brokerage and its z-score only",
                         [TOOL, "centrality", br, "--slice", "all", "--measures", "brokerage,brokerage_z", "--format", "csv"], 1)],
            columns={}, same_rows_only=True),
        "reach": dict(
            title=f"reach: earliest arrival from {REACH_SOURCES} actors in turn, 1,000,000 day-precise events, 5,000 actors (the ingest input)",
            limit=(33.2e6 / 1e9 / 2 + REACH_SOURCES * 2 * 1e6 * 1e-9,
                   "the CSV scanned at 1 GB/s per core on 2 cores, plus one pass over the 10⁶ events per source and "
                   "reading (possible, certain) at 1 ns each"),
            contenders=diplograph_variants(["reach", ing, "--from", ",".join(f"a{i}" for i in range(REACH_SOURCES)), "--format", "csv"]) + [
                (f"Raphtory 0.17 temporally_reachable_nodes", [PY, "Scripts/bench/raphtory_reach.py", ing, str(REACH_SOURCES)], 0)],
            columns={"possible": ("text", 0), "certain": ("text", 0)}),
    }


def run(command):
    """Wall time, peak RSS (MB) and stdout of one run of `command`."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    out = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"{' '.join(command)} failed with status {status}")
    return elapsed, usage.ru_maxrss / 1024, out


def table(csv_bytes):
    """{(slice, actor): {column: text}} of a `slice,actor,...` CSV."""
    lines = csv_bytes.decode().strip().split("\n")
    header = lines[0].split(",")
    return {tuple(r.split(",")[:2]): dict(zip(header[2:], r.split(",")[2:])) for r in lines[1:]}


def compare(ours, theirs, columns):
    """The largest difference per column, or a message saying why the answers differ."""
    if set(ours) != set(theirs):
        missing, extra = set(ours) - set(theirs), set(theirs) - set(ours)
        return None, f"different rows: {len(missing)} missing (e.g. {sorted(missing)[:3]}), {len(extra)} extra (e.g. {sorted(extra)[:3]})"
    worst = {}
    for column, (kind, tolerance) in columns.items():
        largest = 0.0
        for key, row in ours.items():
            if kind == "text":
                if row[column] != theirs[key][column]:
                    return None, f"{column} of {key}: {row[column]!r} here, {theirs[key][column]!r} there"
                continue
            a, b = float(row[column]), float(theirs[key][column])
            difference = abs(a - b) if kind != "relative" else abs(a - b) / max(abs(a), abs(b), 1e-300)
            if kind == "exact" and a != b or difference > tolerance:
                return None, f"{column} of {key}: {a!r} here, {b!r} there"
            largest = max(largest, difference if kind != "relative" or a != 0 or b != 0 else 0.0)
        worst[column] = (kind, largest)
    return worst, None


def versions():
    swift = subprocess.run(["swift", "--version"], capture_output=True, text=True).stdout.split("\n")[0] if TOOL else ""
    def version(package):
        try:
            return importlib.metadata.version(package)
        except importlib.metadata.PackageNotFoundError:
            return "not installed"
    packages = ", ".join(f"{p} {version(p)}" for p in ("networkx", "igraph", "networkit", "polars", "duckdb", "raphtory", "pandas"))
    return f"{swift}; Python {platform.python_version()}: {packages}"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--jobs", default="betweenness,betweenness-large,ingest,brokerage,reach")
    parser.add_argument("--rounds", type=int, default=5)
    options = parser.parse_args()
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.processor())
    print(f"Machine: {cpu}, {os.cpu_count()} cores, Linux {platform.release()}; load average before: {os.getloadavg()[0]:.2f}")
    print(f"Versions: {versions()}")
    print(f"Date: {time.strftime('%Y-%m-%d %H:%M')}; command: make bench (Scripts/benchmark.sh → Scripts/bench/run.py --jobs {options.jobs} --rounds {options.rounds})\n")
    all_jobs = jobs()
    for name in options.jobs.split(","):
        job = all_jobs[name]
        contenders = job["contenders"]
        # 1. One run each, answers checked against DiploGraph's before anything is timed.
        first = {}
        for tool, command, _ in contenders:
            first[tool] = run(command)
        ours = table(first[contenders[0][0]][2])
        notes = []
        for tool, _, _ in contenders[1:]:
            if job.get("same_rows_only") and set(ours) == set(table(first[tool][2])):
                notes.append(f"{tool}: {len(ours)} rows, the same rows (other columns)")
                continue
            worst, problem = compare(ours, table(first[tool][2]), job["columns"])
            if problem:
                raise SystemExit(f"{name}: {tool} disagrees with diplograph: {problem}; no times reported")
            shown = ", ".join(f"{c} {'equal' if k in ('exact', 'text') else f'max {k} difference {d:.1e}'}" for c, (k, d) in worst.items())
            notes.append(f"{tool}: {len(ours)} rows, same rows as diplograph; {shown or 'same rows'}")
        # 2. Timed rounds, interleaved so that load changes hit every tool alike.
        times = {tool: [first[tool][0]] if rounds == 0 else [] for tool, _, rounds in contenders}
        peak = {tool: first[tool][1] for tool, _, _ in contenders}
        for _ in range(options.rounds):
            for tool, command, rounds in contenders:
                if rounds == 0:
                    continue
                elapsed, rss, _ = run(command)
                times[tool].append(elapsed)
                peak[tool] = max(peak[tool], rss)
        limit, model = job["limit"]
        base = statistics.median(times[contenders[0][0]])
        print(f"### {job['title']}\n")
        print("| tool | median wall time (s) | fastest (s) | runs | peak memory (MB) | vs diplograph | vs limit |")
        print("|---|---:|---:|---:|---:|---:|---:|")
        for tool, _, _ in contenders:
            median = statistics.median(times[tool])
            print(f"| {tool} | {median:.3f} | {min(times[tool]):.3f} | {len(times[tool])} | {peak[tool]:.0f} | "
                  f"{median / base:.2f}× | {median / limit:.0f}× |")
        print(f"\nLimit: {limit:.3f} s = {model}.")
        for note in notes:
            print(f"- {note}")
        print(f"- load average after: {os.getloadavg()[0]:.2f}\n", flush=True)


if __name__ == "__main__":
    main()
