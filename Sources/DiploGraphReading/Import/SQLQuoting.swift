import DiploGraph

/// Literals, identifiers and the few functions whose spelling differs between dialects: what
/// any query written for ``SQLDialect`` needs to quote text safely.
struct SQLQuoting {
    let dialect: SQLDialect

    var name: String {
        switch dialect {
        case .duckdb: "DuckDB"
        case .spark: "Spark SQL"
        case .bigquery: "BigQuery"
        }
    }

    /// The text type.
    var text: String { dialect == .duckdb ? "VARCHAR" : "STRING" }

    /// A string literal holding exactly `value`.
    ///
    /// DuckDB reads backslashes literally and doubles quotes; Spark and BigQuery read
    /// backslash escapes, so backslash, quote and control characters are escaped. Spark also
    /// gets `$` as `\u0024`: it replaces `${…}` in the query's text before parsing it, and
    /// the parser turns the escape back into `$` after that.
    func literal(_ value: String) -> String {
        switch dialect {
        case .duckdb:
            return "'" + value.replacingOccurrences(of: "'", with: "''") + "'"
        case .spark, .bigquery:
            var out = "'"
            for scalar in value.unicodeScalars {
                switch scalar {
                case "\\": out += "\\\\"
                case "'": out += "\\'"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                case _ where scalar.value < 0x20 || scalar.value == 0x7F || (scalar == "$" && dialect == .spark):
                    out += Self.unicodeEscape(scalar)
                default: out.unicodeScalars.append(scalar)
                }
            }
            return out + "'"
        }
    }

    /// `\uXXXX` for a scalar of the Basic Multilingual Plane (Spark and BigQuery literals).
    private static func unicodeEscape(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// `value` without ``EventImporter/trimmedWhitespace`` around it, scalar by scalar.
    func trimmed(_ value: String) -> String {
        let set = EventImporter.trimmedWhitespace
        switch dialect {
        case .duckdb:
            // DuckDB's trim of a character set is slow: text that starts and ends with a
            // printable ASCII character (none of the set is one) skips it.
            return "CASE WHEN unicode(\(value)) BETWEEN 33 AND 126 AND unicode(right(\(value), 1)) BETWEEN 33 AND 126 THEN \(value)\n"
                + "      ELSE trim(\(value), \(set.map { "chr(\($0.value))" }.joined(separator: " || "))) END"
        case .spark: return "TRIM(BOTH '\(set.map(Self.unicodeEscape).joined())' FROM \(value))"
        case .bigquery: return "TRIM(\(value), '\(set.map(Self.unicodeEscape).joined())')"
        }
    }

    /// Whether the text `value` holds no NUL character.
    func lacksNUL(_ value: String) -> String {
        switch dialect {
        case .duckdb: "NOT contains(\(value), chr(0))"
        case .spark: "INSTR(\(value), '\\u0000') = 0"
        case .bigquery: "STRPOS(\(value), '\\u0000') = 0"
        }
    }

    /// A quoted identifier naming exactly `name`.
    func identifier(_ name: String) -> String {
        switch dialect {
        case .duckdb: "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        case .spark: "`" + name.replacingOccurrences(of: "`", with: "``") + "`"
        case .bigquery: "`" + name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "`", with: "\\`") + "`"
        }
    }

    /// A table name; dots separate its parts (BigQuery quotes the whole path at once, as its
    /// project names have hyphens).
    func table(_ name: String) -> String {
        dialect == .bigquery ? identifier(name) : name.split(separator: ".", omittingEmptySubsequences: false).map { identifier(String($0)) }.joined(separator: ".")
    }

    /// Whether `value` contains a match of the regular expression `pattern`.
    func contains(_ value: String, _ pattern: String) -> String {
        switch dialect {
        case .duckdb: "regexp_matches(\(value), \(literal(pattern)))"
        case .spark: "\(value) RLIKE \(literal(pattern))"
        case .bigquery: "REGEXP_CONTAINS(\(value), \(literal(pattern)))"
        }
    }

    func startsWith(_ value: String, _ prefix: String) -> String {
        switch dialect {
        case .duckdb: "starts_with(\(value), \(prefix))"
        case .spark: "SUBSTR(\(value), 1, LENGTH(\(prefix))) = \(prefix)"
        case .bigquery: "STARTS_WITH(\(value), \(prefix))"
        }
    }

    /// The integer in `text`, or NULL when it is not one (never an error).
    func toInteger(_ text: String) -> String {
        switch dialect {
        case .duckdb: "TRY_CAST(\(text) AS INTEGER)"
        case .spark: "TRY_CAST(\(text) AS INT)"
        case .bigquery: "SAFE_CAST(\(text) AS INT64)"
        }
    }

    func mod(_ value: String, _ divisor: Int) -> String {
        dialect == .bigquery ? "MOD(\(value), \(divisor))" : "\(value) % \(divisor)"
    }

    func cast(_ column: String) -> String { "CAST(\(column) AS \(text))" }

    /// The CTE `mapping(prefix, kind, position)`.
    func mappingTable(_ mapping: CAMEOMapping) -> String {
        let rows = mapping.rows.enumerated().map { (literal($0.element.prefix), literal($0.element.kind), $0.offset + 1) }
        switch dialect {
        case .duckdb, .spark:
            guard !rows.isEmpty else {
                return "mapping AS (\n  SELECT CAST(NULL AS \(text)) AS prefix, CAST(NULL AS \(text)) AS kind, 0 AS position WHERE 1 = 0\n)"
            }
            let values = rows.map { "    (\($0.0), \($0.1), \($0.2))" }.joined(separator: ",\n")
            if dialect == .duckdb {
                return "mapping (prefix, kind, position) AS (\n  VALUES\n\(values)\n)"
            }
            return "mapping AS (\n  SELECT * FROM VALUES\n\(values)\n  AS mapping (prefix, kind, position)\n)"
        case .bigquery:
            let values = rows.map { "    STRUCT(\($0.0) AS prefix, \($0.1) AS kind, \($0.2) AS position)" }.joined(separator: ",\n")
            let array = rows.isEmpty ? "ARRAY<STRUCT<prefix STRING, kind STRING, position INT64>>[]" : "[\n\(values)\n  ]"
            return "mapping AS (\n  SELECT prefix, kind, position FROM UNNEST(\(array))\n)"
        }
    }

    typealias Column = (Int, String)

    /// The body of the CTE `source_rows(event_date, source, target, code, is_well_formed)`.
    func sourceRows(input: SQLInput, source: EventSource, columns: (date: Column, source: Column, target: Column, code: Column),
                    fieldCounts: [Int]) -> String {
        let wanted = [("event_date", columns.date), ("source", columns.source), ("target", columns.target), ("code", columns.code)]
        switch (input, dialect) {
        case (.table(let name), _), (.parquet(let name), .bigquery), (.delimitedFiles(let name), .bigquery):
            return select(wanted.map { (cast(identifier($0.1.1)), $0.0) }, wellFormed: "TRUE", from: table(name))
        case (.parquet(let path), .duckdb):
            return select(wanted.map { (cast(identifier($0.1.1)), $0.0) }, wellFormed: "TRUE", from: "read_parquet(\(literal(path)))")
        case (.parquet(let path), .spark):
            return select(wanted.map { (cast(identifier($0.1.1)), $0.0) }, wellFormed: "TRUE", from: "parquet.\(identifier(path))")
        case (.delimitedFiles(let path), .duckdb):
            // Every field as text, fields past the last as NULL (null_padding) and no field
            // NULL otherwise (no field holds a newline): the last non-NULL column is the field
            // count. One more column than the longest row catches rows that overflow.
            let maximum = fieldCounts.max()!
            let names = (0...maximum).map { fieldName($0, source: source) }
            let definitions = stride(from: 0, to: names.count, by: 4).map { start in
                names[start..<min(start + 4, names.count)].map { "\(literal($0)): 'VARCHAR'" }.joined(separator: ", ")
            }.joined(separator: ",\n      ")
            // A row with bytes that are not UTF-8 in a column the query reads stops DuckDB's
            // reader; ignore_errors skips it instead, as the importer counts it as a bad row
            // (it also skips rows longer than the columns, which are malformed anyway). The
            // field count test reads every field of the row, so that all are checked.
            let header = source == .icews ? "true" : "false"
            let reader = "read_csv(\(literal(path)), delim = '\\t', header = \(header), quote = '', escape = '', comment = '',\n"
                + "    auto_detect = false, strict_mode = false, null_padding = true, nullstr = E'\\n', ignore_errors = true,\n"
                + "    columns = {\n      \(definitions)})"
            let fewest = fieldCounts.min()!
            let present = stride(from: 0, to: fewest - 1, by: 4).map { start in
                names[start..<min(start + 4, fewest - 1)].map { "\(identifier($0)) IS NOT NULL" }.joined(separator: " AND ")
            }.joined(separator: "\n    AND ")
            let wellFormed = present + "\n    AND (" + fieldCounts.map { count in
                "(" + names[(fewest - 1)..<count].map { "\(identifier($0)) IS NOT NULL AND " }.joined() + "\(identifier(names[count])) IS NULL)"
            }.joined(separator: " OR ") + ")"
            return select(wanted.map { (identifier(names[$0.1.0]), $0.0) }, wellFormed: wellFormed, from: reader)
        case (.delimitedFiles(let path), .spark):
            // The text source gives each line whole; splitting on tabs keeps empty and missing
            // fields apart (Spark's CSV reader reads both as NULL), so the field count is exact.
            // An ICEWS header row fails the date test and is skipped with the malformed rows.
            // The text source keeps a line's bytes as they are; a line is UTF-8 when its bytes
            // equal those of its reading as text (each invalid sequence read as U+FFFD), and
            // one that is not is a bad row, as in the importer.
            let counts = fieldCounts.map(String.init).joined(separator: ", ")
            let fields = wanted.map { "      CASE WHEN SIZE(fields) IN (\(counts)) THEN fields[\($0.1.0)] END AS \($0.0)," }
            return (["  SELECT"] + fields + ["      SIZE(fields) IN (\(counts)) AND is_utf8 AS is_well_formed",
                    "  FROM (SELECT SPLIT(value, '\\t', -1) AS fields, CAST(value AS BINARY) = ENCODE(value, 'UTF-8') AS is_utf8",
                    "        FROM text.\(identifier(path))) AS lines"]).joined(separator: "\n")
        }
    }

    /// A file column's name: GDELT's names up to `EventCode` (the same in 1.0 and 2.0),
    /// `fieldN` (1-based) past it; the ICEWS header's names, `fieldN` past them.
    private func fieldName(_ index: Int, source: EventSource) -> String {
        switch source {
        case .gdelt: index <= EventImporter.gdeltEventCode ? SQLQuery.gdeltColumns[index].name : "field\(index + 1)"
        case .icews: index < SQLQuery.icewsColumns.count ? SQLQuery.icewsColumns[index] : "field\(index + 1)"
        }
    }

    private func select(_ expressions: [(String, String)], wellFormed: String, from: String) -> String {
        (["  SELECT"] + expressions.map { "    \($0.0) AS \($0.1)," } + ["    \(wellFormed) AS is_well_formed", "  FROM \(from)"]).joined(separator: "\n")
    }
}
