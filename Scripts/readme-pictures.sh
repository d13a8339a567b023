#!/usr/bin/env bash
# Makes the README's pictures from what `make run` writes: docs/2018.png (one slice at its
# print width, 6.5 in), docs/2018-grey.png (the same as a greyscale print shows it),
# docs/grid.png (every year in one figure), docs/brokerage.png (the focus's chart), and
# report.html in headless Chromium: docs/report.png (1440x900, the first screen of a laptop)
# and docs/report-phone.png (390x844, a phone's first screen, emulated through the DevTools
# protocol by Scripts/browser-layout.js). Needs chromium (apt-get install chromium), node and a
# release build.
set -euo pipefail
cd "$(dirname "$0")/.."
make --no-print-directory run >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
shoot() { # SVG-or-HTML PNG WIDTH HEIGHT (the first a path in the checkout, or absolute)
	local page=$1; [[ $page == /* ]] || page=$PWD/$page
	chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=2 \
		--window-size="$3,$4" --screenshot="$work/shot.png" "file://$page" >/dev/null 2>&1
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
# Greyscale: the figure through CSS's grayscale filter (luminance by the sRGB coefficients).
printf '<!DOCTYPE html><html><body style="margin:0"><img src="file://%s" style="filter:grayscale(1);display:block;width:%spx"></body></html>' \
	"$PWD/output/2018.svg" "$w" > "$work/grey.html"
shoot "$work/grey.html" docs/2018-grey.png "$w" "$h"
read -r w h < <(size output/grid.svg); shoot output/grid.svg docs/grid.png "$w" "$h"
read -r w h < <(size output/brokerage.svg); shoot output/brokerage.svg docs/brokerage.png "$w" "$h"
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
	--window-size=1440,900 --screenshot="$work/shot.png" "file://$PWD/output/report.html" >/dev/null 2>&1
mv "$work/shot.png" docs/report.png
node Scripts/browser-layout.js "file://$PWD/output/report.html" 390 844 --mobile --screenshot docs/report-phone.png >/dev/null
echo "docs/2018.png, docs/2018-grey.png, docs/grid.png, docs/brokerage.png, docs/report.png, docs/report-phone.png made from output/"
