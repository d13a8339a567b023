import DiploGraph

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
    public struct Unsupported: DiploGraphError {
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

        /// ``/DiploGraph/ErrorReason/unsupported``.
        public var errorReason: ErrorReason { .unsupported }

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
