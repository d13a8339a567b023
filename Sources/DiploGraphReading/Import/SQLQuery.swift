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

/// The SQL twin of ``EventImporter``: one query that maps CAMEO-coded rows to kinds as
/// ``EventImporter`` does and aggregates them per slice, pair and kind.
///
/// The query returns rows `date,source,target,kind,weight,events`, which are DiploGraph
/// events (`events` is an extra column): `date` is the slice (`YYYY` or `YYYY-MM`), `weight`
/// and `events` the number of rows aggregated (every imported event has weight 1). Rows are
/// ordered by date, source, target and kind, comparing text by code point.
///
/// It keeps the rows the importer keeps and skips the others: rows without both countries
/// (empty, only whitespace, or missing), domestic rows (the same country on both sides, compared
/// after removing ``EventImporter/trimmedWhitespace`` around them, as the importer does; the
/// importer also brings country names to one Unicode form, NFC, which the query does not), codes the mapping does
/// not cover, and the rows the importer
/// calls malformed (a field count other than 58 or 61 for GDELT, or than the header's for
/// ICEWS; an invalid date; a CAMEO code that is not digits), which it skips as
/// ``EventImporter`` does when it skips bad rows. The mapping is the same ``CAMEOMapping`` the importer uses,
/// written into the query as a table of `(prefix, kind, position)`; each distinct code is
/// joined with the rows whose prefix it starts with, and the longest prefix wins
/// (`ROW_NUMBER()` over the prefix length, the mapping's order breaking ties as
/// ``CAMEOMapping/kind(for:)`` does).
///
/// Inputs: GDELT files have no header and 57 or 58 fields (1.0) or 61 (2.0). The query names
/// the first 27 fields as GDELT does (`GLOBALEVENTID` … `EventCode`, the same in 1.0 and 2.0),
/// the others `field28` … `field61`, and a `field62` that only overflowing rows fill; the field
/// count decides whether a row is well formed, as in the importer (so 57-field historical 1.0
/// rows are skipped, as `import` rejects them). ICEWS files are read in the standard column
/// order of the Dataverse files (the importer finds the columns by header name). Tables and
/// Parquet files must use GDELT's column names (those of `gdelt-bq.gdeltv2.events`) or the
/// ICEWS header's; their columns are cast to text, so an integer `SQLDATE` works but a CAMEO
/// code stored as a number has lost its leading zeros and will not match.
///
/// Bytes: the query keeps and skips rows on the same bytes as the importer. A row with bytes
/// that are not UTF-8 in any field is malformed (DuckDB cannot read it: `ignore_errors` skips
/// it; Spark compares the line's bytes with their reading as text), and so is one whose
/// date, code or country holds a NUL byte; a NUL byte elsewhere does not matter. Countries
/// lose exactly ``EventImporter/trimmedWhitespace`` around them.
///
/// Text from the mapping and the input's name is quoted for the dialect (string literals and
/// identifiers escaped), so neither can change the query's structure. Spark SQL replaces
/// `${…}` (`${env:…}`, `${system:…}`, `${spark.…}`, `${hiveconf:…}`, any `${name}`) anywhere
/// in a query's text before parsing it: its literals write `$` as `\u0024`, which the parser
/// turns back into `$` after the substitution, and an input name holding `${`, which a Spark
/// identifier cannot escape, is refused. DuckDB and BigQuery substitute nothing in a query's
/// text (their parameters, `$1` and `@name`, are never inside literals).
public struct SQLQuery: Sendable {
    /// The slice a row's date is cut to.
    public enum Slice: String, Sendable, CaseIterable {
        /// `year` cuts dates to `YYYY`, `month` to `YYYY-MM`.
        case year, month
    }

    /// Why a query cannot be written.
    public struct Unsupported: Error, Sendable, CustomStringConvertible {
        /// What the query would need.
        public enum Cause: Sendable, Equatable {
            /// A table to read: the dialect reads no files, or the dataset has no default table.
            case needsTable
            /// An input name the engine would change before reading it: Spark replaces
            /// `${…}` in a query's text, and an identifier has no escape for it.
            case substitutedInput
        }
        /// Why, in words (for example a dialect that cannot read the input).
        public let description: String
        /// What the query would need.
        public let cause: Cause

        init(description: String, cause: Cause = .needsTable) {
            self.description = description
            self.cause = cause
        }
    }

    /// The dataset the rows come from, which fixes their columns.
    public var source: EventSource
    /// The SQL engine the query is written for.
    public var dialect: SQLDialect
    /// CAMEO codes to kinds, written into the query as a table.
    public var mapping: CAMEOMapping
    /// The slice dates are cut to and rows aggregated by.
    public var slice: Slice
    /// Where the rows come from; `nil` for ``SQLInput/standard(for:dialect:)``.
    public var input: SQLInput?

    /// A query over `source` for `dialect`.
    /// - Parameters:
    ///   - source: the dataset the rows come from.
    ///   - dialect: the SQL engine.
    ///   - mapping: CAMEO codes to kinds (default: ``CAMEOMapping/standard``).
    ///   - slice: the slice dates are cut to (default: ``Slice/year``).
    ///   - input: where the rows come from; `nil` for ``SQLInput/standard(for:dialect:)``.
    /// - Complexity: O(1): the query is written by ``text()``.
    public init(source: EventSource, dialect: SQLDialect, mapping: CAMEOMapping = .standard, slice: Slice = .year, input: SQLInput? = nil) {
        self.source = source
        self.dialect = dialect
        self.mapping = mapping
        self.slice = slice
        self.input = input
    }

    /// GDELT's event columns in file order (2.0; 1.0 lacks the three `*_ADM2Code` and, before
    /// April 2013, `SOURCEURL`), with their types in `gdelt-bq.gdeltv2.events`.
    public static let gdeltColumns: [(name: String, bigQueryType: String)] = [
        ("GLOBALEVENTID", "INTEGER"), ("SQLDATE", "INTEGER"), ("MonthYear", "INTEGER"), ("Year", "INTEGER"),
        ("FractionDate", "FLOAT"), ("Actor1Code", "STRING"), ("Actor1Name", "STRING"), ("Actor1CountryCode", "STRING"),
        ("Actor1KnownGroupCode", "STRING"), ("Actor1EthnicCode", "STRING"), ("Actor1Religion1Code", "STRING"),
        ("Actor1Religion2Code", "STRING"), ("Actor1Type1Code", "STRING"), ("Actor1Type2Code", "STRING"),
        ("Actor1Type3Code", "STRING"), ("Actor2Code", "STRING"), ("Actor2Name", "STRING"), ("Actor2CountryCode", "STRING"),
        ("Actor2KnownGroupCode", "STRING"), ("Actor2EthnicCode", "STRING"), ("Actor2Religion1Code", "STRING"),
        ("Actor2Religion2Code", "STRING"), ("Actor2Type1Code", "STRING"), ("Actor2Type2Code", "STRING"),
        ("Actor2Type3Code", "STRING"), ("IsRootEvent", "INTEGER"), ("EventCode", "STRING"), ("EventBaseCode", "STRING"),
        ("EventRootCode", "STRING"), ("QuadClass", "INTEGER"), ("GoldsteinScale", "FLOAT"), ("NumMentions", "INTEGER"),
        ("NumSources", "INTEGER"), ("NumArticles", "INTEGER"), ("AvgTone", "FLOAT"), ("Actor1Geo_Type", "INTEGER"),
        ("Actor1Geo_FullName", "STRING"), ("Actor1Geo_CountryCode", "STRING"), ("Actor1Geo_ADM1Code", "STRING"),
        ("Actor1Geo_ADM2Code", "STRING"), ("Actor1Geo_Lat", "FLOAT"), ("Actor1Geo_Long", "FLOAT"),
        ("Actor1Geo_FeatureID", "STRING"), ("Actor2Geo_Type", "INTEGER"), ("Actor2Geo_FullName", "STRING"),
        ("Actor2Geo_CountryCode", "STRING"), ("Actor2Geo_ADM1Code", "STRING"), ("Actor2Geo_ADM2Code", "STRING"),
        ("Actor2Geo_Lat", "FLOAT"), ("Actor2Geo_Long", "FLOAT"), ("Actor2Geo_FeatureID", "STRING"),
        ("ActionGeo_Type", "INTEGER"), ("ActionGeo_FullName", "STRING"), ("ActionGeo_CountryCode", "STRING"),
        ("ActionGeo_ADM1Code", "STRING"), ("ActionGeo_ADM2Code", "STRING"), ("ActionGeo_Lat", "FLOAT"),
        ("ActionGeo_Long", "FLOAT"), ("ActionGeo_FeatureID", "STRING"), ("DATEADDED", "INTEGER"), ("SOURCEURL", "STRING"),
    ]

    /// The ICEWS columns in the order of the Dataverse files.
    public static let icewsColumns = [
        "Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text", "CAMEO Code",
        "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID", "Sentence Number", "Publisher",
        "City", "District", "Province", "Country", "Latitude", "Longitude",
    ]

    /// The columns the query reads: date, the two countries, the CAMEO code (0-based positions
    /// in the files, names in tables).
    private var columns: (date: (Int, String), source: (Int, String), target: (Int, String), code: (Int, String)) {
        switch source {
        case .gdelt:
            let i = (EventImporter.gdeltDate, EventImporter.gdeltActor1Country, EventImporter.gdeltActor2Country, EventImporter.gdeltEventCode)
            return ((i.0, Self.gdeltColumns[i.0].name), (i.1, Self.gdeltColumns[i.1].name),
                    (i.2, Self.gdeltColumns[i.2].name), (i.3, Self.gdeltColumns[i.3].name))
        case .icews:
            func column(_ name: String) -> (Int, String) { (Self.icewsColumns.firstIndex(of: name)!, name) }
            return (column("Event Date"), column("Source Country"), column("Target Country"), column("CAMEO Code"))
        }
    }

    /// The field counts of a well-formed row in the files.
    private var fieldCounts: [Int] { source == .gdelt ? [58, 61] : [Self.icewsColumns.count] }

    /// The query text, ending in a newline.
    ///
    /// - Throws: ``Unsupported`` when the dialect cannot read the input (BigQuery reads tables
    ///   only) or there is no default input (ICEWS on BigQuery).
    /// - Complexity: O(*r*) for *r* mapping rows.
    public func text() throws(Unsupported) -> String {
        guard let input = input ?? SQLInput.standard(for: source, dialect: dialect) else {
            throw Unsupported(description: "ICEWS has no public BigQuery table: load the files into a table with the ICEWS header's column names and give that table as the query's input")
        }
        if dialect == .bigquery, case .table = input {} else if dialect == .bigquery {
            throw Unsupported(description: "BigQuery reads tables, not files: load the files into a table (bq load, or an external table over Cloud Storage) and give that table as the query's input")
        }
        if dialect == .spark {
            let name: String
            switch input { case .delimitedFiles(let text), .parquet(let text), .table(let text): name = text }
            if name.contains("${") {
                throw Unsupported(description: "the input '\(name)' holds '${', which Spark SQL replaces by a variable's value (${env:…}, ${spark.…}) before reading the query, and a Spark name cannot escape it: rename or link the input", cause: .substitutedInput)
            }
        }
        let q = SQLQuoting(dialect: dialect)
        let dateShape = source == .gdelt ? "^[0-9]{8}$" : "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"
        let dateLengths = source == .gdelt ? "= 8" : "IN (4, 7, 10)"
        let (monthAt, dayAt) = source == .gdelt ? (5, 7) : (6, 9)
        let sliceDate: String
        switch (slice, source) {
        case (.year, _): sliceDate = "SUBSTR(event_date, 1, 4)"
        case (.month, .gdelt): sliceDate = "CONCAT(SUBSTR(event_date, 1, 4), '-', SUBSTR(event_date, 5, 2))"
        // A year-only ICEWS date stays as it is: the events reader then refuses it under a
        // month slice, naming the line, as it refuses the same date from `import`.
        case (.month, .icews): sliceDate = "CASE WHEN LENGTH(event_date) = 4 THEN event_date ELSE SUBSTR(event_date, 1, 7) END"
        }
        let days = "CASE WHEN m = 2 THEN CASE WHEN \(q.mod("y", 4)) = 0 AND (\(q.mod("y", 100)) <> 0 OR \(q.mod("y", 400)) = 0) THEN 29 ELSE 28 END "
            + "WHEN m IN (4, 6, 9, 11) THEN 30 ELSE 31 END"
        let calendar = source == .gdelt
            ? "y >= 1 AND m BETWEEN 1 AND 12 AND d BETWEEN 1 AND \(days)"
            : "y >= 1 AND (LENGTH(event_date) = 4 OR (m BETWEEN 1 AND 12 AND (LENGTH(event_date) = 7 OR d BETWEEN 1 AND \(days))))"
        let sourceLabel = source == .gdelt ? "GDELT" : "ICEWS"
        var lines: [String] = []
        lines.append("-- DiploGraph: what `diplograph import \(source.rawValue) --skip-bad-rows` keeps, for \(q.name), aggregated per \(slice.rawValue).")
        lines.append("-- Rows: date,source,target,kind,weight,events (DiploGraph events; weight = events = rows aggregated).")
        lines.append("WITH")
        lines.append("-- The CAMEO mapping: a code takes the kind of the longest prefix it starts with.")
        lines.append(q.mappingTable(mapping) + ",")
        lines.append("-- The \(sourceLabel) rows: date, countries and CAMEO code as text; whether the row has a field count the importer accepts.")
        lines.append("source_rows AS (")
        lines.append(q.sourceRows(input: input, source: source, columns: columns, fieldCounts: fieldCounts))
        lines.append("),")
        lines.append("-- Rows the importer keeps: well formed, a valid date, a code of digits, two different non-empty countries")
        lines.append("-- (UTF-8 without NUL bytes, without the whitespace the importer trims around them).")
        lines.append("kept AS (")
        lines.append("  SELECT source, target, code, \(sliceDate) AS slice_date")
        lines.append("  FROM (")
        lines.append("    SELECT event_date, code,")
        lines.append("      \(q.trimmed("source")) AS source,")
        lines.append("      \(q.trimmed("target")) AS target,")
        lines.append("      \(q.toInteger("SUBSTR(event_date, 1, 4)")) AS y,")
        lines.append("      \(q.toInteger("SUBSTR(event_date, \(monthAt), 2)")) AS m,")
        lines.append("      \(q.toInteger("SUBSTR(event_date, \(dayAt), 2)")) AS d")
        lines.append("    FROM source_rows")
        // `$` may also match before a final newline (Java's regular expressions): the length
        // test keeps the match exact. A code is digits when it contains nothing else.
        lines.append("    WHERE is_well_formed AND LENGTH(event_date) \(dateLengths) AND \(q.contains("event_date", dateShape))")
        lines.append("      AND code <> '' AND NOT \(q.contains("code", "[^0-9]"))")
        lines.append("      AND source IS NOT NULL AND target IS NOT NULL AND \(q.lacksNUL("source")) AND \(q.lacksNUL("target"))")
        lines.append("  ) AS parsed")
        lines.append("  WHERE source <> '' AND target <> '' AND source <> target AND \(calendar)")
        lines.append("),")
        lines.append("-- Each distinct code's kind: the longest matching prefix, the mapping's order breaking ties.")
        lines.append("code_kinds AS (")
        lines.append("  SELECT code, kind")
        lines.append("  FROM (")
        lines.append("    SELECT codes.code, mapping.kind,")
        lines.append("      ROW_NUMBER() OVER (PARTITION BY codes.code ORDER BY LENGTH(mapping.prefix) DESC, mapping.position) AS preference")
        lines.append("    FROM (SELECT DISTINCT code FROM kept) AS codes")
        lines.append("    JOIN mapping ON \(q.startsWith("codes.code", "mapping.prefix"))")
        lines.append("  ) AS matches")
        lines.append("  WHERE preference = 1")
        lines.append(")")
        lines.append("SELECT kept.slice_date AS \(q.identifier("date")), kept.source AS \(q.identifier("source")), kept.target AS \(q.identifier("target")),")
        lines.append("  code_kinds.kind AS \(q.identifier("kind")), COUNT(*) AS \(q.identifier("weight")), COUNT(*) AS \(q.identifier("events"))")
        lines.append("FROM kept")
        lines.append("JOIN code_kinds ON kept.code = code_kinds.code")
        lines.append("GROUP BY kept.slice_date, kept.source, kept.target, code_kinds.kind")
        lines.append("ORDER BY \(["date", "source", "target", "kind"].map { q.identifier($0) }.joined(separator: ", "))")
        return lines.joined(separator: "\n") + "\n"
    }
}

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
