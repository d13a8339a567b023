import DiploGraph
import DiploGraphText

/// The SQL twin of ``PloverImport``: one query that reads PLOVER records (JSON Lines) or
/// POLECAT rows (tab-separated files), converts them as ``PloverConverter`` does and
/// aggregates the events per slice, pair, kind and `about`.
///
/// The query returns rows `date,source,target,kind,weight,events,about,count`, which are
/// DiploGraph events: `date` is the slice (`YYYY` or `YYYY-MM`); `weight` and `events` the
/// number of events the import writes for that slice, pair, kind and `about`; `about` is `A|B`
/// for mediation relays and empty otherwise; `count` the sum of the import's `count` column
/// (the reports merged, equal to `events` without ``dedupes``). Rows are ordered by date,
/// source, target, kind and about, comparing text by code point.
///
/// It keeps what `import --skip-bad-rows` keeps: the same mapping (most specific row, file
/// order on ties, a `mediation` row read as a relay only for two parties' countries and one
/// host country apart from both, else the next row that does not give `mediation`), the same
/// compound rule, actor level, domestic pairs and deduplication key (date, source, target,
/// event type, modes, kind, about). Malformed records are skipped as the import skips them
/// under `--skip-bad-rows`.
///
/// Inputs: PLOVER JSON Lines files (one record a line; DuckDB `read_ndjson_objects`, Spark's
/// text source and `try_parse_json`, which needs Spark 4.0), or a table or Parquet files whose
/// columns are a record's fields (each row is read as the JSON object of its columns); POLECAT
/// tab-separated files (read in the column order of the published header, whose row is then
/// skipped as malformed), or a table or Parquet files with the header's column names.
///
/// Text from the mapping and the input's name is quoted for the dialect (string literals and
/// identifiers escaped); for Spark a query that would still hold `${` (Spark's variable
/// substitution) is refused.
public struct PloverSQL: Sendable {
    /// The dataset the rows come from.
    public var format: PloverImport.Format
    /// The SQL engine the query is written for.
    public var dialect: SQLDialect
    /// Event types, modes and contexts to kinds.
    public var mapping: PloverMapping
    /// The compound rule.
    public var compound: PloverConverter.Compound
    /// What an actor id names.
    public var level: PloverConverter.ActorLevel
    /// Whether repeated reports of one event are merged (the import's `--dedupe`).
    public var dedupes: Bool
    /// The slice dates are cut to and rows aggregated by.
    public var slice: SQLQuery.Slice
    /// Where the rows come from; `nil` for ``standardInput(for:dialect:)``.
    public var input: SQLInput?

    /// A query over `format` for `dialect`.
    /// - Parameters:
    ///   - format: PLOVER or POLECAT.
    ///   - dialect: the SQL engine.
    ///   - mapping: the mapping (default ``PloverMapping/standard``).
    ///   - compound: the compound rule (default `pairs`).
    ///   - level: what an actor id names (default `country`).
    ///   - dedupes: merge repeated reports of one event.
    ///   - slice: the slice dates are cut to (default `year`).
    ///   - input: where the rows come from; `nil` for ``standardInput(for:dialect:)``.
    /// - Complexity: O(1): the query is written by ``text()``.
    public init(format: PloverImport.Format, dialect: SQLDialect, mapping: PloverMapping = .standard,
                compound: PloverConverter.Compound = .pairs, level: PloverConverter.ActorLevel = .country,
                dedupes: Bool = false, slice: SQLQuery.Slice = .year, input: SQLInput? = nil) {
        self.format = format
        self.dialect = dialect
        self.mapping = mapping
        self.compound = compound
        self.level = level
        self.dedupes = dedupes
        self.slice = slice
        self.input = input
    }

    /// Reads an input as a user names it. PLOVER: a value ending in `.parquet` or `/` is
    /// Parquet; one with a `/`, `*` or `?`, or ending in `.json`, `.jsonl` or `.ndjson`, is JSON
    /// Lines files; anything else a table. POLECAT: as ``SQLInput/init(_:)``.
    /// - Parameters:
    ///   - text: a path, a glob, a directory ending in `/`, or a table name.
    ///   - format: the dataset.
    /// - Returns: the input (``SQLInput/delimitedFiles(_:)`` stands for JSON Lines files under PLOVER).
    /// - Complexity: O(*k*) for *k* characters.
    public static func input(_ text: String, format: PloverImport.Format) -> SQLInput {
        let lower = text.lowercased()
        guard format == .plover else { return SQLInput(text) }
        if lower.hasSuffix(".parquet") || lower.hasSuffix("/") { return .parquet(text) }
        if text.contains("/") || text.contains("*") || text.contains("?") || [".json", ".jsonl", ".ndjson"].contains(where: { lower.hasSuffix($0) }) {
            return .delimitedFiles(text)
        }
        return .table(text)
    }

    /// What a query reads without an input: `*.jsonl` (PLOVER) or `*.txt` (POLECAT) in the
    /// working directory for DuckDB and Spark; nothing for BigQuery, which has no public table
    /// of either.
    /// - Parameters:
    ///   - format: the dataset.
    ///   - dialect: the SQL engine.
    /// - Returns: the default input, or `nil` (BigQuery).
    /// - Complexity: O(1).
    public static func standardInput(for format: PloverImport.Format, dialect: SQLDialect) -> SQLInput? {
        dialect == .bigquery ? nil : .delimitedFiles(format == .plover ? "*.jsonl" : "*.txt")
    }

    /// The POLECAT columns in the order of the published header (the Temporal Graph Benchmark's
    /// loader; see ``PolecatReader``).
    public static let polecatColumns = [
        "Event ID", "Event Date", "Event Type", "Event Mode", "Intensity", "Quad Code", "Contexts", "Actor Name",
        "Actor Country", "Actor COW", "Primary Actor Sector", "Actor Sectors", "Actor Title", "Actor Name Raw",
        "Wikipedia Actor ID", "Recipient Name", "Recipient Country", "Recipient COW", "Primary Recipient Sector",
        "Recipient Sectors", "Recipient Title", "Recipient Name Raw", "Wikipedia Recipient ID", "Placename", "City",
        "District", "Province", "Country", "Latitude", "Longitude", "GeoNames ID", "Raw Placename", "Feature Type",
        "Source", "Publication Date", "Story People", "Story Organizations", "Story Locations", "Language", "Version",
    ]

    /// The query text, ending in a newline.
    /// - Throws: ``SQLQuery/Unsupported`` when the dialect cannot read the input (BigQuery
    ///   reads tables only), there is no default input (BigQuery), or a Spark query would hold
    ///   `${`.
    /// - Complexity: O(*r*) for *r* mapping rows.
    public func text() throws(SQLQuery.Unsupported) -> String {
        let name = format == .plover ? "PLOVER" : "POLECAT"
        guard let input = input ?? Self.standardInput(for: format, dialect: dialect) else {
            throw SQLQuery.Unsupported(description: "\(name) has no public BigQuery table: load the records into a table and give that table as the query's input")
        }
        if dialect == .bigquery, case .table = input {} else if dialect == .bigquery {
            throw SQLQuery.Unsupported(description: "BigQuery reads tables, not files: load the files into a table (bq load, or an external table over Cloud Storage) and give that table as the query's input")
        }
        let q = SQLQuoting(dialect: dialect)
        let d = PloverSQLDialect(q: q)
        var lines: [String] = []
        func add(_ line: String) { lines.append(line) }
        add("-- DiploGraph: what `diplograph import \(format.rawValue) --skip-bad-rows --compound \(compound.rawValue) --actors-by \(level.rawValue)\(dedupes ? " --dedupe" : "")` keeps, for \(q.name), aggregated per \(slice.rawValue).")
        add("-- Rows: date,source,target,kind,weight,events,about,count (DiploGraph events; weight = events = events the import writes, count = reports).")
        add("WITH")
        add("-- The mapping: a record's event type takes the kind of its most specific matching row, the file's order breaking ties.")
        add(mappingTable(q) + ",")
        if format == .plover { ploverRecords(q, d, input, add) } else { polecatRecords(q, d, input, add) }
        convert(q, d, add)
        let text = lines.joined(separator: "\n") + "\n"
        if dialect == .spark && text.contains("${") {
            throw SQLQuery.Unsupported(description: "the query would hold '${', which Spark reads as a variable to substitute: rename the kind, mode, context or input that holds it")
        }
        return text
    }

    /// The CTE `mapping(event, mode, context, kind, specificity, position)`.
    private func mappingTable(_ q: SQLQuoting) -> String {
        let rows = mapping.rows.enumerated().map { offset, row in
            [q.literal(row.event), q.literal(row.mode), q.literal(row.context), q.literal(row.kind), String(row.specificity), String(offset + 1)]
        }
        let names = ["event", "mode", "context", "kind", "specificity", "position"]
        switch dialect {
        case .duckdb, .spark:
            guard !rows.isEmpty else {
                return "mapping AS (\n  SELECT " + names.prefix(4).map { "CAST(NULL AS \(q.text)) AS \($0)" }.joined(separator: ", ")
                    + ", 0 AS specificity, 0 AS position WHERE 1 = 0\n)"
            }
            let values = rows.map { "    (\($0.joined(separator: ", ")))" }.joined(separator: ",\n")
            if dialect == .duckdb { return "mapping (\(names.joined(separator: ", "))) AS (\n  VALUES\n\(values)\n)" }
            return "mapping AS (\n  SELECT * FROM VALUES\n\(values)\n  AS mapping (\(names.joined(separator: ", ")))\n)"
        case .bigquery:
            let values = rows.map { row in "    STRUCT(" + zip(row, names).map { "\($0) AS \($1)" }.joined(separator: ", ") + ")" }.joined(separator: ",\n")
            let array = rows.isEmpty ? "ARRAY<STRUCT<event STRING, mode STRING, context STRING, kind STRING, specificity INT64, position INT64>>[]" : "[\n\(values)\n  ]"
            return "mapping AS (\n  SELECT \(names.joined(separator: ", ")) FROM UNNEST(\(array))\n)"
        }
    }

    /// `CASE` giving the current PLOVER event type of an upper-case name, NULL for none.
    private func eventType(_ q: SQLQuoting, _ name: String) -> String {
        let translations = PloverMapping.eventTypes.map { ($0, $0) } + PloverMapping.formerNames.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        return "CASE \(name) " + translations.map { "WHEN \(q.literal($0.0)) THEN \(q.literal($0.1))" }.joined(separator: " ") + " END"
    }

    /// Whether the text `date` is `YYYY`, `YYYY-MM` or `YYYY-MM-DD` naming a real date, years 1–9999.
    private func validDate(_ q: SQLQuoting, _ date: String) -> String {
        let y = q.toInteger("SUBSTR(\(date), 1, 4)"), m = q.toInteger("SUBSTR(\(date), 6, 2)"), day = q.toInteger("SUBSTR(\(date), 9, 2)")
        let days = "CASE WHEN \(m) = 2 THEN CASE WHEN \(q.mod(y, 4)) = 0 AND (\(q.mod(y, 100)) <> 0 OR \(q.mod(y, 400)) = 0) THEN 29 ELSE 28 END "
            + "WHEN \(m) IN (4, 6, 9, 11) THEN 30 ELSE 31 END"
        // `$` may also match before a final newline (Java): the length test keeps the match exact.
        return "(LENGTH(\(date)) IN (4, 7, 10) AND \(q.contains(date, "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$")) AND \(y) >= 1"
            + " AND (LENGTH(\(date)) = 4 OR (\(m) BETWEEN 1 AND 12 AND (LENGTH(\(date)) = 7 OR \(day) BETWEEN 1 AND \(days)))))"
    }

    private func from(_ q: SQLQuoting, _ input: SQLInput, files: String) -> String {
        switch (input, dialect) {
        case (.table(let name), _), (.parquet(let name), .bigquery), (.delimitedFiles(let name), .bigquery): q.table(name) + " AS t"
        case (.parquet(let path), .duckdb): "read_parquet(\(q.literal(path))) AS t"
        case (.parquet(let path), .spark): "parquet.\(q.identifier(path)) AS t"
        case (.delimitedFiles, _): files
        }
    }

    /// PLOVER: the CTEs `records`, `record_events`, `actor_items` and `value_rows`.
    private func ploverRecords(_ q: SQLQuoting, _ d: PloverSQLDialect, _ input: SQLInput, _ add: (String) -> Void) {
        let line: String
        switch (input, dialect) {
        case (.delimitedFiles(let path), .duckdb):
            line = "SELECT \(d.rowNumber("t")) AS record, json AS j FROM read_ndjson_objects(\(q.literal(path)), ignore_errors = true) AS t"
        case (.delimitedFiles(let path), .spark):
            line = "SELECT \(d.rowNumber("t")) AS record, try_parse_json(value) AS j FROM text.\(q.identifier(path)) AS t"
        default:
            line = "SELECT \(d.rowNumber("t")) AS record, \(d.rowAsJSON("t")) AS j FROM \(from(q, input, files: ""))"
        }
        let m = { (key: String) in d.member("j", key) }
        add("-- Each record as a JSON object (a line that is no JSON is no record; a line that is JSON but no object is malformed).")
        add("lines \(d.materialized) (\n  \(line)\n),")
        add("-- The fields the import reads; `source` before `actor` and `target` before `recipient` when both are there.")
        add("fields AS (")
        add("  SELECT record, \(m("id")) AS id_v, \(m("date")) AS date_v, \(m("event")) AS event_v,")
        add("    COALESCE(\(m("source")), \(m("actor"))) AS source_v, COALESCE(\(m("target")), \(m("recipient"))) AS target_v,")
        add("    \(m("mode")) AS mode_v, \(m("context")) AS context_v")
        add("  FROM lines")
        add("  WHERE \(d.isObject("j"))")
        add("),")
        let ws = PloverSQLDialect.whitespace
        let name = "UPPER(\(d.trim("COALESCE(\(d.string("x")), '')", ws)))"
        add("-- Event types: text or a list of texts, trimmed, in capitals.")
        add("named AS (")
        add("  SELECT fields.*, \(d.trim(d.string("date_v"), ws)) AS event_date,")
        add("    CASE WHEN \(d.isString("event_v")) THEN \(d.single(name.replacingOccurrences(of: d.string("x"), with: d.string("event_v"))))")
        add("      WHEN \(d.isArray("event_v")) THEN \(d.transform(d.elements("event_v"), name)) END AS names")
        add("  FROM fields")
        add("),")
        let code = d.member("x", "code")
        add("-- Records the import converts: every field of its type, a valid date, an event type and no unknown one (not DOCUMENT).")
        add("records AS (")
        add("  SELECT record, event_date, names, source_v, target_v, mode_v, context_v")
        add("  FROM named")
        if dialect == .spark { add("  -- rand() >= 0 always holds; it keeps Spark from inlining this CTE, and so from parsing the records again at each use.") }
        add("  WHERE \(dialect == .spark ? "rand() >= 0 AND " : "")(id_v IS NULL OR \(d.isNull("id_v")) OR \(d.isString("id_v")) OR \(d.isNumber("id_v")))")
        add("    AND COALESCE(\(d.isString("date_v")), FALSE) AND \(validDate(q, "event_date"))")
        for side in ["source_v", "target_v"] {
            add("    AND (\(side) IS NULL OR \(d.isNull(side)) OR \(d.isArray(side))"
                + " OR (\(d.isString(side)) AND \(d.trim(d.string(side), ws)) = ''))")
            add("    AND NOT \(d.any(d.elements(side), "NOT (\(d.isObject("x")) AND (\(code) IS NULL OR \(d.isNull(code)) OR \(d.isString(code))))"))")
        }
        for list in ["event_v", "mode_v", "context_v"] {
            if list != "event_v" { add("    AND (\(list) IS NULL OR \(d.isNull(list)) OR \(d.isString(list)) OR \(d.isArray(list)))") }
            add("    AND NOT \(d.any(d.elements(list), "NOT \(d.isString("x"))"))")
        }
        add("    AND \(d.any("names", "x <> ''")) AND NOT \(d.any("names", "x <> '' AND \(eventType(q, "x")) IS NULL"))")
        add("),")
        add("record_events AS (")
        add("  SELECT DISTINCT record, \(eventType(q, "item")) AS event FROM (\(d.explode("record", "names", from: "records"))) AS listed WHERE item <> ''")
        add("),")
        add("-- Actors and recipients with a code; the sector is text, or the first text of a list.")
        let itemCode = d.member("item", "code"), sector = d.member("item", "sector"), wsnl = PloverSQLDialect.whitespaceAndNewlines
        add("actor_items AS (")
        add("  SELECT record, role, pos, \(d.trim(d.string(itemCode), wsnl)) AS code,")
        add("    CASE WHEN \(d.isString(sector)) THEN \(d.trim(d.string(sector), wsnl))")
        add("      WHEN \(d.isArray(sector)) AND \(d.isString(d.first(sector))) THEN \(d.trim(d.string(d.first(sector)), wsnl))")
        add("      ELSE '' END AS sector")
        add("  FROM (")
        add("    \(d.explode("record, 'source' AS role", d.elements("source_v"), from: "records"))")
        add("    UNION ALL")
        add("    \(d.explode("record, 'target' AS role", d.elements("target_v"), from: "records"))")
        add("  ) AS listed")
        add("  WHERE \(d.isString(itemCode)) AND \(d.trim(d.string(itemCode), wsnl)) <> ''")
        add("),")
        add("-- Modes and contexts: text or a list of texts, split at commas and semicolons.")
        add("texts AS (")
        for (i, list) in ["mode", "context"].enumerated() {
            add("  SELECT record, '\(list)' AS field, 0 AS p1, \(d.string("\(list)_v")) AS text FROM records WHERE \(d.isString("\(list)_v"))")
            add("  UNION ALL")
            add("  SELECT record, '\(list)' AS field, pos AS p1, \(d.string("item")) AS text FROM (\(d.explode("record", d.elements("\(list)_v"), from: "records"))) AS listed")
            if i == 0 { add("  UNION ALL") }
        }
        add("),")
        valueRows(d, add)
    }

    /// The CTE `value_rows(record, field, p1, p2, value)` from `texts(record, field, p1, text)`.
    private func valueRows(_ d: PloverSQLDialect, _ add: (String) -> Void) {
        add("value_rows AS (")
        add("  SELECT record, field, p1, p2, value FROM (")
        add("    SELECT record, field, p1, pos AS p2, LOWER(\(d.trim("item", PloverSQLDialect.whitespace))) AS value FROM (")
        add("      " + d.explode("record, field, p1", d.split("REPLACE(text, ';', ',')", ","), from: "texts"))
        add("    ) AS parts")
        add("  ) AS cleaned")
        add("  WHERE value <> '' AND value <> 'none'")
        add("),")
    }

    /// POLECAT: the CTEs `records`, `record_events`, `actor_items` and `value_rows`.
    private func polecatRecords(_ q: SQLQuoting, _ d: PloverSQLDialect, _ input: SQLInput, _ add: (String) -> Void) {
        let used = ["Event ID", "Event Date", "Event Type", "Event Mode", "Contexts", "Actor Name", "Actor Country",
                    "Primary Actor Sector", "Recipient Name", "Recipient Country", "Primary Recipient Sector"]
        let index = { (name: String) in Self.polecatColumns.firstIndex(of: name)! }
        let needed = used.map(index).max()! + 1
        let read = ["Event Date", "Event Type", "Event Mode", "Contexts", "Actor Country", "Primary Actor Sector",
                    "Recipient Country", "Primary Recipient Sector"]
        let names = ["date", "type", "mode", "contexts", "actor_country", "actor_sector", "recipient_country", "recipient_sector"]
        add("-- The rows: the fields the import reads, by their place in the published header.")
        add("source_rows \(d.materialized) (")
        switch (input, dialect) {
        case (.delimitedFiles(let path), .duckdb), (.delimitedFiles(let path), .spark):
            // Each line whole, split at tabs: empty and missing fields stay apart, so the field
            // count is exact. A header row fails the date test and is skipped as malformed.
            let lineSource = dialect == .duckdb
                ? "SELECT line FROM read_csv(\(q.literal(path)), columns = {'line': 'VARCHAR'}, delim = E'\\x1e', header = false, quote = '', escape = '',\n"
                    + "      comment = '', auto_detect = false, strict_mode = false, null_padding = true, nullstr = E'\\n')"
                : "SELECT value AS line FROM text.\(q.identifier(path))"
            add("  SELECT \(d.rowNumber("t")) AS record, " + zip(read, names).map { "\(d.element("fields", String(index($0.0)))) AS \($0.1)" }.joined(separator: ", "))
            add("  FROM (SELECT line, \(d.split("line", "\t")) AS fields FROM (\(lineSource)) AS lines) AS split_lines")
            // At least the fields up to the last column read; fields past the header's columns only when empty.
            add("  WHERE \(d.size("fields")) >= \(needed) AND NOT \(q.contains("line", "^([^\t]*\t){\(Self.polecatColumns.count)}\t*[^\t]"))")
        default:
            add("  SELECT \(d.rowNumber("t")) AS record, " + zip(read, names).map { "\(q.cast("t." + q.identifier($0.0))) AS \($0.1)" }.joined(separator: ", "))
            add("  FROM \(from(q, input, files: ""))")
        }
        add("),")
        add("-- Fields trimmed, `None` read as empty.")
        add("cells AS (")
        add("  SELECT record, " + names.map { name in
            let trimmed = d.trim("COALESCE(\(name), '')", PloverSQLDialect.whitespace)
            return "CASE WHEN LOWER(\(trimmed)) = 'none' THEN '' ELSE \(trimmed) END AS \(name)"
        }.joined(separator: ",\n    "))
        add("  FROM source_rows")
        add("),")
        add("-- Rows the import converts: a known event type (any case) and a valid date.")
        add("records AS (")
        add("  SELECT record, date AS event_date, \(eventType(q, "UPPER(type)")) AS event, mode, contexts,")
        add("    actor_country, actor_sector, recipient_country, recipient_sector")
        add("  FROM cells")
        add("  WHERE \(eventType(q, "UPPER(type)")) IS NOT NULL AND \(validDate(q, "date"))")
        add("),")
        add("record_events AS (SELECT record, event FROM records),")
        add("-- Actors: the countries of a field joined by semicolons; sectors aligned with them, or one for all.")
        add("actor_lists AS (")
        add("  SELECT record, 'source' AS role, \(d.split("actor_country", ";")) AS codes, \(d.split("actor_sector", ";")) AS sectors FROM records")
        add("  UNION ALL")
        add("  SELECT record, 'target' AS role, \(d.split("recipient_country", ";")) AS codes, \(d.split("recipient_sector", ";")) AS sectors FROM records")
        add("),")
        add("actor_items AS (")
        add("  SELECT record, role, pos, code, CASE WHEN LOWER(sector) = 'none' THEN '' ELSE sector END AS sector FROM (")
        add("    SELECT record, role, pos, \(d.trim("item", PloverSQLDialect.whitespace)) AS code,")
        let sector = "CASE WHEN \(d.size("sectors")) = \(d.size("codes")) THEN \(d.element("sectors", "pos"))"
            + " WHEN \(d.size("sectors")) = 1 THEN \(d.element("sectors", "0")) ELSE '' END"
        add("      \(d.trim(sector, PloverSQLDialect.whitespace)) AS sector")
        add("    FROM (" + d.explode("record, role, codes, sectors", "codes", from: "actor_lists") + ") AS listed")
        add("  ) AS actors")
        add("  WHERE code <> '' AND LOWER(code) <> 'none'")
        add("),")
        add("texts AS (")
        add("  SELECT record, 'mode' AS field, 0 AS p1, mode AS text FROM records")
        add("  UNION ALL")
        add("  SELECT record, 'context' AS field, 0 AS p1, contexts AS text FROM records")
        add("),")
        valueRows(d, add)
    }

    /// The conversion and aggregation, from `records`, `record_events`, `actor_items` and `value_rows`.
    private func convert(_ q: SQLQuoting, _ d: PloverSQLDialect, _ add: (String) -> Void) {
        let id = level == .country ? "code" : "CASE WHEN sector = '' THEN code ELSE CONCAT(code, '/', sector) END"
        add("-- Sides: actor ids (\(level == .country ? "the country code" : "country/sector")), each counted once, in order of first appearance.")
        add("sides AS (")
        add("  SELECT record, role, id, country, pos, ROW_NUMBER() OVER (PARTITION BY record, role ORDER BY pos) AS side_rank FROM (")
        add("    SELECT record, role, id, country, pos, ROW_NUMBER() OVER (PARTITION BY record, role, id ORDER BY pos) AS occurrence FROM (")
        add("      SELECT record, role, pos, \(id) AS id, code AS country FROM actor_items")
        add("    ) AS ids")
        add("  ) AS numbered")
        add("  WHERE occurrence = 1\(dialect == .spark ? " AND rand() >= 0" : "")")
        add("),")
        add("-- Per record: the number of sides, and whether it has the relay shape (two parties' countries, one host country apart from both).")
        add("shape AS (")
        add("  SELECT record,")
        add("    COUNT(CASE WHEN role = 'source' THEN 1 END) AS sources,")
        add("    COUNT(CASE WHEN role = 'target' THEN 1 END) AS targets,")
        add("    COUNT(DISTINCT CASE WHEN role = 'source' THEN country END) = 2 AND COUNT(DISTINCT CASE WHEN role = 'target' THEN country END) = 1")
        add("      AND COUNT(DISTINCT country) = 3 AS is_relay")
        add("  FROM sides")
        add("  GROUP BY record")
        if compound == .skip { add("  HAVING COUNT(CASE WHEN role = 'source' THEN 1 END) <= 1 AND COUNT(CASE WHEN role = 'target' THEN 1 END) <= 1") }
        add("),")
        add("-- Each event type's kind: the most specific matching row; and the most specific that does not give mediation.")
        add("candidates AS (")
        add("  SELECT record_events.record, record_events.event, mapping.kind, mapping.specificity, mapping.position")
        add("  FROM record_events")
        add("  JOIN mapping ON mapping.event = record_events.event")
        add("  LEFT JOIN (SELECT DISTINCT record, value FROM value_rows WHERE field = 'mode') AS modes")
        add("    ON modes.record = record_events.record AND modes.value = mapping.mode")
        add("  LEFT JOIN (SELECT DISTINCT record, value FROM value_rows WHERE field = 'context') AS contexts")
        add("    ON contexts.record = record_events.record AND contexts.value = mapping.context")
        add("  WHERE (mapping.mode = '' OR modes.value IS NOT NULL) AND (mapping.context = '' OR contexts.value IS NOT NULL)")
        add("),")
        add("record_kinds AS (")
        add("  SELECT record, event, MAX(CASE WHEN preference = 1 THEN kind END) AS kind,")
        add("    MAX(CASE WHEN fallback_preference = 1 AND kind <> 'mediation' THEN kind END) AS fallback")
        add("  FROM (")
        add("    SELECT record, event, kind,")
        add("      ROW_NUMBER() OVER (PARTITION BY record, event ORDER BY specificity DESC, position) AS preference,")
        add("      ROW_NUMBER() OVER (PARTITION BY record, event ORDER BY CASE WHEN kind = 'mediation' THEN 1 ELSE 0 END, specificity DESC, position) AS fallback_preference")
        add("    FROM candidates")
        add("  ) AS ranked")
        add("  GROUP BY record, event")
        add("),")
        let usedSide: String
        switch compound {
        case .first: usedSide = "(sides.role = 'source' AND sides.side_rank <= CASE WHEN shape.targets = 0 THEN 2 ELSE 1 END) OR (sides.role = 'target' AND sides.side_rank = 1)"
        case .pairs, .skip: usedSide = "TRUE"
        }
        add("-- Pairs (--compound \(compound.rawValue)): every actor × every recipient; actors only: each pair of actors; same-country pairs dropped.")
        add("used_sides AS (")
        add("  SELECT sides.record, sides.role, sides.id, sides.country, sides.side_rank, shape.targets")
        add("  FROM sides JOIN shape ON sides.record = shape.record")
        add("  WHERE \(usedSide)")
        add("),")
        add("pairs AS (")
        add("  SELECT s.record, s.id AS source, t.id AS target FROM used_sides AS s")
        add("  JOIN used_sides AS t ON s.record = t.record")
        add("  WHERE s.role = 'source' AND s.country <> t.country")
        add("    AND ((s.targets > 0 AND t.role = 'target') OR (s.targets = 0 AND t.role = 'source' AND s.side_rank < t.side_rank))")
        add("),")
        add("-- Relays: the host of a mediation record of the relay shape to each party (the first side of each party country), about A|B.")
        add("parties AS (")
        add("  SELECT record, id, ROW_NUMBER() OVER (PARTITION BY record ORDER BY pos) AS party FROM (")
        add("    SELECT record, id, pos, ROW_NUMBER() OVER (PARTITION BY record, country ORDER BY pos) AS in_country FROM sides WHERE role = 'source'")
        add("  ) AS firsts")
        add("  WHERE in_country = 1")
        add("),")
        add("abouts AS (")
        add("  SELECT record, CONCAT(MAX(CASE WHEN party = 1 THEN id END), '|', MAX(CASE WHEN party = 2 THEN id END)) AS about")
        add("  FROM parties GROUP BY record")
        add("),")
        add("events AS (")
        add("  SELECT record_kinds.record, record_kinds.event, hosts.id AS source, parties.id AS target, 'mediation' AS kind, abouts.about")
        add("  FROM record_kinds")
        add("  JOIN shape ON record_kinds.record = shape.record")
        add("  JOIN sides AS hosts ON hosts.record = record_kinds.record AND hosts.role = 'target'")
        add("  JOIN parties ON parties.record = record_kinds.record")
        add("  JOIN abouts ON abouts.record = record_kinds.record")
        add("  WHERE record_kinds.kind = 'mediation' AND shape.is_relay")
        add("  UNION ALL")
        add("  SELECT record_kinds.record, record_kinds.event, pairs.source, pairs.target,")
        add("    CASE WHEN record_kinds.kind = 'mediation' THEN record_kinds.fallback ELSE record_kinds.kind END AS kind, '' AS about")
        add("  FROM record_kinds")
        add("  JOIN shape ON record_kinds.record = shape.record")
        add("  JOIN pairs ON pairs.record = record_kinds.record")
        add("  WHERE NOT (record_kinds.kind = 'mediation' AND shape.is_relay)")
        add("    AND (record_kinds.kind <> 'mediation' OR record_kinds.fallback IS NOT NULL)")
        add("),")
        let sliceDate = slice == .year ? "SUBSTR(records.event_date, 1, 4)"
            // A year-only date stays as it is: the events reader refuses it under a month slice, as it does after `import`.
            : "CASE WHEN LENGTH(records.event_date) = 4 THEN records.event_date ELSE SUBSTR(records.event_date, 1, 7) END"
        add("-- The events with their date and modes\(dedupes ? ", one row per date, source, target, event type, modes, kind and about (--dedupe), with the reports merged" : "").")
        add("dated AS (")
        add("  SELECT \(sliceDate) AS slice_date, events.source, events.target, events.kind, events.about,")
        add("    records.event_date, events.event, COALESCE(mode_texts.modes, '') AS modes")
        add("  FROM events")
        add("  JOIN records ON events.record = records.record")
        add("  LEFT JOIN (SELECT record, \(d.orderedJoin("value", orderedBy: ["p1", "p2"])) AS modes FROM value_rows WHERE field = 'mode' GROUP BY record) AS mode_texts")
        add("    ON events.record = mode_texts.record")
        add("),")
        add("written AS (")
        if dedupes {
            add("  SELECT slice_date, source, target, kind, about, COUNT(*) AS reports FROM dated")
            add("  GROUP BY slice_date, source, target, kind, about, event_date, event, modes")
        } else {
            add("  SELECT slice_date, source, target, kind, about, 1 AS reports FROM dated")
        }
        add(")")
        let out = { (name: String) in q.identifier(name) }
        add("SELECT slice_date AS \(out("date")), source AS \(out("source")), target AS \(out("target")), kind AS \(out("kind")),")
        add("  COUNT(*) AS \(out("weight")), COUNT(*) AS \(out("events")), about AS \(out("about")), SUM(reports) AS \(out("count"))")
        add("FROM written")
        add("GROUP BY slice_date, source, target, kind, about")
        add("ORDER BY \(["date", "source", "target", "kind", "about"].map(out).joined(separator: ", "))")
    }
}
