#!/usr/bin/env bash
# Opens a freshly built report.html in headless Chromium, with the network off, and checks
# that the page is not blank and shows every slice's diagram, the tables and the chart; then,
# at 390x844 (a phone, emulated) and 1440x900, that the page does not scroll sideways and that
# the findings block starts within the first screen, that every drawn border has a contrast of
# at least 3:1 against its background, and that Tab reaches every event detail
# (Scripts/browser-layout.js).
# Usage: Scripts/browser-check.sh [--keep-screenshot PATH]
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
data=graphs/korean-peninsula
.build/release/diplograph report $data.events.csv --actors $data.actors.csv --kinds-file $data.kinds.csv \
	--focus moon-jae-in --dyad ROK,DPRK --third US --roles-by group --second-coding $data.coder-b.events.csv \
	--out "$work/report"
page="file://$work/report/report.html"
flags=(--headless --no-sandbox --disable-gpu --hide-scrollbars --proxy-server=127.0.0.1:9 --proxy-bypass-list='<-loopback>')
chromium "${flags[@]}" --window-size=1280,3600 --screenshot="$work/shot.png" "$page" 2>/dev/null
chromium "${flags[@]}" --dump-dom "$page" 2>/dev/null > "$work/dom.html"
python3 Scripts/check_report_render.py "$work/shot.png" "$work/dom.html" "$work/report"
if command -v node >/dev/null 2>&1; then
	for screen in "390 844 --mobile" "1440 900"; do
		read -r width height mobile <<<"$screen"
		node Scripts/browser-layout.js "$page" "$width" "$height" $mobile --tab 400 "#findings" > "$work/layout.json"
		python3 - "$work/layout.json" "$width" "$height" <<'PY'
import json, sys
layout = json.load(open(sys.argv[1]))
width, height = int(sys.argv[2]), int(sys.argv[3])
problems = []
if layout["scrollWidth"] > width:
    problems.append(f"the page scrolls sideways at {width} px: {layout['scrollWidth']} px wide; overflowing: {layout['overflowing'][:5]}")
findings = layout["elements"].get("#findings")
if findings is None:
    problems.append("no findings block (#findings)")
elif findings["top"] >= height:
    problems.append(f"the findings start at {findings['top']} px, below the first screen ({height} px)")
borders = layout["borders"]
if borders["lowest"] is None or borders["lowest"] < 3:
    problems.append(f"a border's contrast is below 3:1: {borders}")
if layout["summaries"] == 0 or layout["tabbed"] < layout["summaries"]:
    problems.append(f"Tab reaches {layout['tabbed']} of {layout['summaries']} event details")
if problems:
    sys.exit(f"browser-check at {width}x{height}: " + "; ".join(problems))
print(f"browser-check at {width}x{height}: no sideways scroll, findings at {findings['top']:.0f} px, "
      f"borders at least {borders['lowest']:.2f}:1, Tab reaches all {layout['summaries']} event details")
PY
	done
else
	echo "node not installed: skipping the layout check at 390x844 and 1440x900"
fi
if [[ "${1:-}" == "--keep-screenshot" ]]; then cp "$work/shot.png" "$2"; fi
