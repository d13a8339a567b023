#!/usr/bin/env bash
# Times whole processes of diplograph against the peers a user would pick instead (python-igraph,
# networkit, networkx, polars + igraph, duckdb + igraph, Raphtory), each doing the same job and
# checked for the same answers first, and prints Markdown for BENCHMARKS.md.
# Needs: a release build (make build) and python3; installs the peers' pinned versions
# (Scripts/bench/requirements.txt) with pip when they are missing.
# Arguments go to Scripts/bench/run.py, e.g. --jobs ingest --rounds 9; BASELINE=path adds an
# older diplograph build to every job.
set -euo pipefail
cd "$(dirname "$0")/.."
requirements=Scripts/bench/requirements.txt
if ! python3 Scripts/test/check-requirements.py "$requirements" 2>/dev/null; then
	flags=(--quiet --disable-pip-version-check)
	if [ "$(id -u)" != 0 ]; then flags+=(--user); fi
	echo "Installing the benchmark peers with pip: $(grep -v '^#' "$requirements" | tr '\n' ' ')" >&2
	python3 -m pip install "${flags[@]}" -r "$requirements" >&2
fi
mkdir -p .bench
for job in betweenness betweenness-large ingest brokerage; do
	[[ -s .bench/$job.events.csv ]] || python3 Scripts/bench/generate.py "$job" ".bench/$job.events.csv"
done
python3 Scripts/bench/run.py "$@"
