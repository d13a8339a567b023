import Foundation
import Testing

/// `import plover|polecat`, end to end with the built `diplograph`, on fixtures written for the
/// tests (Tests/DiploGraphTests/Fixtures/plover-*.json*, polecat-*; the POLECAT ones by
/// Scripts/reference/make-polecat-fixtures.py).
@Suite struct PloverImportTests {
    static let fixtures = Tool.root.appendingPathComponent("Tests/DiploGraphTests/Fixtures").path
    static let sample = fixtures + "/plover-sample.json"

    static func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    /// The events file's rows as `source>target:kind` (and `@about` when there is one), in file order.
    static func edges(_ path: String) throws -> [String] {
        parseCSV(try read(path)).dropFirst().map { $0[1] + ">" + $0[2] + ":" + $0[3] + ($0[6].isEmpty ? "" : "@" + $0[6]) }
    }

    @Test func everyRecordOfTheSampleIsAccountedFor() throws {
        let scratch = try Scratch()
        let out = scratch.path("k.events.csv")
        let result = try Tool.run(["import", "plover", Self.sample, "--out", out])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr == "\(Self.sample): imported 10 of 14 records as 14 events; skipped 1 without both sides, 1 domestic, "
                + "1 with unmapped event types, 1 documentation records; 2 events are mediation relays\n")
        #expect(try Self.edges(out) == [
            "USA>PRK:summit",                                      // P1 CONSULT visit
            "USA>PRK:pressure", "KOR>PRK:pressure",                // P2 two actors × one recipient
            "JOR>GBR:cooperation", "JOR>USA:cooperation", "GBR>USA:cooperation",  // P3 joint act, GBR listed twice
            "USA>KOR:pressure",                                    // P5: KOR>KOR is domestic
            "SGP>USA:mediation@USA|PRK", "SGP>PRK:mediation@USA|PRK",  // P7 relay
            "USA>PRK:summit",                                      // P8 third-party without a host: no relay
            "USA>PRK:summit",                                      // P10, the same meeting again
            "CHN>USA:talks",                                       // 11: actor/recipient, lists, a number id
            "RUS>UKR:pressure",                                    // P12 FIGHT, the former name of ASSAULT
            "FRA>DEU:cooperation",                                 // P13
        ])
        let rows = parseCSV(try Self.read(out))
        #expect(rows[0] == ["date", "source", "target", "kind", "weight", "note", "about", "event", "mode", "context", "event_id", "count"])
        #expect(rows[2][5] == "warned of \"fire and fury\"")
        #expect(rows[4][0] == "2018" && rows[4][9] == "military;diplomatic")
        #expect(rows[12][10] == "11" && rows[12][8] == "phone")
        #expect(rows[14][5] == "soutien appuyé 😀, virgule")
        #expect(try Self.read(scratch.path("k.actors.csv")) == """
            id,label,group,sector
            USA,USA,USA,GOV
            PRK,PRK,PRK,GOV
            KOR,KOR,KOR,MIL;GOV
            JOR,JOR,JOR,
            GBR,GBR,GBR,
            SGP,SGP,SGP,GOV
            CHN,CHN,CHN,GOV
            RUS,RUS,RUS,MIL
            UKR,UKR,UKR,
            FRA,FRA,FRA,
            DEU,DEU,DEU,

            """)
        #expect(try Self.read(scratch.path("k.kinds.csv")) == "id,polarity,label,imported_from\ntalks,0,talks,plover\ncooperation,+1,cooperation,plover\n")
    }

    @Test func theImportReadsBackThroughCentralityAndReport() throws {
        let scratch = try Scratch()
        let out = scratch.path("k.events.csv")
        #expect(try Tool.run(["import", "plover", Self.sample, "--out", out]).status == 0)
        let dataset = ["--actors", scratch.path("k.actors.csv"), "--kinds-file", scratch.path("k.kinds.csv")]
        let analysis = try Tool.run(["centrality", out] + dataset + ["--measures", "degree,mediation", "--format", "csv", "--slice", "all"])
        #expect(analysis.status == 0, "\(analysis.stderr)")
        let rows = parseCSV(analysis.stdout)
        #expect(rows.first == ["slice", "actor", "degree", "mediation"])
        // SGP relays between USA and PRK once (one relationship), the others mediate nothing.
        #expect(rows.first(where: { $0[1] == "SGP" })?[3] == "1")
        #expect(rows.first(where: { $0[1] == "USA" })?[3] == "0")
        let report = try Tool.run(["report", out] + dataset + ["--out", scratch.path("report"), "--slice", "year"])
        #expect(report.status == 0, "\(report.stderr)")
        #expect(FileManager.default.fileExists(atPath: scratch.path("report/report.html")))
        #expect(try Self.read(scratch.path("report/centrality.csv")).contains("2018,SGP,"))
    }

    @Test func compoundRules() throws {
        let scratch = try Scratch()
        let first = try Tool.run(["import", "plover", Self.sample, "--out", scratch.path("f.events.csv"), "--compound", "first"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.contains("imported 10 of 14 records as 11 events;"))
        #expect(try Self.edges(scratch.path("f.events.csv")) == [
            "USA>PRK:summit", "USA>PRK:pressure", "JOR>GBR:cooperation", "USA>KOR:pressure",
            "SGP>USA:mediation@USA|PRK", "SGP>PRK:mediation@USA|PRK",  // a relay reads the whole lists
            "USA>PRK:summit", "USA>PRK:summit", "CHN>USA:talks", "RUS>UKR:pressure", "FRA>DEU:cooperation",
        ])
        let skip = try Tool.run(["import", "plover", Self.sample, "--out", scratch.path("s.events.csv"), "--compound", "skip"])
        #expect(skip.status == 0, "\(skip.stderr)")
        #expect(skip.stderr == "\(Self.sample): imported 5 of 14 records as 5 events; skipped 1 without both sides, 1 domestic, "
                + "1 with unmapped event types, 5 compound, 1 documentation records\n")
        #expect(try Self.edges(scratch.path("s.events.csv")) == ["USA>PRK:summit", "USA>PRK:summit", "CHN>USA:talks", "RUS>UKR:pressure", "FRA>DEU:cooperation"])
    }

    @Test func actorsByActorKeepsSectorsAndSkipsSameCountryPairs() throws {
        let scratch = try Scratch()
        let result = try Tool.run(["import", "plover", Self.sample, "--out", scratch.path("a.events.csv"), "--actors-by", "actor"])
        #expect(result.status == 0, "\(result.stderr)")
        // P4 (KOR/GOV accuses KOR/OPP) stays domestic: same country.
        #expect(result.stderr.contains("imported 10 of 14 records as 14 events; skipped 1 without both sides, 1 domestic,"))
        let edges = try Self.edges(scratch.path("a.events.csv"))
        #expect(edges.prefix(3) == ["USA/GOV>PRK/GOV:summit", "USA/GOV>PRK/GOV:pressure", "KOR/MIL>PRK/GOV:pressure"])
        #expect(edges.contains("SGP/GOV>USA/GOV:mediation@USA/GOV|PRK/GOV"))
        #expect(edges.contains("USA>KOR/GOV:pressure"))
        let actors = try Self.read(scratch.path("a.actors.csv"))
        #expect(actors.hasPrefix("id,label,group,sector\nUSA/GOV,USA/GOV,USA,GOV\nPRK/GOV,PRK/GOV,PRK,GOV\nKOR/MIL,KOR/MIL,KOR,MIL\n"))
        let analysis = try Tool.run(["centrality", scratch.path("a.events.csv"), "--actors", scratch.path("a.actors.csv"), "--kinds-file",
                                     scratch.path("a.kinds.csv"), "--by", "group", "--measures", "degree", "--format", "csv", "--slice", "all"])
        #expect(analysis.status == 0, "\(analysis.stderr)")
    }

    @Test func dedupeMergesRepeatedReports() throws {
        let scratch = try Scratch()
        let out = scratch.path("d.events.csv")
        let result = try Tool.run(["import", "plover", Self.sample, "--out", out, "--dedupe"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.hasSuffix("1 documentation records; merged 1 repeated reports; 2 events are mediation relays\n"))
        #expect(result.stderr.contains("as 13 events;"))
        let rows = parseCSV(try Self.read(out))
        // P1 and P10: same date, actors, event type and mode; P8 (another date) stays apart.
        #expect(rows[1][10] == "P1" && rows[1].last == "2")
        #expect(rows.dropFirst(2).allSatisfy { $0.last == "1" })
        #expect(rows.count == 1 + 13)
    }

    @Test func aMappingFileWithTheMostSpecificRowWinning() throws {
        let scratch = try Scratch()
        let mapping = try scratch.file("m.csv", """
            event,mode,context,kind
            CONSULT,,,summit
            consult,,diplomatic,talks
            CONSULT,visit,,pressure
            CONSULT,visit,diplomatic,mediation
            threaten,,military,pressure

            """)
        let result = try Tool.run(["import", "plover", Self.sample, "--out", scratch.path("m.events.csv"), "--mapping", mapping])
        #expect(result.status == 0, "\(result.stderr)")
        // P1 and P10: CONSULT visit diplomatic → mediation, but one actor and one recipient are no relay:
        // the next most specific row (visit) gives pressure. P7: third-party diplomatic → talks (no mediation row
        // matches, so no relay: actors × recipient); P8 talks; 11: summit. The other event types are not mapped.
        #expect(try Self.edges(scratch.path("m.events.csv")) == [
            "USA>PRK:pressure", "USA>PRK:pressure", "KOR>PRK:pressure", "USA>SGP:talks", "PRK>SGP:talks",
            "USA>PRK:talks", "USA>PRK:pressure", "CHN>USA:summit",
        ])
        #expect(try Self.read(scratch.path("m.kinds.csv")) == "id,polarity,label,imported_from\ntalks,0,talks,plover\n")
        let bad = try scratch.file("bad.csv", "event,mode,context,kind\nDANCE,,,summit\nAGREE,,,friendship\nAGREE,,,summit\nagree,,,pressure\n")
        let refused = try Tool.run(["import", "plover", Self.sample, "--out", scratch.path("x.events.csv"), "--mapping", bad])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("\(bad):2: unknown PLOVER event type 'DANCE'"))
        #expect(refused.stderr.contains("\(bad):3: unknown kind 'friendship'"))
        #expect(refused.stderr.contains("\(bad):5: 'agree,,' mapped twice (first on line 4)"))
        #expect(!FileManager.default.fileExists(atPath: scratch.path("x.events.csv")))
    }

    @Test func jsonLinesWithBadRecordsAreErrorsOrCounted() throws {
        let scratch = try Scratch()
        let file = Self.fixtures + "/plover-bad.jsonl"
        let out = scratch.path("b.events.csv")
        let failed = try Tool.run(["import", "plover", file, "--out", out])
        #expect(failed.status == 1)
        #expect(failed.stderr == """
            \(file):2: record without a date (id L2)
            \(file):4: 'source' must be a list of actors, found a string (id L3)
            \(file):5: unknown event type 'DANCE' in record L4 (PLOVER's are AGREE, CONSULT, SUPPORT, CONCEDE, COOPERATE, AID, RETREAT, REQUEST, ACCUSE, REJECT, THREATEN, PROTEST, SANCTION, MOBILIZE, COERCE, ASSAULT)
            \(file):6: invalid date '2019-02-30' (id L5) (expected YYYY-MM-DD)
            \(file):7: a record must be a JSON object, found a number
            \(file):8: the record does not end on its line (JSON Lines holds one record per line)

            """)
        for name in ["b.events.csv", "b.actors.csv", "b.kinds.csv"] { #expect(!FileManager.default.fileExists(atPath: scratch.path(name))) }
        let skipped = try Tool.run(["import", "plover", file, "--out", out, "--skip-bad-rows"])
        #expect(skipped.status == 0, "\(skipped.stderr)")
        #expect(skipped.stderr == "\(file): imported 2 of 8 records as 2 events; skipped 0 without both sides, 0 domestic, 0 with unmapped event types, 6 bad records\n")
        #expect(try Self.edges(out) == ["USA>PRK:summit", "USA>CHN:pressure"])
    }

    @Test func aSyntaxErrorInAJSONArrayStopsTheImportAndKeepsEarlierFiles() throws {
        let scratch = try Scratch()
        let out = scratch.path("k.events.csv")
        #expect(try Tool.run(["import", "plover", Self.sample, "--out", out]).status == 0)
        let before = try Self.read(out)
        let broken = try scratch.file("broken.json", """
            [
            {"id": "a", "date": "2019-01-01", "source": [{"code": "USA"}], "target": [{"code": "PRK"}], "event": "AGREE"},
            {"id": "b", "date": "2019-01-02", "source": [{"code": "USA"}] "target": [], "event": "AGREE"},
            {"id": "c", "date": "2019-01-03", "source": [{"code": "USA"}], "target": [{"code": "PRK"}], "event": "AGREE"},
            ]
            """)
        for flags in [[], ["--skip-bad-rows"]] {
            let result = try Tool.run(["import", "plover", broken, "--out", out] + flags)
            #expect(result.status == 1)
            #expect(result.stderr == "\(broken):3: expected ',' or '}' after the value of \"source\"\n")
            #expect(try Self.read(out) == before)
        }
        for (text, message) in [("[", "1: the list of records is not closed (no ']' at the end of the file)"),
                                ("[\n] x", "2: text after the end of the list of records"),
                                ("[{\"id\": \"\\x\"}]", "1: invalid escape '\\x' in a string"),
                                ("[" + String(repeating: "[", count: 100), "1: lists and objects nested more than 64 deep")] {
            let bad = try scratch.file("bad.json", text)
            let result = try Tool.run(["import", "plover", bad, "--out", scratch.path("n.events.csv")])
            #expect(result.status == 1)
            #expect(result.stderr == "\(bad):\(message)\n")
        }
        #expect(!FileManager.default.fileExists(atPath: scratch.path("n.events.csv")))
    }

    @Test func polecatMalformationsAreToleratedAndBadRowsNamed() throws {
        let scratch = try Scratch()
        let file = Self.fixtures + "/polecat-sample.txt"
        let out = scratch.path("p.events.csv")
        let failed = try Tool.run(["import", "polecat", file, "--out", out])
        #expect(failed.status == 1)
        #expect(failed.stderr == """
            \(file):8: row without a date
            \(file):9: unknown event type 'DANCE' (PLOVER's are AGREE, CONSULT, SUPPORT, CONCEDE, COOPERATE, AID, RETREAT, REQUEST, ACCUSE, REJECT, THREATEN, PROTEST, SANCTION, MOBILIZE, COERCE, ASSAULT)
            \(file):10: expected at least 19 tab-separated fields (as in the header), found 3
            \(file):11: field 42 is past the header's 40 columns and not empty

            """)
        #expect(!FileManager.default.fileExists(atPath: out))
        let result = try Tool.run(["import", "polecat", file, "--out", out, "--skip-bad-rows"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr == "\(file): imported 3 of 10 records as 4 events; skipped 1 without both sides, 1 domestic, 1 with unmapped event types, 4 bad records\n")
        let rows = parseCSV(try Self.read(out))
        #expect(try Self.edges(out) == ["USA>CHN:summit", "USA>RUS:pressure", "FRA>RUS:pressure", "CHN>TWN:pressure"])
        #expect(rows[4][5] == "China's 'Eastern Theater' command → Taiwan")
        #expect(rows[2][9] == "military;diplomatic")
        #expect(try Self.read(scratch.path("p.actors.csv")) == "id,label,group,sector\nUSA,USA,USA,GOV\nCHN,CHN,CHN,GOV;MIL\nFRA,FRA,FRA,MIL\nRUS,RUS,RUS,GOV\nTWN,TWN,TWN,\n")
    }

    @Test func polecatZipArchivesAndFolders() throws {
        let scratch = try Scratch()
        let zip = Self.fixtures + "/polecat-2023.zip"
        let result = try Tool.run(["import", "polecat", zip, "--out", scratch.path("z.events.csv")])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr == "\(zip): imported 3 of 3 records as 4 events; skipped 0 without both sides, 0 domestic, 0 with unmapped event types\n")
        // Members in name order (2023-Feb.txt, then 2023-Jan.txt); the folder, macOS metadata and the PDF are not data.
        #expect(try Self.edges(scratch.path("z.events.csv")) == ["USA>RUS:pressure", "FRA>RUS:pressure", "CHN>TWN:pressure", "USA>CHN:summit"])
        // A folder: its .txt and .zip files in name order.
        let folder = scratch.path("weekly")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: zip, toPath: folder + "/a-2023.zip")
        try FileManager.default.copyItem(atPath: Self.fixtures + "/polecat-sample.txt", toPath: folder + "/b-week.txt")
        try "not data\n".write(toFile: folder + "/notes.md", atomically: true, encoding: .utf8)
        let both = try Tool.run(["import", "polecat", folder, "--out", scratch.path("f.events.csv"), "--skip-bad-rows", "--dedupe"])
        #expect(both.status == 0, "\(both.stderr)")
        #expect(both.stderr == "\(folder): imported 6 of 13 records as 4 events; skipped 1 without both sides, 1 domestic, 1 with unmapped event types, 4 bad records; merged 4 repeated reports\n")
        #expect(parseCSV(try Self.read(scratch.path("f.events.csv"))).dropFirst().map { $0.last! } == ["2", "2", "2", "2"])
    }

    @Test func polecatArchivesAndFilesWithoutData() throws {
        let scratch = try Scratch()
        let out = scratch.path("n.events.csv")
        let empty = Self.fixtures + "/polecat-nodata.zip"
        for (input, message) in [
            (empty, "\(empty): the zip archive holds no data file (.txt or .tsv)"),
            (try scratch.file("fake.zip", "PK not really"), "\(scratch.path("fake.zip")): cannot be read as a zip archive"),
            (try scratch.file("empty.txt", ""), "\(scratch.path("empty.txt")): empty file: expected a POLECAT header row"),
            (try scratch.file("other.txt", "id\tdate\n1\t2020-01-01\n"),
             "\(scratch.path("other.txt")):1: not a POLECAT header: missing 'Event ID', 'Event Date', 'Event Type', 'Actor Country', 'Recipient Country'"),
        ] {
            let result = try Tool.run(["import", "polecat", input, "--out", out])
            #expect(result.status == 1)
            #expect(result.stderr == message + "\n")
            #expect(!FileManager.default.fileExists(atPath: out))
        }
        let folder = scratch.path("nothing")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let none = try Tool.run(["import", "polecat", folder, "--out", out])
        #expect(none.status == 1 && none.stderr == "\(folder): the folder holds no POLECAT file (.txt, .tsv or .zip)\n")
    }

    @Test func ploverOptionsAreRefusedForCAMEODatasets() throws {
        let scratch = try Scratch()
        let result = try Tool.run(["import", "icews", Self.fixtures + "/icews-sample.tab", "--out", scratch.path("i.events.csv"), "--dedupe"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("--compound, --actors-by and --dedupe are for plover and polecat only"))
    }
}
