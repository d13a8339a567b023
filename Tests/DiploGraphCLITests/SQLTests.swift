import Foundation
import Testing

/// Python packages from Scripts/test/requirements.txt, checked as `make test` checks them.
enum PythonPackages {
    /// `nil` when python3 has `names` (as `make test` installs them: see `runScript`), else what is missing.
    static func missing(_ names: [String]) -> String? {
        let requirements = Tool.root.appendingPathComponent("Scripts/test/requirements.txt").path
        guard let result = try? runScript("Scripts/test/check-requirements.py", [requirements] + names) else { return "python3 not found" }
        return result.status == 0 ? nil : "python3 lacks \(names.joined(separator: ", "))"
    }

    static let duckdb = missing(["duckdb"])
    static let spark: String? = {
        if let problem = missing(["pyspark"]) { return problem }
        let java = Process()
        java.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        java.arguments = ["java", "-version"]
        java.standardOutput = Pipe()
        java.standardError = Pipe()
        guard (try? java.run()) != nil else { return "java not found" }
        java.waitUntilExit()
        return java.terminationStatus == 0 ? nil : "java not found (Spark needs Java 17)"
    }()

    static let advice = "install with `python3 -m pip install -r Scripts/test/requirements.txt` (make test does)"
}

/// Reads RFC 4180 CSV text into rows of fields.
func parseCSV(_ text: String) -> [[String]] {
    var rows: [[String]] = [], row: [String] = [], field = ""
    var inQuotes = false, quoteClosed = false
    var scalars = Array(text.unicodeScalars)[...]
    while let c = scalars.popFirst() {
        if inQuotes {
            if c == "\"" {
                if scalars.first == "\"" { field.unicodeScalars.append("\""); scalars.removeFirst() } else { inQuotes = false; quoteClosed = true }
            } else { field.unicodeScalars.append(c) }
        } else if c == "\"" && field.isEmpty && !quoteClosed {
            inQuotes = true
        } else if c == "," {
            row.append(field); field = ""; quoteClosed = false
        } else if c == "\n" || c == "\r" {
            if c == "\r" && scalars.first == "\n" { scalars.removeFirst() }
            row.append(field); rows.append(row); row = []; field = ""; quoteClosed = false
        } else { field.unicodeScalars.append(c) }
    }
    if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
    return rows
}

@Suite struct SQLTests {
    static let fixtures = Tool.root.appendingPathComponent("Tests/DiploGraphTests/Fixtures").path

    /// Overlapping prefixes out of length order (the longest must win wherever it stands), and a
    /// kind whose id needs quoting in every dialect.
    static let mapping = "cameo,kind\n0431,pressure\n04,summit\n043,mediation\n1,pressure\n12,summit\n046,\"it's \\'); --\"\n"
    static let kinds = "id,polarity,label\n\"it's \\'); --\",0,A kind that needs quoting\n"

    /// One query to check: the dataset, a fixture, the slice, and whether it uses the custom mapping.
    struct Case: CustomStringConvertible {
        let source: String, file: String, slice: String, customMapping: Bool
        /// Read from Parquet made of the file's well-formed rows (Scripts/test/gdelt_to_parquet.py).
        var parquet = false
        /// The file's path when it is not a fixture (a file ``SQLBytes`` wrote).
        var path: String?
        /// The `--mapping` and `--kinds-file` to use instead of the custom mapping's.
        var mappingFiles: (mapping: String, kinds: String)?
        var name: String { "\(file.split(separator: ".")[0])-\(slice)\(customMapping ? "-mapped" : "")\(parquet ? "-parquet" : "")" }
        var description: String { name }
    }

    static let cases: [Case] = [
        Case(source: "gdelt", file: "sql-gdelt.tsv", slice: "year", customMapping: false),
        Case(source: "gdelt", file: "sql-gdelt.tsv", slice: "month", customMapping: false),
        Case(source: "gdelt", file: "sql-gdelt.tsv", slice: "month", customMapping: true),
        Case(source: "gdelt", file: "gdelt1-sample.tsv", slice: "year", customMapping: false),
        Case(source: "gdelt", file: "sql-gdelt.tsv", slice: "month", customMapping: true, parquet: true),
        Case(source: "icews", file: "sql-icews.tab", slice: "year", customMapping: false),
        Case(source: "icews", file: "sql-icews.tab", slice: "month", customMapping: false),
        Case(source: "icews", file: "sql-icews.tab", slice: "year", customMapping: true),
        Case(source: "icews", file: "icews-sample.tab", slice: "month", customMapping: false),
    ]

    /// Writes each case's query for `dialect` into `scratch` and returns, per case, the query's
    /// path and the rows `import --skip-bad-rows` then `export --to csv` give, sorted as the
    /// query sorts (date, source, target, kind by code point).
    static func prepare(_ dialect: String, in scratch: Scratch) throws -> [(Case, query: String, expected: [[String]])] {
        let mapping = try scratch.file("mapping.csv", Self.mapping)
        let kinds = try scratch.file("mapping.kinds.csv", Self.kinds)
        // DuckDB reads a path holding `${…}` as written; Spark refuses it (see `sparkSubstitution`).
        let hostile = try SQLBytes.cases(in: scratch, folder: dialect == "duckdb" ? "${env:HOME}" : "bytes")
        return try (cases + hostile).map { item in
            let file = item.path ?? Self.fixtures + "/" + item.file
            let files = item.mappingFiles ?? (mapping, kinds)
            let custom = item.customMapping ? ["--mapping", files.mapping, "--kinds-file", files.kinds] : []
            var from = file
            if item.parquet {
                from = scratch.path("\(item.name).parquet")
                let convert = try runScript("Scripts/test/gdelt_to_parquet.py", [file, from])
                #expect(convert.status == 0, "\(convert.stderr)")
            }
            let sql = try Tool.run(["sql", item.source, "--dialect", dialect, "--slice", item.slice, "--from", from] + custom)
            #expect(sql.status == 0, "\(item): \(sql.stderr)")
            let query = try scratch.file("\(item.name).sql", sql.stdout)

            let events = scratch.path("\(item.name).events.csv")
            let imported = try Tool.run(["import", item.source, file, "--out", events, "--skip-bad-rows"] + custom)
            #expect(imported.status == 0, "\(item): \(imported.stderr)")
            let exported = scratch.path("\(item.name).export.csv")
            let export = try Tool.run(["export", events, "--to", "csv", "--slice", item.slice, "--out", exported]
                                      + (item.customMapping ? ["--kinds-file", files.kinds] : []))
            #expect(export.status == 0, "\(item): \(export.stderr)")
            var rows = parseCSV(try String(contentsOfFile: exported, encoding: .utf8))
            #expect(rows.first == ["slice", "source", "target", "kind", "weight", "events"])
            rows.removeFirst()
            rows.sort { $0.prefix(4).map { Array($0.unicodeScalars.map(\.value)) }.lexicographicallyPrecedes($1.prefix(4).map { Array($0.unicodeScalars.map(\.value)) }) { $0.lexicographicallyPrecedes($1) } }
            return (item, query, [["date", "source", "target", "kind", "weight", "events"]] + rows)
        }
    }

    /// Runs every case's query on one engine (one process, so one Spark session) and compares
    /// its rows, in order, with the import's.
    static func checkEngine(_ engine: String, dialect: String) throws {
        let scratch = try Scratch()
        // The PLOVER and POLECAT queries (PloverSQLTests) run in the same process: one Spark session.
        let prepared = try prepare(dialect, in: scratch).map { (name: $0.0.description, query: $0.query, expected: $0.expected, item: Optional($0.0)) }
            + PloverSQLTests.prepare(dialect, in: scratch).map { (name: $0.name, query: $0.query, expected: $0.expected, item: Case?.none) }
        let run = try runScript("Scripts/test/run_sql.py", [engine] + prepared.map(\.query))
        #expect(run.status == 0, "\(run.stderr.suffix(3000))")
        for (name, query, expected, item) in prepared {
            let result = String(query.dropLast(".sql".count)) + ".csv"
            guard let text = try? String(contentsOfFile: result, encoding: .utf8) else {
                Issue.record("\(name): \(engine) gave no result (\((try? String(contentsOfFile: String(query.dropLast(4)) + ".error", encoding: .utf8)) ?? ""))")
                continue
            }
            #expect(parseCSV(text) == expected, "\(engine), \(name)")
            #expect(expected.count > 2, "\(name): the fixture should give rows")
            if let item, item.path != nil { SQLBytes.checkExpected(expected, item) }
        }
    }

    @Test(.enabled(if: PythonPackages.duckdb == nil, "DuckDB missing: \(PythonPackages.advice)"))
    func duckDBQueryEqualsImport() throws {
        try Self.checkEngine("duckdb", dialect: "duckdb")
    }

    @Test(.enabled(if: PythonPackages.spark == nil && PythonPackages.duckdb == nil, "PySpark, DuckDB or Java missing: \(PythonPackages.advice)"))
    func sparkQueryEqualsImport() throws {
        try Self.checkEngine("spark", dialect: "spark")
    }

    /// The rows the query returns are DiploGraph events: centrality, report and export read
    /// them as they are, and export's weights are the query's (the `events` column is kept as
    /// an extra attribute, not read as a count).
    @Test(.enabled(if: PythonPackages.duckdb == nil, "DuckDB missing: \(PythonPackages.advice)"))
    func queryRowsAreEvents() throws {
        let scratch = try Scratch()
        let file = Self.fixtures + "/sql-gdelt.tsv"
        var outputs: [String] = []
        for slice in ["year", "month"] {
            let sql = try Tool.run(["sql", "gdelt", "--dialect", "duckdb", "--slice", slice, "--from", file])
            #expect(sql.status == 0, "\(sql.stderr)")
            outputs.append(try scratch.file("\(slice).sql", sql.stdout))
        }
        let run = try runScript("Scripts/test/run_sql.py", ["duckdb"] + outputs)
        #expect(run.status == 0, "\(run.stderr)")
        for slice in ["year", "month"] {
            let events = scratch.path("\(slice).events.csv")
            try FileManager.default.moveItem(atPath: scratch.path("\(slice).csv"), toPath: events)
            let centrality = try Tool.run(["centrality", events, "--slice", slice, "--measures", "degree,strength,betweenness", "--format", "csv"])
            #expect(centrality.status == 0, "\(centrality.stderr)")
            #expect(centrality.stdout.hasPrefix("slice,actor,degree,strength,betweenness\n"))
            let report = try Tool.run(["report", events, "--slice", slice, "--out", scratch.path("report-\(slice)")])
            #expect(report.status == 0, "\(report.stderr)")
            #expect(FileManager.default.fileExists(atPath: scratch.path("report-\(slice)/report.html")))
            let export = try Tool.run(["export", events, "--slice", slice, "--to", "csv", "--out", scratch.path("\(slice).export.csv")])
            #expect(export.status == 0, "\(export.stderr)")
            let query = parseCSV(try String(contentsOfFile: events, encoding: .utf8)).dropFirst().map { Array($0.prefix(5)) }
            let exported = parseCSV(try String(contentsOfFile: scratch.path("\(slice).export.csv"), encoding: .utf8)).dropFirst().map { Array($0.prefix(5)) }
            #expect(Set(query) == Set(exported), "\(slice)")
        }
        // 2018-06-12 USA → PRK: 044, 0431 and 0441, all summit.
        let year = parseCSV(try String(contentsOfFile: scratch.path("year.events.csv"), encoding: .utf8))
        #expect(year.contains(["2018", "USA", "PRK", "summit", "3", "3"]))
    }

    // MARK: - BigQuery: checked as text (it cannot run here)

    @Test func bigQueryGolden() throws {
        let result = try Tool.run(["sql", "gdelt", "--dialect", "bigquery", "--slice", "month"])
        #expect(result.status == 0, "\(result.stderr)")
        let golden = try String(contentsOfFile: Self.fixtures + "/sql-gdelt-bigquery-month.sql", encoding: .utf8)
        #expect(result.stdout == golden, "the BigQuery query changed: check it and update Tests/DiploGraphTests/Fixtures/sql-gdelt-bigquery-month.sql")
    }

    /// The columns of the public `gdelt-bq.gdeltv2.events` table (GDELT 2.0 codebook order) and
    /// their BigQuery types; the query reads the four it needs, by those names, as text.
    static let gdeltV2Table: [String: String] = [
        "GLOBALEVENTID": "INTEGER", "SQLDATE": "INTEGER", "MonthYear": "INTEGER", "Year": "INTEGER", "FractionDate": "FLOAT",
        "Actor1Code": "STRING", "Actor1Name": "STRING", "Actor1CountryCode": "STRING", "Actor2Code": "STRING", "Actor2Name": "STRING",
        "Actor2CountryCode": "STRING", "IsRootEvent": "INTEGER", "EventCode": "STRING", "EventBaseCode": "STRING", "EventRootCode": "STRING",
        "QuadClass": "INTEGER", "GoldsteinScale": "FLOAT", "NumMentions": "INTEGER", "DATEADDED": "INTEGER", "SOURCEURL": "STRING",
    ]

    @Test func bigQueryNamesTheGDELT2TableColumns() throws {
        let result = try Tool.run(["sql", "gdelt", "--dialect", "bigquery"])
        #expect(result.status == 0, "\(result.stderr)")
        let text = result.stdout.split(separator: "\n").filter { !$0.hasPrefix("--") }.joined(separator: "\n")
        #expect(text.contains("FROM `gdelt-bq.gdeltv2.events`\n"))
        // Every backquoted name other than the table is a column of the table or an output column.
        let quoted = text.split(separator: "`", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
        let outputs: Set = ["date", "source", "target", "kind", "weight", "events"]
        for name in quoted where name != "gdelt-bq.gdeltv2.events" && !outputs.contains(name) {
            #expect(Self.gdeltV2Table[name] != nil, "`\(name)` is not a column of gdelt-bq.gdeltv2.events")
        }
        // SQLDATE is an INTEGER there: read as text, not compared as a string column.
        for column in ["SQLDATE", "Actor1CountryCode", "Actor2CountryCode", "EventCode"] {
            #expect(text.contains("CAST(`\(column)` AS STRING)"), "\(column)")
        }
        #expect(Set(quoted).isSuperset(of: ["SQLDATE", "Actor1CountryCode", "Actor2CountryCode", "EventCode"]))
    }

    // MARK: - Quoting and errors

    /// Text from the mapping file and --from stays inside its literal or identifier.
    @Test func mappingAndFromAreQuoted() throws {
        let scratch = try Scratch()
        let mapping = try scratch.file("m.csv", "cameo,kind\n042,\"x'); DROP TABLE t; --\\\"\"`\"\n")
        let kinds = try scratch.file("k.kinds.csv", "id,polarity,label\n\"x'); DROP TABLE t; --\\\"\"`\",0,evil\n")
        let expected = [
            "duckdb": ["('042', 'x''); DROP TABLE t; --\\\"`', 1)", "FROM \"my\"\"db\".\"ev`ents\""],
            "spark": ["('042', 'x\\'); DROP TABLE t; --\\\\\"`', 1)", "FROM `my\"db`.`ev``ents`"],
            "bigquery": ["STRUCT('042' AS prefix, 'x\\'); DROP TABLE t; --\\\\\"`' AS kind, 1 AS position)", "FROM `my\"db.ev\\`ents`"],
        ]
        for (dialect, parts) in expected {
            let result = try Tool.run(["sql", "icews", "--dialect", dialect, "--mapping", mapping, "--kinds-file", kinds, "--from", "my\"db.ev`ents"])
            #expect(result.status == 0, "\(dialect): \(result.stderr)")
            for part in parts { #expect(result.stdout.contains(part), "\(dialect): \(part)\n\(result.stdout)") }
        }
        let path = try Tool.run(["sql", "gdelt", "--dialect", "duckdb", "--from", "/data/it's/*.CSV"])
        #expect(path.stdout.contains("read_csv('/data/it''s/*.CSV',"))
        let sparkPath = try Tool.run(["sql", "gdelt", "--dialect", "spark", "--from", "/data/a`b/"])
        #expect(sparkPath.stdout.contains("FROM parquet.`/data/a``b/`"))
    }

    @Test func inputsByDialect() throws {
        let cases: [([String], String)] = [
            (["gdelt", "--dialect", "duckdb"], "read_csv('*.export.CSV', delim = '\\t', header = false"),
            (["icews", "--dialect", "duckdb"], "read_csv('*.tab', delim = '\\t', header = true"),
            (["gdelt", "--dialect", "spark"], "FROM text.`*.export.CSV`"),
            (["gdelt", "--dialect", "duckdb", "--from", "events/*.parquet"], "FROM read_parquet('events/*.parquet')"),
            (["gdelt", "--dialect", "spark", "--from", "hdfs:///gdelt/events.parquet"], "FROM parquet.`hdfs:///gdelt/events.parquet`"),
            (["gdelt", "--dialect", "spark", "--from", "warehouse.gdelt_events"], "FROM `warehouse`.`gdelt_events`"),
            (["icews", "--dialect", "bigquery", "--from", "my-project.icews.events"], "CAST(`Event Date` AS STRING) AS event_date"),
        ]
        try SQLRunner.expectQueries(cases)
    }

    @Test func errors() throws {
        let scratch = try Scratch()
        try SQLRunner.expectRefusal(["icews", "--dialect", "bigquery"], saying: "ICEWS has no public BigQuery table")
        try SQLRunner.expectRefusal(["gdelt", "--dialect", "bigquery", "--from", "data/*.export.CSV"], saying: "BigQuery reads tables, not files")
        try SQLRunner.expectRefusal(["gdelt", "--dialect", "postgres"], saying: "postgres")
        try SQLRunner.expectRefusal(["gdelt", "--dialect", "duckdb", "--slice", "quarter"])
        let bad = try scratch.file("bad.csv", "cameo,kind\n04x,summit\n042,hug\n")
        let mapping = try SQLRunner.expectRefusal(["gdelt", "--dialect", "duckdb", "--mapping", bad])
        #expect(mapping.contains("\(bad):2: invalid CAMEO code '04x'"))
        #expect(mapping.contains("\(bad):3: unknown kind 'hug'"))
    }
}
