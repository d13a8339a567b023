"""Writes the well-formed rows (58 or 61 fields) of a GDELT file as Parquet with GDELT's
column names and the types of BigQuery's gdelt-bq.gdeltv2.events (SQLDATE an integer, empty
countries NULL), for the tests of `diplograph sql --from FILE.parquet`.

    python3 Scripts/test/gdelt_to_parquet.py IN.tsv OUT.parquet
"""
import sys

import duckdb

source, target = sys.argv[1], sys.argv[2]
with open(source, encoding="utf-8", newline="") as f:
    rows = [line.rstrip("\r\n").split("\t") for line in f if line.strip("\r\n")]
rows = [r for r in rows if len(r) in (58, 61)]
connection = duckdb.connect()
connection.execute("CREATE TABLE events (GLOBALEVENTID BIGINT, SQLDATE BIGINT, Actor1CountryCode VARCHAR, "
                   "Actor2CountryCode VARCHAR, EventCode VARCHAR)")
connection.executemany("INSERT INTO events VALUES (?, ?, ?, ?, ?)",
                       [(int(r[0]), int(r[1]) if r[1].isdigit() else None, r[7] or None, r[17] or None, r[26]) for r in rows])
quoted = "'" + target.replace("'", "''") + "'"
connection.execute(f"COPY events TO {quoted} (FORMAT parquet)")
