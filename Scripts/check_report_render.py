#!/usr/bin/env python3
"""Checks a headless-Chromium rendering of report.html: the screenshot is not blank, and the
DOM after scripts ran holds one visible diagram per slice, the tables and the brokerage chart."""
import glob, os, re, struct, sys, zlib


def png_pixels(path):
    """Decodes an 8-bit RGB/RGBA PNG (what Chromium writes) into rows of pixel tuples."""
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, color = struct.unpack(">IIBB", chunk[:10])
            assert depth == 8 and color in (2, 6), f"unexpected PNG format {depth}/{color}"
            channels = 3 if color == 2 else 4
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, previous = [], bytearray(stride)
    for y in range(height):
        filt, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b = previous[i]
            c = previous[i - channels] if i >= channels else 0
            if filt == 1: line[i] = (line[i] + a) & 255
            elif filt == 2: line[i] = (line[i] + b) & 255
            elif filt == 3: line[i] = (line[i] + (a + b) // 2) & 255
            elif filt == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(line)
        previous = line
    return width, height, channels, rows


def main(shot, dom_path, report_dir):
    width, height, channels, rows = png_pixels(shot)
    inked = sum(1 for row in rows[::4] for x in range(0, width * channels, channels * 4) if row[x] < 235 or row[x + 1] < 235 or row[x + 2] < 235)
    sampled = (height // 4 + 1) * (width // 4 + 1)
    share = inked / sampled
    print(f"screenshot {width}x{height}: {share:.1%} of sampled pixels inked")
    assert share > 0.02, "the screenshot is (nearly) blank"
    dom = open(dom_path, encoding="utf-8").read()
    slices = sorted(os.path.basename(p)[:-4] for p in glob.glob(os.path.join(report_dir, "*.svg"))
                    if os.path.basename(p) not in ("grid.svg", "brokerage.svg"))
    assert slices, "no slice diagrams were written"
    for label in slices:
        match = re.search(r'<section class="slice" id="slice-%s"( hidden="")?>(.*?)</section>' % re.escape(label), dom, re.S)
        assert match, f"slice {label} is missing from the page"
        assert match.group(1) is None, f"slice {label} is hidden"
        assert "<svg" in match.group(2) and "class=\"node\"" in match.group(2), f"slice {label} has no diagram"
    # The "All slices" view opens with the grid: every slice side by side, before the cards.
    grid = re.search(r'<section class="grid" id="all-slices"( hidden="")?>(.*?)</section>', dom, re.S)
    assert grid, "the grid of all slices is missing from the page"
    assert grid.group(1) is None, "the grid is hidden in the All slices view"
    assert dom.index('id="all-slices"') < dom.index('<section class="slice"'), "the grid does not come before the slice cards"
    for label in slices:
        assert ">%s</text>" % label in grid.group(2), f"the grid has no panel for slice {label}"
    assert grid.group(2).count(">Kinds of tie</text>") == 1, "the grid should have one legend"
    assert os.path.exists(os.path.join(report_dir, "grid.svg")), "grid.svg was not written"
    assert dom.count('class="chart"') >= 1 and "<polyline" in dom, "the brokerage chart is missing"
    assert "role-facilitating" in dom or "role-spoiling" in dom or "role-neutral" in dom, "the roles table is missing"
    assert not re.search(r'(src|href)="https?:', dom), "the report refers to the network"
    print(f"report.html shows {len(slices)} slices: {', '.join(slices)}")


if __name__ == "__main__":
    main(*sys.argv[1:4])
