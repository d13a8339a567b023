#!/usr/bin/env bash
# Rendering benchmark (issue 11): `diplograph render` of 120 monthly slices of 30 actors
# against running `neato -n2 -Tsvg` once per slice on the DOT files the tool writes, the
# default `report` warm, and rendering at scale (2,000 and 5,000 actors).
# Needs a release build (make build) and, for the comparison only, Debian's `graphviz`
# package (`neato`); DiploGraph itself never runs it.
# Usage: Scripts/bench/render.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
tool=.build/release/diplograph
runs=${1:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 - "$work" <<'EOF'
import random, sys
work = sys.argv[1]
rng = random.Random(11)
kinds = ["mediation", "summit", "pressure"]
# 120 months (2011-01 .. 2020-12), 30 actors in 4 groups, every actor active every month.
with open(f"{work}/monthly.events.csv", "w") as f:
    f.write("date,source,target,kind,weight,note\n")
    for month in range(120):
        date = f"{2011 + month // 12}-{month % 12 + 1:02d}"
        for a in range(30):
            for _ in range(2):
                b = rng.randrange(29)
                b += b >= a
                f.write(f"{date},a{a},a{b},{rng.choice(kinds)},{rng.choice((1, 2, 3))},event {a} {b}\n")
with open(f"{work}/monthly.actors.csv", "w") as f:
    f.write("id,label,group\n")
    for a in range(30):
        f.write(f"a{a},Actor {a} of G{a % 4},G{a % 4}\n")
# One slice of 2,000 actors (random ties) and one of 5,000 (2,500 disjoint pairs).
with open(f"{work}/a2000.events.csv", "w") as f:
    f.write("date,source,target,kind\n")
    for _ in range(2000):
        a, b = rng.randrange(2000), rng.randrange(2000)
        if a != b:
            f.write(f"2020,x{a},x{b},summit\n")
with open(f"{work}/a5000.events.csv", "w") as f:
    f.write("date,source,target,kind\n")
    for k in range(2500):
        f.write(f"2020,x{2 * k},x{2 * k + 1},summit\n")
EOF

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
seconds() { local start end; start=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; end=$(date +%s.%N); echo "$end - $start" | bc -l; }

data="$work/monthly.events.csv --actors $work/monthly.actors.csv --slice month"
# The DOT files the tool writes (report writes one per slice), for neato.
$tool report $data --out "$work/report" >/dev/null 2>&1
ls "$work"/report/20*.dot > "$work/dots"
echo "slices: $(wc -l < "$work/dots")"

# The same DOT without the legend (render composes the legend into each SVG instead).
mkdir -p "$work/bare"
while read -r f; do sed 's/, label=<.*>>\];$/];/' "$f" > "$work/bare/$(basename "$f")"; done < "$work/dots"
ls "$work"/bare/*.dot > "$work/bare-dots"

tool_times=(); neato_times=(); bare_times=()
for _ in $(seq "$runs"); do
	rm -rf "$work/render"
	tool_times+=("$(seconds $tool render $data --out "$work/render")")
	neato_times+=("$(seconds bash -c "while read -r f; do neato -n2 -Tsvg \"\$f\" > /dev/null; done < $work/dots")")
	bare_times+=("$(seconds bash -c "while read -r f; do neato -n2 -Tsvg \"\$f\" > /dev/null; done < $work/bare-dots")")
done
t=$(printf '%s\n' "${tool_times[@]}" | median)
n=$(printf '%s\n' "${neato_times[@]}" | median)
b=$(printf '%s\n' "${bare_times[@]}" | median)
printf 'render, 120 monthly slices of 30 actors: diplograph %.2f s; neato -n2 per slice on the DOT files report writes %.2f s (%.1fx), on the same DOT without legend %.2f s (%.1fx)\n' \
	"$t" "$n" "$(echo "$n / $t" | bc -l)" "$b" "$(echo "$b / $t" | bc -l)"

d=graphs/korean-peninsula
report=()
for _ in $(seq $((runs + 2))); do
	rm -rf "$work/default"
	report+=("$(seconds $tool report $d.events.csv --actors $d.actors.csv --kinds-file $d.kinds.csv --focus moon-jae-in --dyad ROK,DPRK \
		--third US --roles-by group --size-by brokerage --title "The US, Moon Jae-in and the two Koreas, 2016-2020" --out "$work/default")")
done
printf 'report, default dataset (make run), warm: median %.3f s over %d runs\n' "$(printf '%s\n' "${report[@]}" | median)" "${#report[@]}"

for n in ${SCALE_SIZES:-2000 5000}; do
	rm -rf "$work/big$n"
	start=$(date +%s.%N)
	set +e; $tool render "$work/a$n.events.csv" --out "$work/big$n" > "$work/big$n.log" 2>&1; status=$?; set -e
	end=$(date +%s.%N)
	printf 'render, one slice of %d actors: %.2f s, exit %d: %s\n' "$n" "$(echo "$end - $start" | bc -l)" "$status" "$(head -c 160 "$work/big$n.log" | tr '\n' ' ')"
done
