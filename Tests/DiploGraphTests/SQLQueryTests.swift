import DiploGraph
import DiploGraphIO
import Testing

/// The query text; running it on DuckDB and Spark against `import` is in
/// Tests/DiploGraphCLITests/SQLTests.swift.
@Suite struct SQLQueryTests {
    @Test func fromIsReadAsFilesParquetOrTable() {
        let cases: [(String, SQLInput)] = [
            ("gdelt/*.export.CSV", .delimitedFiles("gdelt/*.export.CSV")),
            ("events.2018.tab", .delimitedFiles("events.2018.tab")),
            ("20180612.export.csv", .delimitedFiles("20180612.export.csv")),
            ("/data/gdelt", .delimitedFiles("/data/gdelt")),
            ("events.parquet", .parquet("events.parquet")),
            ("s3a://bucket/gdelt/", .parquet("s3a://bucket/gdelt/")),
            ("data/*.PARQUET", .parquet("data/*.PARQUET")),
            ("gdelt_events", .table("gdelt_events")),
            ("gdelt-bq.gdeltv2.events", .table("gdelt-bq.gdeltv2.events")),
        ]
        for (text, input) in cases { #expect(SQLInput(text) == input, "\(text)") }
        #expect(SQLInput.standard(for: .gdelt, dialect: .bigquery) == .table("gdelt-bq.gdeltv2.events"))
        #expect(SQLInput.standard(for: .icews, dialect: .bigquery) == nil)
        #expect(SQLInput.standard(for: .gdelt, dialect: .duckdb) == .delimitedFiles("*.export.CSV"))
        #expect(SQLInput.standard(for: .icews, dialect: .spark) == .delimitedFiles("*.tab"))
    }

    @Test func bigQueryReadsTablesOnly() {
        #expect(throws: SQLQuery.Unsupported.self) { try SQLQuery(source: .icews, dialect: .bigquery).text() }
        #expect(throws: SQLQuery.Unsupported.self) { try SQLQuery(source: .gdelt, dialect: .bigquery, input: .parquet("a.parquet")).text() }
        #expect(throws: SQLQuery.Unsupported.self) { try SQLQuery(source: .gdelt, dialect: .bigquery, input: .delimitedFiles("a.tsv")).text() }
        #expect(throws: Never.self) { try SQLQuery(source: .icews, dialect: .bigquery, input: .table("p.d.icews")).text() }
    }

    /// Every mapping row is in the query once, in order with its position, whatever the
    /// mapping: the text is generated from it, never written per code.
    @Test func theMappingTableIsGeneratedFromTheMapping() throws {
        var generator = SeededGenerator(seed: 14)
        for _ in 0..<20 {
            var seen: Set<String> = []
            var rows: [(prefix: String, kind: String)] = []
            for _ in 0..<Int(generator.next() % 30) {
                let prefix = String((0..<Int(1 + generator.next() % 4)).map { _ in Character(String(generator.next() % 10)) })
                if seen.insert(prefix).inserted { rows.append((prefix, ["mediation", "summit", "pressure"][Int(generator.next() % 3)])) }
            }
            let mapping = try CAMEOMapping(rows: rows)
            for dialect in SQLDialect.allCases {
                let text = try SQLQuery(source: .gdelt, dialect: dialect, mapping: mapping, input: .table("t")).text()
                var searchFrom = text.startIndex
                for (position, row) in rows.enumerated() {
                    let entry = dialect == .bigquery
                        ? "STRUCT('\(row.prefix)' AS prefix, '\(row.kind)' AS kind, \(position + 1) AS position)"
                        : "('\(row.prefix)', '\(row.kind)', \(position + 1))"
                    let found = try #require(text.range(of: entry, range: searchFrom..<text.endIndex), "\(dialect): \(entry)")
                    searchFrom = found.upperBound
                }
                #expect(text.contains("ORDER BY LENGTH(mapping.prefix) DESC, mapping.position"))
                if rows.isEmpty { #expect(text.contains(dialect == .bigquery ? "ARRAY<STRUCT<prefix STRING, kind STRING, position INT64>>[]" : "WHERE 1 = 0")) }
            }
        }
    }

    /// Kinds come from user files: quotes, backslashes and line breaks stay inside the literal.
    @Test func literalsAreEscapedPerDialect() throws {
        let mapping = try CAMEOMapping(rows: [("042", "a'b\\c\nd")])
        let expected: [SQLDialect: String] = [
            .duckdb: "('042', 'a''b\\c\nd', 1)",
            .spark: "('042', 'a\\'b\\\\c\\nd', 1)",
            .bigquery: "'a\\'b\\\\c\\nd' AS kind",
        ]
        for (dialect, literal) in expected {
            let text = try SQLQuery(source: .icews, dialect: dialect, mapping: mapping, input: .table("t")).text()
            #expect(text.contains(literal), "\(dialect)")
        }
    }

    @Test func sliceDates() throws {
        let month = try SQLQuery(source: .gdelt, dialect: .duckdb, slice: .month).text()
        #expect(month.contains("CONCAT(SUBSTR(event_date, 1, 4), '-', SUBSTR(event_date, 5, 2)) AS slice_date"))
        let icews = try SQLQuery(source: .icews, dialect: .spark, slice: .month).text()
        #expect(icews.contains("CASE WHEN LENGTH(event_date) = 4 THEN event_date ELSE SUBSTR(event_date, 1, 7) END AS slice_date"))
        let year = try SQLQuery(source: .icews, dialect: .spark).text()
        #expect(year.contains("SUBSTR(event_date, 1, 4) AS slice_date"))
    }
}
