import DiploGraph

/// Where an ``SQLQuery`` reads the event rows from.
public enum SQLInput: Sendable, Equatable {
    /// Tab-separated files as the dataset ships them (a path or a glob): GDELT without a
    /// header, ICEWS with one.
    case delimitedFiles(String)
    /// Parquet files (a path, a glob, or a directory ending in `/`) whose columns carry the
    /// dataset's names.
    case parquet(String)
    /// A table whose columns carry the dataset's names; dots separate the parts of a
    /// qualified name (`project.dataset.table`).
    case table(String)

    /// Reads an input as a user names it: a value ending in `.parquet` or `/` is Parquet, one with a `/`, a `*`
    /// or `?`, or ending in `.csv`, `.tsv`, `.tab` or `.txt` is tab-separated files, and
    /// anything else a table name.
    /// - Parameter text: a path, a glob, a directory ending in `/`, or a table name.
    /// - Complexity: O(*k*) for *k* characters.
    public init(_ text: String) {
        let lower = text.lowercased()
        if lower.hasSuffix(".parquet") || lower.hasSuffix("/") {
            self = .parquet(text)
        } else if text.contains("/") || text.contains("*") || text.contains("?")
                    || [".csv", ".tsv", ".tab", ".txt"].contains(where: { lower.hasSuffix($0) }) {
            self = .delimitedFiles(text)
        } else {
            self = .table(text)
        }
    }

    /// What a query reads when no input is given: the files as the dataset ships them in
    /// the working directory (`*.export.CSV`, the names GDELT 1.0 daily and 2.0 files unzip
    /// to; `*.tab` for ICEWS) for DuckDB and Spark; for BigQuery the public GDELT 2.0 table,
    /// and nothing for ICEWS, which has no public table.
    /// - Parameters:
    ///   - source: the dataset.
    ///   - dialect: the SQL engine.
    /// - Returns: the default input, or `nil` when there is none (ICEWS on BigQuery).
    /// - Complexity: O(1).
    public static func standard(for source: EventSource, dialect: SQLDialect) -> SQLInput? {
        switch (dialect, source) {
        case (.bigquery, .gdelt): .table("gdelt-bq.gdeltv2.events")
        case (.bigquery, .icews): nil
        case (_, .gdelt): .delimitedFiles("*.export.CSV")
        case (_, .icews): .delimitedFiles("*.tab")
        }
    }
}
