#!/usr/bin/env bash
# Makes the README's pictures from what `make run` writes: docs/2018.png (one slice at its
# print width), docs/grid.png (every year in one figure), docs/brokerage.png (the focus's chart) and docs/report.png (report.html in
# headless Chromium). Needs chromium (apt-get install chromium) and a release build.
set -euo pipefail
cd "$(dirname "$0")/.."
make --no-print-directory run >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
shoot() { # SVG-or-HTML PNG WIDTH HEIGHT
	chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=2 \
		--window-size="$3,$4" --screenshot="$work/shot.png" "file://$PWD/$1" >/dev/null 2>&1
	mv "$work/shot.png" "$2"
}
size() { # the SVG's width and height in CSS pixels (pt × 4/3), rounded up
	python3 - "$1" <<'PY'
import re, sys, math
head = open(sys.argv[1], encoding="utf-8").read(4000)
w, h = (float(re.search(name + r'="([0-9.]+)pt"', head).group(1)) for name in ("width", "height"))
print(math.ceil(w * 4 / 3), math.ceil(h * 4 / 3))
PY
}
read -r w h < <(size output/2018.svg); shoot output/2018.svg docs/2018.png "$w" "$h"
read -r w h < <(size output/grid.svg); shoot output/grid.svg docs/grid.png "$w" "$h"
read -r w h < <(size output/brokerage.svg); shoot output/brokerage.svg docs/brokerage.png "$w" "$h"
shoot output/report.html docs/report.png 1280 1600
echo "docs/2018.png, docs/grid.png, docs/brokerage.png, docs/report.png made from output/"
