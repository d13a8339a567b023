#!/usr/bin/env bash
# Times whole processes of diplograph against python-igraph, networkit and networkx on the
# same jobs, in the same run, and prints a Markdown table for BENCHMARKS.md.
# Needs: a release build (make build), python3 with networkx, igraph and networkit
# (pip install igraph networkit).
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p .bench
[[ -s .bench/betweenness.events.csv ]] || python3 Scripts/bench/generate.py betweenness .bench/betweenness.events.csv
[[ -s .bench/ingest.events.csv ]] || python3 Scripts/bench/generate.py ingest .bench/ingest.events.csv
python3 Scripts/bench/run.py
