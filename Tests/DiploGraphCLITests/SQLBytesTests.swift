import Foundation
import Testing
import DiploGraphIO

/// Hostile bytes for `diplograph sql`: files whose rows put every whitespace the importer
/// trims (and neighbours it keeps), invalid UTF-8 and NUL bytes in each kind of field, and a
/// mapping whose kinds hold Spark variable references. ``SQLTests`` runs their queries on
/// DuckDB and Spark with its fixtures and compares each with `import --skip-bad-rows`.
enum SQLBytes {
    /// Kinds that Spark would replace if they reached its query text as written.
    static let hostileKinds = ["${env:HOME}", "${spark.app.name}", "${nosuch}", "$", "${system:user.home} $HOME \\u0024{x}"]
    static let mapping = "cameo,kind\n042,\"${env:HOME}\"\n043,\"${spark.app.name}\"\n044,\"${nosuch}\"\n045,$\n046,\"${system:user.home} $HOME \\u0024{x}\"\n"
    static let kinds = "id,polarity,label\n" + hostileKinds.map { "\"\($0)\",0,hostile" }.joined(separator: "\n") + "\n"

    /// Whitespace the importer keeps around a country (not Unicode `White_Space`, or a control).
    static let keptAround: [Unicode.Scalar] = ["\u{180E}", "\u{FEFF}", "\u{200C}", "\u{200D}", "\u{2060}", "\u{AD}", "\u{1C}", "\u{1F}", "\u{7F}"]
    /// Byte sequences that are not UTF-8: a Latin-1 letter, a lone continuation byte, an
    /// overlong form, a surrogate, a truncated sequence, bytes past U+10FFFF, a lead byte at the end.
    static let invalid: [[UInt8]] = [[0xE9], [0x80], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xE2, 0x82], [0xF5, 0x80, 0x80, 0x80],
                                     [0xF4, 0x90, 0x80, 0x80], [0xFF], [0xC3]]

    /// Row `n` of a GDELT or ICEWS file, ending in a line feed: `country` and `target` as the
    /// countries, `fields` (0-based position → bytes) replacing the others.
    static func line(_ source: String, _ n: Int, _ country: [UInt8], target: [UInt8] = Array("PRK".utf8), fields: [Int: [UInt8]] = [:],
                     count: Int? = nil) -> [UInt8] {
        func b(_ text: String) -> [UInt8] { Array(text.utf8) }
        let codes = ["042", "043", "044", "045", "046"]
        var values: [[UInt8]]
        if source == "gdelt" {
            values = Array(repeating: [], count: count ?? 61)
            values[0] = b("\(n)"); values[1] = b("20180612"); values[6] = b("Actor"); values[7] = country
            values[16] = b("Other"); values[17] = target; values[26] = b(codes[n % codes.count]); values[values.count - 1] = b("http://x/\(n)")
        } else {
            values = Array(repeating: b("x"), count: 20)
            values[0] = b("\(n)"); values[1] = b("2018-04-27"); values[4] = country; values[5] = b("Event"); values[6] = b(codes[n % codes.count])
            values[10] = target; values[13] = b("Publisher")
        }
        for (index, value) in fields { values[index] = value }
        return Array(values.joined(separator: [0x09])) + [0x0A]
    }

    /// A file's bytes and the source countries the importer keeps from it (one row each).
    static func file(_ source: String) -> (bytes: [UInt8], kept: Set<String>) {
        var rows: [[UInt8]] = [], kept: Set<String> = []
        var n = 0
        func b(_ text: String) -> [UInt8] { Array(text.utf8) }
        func row(_ country: [UInt8], target: [UInt8] = Array("PRK".utf8), fields: [Int: [UInt8]] = [:], count: Int? = nil) {
            n += 1
            rows.append(line(source, n, country, target: target, fields: fields, count: count))
        }
        let (url, name, id, other, date, code) = source == "gdelt" ? (60, 6, 0, 40, 1, 26) : (13, 5, 0, 15, 1, 6)
        // Trimmed whitespace around both countries (tab, LF and CR end a field or a line: they cannot be in one).
        for scalar in EventImporter.trimmedWhitespace where scalar != "\n" && scalar != "\r" && scalar != "\t" {
            let w = b(String(scalar))
            row(w + b("W\(n + 1)") + w, target: w + b("PRK") + w)
            kept.insert("W\(n)")
        }
        row(b("\u{2028}\u{200B}\u{3000}"))  // only whitespace: without both countries
        for scalar in keptAround {
            let w = b(String(scalar))
            row(w + b("K\(n + 1)") + w)
            kept.insert("\(scalar)K\(n)\(scalar)")
        }
        row(b("Ké€😀\(n + 1)"))
        kept.insert("Ké€😀\(n)")
        // Bytes that are not UTF-8 make the row bad wherever they are.
        for bytes in invalid {
            for field in [url, name, id, other] { row(b("B\(n + 1)"), fields: [field: b("a") + bytes]) }
            row(b("B\(n + 1)") + bytes)
            row(b("B\(n + 1)"), target: b("PRK") + bytes)
        }
        // A NUL byte makes the row bad in a field that decides it, and nothing elsewhere.
        for field in [url, name, id, other] {
            row(b("Z\(n + 1)"), fields: [field: b("a\u{0}b")])
            kept.insert("Z\(n)")
        }
        row(b("N\(n + 1)\u{0}"))
        row(b("N\(n + 1)"), target: b("P\u{0}RK"))
        row(b("N\(n + 1)"), fields: [date: b("2018\u{0}0612")])
        row(b("N\(n + 1)"), fields: [code: b("04\u{0}2")])
        if source == "gdelt" {
            // GDELT 1.0 rows (58 fields, SOURCEURL last).
            row(b("OLD\(n + 1)"), count: 58)
            kept.insert("OLD\(n)")
            row(b("OLD\(n + 1)"), fields: [57: [0xE9]], count: 58)
            row(b("OLD\(n + 1)"), fields: [57: b("a\u{0}")], count: 58)
            kept.insert("OLD\(n)")
        }
        let header = source == "icews" ? Array(SQLQuery.icewsColumns.joined(separator: "\t").utf8) + [0x0A] : []
        return (header + rows.joined(), kept)
    }

    /// The hostile files written into `folder` of `scratch`, as cases of ``SQLTests``.
    static func cases(in scratch: Scratch, folder: String) throws -> [SQLTests.Case] {
        try FileManager.default.createDirectory(atPath: scratch.path(folder), withIntermediateDirectories: true)
        let mapping = try scratch.file(folder + "/hostile.csv", Self.mapping)
        let kinds = try scratch.file(folder + "/hostile.kinds.csv", Self.kinds)
        return try [("gdelt", "bytes-gdelt.tsv", "year"), ("icews", "bytes-icews.tab", "month")].map { source, name, slice in
            let path = scratch.path(folder + "/" + name)
            try Data(file(source).bytes).write(to: URL(fileURLWithPath: path))
            return SQLTests.Case(source: source, file: name, slice: slice, customMapping: true, path: path, mappingFiles: (mapping, kinds))
        }
    }

    /// The import kept exactly the rows it should, and its kinds are the mapping's as written.
    static func checkExpected(_ expected: [[String]], _ item: SQLTests.Case) {
        let sources = Set(expected.dropFirst().map { $0[1] })
        let kept = file(item.source).kept
        #expect(sources == kept, "\(item): kept \(sources.subtracting(kept).sorted()), skipped \(kept.subtracting(sources).sorted())")
        #expect(Set(expected.dropFirst().map { $0[3] }) == Set(hostileKinds), "\(item)")
    }
}

@Suite struct SQLBytesTests {
    /// Spark replaces `${…}` in the query's text: a kind keeps its `$` as `\u0024` in a Spark
    /// literal, and an input name holding `${` is refused, naming --from.
    @Test func sparkSubstitution() throws {
        let scratch = try Scratch()
        let mapping = try scratch.file("m.csv", SQLBytes.mapping)
        let kinds = try scratch.file("m.kinds.csv", SQLBytes.kinds)
        let spark = try Tool.run(["sql", "gdelt", "--dialect", "spark", "--mapping", mapping, "--kinds-file", kinds, "--from", "data/*.CSV"])
        #expect(spark.status == 0, "\(spark.stderr)")
        #expect(!spark.stdout.contains("$"), "\(spark.stdout)")
        #expect(spark.stdout.contains("('042', '\\u0024{env:HOME}', 1)"))
        #expect(spark.stdout.contains("('046', '\\u0024{system:user.home} \\u0024HOME \\\\u0024{x}', 5)"))
        // DuckDB and BigQuery substitute nothing: the text stays as written.
        let duckdb = try Tool.run(["sql", "gdelt", "--dialect", "duckdb", "--mapping", mapping, "--kinds-file", kinds, "--from", "${env:HOME}/*.CSV"])
        #expect(duckdb.status == 0, "\(duckdb.stderr)")
        #expect(duckdb.stdout.contains("('042', '${env:HOME}', 1)"))
        #expect(duckdb.stdout.contains("read_csv('${env:HOME}/*.CSV',"))
        let bigquery = try Tool.run(["sql", "gdelt", "--dialect", "bigquery", "--mapping", mapping, "--kinds-file", kinds])
        #expect(bigquery.stdout.contains("STRUCT('042' AS prefix, '${env:HOME}' AS kind, 1 AS position)"))
        for from in ["${env:HOME}/*.CSV", "s3a://b/${spark.app.name}/", "db.${hiveconf:x}", "x${y}.parquet", "${"] {
            let refused = try Tool.run(["sql", "icews", "--dialect", "spark", "--from", from])
            #expect(refused.status == 1, "\(from)")
            #expect(refused.stdout.isEmpty, "\(from)")
            #expect(refused.stderr.contains("--from: the input '\(from)' holds '${', which Spark SQL replaces"), "\(from): \(refused.stderr)")
        }
        for from in ["$HOME/*.CSV", "a$/{b}.parquet", "db.t$"] {
            let accepted = try Tool.run(["sql", "gdelt", "--dialect", "spark", "--from", from])
            #expect(accepted.status == 0, "\(from): \(accepted.stderr)")
        }
    }

    /// Every dialect trims exactly the importer's whitespace set, and reads NUL as the importer does.
    @Test func everyDialectTrimsTheImportersSet() throws {
        let hex = EventImporter.trimmedWhitespace.map { String(format: "\\u%04X", $0.value) }.joined()
        let expected = [
            "duckdb": "trim(source, " + EventImporter.trimmedWhitespace.map { "chr(\($0.value))" }.joined(separator: " || ") + ")",
            "spark": "TRIM(BOTH '\(hex)' FROM source)",
            "bigquery": "TRIM(source, '\(hex)')",
        ]
        for (dialect, part) in expected {
            let result = try Tool.run(["sql", "icews", "--dialect", dialect, "--from", "p.t"])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains(part), "\(dialect)")
        }
        #expect(EventImporter.trimmedWhitespace.allSatisfy { !(33...126).contains($0.value) }, "DuckDB's fast path needs it")
        #expect(EventImporter.trimmed("\u{200B}\u{85} K\u{301}\u{2028}") == "K\u{301}")
        #expect(EventImporter.trimmed(" \u{301}KOR\u{FEFF}") == "\u{301}KOR\u{FEFF}")
        #expect(EventImporter.trimmed("\u{3000}\u{2029}") == "")
    }

    /// A NUL byte only stops the row it makes bad; invalid UTF-8 anywhere makes the row bad.
    @Test func importReadsNULAndInvalidUTF8PerRow() throws {
        let scratch = try Scratch()
        let (bytes, kept) = SQLBytes.file("gdelt")
        let file = scratch.path("g.tsv")
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        let events = scratch.path("g.events.csv")
        let skipping = try Tool.run(["import", "gdelt", file, "--out", events, "--skip-bad-rows"])
        #expect(skipping.status == 0, "\(skipping.stderr)")
        let imported = parseCSV(try String(contentsOfFile: events, encoding: .utf8)).dropFirst()
        #expect(Set(imported.map { $0[1] }) == kept)
        // A NUL byte in a name or an event id is read as U+FFFD.
        #expect(imported.contains { $0[5] == "a\u{FFFD}b → Other" })
        #expect(imported.contains { $0[7] == "a\u{FFFD}b" })

        func b(_ text: String) -> [UInt8] { Array(text.utf8) }
        let lines = SQLBytes.line("gdelt", 1, b("A"), fields: [60: [0xE9]]) + SQLBytes.line("gdelt", 2, b("A") + [0xC3])
            + SQLBytes.line("gdelt", 3, b("A\u{0}")) + SQLBytes.line("gdelt", 4, b("A"), target: b("\u{0}"))
            + SQLBytes.line("gdelt", 5, b("A"), fields: [60: b("\u{0}")])
        try Data(lines).write(to: URL(fileURLWithPath: scratch.path("strict.tsv")))
        let strict = try Tool.run(["import", "gdelt", scratch.path("strict.tsv"), "--out", scratch.path("s.events.csv")])
        #expect(strict.status == 1)
        let name = scratch.path("strict.tsv")
        #expect(strict.stderr.contains("\(name):1: field 61 is not UTF-8 text"), "\(strict.stderr)")
        #expect(strict.stderr.contains("\(name):2: field 8 is not UTF-8 text"), "\(strict.stderr)")
        #expect(strict.stderr.contains("\(name):3: the source country holds a NUL byte"), "\(strict.stderr)")
        #expect(strict.stderr.contains("\(name):4: the target country holds a NUL byte"), "\(strict.stderr)")
        #expect(!strict.stderr.contains("\(name):5:"), "\(strict.stderr)")
        #expect(!FileManager.default.fileExists(atPath: scratch.path("s.events.csv")))
        // A binary file still says so, on each line it stops at.
        let binary = try scratch.file("b.tsv", "\u{1F}\u{8B}\u{8}\u{0}\u{0}\u{0}\n")
        let gzip = try Tool.run(["import", "gdelt", binary, "--out", scratch.path("b.events.csv")])
        #expect(gzip.status == 1)
        #expect(gzip.stderr.contains("\(binary):1: NUL byte: this looks like a binary file, not text; expected 58"), "\(gzip.stderr)")
    }
}
