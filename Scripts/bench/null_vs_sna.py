#!/usr/bin/env python3
"""1,000 permutations of betweenness and Gould-Fernandez brokerage against the `edges` null
(R sna's rgnm) on one 200-node, 1,000-tie directed slice: `diplograph centrality --null edges`
against R sna doing the same (rgnm, brokerage and betweenness in a loop), side by side in one
run. Checks that both give the same observed values and p-values within Monte-Carlo error
before it prints the times.

Run from the repository root after `swift build -c release`:
    python3 Scripts/bench/null_vs_sna.py [--permutations 1000] [--rounds 3]
The two run in alternation, A B A B ..., and the medians are reported.
Needs: R with sna (apt-get install r-cran-sna)."""
import argparse, csv, io, math, os, platform, random, resource, statistics, subprocess, sys, tempfile, time

TOOL = ".build/release/diplograph"
R_SCRIPT = r"""
suppressMessages(library(sna))
args <- commandArgs(trailingOnly = TRUE)
edges <- read.csv(args[1]); groups <- read.csv(args[2]); draws <- as.integer(args[3])
n <- nrow(groups); m <- nrow(edges)
g <- matrix(0, n, n); g[cbind(edges$source + 1, edges$target + 1)] <- 1
cl <- groups$group
set.seed(1)
started <- proc.time()[["elapsed"]]
ob <- betweenness(g, gmode = "digraph", cmode = "directed"); ot <- brokerage(g, cl)$raw.nli[, "t"]
nb <- numeric(n); nt <- numeric(n)
for (k in seq_len(draws)) {
  h <- rgnm(1, n, m, mode = "digraph", diag = FALSE)
  nb <- nb + (betweenness(h, gmode = "digraph", cmode = "directed") >= ob - 1e-9 * pmax(1, abs(ob)))
  nt <- nt + (brokerage(h, cl)$raw.nli[, "t"] >= ot - 1e-9 * pmax(1, abs(ot)))
}
elapsed <- proc.time()[["elapsed"]] - started
write.csv(data.frame(betweenness = ob, brokerage = ot, betweenness_p = (1 + nb) / (draws + 1), brokerage_p = (1 + nt) / (draws + 1)),
          args[4], row.names = FALSE)
cat(elapsed, "\n")
"""


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--permutations", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3, help="alternating runs of each (default 3)")
    args = parser.parse_args()
    n, m, draws = 200, 1000, args.permutations
    rng = random.Random(2026)
    pairs = rng.sample([(u, v) for u in range(n) for v in range(n) if u != v], m)
    groups = [rng.randrange(4) for _ in range(n)]
    with tempfile.TemporaryDirectory() as tmp:
        events, actors = os.path.join(tmp, "slice.events.csv"), os.path.join(tmp, "slice.actors.csv")
        with open(actors, "w") as f:
            f.write("id,label,group\n" + "".join(f"n{v:03d},N{v},g{groups[v]}\n" for v in range(n)))
        with open(events, "w") as f:
            f.write("date,source,target,kind,weight\n" + "".join(f"2018,n{u:03d},n{v:03d},summit,1\n" for u, v in sorted(pairs)))
        edge_file, group_file, r_out, script = (os.path.join(tmp, x) for x in ("edges.csv", "groups.csv", "sna.csv", "null.R"))
        with open(edge_file, "w") as f:
            f.write("source,target\n" + "".join(f"{u},{v}\n" for u, v in pairs))
        with open(group_file, "w") as f:
            f.write("group\n" + "".join(f"{g + 1}\n" for g in groups))
        with open(script, "w") as f:
            f.write(R_SCRIPT)
        command = [TOOL, "centrality", events, "--actors", actors, "--slice", "all", "--roster", "all",
                   "--measures", "betweenness,brokerage", "--null", "edges", "--permutations", str(draws), "--seed", "1", "--format", "csv"]
        def cpu():
            usage = resource.getrusage(resource.RUSAGE_CHILDREN)
            return usage.ru_utime + usage.ru_stime
        def timed(run):
            started, cpu_started = time.perf_counter(), cpu()
            output = run()
            return output, time.perf_counter() - started, cpu() - cpu_started
        # Rounds that alternate the two (A B A B ...), so that a busy spell of a shared machine
        # falls on both; medians of each, and the median of the per-round ratios.
        rounds = []
        for _ in range(args.rounds):
            ours, ours_seconds, ours_cpu = timed(lambda: subprocess.run(command, check=True, capture_output=True, text=True).stdout)
            r_inner, r_seconds, r_cpu = timed(lambda: float(subprocess.run(
                ["Rscript", script, edge_file, group_file, str(draws), r_out], check=True, capture_output=True, text=True).stdout.split()[0]))
            rounds.append((ours_seconds, ours_cpu, r_seconds, r_cpu, r_inner))
        rows = list(csv.DictReader(io.StringIO(ours)))
        sna = list(csv.DictReader(open(r_out)))
    # The same observed values, and p-values within Monte-Carlo error.
    worst = 0.0
    for row, ref in zip(rows, sna):
        scale = (n - 1) * (n - 2)
        assert abs(float(row["betweenness"]) * scale - float(ref["betweenness"])) <= 1e-6 * max(1, float(ref["betweenness"])), (row, ref)
        assert float(row["brokerage"]) == float(ref["brokerage"]), (row, ref)
        for measure in ("betweenness", "brokerage"):
            p, q = float(row[f"{measure}_p"]), float(ref[f"{measure}_p"])
            se = math.sqrt(max(p * (1 - p), q * (1 - q), 1e-4) * 2 / draws)
            worst = max(worst, abs(p - q) / se)
    assert len(rows) == len(sna) == n and worst <= 5, f"p-values differ by {worst:.1f} standard errors"
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, {platform.platform()}")
    print(f"load average before: {os.getloadavg()[0]:.1f}")
    median = statistics.median
    ours_seconds, ours_cpu = median(r[0] for r in rounds), median(r[1] for r in rounds)
    r_seconds, r_cpu, r_inner = median(r[2] for r in rounds), median(r[3] for r in rounds), median(r[4] for r in rounds)
    print(f"rounds:     {len(rounds)}, alternating; medians below")
    print(f"diplograph: {ours_seconds:.3f} s wall, {ours_cpu:.3f} s CPU  ({' '.join(command[1:2])} ... --null edges --permutations {draws}; "
          f"rounds {', '.join(f'{r[0]:.3f}' for r in rounds)})")
    print(f"R sna:      {r_seconds:.2f} s wall, {r_cpu:.2f} s CPU (loop alone {r_inner:.2f} s wall; rounds {', '.join(f'{r[2]:.2f}' for r in rounds)})")
    print(f"ratio:      {median(r[2] / r[0] for r in rounds):.0f}x wall, {median(r[3] / r[1] for r in rounds):.0f}x CPU (median of the rounds' ratios)")
    print(f"observed values equal; p-values within {worst:.2f} standard errors of the difference (largest of {2 * n})")


if __name__ == "__main__":
    sys.exit(main())
