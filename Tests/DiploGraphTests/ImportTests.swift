import Foundation
import Testing
@testable import DiploGraph
import DiploGraphIO
@testable import DiploGraphReading

@Suite struct ImportTests {
    static func fixture(_ name: String) -> String {
        Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures")!.path
    }

    func events(_ source: EventSource, _ file: String, mapping: CAMEOMapping = .standard, skipsBadRows: Bool = false) throws -> ([ImportedEvent], ImportSummary) {
        var events: [ImportedEvent] = []
        do {
            let summary = try EventImporter.read(source, path: file, mapping: mapping, skipsBadRows: skipsBadRows) { events.append($0) }
            return (events, summary)
        } catch {
            // The member of the family that was thrown, for the tests to match by type.
            throw error.base
        }
    }

    @Test func icewsFixture() throws {
        let (imported, summary) = try events(.icews, Self.fixture("icews-sample.tab"))
        #expect(imported.map { "\($0.date) \($0.source)>\($0.target) \($0.kind) \($0.cameo)" } == [
            "2017-08-08 United States>North Korea pressure 138",
            "2018-04-27 South Korea>North Korea summit 043",
            "2018-06-12 United States>North Korea summit 044",
            "2018-06-12 North Korea>United States summit 057",
            "2018-09-18 South Korea>North Korea mediation 045",
            "2018-03-08 South Korea>United States summit 036",
            "2019-04-11 United States>North Korea pressure 163",
            "2019-02-28 North Korea>United States mediation 046",
            "2020-01-01 North Korea>United States pressure 1246",
        ])
        #expect(imported[0].eventID == "26001")
        #expect(imported[0].note == "Threaten with military force: Donald Trump → North Korea")
        #expect(summary == ImportSummary(rows: 12, imported: 9, withoutBothCountries: 1, domestic: 1, unmapped: 1, badRows: 0))
    }

    @Test func gdeltOneAndTwoGiveTheSameEvents() throws {
        let (one, summary) = try events(.gdelt, Self.fixture("gdelt1-sample.tsv"))
        let (two, _) = try events(.gdelt, Self.fixture("gdelt2-sample.tsv"))
        #expect(one == two)
        #expect(one.map { "\($0.date) \($0.source)>\($0.target) \($0.kind) \($0.cameo)" } == [
            "2018-06-12 USA>PRK summit 044",
            "2018-06-12 PRK>USA summit 057",
            "2018-04-27 KOR>PRK summit 0431",
            "2017-08-08 USA>PRK pressure 138",
            "2019-04-11 USA>PRK pressure 1631",
        ])
        #expect(summary.description == "imported 5 of 8 events; skipped 1 without both countries, 1 domestic, 1 with unmapped CAMEO codes")
    }

    @Test func longestPrefixWins() {
        let mapping = try! CAMEOMapping(rows: [("17", "pressure"), ("173", "mediation"), ("0", "summit")])
        #expect(mapping.kind(for: "1731") == "mediation")
        #expect(mapping.kind(for: "172") == "pressure")
        #expect(mapping.kind(for: "042") == "summit")
        #expect(mapping.kind(for: "19") == nil)
        #expect(CAMEOMapping.standard.kind(for: "0431") == "summit")
        #expect(CAMEOMapping.standard.kind(for: "043") == "summit")
        #expect(CAMEOMapping.standard.kind(for: "43") == nil)  // leading zeros matter
        #expect(CAMEOMapping.standard.kind(for: "1246") == "pressure")
    }

    @Test func mappingFileProblems() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("map-\(UUID().uuidString).csv").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try "cameo,kind\n04x,summit\n042,hug\n042,summit\n042,pressure\n".write(toFile: path, atomically: true, encoding: .utf8)
        do {
            _ = try CAMEOMapping.read(path: path, kinds: KindTable())
            Issue.record("expected problems")
        } catch {
            #expect(error.problems.map(\.description) == [
                "\(path):2: invalid CAMEO code '04x' (expected 1 to 6 digits, such as 042)",
                "\(path):3: unknown kind 'hug' (known kinds: mediation, summit, pressure; declare others in a kinds file)",
                "\(path):5: CAMEO code '042' mapped twice (first on line 4)",
            ])
        }
    }

    @Test func badRowsFailOrAreCounted() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID().uuidString).tsv").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let good = try String(contentsOfFile: Self.fixture("gdelt1-sample.tsv"), encoding: .utf8).split(separator: "\n")
        var lines = good.map(String.init)
        lines.insert("short\trow", at: 2)
        lines.insert(lines[0].replacingOccurrences(of: "\t20180612\t", with: "\t20181340\t"), at: 4)
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        do {
            _ = try events(.gdelt, path)
            Issue.record("expected problems")
        } catch let problems as InputProblems {
            #expect(problems.problems.map(\.description) == [
                "\(path):3: expected 58 (GDELT 1.0) or 61 (GDELT 2.0) tab-separated fields, found 2",
                "\(path):5: invalid date '20181340' (expected YYYYMMDD)",
            ])
        }
        let (imported, summary) = try events(.gdelt, path, skipsBadRows: true)
        #expect(imported.count == 5)
        #expect(summary.badRows == 2)
        #expect(summary.description.hasSuffix(", 2 bad rows"))
    }

    @Test func icewsWithoutItsHeaderIsAnError() throws {
        #expect(throws: InputProblems.self) { _ = try events(.icews, Self.fixture("gdelt1-sample.tsv")) }
    }
}

/// Country names with whitespace around them are trimmed, and whitespace-only ones skipped;
/// both are counted.
@Suite struct ImportWhitespaceTests {
    @Test func blankAndPaddedCountries() throws {
        let header = "Event ID\tEvent Date\tSource Name\tSource Country\tEvent Text\tCAMEO Code\tTarget Name\tTarget Country\n"
        let rows = [
            "1\t2018-01-02\tA\t South Korea \tMeet\t036\tB\tNorth Korea\n",
            "2\t2018-01-02\tA\t   \tMeet\t036\tB\tNorth Korea\n",
            "3\t2018-01-02\tA\tJapan\tMeet\t036\tB\t\n",
        ]
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("icews-\(UUID().uuidString).tsv").path
        try (header + rows.joined()).write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var events: [ImportedEvent] = []
        let summary = try EventImporter.read(.icews, path: path, mapping: .standard, skipsBadRows: true) { events.append($0) }
        #expect(events.map(\.source) == ["South Korea"])
        #expect(summary.withoutBothCountries == 2 && summary.badRows == 0)
        #expect(summary.blankCountries == 1)
        #expect(summary.trimmedCountries == 1)
        #expect(summary.description.contains("1 of the rows without both countries had a country of only spaces"))
        #expect(summary.description.contains("removed the spaces around 1 country name"))
    }
}
