#!/usr/bin/env python3
"""Synthetic GDELT 2.0 event rows for the `diplograph sql` benchmark (BENCHMARKS.md).

    generate_gdelt.py ROWS OUT.export.CSV [SEED]

Tab-separated, no header, 61 fields a row as in GDELT 2.0, about 300 bytes a row: dates
spread over 2015-2020, 60 ISO-3 countries (10% of rows without Actor1 or Actor2 country,
some domestic), CAMEO codes drawn from the codes of all 20 root classes with their leading
zeros. Seeded, so the same arguments give the same file.
"""
import random
import sys

COUNTRIES = ("USA PRK KOR CHN JPN RUS GBR FRA DEU IND PAK IRN IRQ ISR PSE SYR TUR EGY SAU UKR "
             "POL ITA ESP CAN MEX BRA ARG COL VEN CUB NGA ZAF ETH KEN SDN SOM LBY DZA MAR TUN "
             "AFG BGD IDN MYS PHL THA VNM MMR AUS NZL SWE NOR FIN DNK NLD BEL CHE AUT GRC SRB").split()
ROOTS = ["01", "02", "03", "04", "05", "06", "07", "08", "09", "10",
         "11", "12", "13", "14", "15", "16", "17", "18", "19", "20"]


def codes(rng):
    pool = []
    for root in ROOTS:
        pool.append(root + "0")
        for base in range(1, 7):
            pool.append(f"{root}{base}")
            pool.extend(f"{root}{base}{sub}" for sub in range(1, 4) if rng.random() < 0.4)
    return pool


def main():
    rows, path = int(sys.argv[1]), sys.argv[2]
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 14)
    pool = codes(rng)
    days = [f"{y}{m:02d}{d:02d}" for y in range(2015, 2021) for m in range(1, 13) for d in range(1, 29)]
    # The fields past EventCode vary little in the benchmark's cost: a few hundred tails.
    tails = []
    for i in range(500):
        tail = [""] * 34
        tail[0:8] = [pool[i % len(pool)], pool[i % len(pool)][:2], str(1 + i % 4), f"{rng.uniform(-10, 10):.1f}",
                     str(rng.randrange(1, 50)), str(rng.randrange(1, 10)), str(rng.randrange(1, 50)), f"{rng.uniform(-10, 5):.6f}"]
        for start in (8, 16, 24):
            tail[start:start + 8] = ["4", f"Place {i}, Region, Country", "KS", "KS00", "", f"{rng.uniform(-90, 90):.4f}",
                                     f"{rng.uniform(-180, 180):.4f}", str(rng.randrange(10**6))]
        tail[32:34] = ["20200101000000", f"https://news.example.org/{i:05d}/story.html"]
        tails.append("\t".join(tail))
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        chunk = []
        for i in range(rows):
            day = rng.choice(days)
            c1 = "" if rng.random() < 0.05 else rng.choice(COUNTRIES)
            c2 = "" if rng.random() < 0.05 else (c1 if rng.random() < 0.05 else rng.choice(COUNTRIES))
            code = rng.choice(pool)
            head = [str(400000000 + i), day, day[:6], day[:4], f"{day[:4]}.{int(day[4:6]) * 8:04d}",
                    c1 + "GOV", c1 + " GOVERNMENT", c1, "", "", "", "", "GOV", "", "",
                    c2 + "GOV", c2 + " GOVERNMENT", c2, "", "", "", "", "GOV", "", "", "1", code]
            chunk.append("\t".join(head) + "\t" + tails[i % len(tails)])
            if len(chunk) == 100_000:
                out.write("\n".join(chunk) + "\n")
                chunk = []
        if chunk:
            out.write("\n".join(chunk) + "\n")


if __name__ == "__main__":
    main()
