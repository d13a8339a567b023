#!/usr/bin/env python3
"""Reads the time-ordered exports back with pandas and checks them against the events file.

    check_time_order.py EVENTS.csv REM.csv SPELLS.csv

rem: one row per event (as written; kinds not selected would be missing, so run the export
without --kinds and --by), times are days since the first event's first day, computed here with
datetime, in non-decreasing order, ties in file order, and precision tells day, month or year.
spells: vertex ids 1..n in the vertex table beside the file (SPELLS with .vertices.csv), every
spell half-open (onset < terminus), no two spells of one edge overlapping, and every event's
days inside a spell of its pair. Exits 1 with a message on the first mismatch."""
import calendar, csv, datetime, sys

import pandas as pd


def span(text):
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 3:
        first = last = datetime.date(*parts)
    elif len(parts) == 2:
        first = datetime.date(parts[0], parts[1], 1)
        last = datetime.date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1])
    else:
        first, last = datetime.date(parts[0], 1, 1), datetime.date(parts[0], 12, 31)
    return first, last, ["year", "month", "day"][len(parts) - 1]


def fail(message):
    print(message, file=sys.stderr)
    sys.exit(1)


def main(events_path, rem_path, spells_path):
    with open(events_path, newline="", encoding="utf-8") as f:
        events = [(line, row) for line, row in enumerate(csv.DictReader(f), start=2)]
    day_zero = min(span(row["date"])[0] for _, row in events)
    rem = pd.read_csv(rem_path, keep_default_na=False)
    if list(rem.columns) != ["time", "source", "target", "kind", "weight", "line", "precision"]:
        fail(f"rem columns: {list(rem.columns)}")
    if len(rem) != len(events):
        fail(f"rem: {len(rem)} rows for {len(events)} events")
    expected = sorted(((span(row["date"])[0] - day_zero).days, line) for line, row in events)
    if [(int(t), int(l)) for t, l in zip(rem["time"], rem["line"])] != expected:
        fail("rem: times or order differ from the events' first days (ties in file order)")
    by_line = dict(events)
    for record in rem.itertuples():
        row = by_line[record.line]
        weight = float(row.get("weight") or 1)
        if (record.source, record.target, record.kind) != (row["source"], row["target"], row["kind"]) or record.weight != weight:
            fail(f"rem: line {record.line} does not give its event back")
        if record.precision != span(row["date"])[2]:
            fail(f"rem: line {record.line} precision {record.precision}")

    spells = pd.read_csv(spells_path)
    vertices = pd.read_csv(spells_path[:-4] + ".vertices.csv" if spells_path.endswith(".csv") else spells_path + ".vertices.csv",
                           keep_default_na=False)
    if list(spells.columns) != ["onset", "terminus", "tail", "head"] or list(vertices.columns) != ["vertex.id", "actor", "label", "group"]:
        fail(f"spells columns: {list(spells.columns)}, {list(vertices.columns)}")
    if list(vertices["vertex.id"]) != list(range(1, len(vertices) + 1)):
        fail("vertex ids are not 1..n")
    vid = dict(zip(vertices["actor"], vertices["vertex.id"]))
    if not (spells["onset"] < spells["terminus"]).all():
        fail("a spell is empty")
    for (tail, head), group in spells.groupby(["tail", "head"]):
        group = group.sort_values("onset")
        if (group["onset"].values[1:] < group["terminus"].values[:-1]).any():
            fail(f"spells of {tail}->{head} overlap")
    for line, row in events:
        first, last, _ = span(row["date"])
        onset, terminus = (first - day_zero).days, (last - day_zero).days + 1
        pair = spells[(spells["tail"] == vid[row["source"]]) & (spells["head"] == vid[row["target"]])]
        if not ((pair["onset"] <= onset) & (pair["terminus"] >= terminus)).any():
            fail(f"spells: line {line} ({row['source']}->{row['target']}, [{onset}, {terminus})) is in no spell")
    print(f"{len(rem)} events and {len(spells)} spells read back")


if __name__ == "__main__":
    main(*sys.argv[1:4])
