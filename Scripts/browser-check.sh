#!/usr/bin/env bash
# Opens a freshly built report.html in headless Chromium, with the network off, and checks
# that the page is not blank and shows every slice's diagram, the tables and the chart.
# Usage: Scripts/browser-check.sh [--keep-screenshot PATH]
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
data=graphs/korean-peninsula
.build/release/diplograph report $data.events.csv --actors $data.actors.csv --kinds-file $data.kinds.csv \
	--focus moon-jae-in --dyad ROK,DPRK --third US --roles-by group --out "$work/report"
page="file://$work/report/report.html"
flags=(--headless --no-sandbox --disable-gpu --hide-scrollbars --proxy-server=127.0.0.1:9 --proxy-bypass-list='<-loopback>')
chromium "${flags[@]}" --window-size=1280,3600 --screenshot="$work/shot.png" "$page" 2>/dev/null
chromium "${flags[@]}" --dump-dom "$page" 2>/dev/null > "$work/dom.html"
python3 Scripts/check_report_render.py "$work/shot.png" "$work/dom.html" "$work/report"
if [[ "${1:-}" == "--keep-screenshot" ]]; then cp "$work/shot.png" "$2"; fi
