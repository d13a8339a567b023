"""Runs queries written by `diplograph sql` on DuckDB or Spark (local mode) and writes each result as CSV.

    python3 Scripts/test/run_sql.py duckdb|spark QUERY.sql...

Each QUERY.sql gives QUERY.csv beside it: a header row, then the rows in the query's order,
RFC 4180 quoting. A query that fails gives QUERY.error with the engine's message instead, so
one failing query does not hide the others. All Spark queries share one session (Spark takes
seconds to start). Exit status: 0 when every query ran, 1 otherwise.
"""
import csv
import sys
import tempfile


class DuckDB:
    def run(self, text):
        import duckdb

        connection = duckdb.connect()
        try:
            result = connection.sql(text)
            return result.columns, result.fetchall()
        finally:
            connection.close()

    def close(self):
        pass


class Spark:
    def __init__(self):
        from pyspark.sql import SparkSession

        # Spark would leave spark-warehouse/ in the working directory (the repository).
        self.scratch = tempfile.TemporaryDirectory(prefix="diplograph-spark-")
        self.spark = (SparkSession.builder.master("local[2]").appName("diplograph-sql-tests")
                      .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false").config("spark.sql.shuffle.partitions", "2")
                      .config("spark.sql.warehouse.dir", self.scratch.name + "/warehouse")
                      .getOrCreate())
        self.spark.sparkContext.setLogLevel("ERROR")

    def run(self, text):
        frame = self.spark.sql(text)
        return frame.columns, [tuple(row) for row in frame.collect()]

    def close(self):
        self.spark.stop()
        self.scratch.cleanup()


def main():
    engine, queries = sys.argv[1], sys.argv[2:]
    runner = {"duckdb": DuckDB, "spark": Spark}[engine]()
    failed = False
    try:
        for query in queries:
            base = query[: -len(".sql")] if query.endswith(".sql") else query
            try:
                columns, rows = runner.run(open(query, encoding="utf-8").read())
            except Exception as error:  # the engine's message, for the test to show
                failed = True
                message = f"{type(error).__name__}: {error}"
                with open(base + ".error", "w", encoding="utf-8") as out:
                    out.write(message + "\n")
                print(f"{query}: {message[:3000]}", file=sys.stderr)
                continue
            with open(base + ".csv", "w", newline="", encoding="utf-8") as out:
                writer = csv.writer(out, lineterminator="\n")
                writer.writerow(columns)
                writer.writerows(["" if value is None else value for value in row] for row in rows)
    finally:
        runner.close()
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
