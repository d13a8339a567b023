import DiploGraph

/// SQL engines ``SQLQuery`` writes for.
public enum SQLDialect: String, Sendable, CaseIterable {
    /// DuckDB 1.2 or later (`strict_mode`): the tab-separated files, Parquet or a table, on one
    /// machine. Tested with 2.0.
    case duckdb
    /// Spark SQL 3.2 or later (`TRY_CAST`): the files as text lines, Parquet or a table, on a
    /// cluster. Tested with 4.3 in local mode, ANSI mode on and off.
    case spark
    /// GoogleSQL for BigQuery: a table, by default the public `gdelt-bq.gdeltv2.events`.
    /// Checked as text only: never run against the service.
    case bigquery
}
