#!/usr/bin/env bash
# `diplograph sql` on DuckDB against the streaming `diplograph import` + `export --to csv`
# (the same per-year aggregation), on ROWS synthetic GDELT 2.0 rows (default 10 million).
# Prints wall time and peak resident memory of each step (/usr/bin/time -v) and checks that
# both give the same rows. Data and results go to .bench/ (ignored by git).
#   Scripts/bench/sql_vs_import.sh [ROWS]
set -euo pipefail
cd "$(dirname "$0")/../.."
rows=${1:-10000000}
mkdir -p .bench
data=.bench/gdelt-$rows.export.CSV
if [ ! -f "$data" ]; then
	echo "generating $data"
	python3 Scripts/bench/generate_gdelt.py "$rows" "$data"
fi
swift build -c release --product diplograph >/dev/null
tool=.build/release/diplograph

# Runs a command under /usr/bin/time -v and prints "label: wall s, peak MB".
measure() {
	local label=$1; shift
	/usr/bin/time -v "$@" 2>.bench/time.txt >/dev/null || { cat .bench/time.txt; exit 1; }
	local wall peak
	wall=$(grep 'Elapsed (wall clock)' .bench/time.txt | awk '{print $NF}')
	peak=$(grep 'Maximum resident set size' .bench/time.txt | awk '{print $NF}')
	printf '%-40s %10s wall  %6d MB peak\n' "$label" "$wall" $((peak / 1024))
}

echo "$(wc -c <"$data") bytes, $rows rows, $(nproc) cores"
measure "diplograph import gdelt" "$tool" import gdelt "$data" --out .bench/bench.events.csv
measure "diplograph export --to csv (per year)" "$tool" export .bench/bench.events.csv --to csv --out .bench/import.csv
"$tool" sql gdelt --dialect duckdb --from "$data" >.bench/bench.sql
measure "DuckDB: diplograph sql gdelt (per year)" python3 Scripts/test/run_sql.py duckdb .bench/bench.sql
python3 - <<'PY'
import csv
def rows(path):
    with open(path, newline="", encoding="utf-8") as f:
        return sorted(tuple(r) for r in list(csv.reader(f))[1:])
a, b = rows(".bench/import.csv"), rows(".bench/bench.csv")
print(f"same rows: {a == b} ({len(a)} dyad-kind-years, {sum(int(r[5]) for r in a)} events)")
PY
