import Foundation
import Testing

/// `sql plover|polecat`: the query's rows against `import --skip-bad-rows` on the fixtures.
/// The DuckDB and Spark runs share `SQLTests.checkEngine`'s process (one Spark session).
@Suite struct PloverSQLTests {
    static let fixtures = SQLTests.fixtures

    /// Specificity against file order (`visit` beats `diplomatic`), a mediation row read as a
    /// relay or falling back, a mediation row with no fallback, and a kind that needs quoting.
    static let mapping = """
        event,mode,context,kind
        CONSULT,,,summit
        CONSULT,,diplomatic,mediation
        CONSULT,visit,,talks
        THREATEN,,military,"it's \\'); --"
        THREATEN,,,pressure
        AGREE,,,cooperation
        ASSAULT,,,mediation
        PROTEST,,,pressure
        ACCUSE,,,pressure

        """
    static let kinds = "id,polarity,label\n\"it's \\'); --\",0,A kind that needs quoting\ntalks,0,talks\ncooperation,+1,cooperation\n"

    struct Case: CustomStringConvertible {
        let format: String, file: String, slice: String
        var options: [String] = []
        var customMapping = false
        /// Also run on Spark (each Spark query takes seconds; the rules these cases add are the same SQL in every dialect).
        var onSpark = true
        var description: String {
            "\(file)-\(slice)\(options.isEmpty ? "" : "-" + options.filter { !$0.hasPrefix("--") }.joined(separator: "-"))\(customMapping ? "-mapped" : "")"
        }
    }

    static let cases: [Case] = [
        Case(format: "plover", file: "plover-sample.jsonl", slice: "year"),
        Case(format: "plover", file: "plover-sample.jsonl", slice: "year", options: ["--compound", "first"], onSpark: false),
        Case(format: "plover", file: "plover-sample.jsonl", slice: "year", options: ["--compound", "skip", "--dedupe"], onSpark: false),
        Case(format: "plover", file: "plover-sample.jsonl", slice: "year", options: ["--actors-by", "actor", "--dedupe"]),
        Case(format: "plover", file: "plover-sample.jsonl", slice: "year", customMapping: true),
        Case(format: "plover", file: "plover-bad.jsonl", slice: "month"),
        Case(format: "polecat", file: "polecat-sample.txt", slice: "month", onSpark: false),
        Case(format: "polecat", file: "polecat-sample.txt", slice: "year", options: ["--actors-by", "actor", "--compound", "first"], customMapping: true),
    ]

    /// The import's events file aggregated as the query aggregates: per slice, source, target,
    /// kind and about, the number of rows (weight, events) and the sum of `count`; sorted by
    /// code point.
    static func aggregate(eventsFile: String, slice: String) throws -> [[String]] {
        var rows = parseCSV(try String(contentsOfFile: eventsFile, encoding: .utf8))
        let header = rows.removeFirst()
        let column = { (name: String) in header.firstIndex(of: name)! }
        var groups: [[String]: (Int, Int)] = [:]
        for row in rows {
            let date = row[column("date")]
            let cut = slice == "year" ? String(date.prefix(4)) : (date.count == 4 ? date : String(date.prefix(7)))
            let key = [cut, row[column("source")], row[column("target")], row[column("kind")], row[column("about")]]
            let old = groups[key] ?? (0, 0)
            groups[key] = (old.0 + 1, old.1 + Int(row[column("count")])!)
        }
        let codePoints = { (row: [String]) in row.map { Array($0.unicodeScalars.map(\.value)) } }
        let sorted = groups.keys.sorted { codePoints($0).lexicographicallyPrecedes(codePoints($1)) { $0.lexicographicallyPrecedes($1) } }
        return [["date", "source", "target", "kind", "weight", "events", "about", "count"]] + sorted.map { key in
            let (n, count) = groups[key]!
            return Array(key.prefix(4)) + [String(n), String(n), key[4], String(count)]
        }
    }

    /// Writes each case's query for `dialect` into `scratch`; returns its name, the query's path
    /// and the rows the import gives, aggregated.
    static func prepare(_ dialect: String, in scratch: Scratch) throws -> [(name: String, query: String, expected: [[String]])] {
        let mapping = try scratch.file("plover-mapping.csv", Self.mapping)
        let kinds = try scratch.file("plover-mapping.kinds.csv", Self.kinds)
        return try cases.filter { dialect != "spark" || $0.onSpark }.map { item in
            let file = Self.fixtures + "/" + item.file
            let custom = item.customMapping ? ["--mapping", mapping, "--kinds-file", kinds] : []
            let sql = try Tool.run(["sql", item.format, "--dialect", dialect, "--slice", item.slice, "--from", file] + item.options + custom)
            #expect(sql.status == 0, "\(item): \(sql.stderr)")
            let query = try scratch.file("plover-\(item).sql", sql.stdout)
            let events = scratch.path("plover-\(item).events.csv")
            let imported = try Tool.run(["import", item.format, file, "--out", events, "--skip-bad-rows"] + item.options + custom)
            #expect(imported.status == 0, "\(item): \(imported.stderr)")
            let expected = try aggregate(eventsFile: events, slice: item.slice)
            #expect(expected.count > 2, "\(item): the fixture should give rows")
            return ("plover-\(item)", query, expected)
        }
    }

    /// The JSON Lines fixture holds the JSON array fixture's records: the import reads the same events from both.
    @Test func jsonLinesFixtureHoldsTheArrayRecords() throws {
        let scratch = try Scratch()
        var outputs: [[[String]]] = []
        for file in ["plover-sample.json", "plover-sample.jsonl"] {
            let events = scratch.path("\(file).events.csv")
            let imported = try Tool.run(["import", "plover", Self.fixtures + "/" + file, "--out", events])
            #expect(imported.status == 0, "\(imported.stderr)")
            outputs.append(parseCSV(try String(contentsOfFile: events, encoding: .utf8)))
        }
        #expect(outputs[0] == outputs[1])
        #expect(outputs[0].count == 15)
    }

    /// The query's rows are events: export reads them and gives the ties and weights it gives
    /// after `import` (relays with their `about` included, so both legs of the relay appear).
    @Test(.enabled(if: PythonPackages.duckdb == nil, "DuckDB missing: \(PythonPackages.advice)"))
    func queryRowsExportAsTheImport() throws {
        let scratch = try Scratch()
        let file = Self.fixtures + "/plover-sample.jsonl"
        let sql = try Tool.run(["sql", "plover", "--dialect", "duckdb", "--from", file])
        #expect(sql.status == 0, "\(sql.stderr)")
        let query = try scratch.file("q.sql", sql.stdout)
        let run = try runScript("Scripts/test/run_sql.py", ["duckdb", query])
        #expect(run.status == 0, "\(run.stderr)")
        try FileManager.default.moveItem(atPath: scratch.path("q.csv"), toPath: scratch.path("q.events.csv"))
        let imported = try Tool.run(["import", "plover", file, "--out", scratch.path("i.events.csv"), "--skip-bad-rows"])
        #expect(imported.status == 0, "\(imported.stderr)")
        var exports: [String] = []
        for name in ["q", "i"] {
            let export = try Tool.run(["export", scratch.path("\(name).events.csv"), "--to", "csv", "--kinds-file", scratch.path("i.kinds.csv"),
                                       "--out", scratch.path("\(name).export.csv")])
            #expect(export.status == 0, "\(name): \(export.stderr)")
            exports.append(try String(contentsOfFile: scratch.path("\(name).export.csv"), encoding: .utf8))
        }
        // Ties and weights agree; `events` counts the rows export read (one per query row), and the order is the files'.
        let ties = exports.map { Set(parseCSV($0).map { Array($0.prefix(5)) }) }
        #expect(ties[0] == ties[1])
        #expect(ties[0].contains(["2018", "PRK", "SGP", "mediation", "1"]), "the relay's leg from the other side")
        #expect(ties[0].contains(["2019", "USA", "PRK", "summit", "3"]))
    }

    // MARK: - BigQuery: checked as text (it cannot run here)

    @Test func bigQueryGolden() throws {
        let goldens: [([String], String)] = [
            (["plover", "--from", "my-project.plover.records"], "sql-plover-bigquery.sql"),
            (["polecat", "--from", "my-project.polecat.events", "--slice", "month", "--compound", "first", "--actors-by", "actor", "--dedupe"],
             "sql-polecat-bigquery-month.sql"),
        ]
        for (arguments, fixture) in goldens {
            let result = try Tool.run(["sql"] + arguments + ["--dialect", "bigquery"])
            #expect(result.status == 0, "\(result.stderr)")
            let golden = try String(contentsOfFile: Self.fixtures + "/" + fixture, encoding: .utf8)
            #expect(result.stdout == golden, "the BigQuery query changed: check it and update Tests/DiploGraphTests/Fixtures/\(fixture)")
        }
    }

    // MARK: - Quoting and errors

    /// Spark substitutes `${...}` anywhere in a query: a kind or an input holding it is escaped
    /// or refused, never passed on.
    @Test func sparkVariablesNeverPassThrough() throws {
        let scratch = try Scratch()
        let mapping = try scratch.file("m.csv", "event,mode,context,kind\nCONSULT,,,${env:HOME}\n")
        let kinds = try scratch.file("k.kinds.csv", "id,polarity,label\n${env:HOME},0,home\n")
        let runs = [
            ["sql", "plover", "--dialect", "spark", "--mapping", mapping, "--kinds-file", kinds, "--from", "records.jsonl"],
            ["sql", "plover", "--dialect", "spark", "--from", "/data/${env:HOME}/records.jsonl"],
            ["sql", "polecat", "--dialect", "spark", "--from", "/data/${env:HOME}.txt"],
            ["sql", "polecat", "--dialect", "spark", "--from", "db.${env:HOME}"],
        ]
        for arguments in runs {
            let result = try Tool.run(arguments)
            #expect(!result.stdout.contains("${"), "\(arguments)")
            #expect(result.status == 0 || (result.status == 1 && result.stderr.contains("Spark")), "\(arguments): \(result.stderr)")
        }
    }

    @Test func inputsByDialect() throws {
        let cases: [([String], String)] = [
            (["plover", "--dialect", "duckdb"], "read_ndjson_objects('*.jsonl', ignore_errors = true)"),
            (["plover", "--dialect", "duckdb", "--from", "records.json"], "read_ndjson_objects('records.json', ignore_errors = true)"),
            (["plover", "--dialect", "spark", "--from", "s3a://bucket/plover/"], "FROM parquet.`s3a://bucket/plover/` AS t"),
            (["plover", "--dialect", "spark", "--from", "hdfs:///plover/*.jsonl"], "try_parse_json(value) AS j FROM text.`hdfs:///plover/*.jsonl`"),
            (["plover", "--dialect", "duckdb", "--from", "warehouse.plover"], "FROM \"warehouse\".\"plover\" AS t"),
            (["polecat", "--dialect", "duckdb", "--from", "polecat/*.txt"], "read_csv('polecat/*.txt', columns = {'line': 'VARCHAR'}"),
            (["polecat", "--dialect", "spark"], "FROM text.`*.txt`"),
            (["polecat", "--dialect", "bigquery", "--from", "p.d.polecat"], "CAST(t.`Event Date` AS STRING) AS date"),
        ]
        try SQLRunner.expectQueries(cases)
    }

    @Test func errors() throws {
        let scratch = try Scratch()
        try SQLRunner.expectRefusal(["plover", "--dialect", "bigquery"], saying: "PLOVER has no public BigQuery table")
        try SQLRunner.expectRefusal(["polecat", "--dialect", "bigquery", "--from", "data/polecat.txt"], saying: "BigQuery reads tables, not files")
        try SQLRunner.expectRefusal(["plover", "--dialect", "postgres"], saying: "postgres")
        try SQLRunner.expectRefusal(["acled", "--dialect", "duckdb"], saying: "acled")
        try SQLRunner.expectRefusal(["gdelt", "--dialect", "duckdb", "--compound", "first"], saying: "for plover and polecat only")
        try SQLRunner.expectRefusal(["plover", "--dialect", "duckdb", "--compound", "all"])
        let bad = try scratch.file("bad.csv", "event,mode,context,kind\nDANCE,,,summit\nCONSULT,,,hug\nCONSULT,,,summit\nconsult,,,talks\n")
        let mapping = try SQLRunner.expectRefusal(["plover", "--dialect", "duckdb", "--mapping", bad])
        #expect(mapping.contains("\(bad):2: unknown PLOVER event type 'DANCE'"))
        #expect(mapping.contains("\(bad):3: unknown kind 'hug'"))
        #expect(mapping.contains("\(bad):5: 'consult,,' mapped twice (first on line 4)"))
        try SQLRunner.expectRefusal(["polecat", "--dialect", "spark", "--mapping", scratch.path("none.csv")], saying: "none.csv")
    }
}
