import Foundation
import Testing
@testable import DiploGraph
import DiploGraphIO
@testable import DiploGraphReading

@Suite struct DatasetReaderTests {
    func read(_ text: String, actors: ActorTable? = nil, kinds: KindTable = KindTable()) throws(InputProblems) -> EventLog {
        try DatasetReader.readEvents(bytes: Array(text.utf8), name: "e.csv", actors: actors, kinds: kinds)
    }

    func problems(_ text: String, actors: ActorTable? = nil) -> [String] {
        do {
            _ = try read(text, actors: actors)
            return []
        } catch {
            return error.problems.map(\.description)
        }
    }

    @Test func goodRows() throws {
        let log = try read("""
        note,date,source,target,kind,weight,extra
        "Trump, Kim meet",2018-06-12,trump,kim,summit,2,x
        ,2018-06,kim,trump,summit,,y
        pressure,2019,trump,kim,pressure,0.5,z
        """)
        #expect(log.events.count == 3)
        #expect(log.actors.actors.map(\.id) == ["trump", "kim"])
        #expect(try log.events[0].date == EventDate(year: 2018, month: 6, day: 12))
        #expect(log.events[0].weight == 2)
        #expect(log.events[1].weight == 1)
        #expect(log.events[1].date.precision == .month)
        #expect(log.events[2].weight == 0.5)
        #expect(log.notes[0] == "Trump, Kim meet")
        #expect(log.events.map(\.line) == [2, 3, 4])
        #expect(log.actors.actors[0].group == "trump")
    }

    @Test func everyBadRowIsReportedWithItsLine() {
        let found = problems("""
        date,source,target,kind,weight
        2018-13-40,a,b,summit,1
        2018-02-30,a,b,summit,1
        2018,a,a,summit,1
        2018,a,b,hug,1
        2018,a,b,summit,-1
        2018,a,b,summit,0
        2018,a,b,summit,NaN
        2018,a,b,summit,heavy
        2018,,b,summit,1
        2018,a,b,summit
        2018,a,b,summit,inf
        """)
        #expect(found == [
            "e.csv:2: invalid date '2018-13-40' (expected YYYY-MM-DD, YYYY-MM or YYYY, a real calendar date)",
            "e.csv:3: invalid date '2018-02-30' (expected YYYY-MM-DD, YYYY-MM or YYYY, a real calendar date)",
            "e.csv:4: self-loop: source and target are both 'a'",
            "e.csv:5: unknown kind 'hug' (known kinds: mediation, summit, pressure; declare others in a kinds file)",
            "e.csv:6: invalid weight '-1' (expected a positive number)",
            "e.csv:7: invalid weight '0' (expected a positive number)",
            "e.csv:8: invalid weight 'NaN' (expected a positive number)",
            "e.csv:9: invalid weight 'heavy' (expected a positive number)",
            "e.csv:10: empty source actor id",
            "e.csv:11: expected 5 fields as in the header, found 4",
            "e.csv:12: invalid weight 'inf' (expected a positive number)",
        ])
    }

    @Test func missingColumnsEmptyFileAndBinary() {
        #expect(problems("date,source,kind\n2018,a,summit\n") == [
            "e.csv:1: missing required column 'target' (expected a header with date,source,target,kind (weight, note and about optional))",
        ])
        #expect(problems("") == ["e.csv: empty file: expected a header row with date,source,target,kind (weight, note and about optional)"])
        #expect(problems("date,source,target,kind\n2018,a,b,\u{0}\n") == ["e.csv:2: NUL byte: this looks like a binary file, not text"])
        #expect(problems("date,source,target,kind\n2018,\"a,b,summit\n") == ["e.csv:2: unclosed quote: the field opened here never ends"])
    }

    @Test func notUTF8() throws {
        var bytes = Array("date,source,target,kind\n2018,".utf8)
        bytes += [0xC3, 0x28]
        bytes += Array(",b,summit\n".utf8)
        #expect(throws: InputProblems.self) { try DatasetReader.readEvents(bytes: bytes, name: "e.csv") }
        do { _ = try DatasetReader.readEvents(bytes: bytes, name: "e.csv") } catch {
            #expect(error.problems.first?.description == "e.csv:2: not UTF-8 text in column 'source' (convert the file to UTF-8)")
        }
    }

    @Test func unknownActorsAreListed() throws {
        let actors = try DatasetReader.readActors(bytes: Array("id,label,group\na,A,G1\n".utf8), name: "a.csv")
        #expect(problems("date,source,target,kind\n2018,a,x,summit\n2018,y,x,summit\n", actors: actors) == [
            "e.csv:2: unknown actor 'x' (not in the actors file)",
            "e.csv:3: unknown actor 'y' (not in the actors file)",
            "e.csv:3: unknown actor 'x' (not in the actors file)",
            "e.csv: 2 unknown actor id(s), not in the actors file: x, y",
        ])
    }

    @Test func problemsStopAtTheLimit() {
        let text = "date,source,target,kind\n" + String(repeating: "bad,a,b,summit\n", count: 200)
        do {
            _ = try read(text)
            Issue.record("expected problems")
        } catch {
            #expect(error.problems.count == InputProblems.limit)
            #expect(error.isTruncated)
        }
    }

    @Test func actorsFileProblems() {
        func problems(_ text: String) -> [String] {
            do { _ = try DatasetReader.readActors(bytes: Array(text.utf8), name: "a.csv"); return [] } catch { return error.problems.map(\.description) }
        }
        #expect(problems("id,label\na,A\n") == ["a.csv:1: missing required column 'group' (expected a header id,label,group)"])
        #expect(problems("id,label,group\na,A,G\na,B,G\n,C,G\nb,B,\n") == [
            "a.csv:3: duplicate actor id 'a' (first defined on line 2)",
            "a.csv:4: empty actor id",
            "a.csv:5: empty group for actor 'b'",
        ])
        #expect(problems("id,label,group\n") == ["a.csv: no actors: the file has a header but no rows"])
    }

    @Test func kindsFile() throws {
        let kinds = try DatasetReader.readKinds(bytes: Array("id,polarity,label,color,style\nsanction,-1,Sanctions,#AA0000,dotted\naid,+1,,,\n".utf8), name: "k.csv")
        #expect(kinds.knownIDs == "mediation, summit, pressure, sanction, aid")
        #expect(kinds[kinds.index(of: "sanction")!].color == "#aa0000")
        #expect(kinds[kinds.index(of: "aid")!].label == "aid")
        func problems(_ text: String) -> [String] {
            do { _ = try DatasetReader.readKinds(bytes: Array(text.utf8), name: "k.csv"); return [] } catch { return error.problems.map(\.description) }
        }
        #expect(problems("id,polarity,label,color,style\nx,2,X,,\ny,1,Y,red;,\nz,1,Z,,wavy\n") == [
            "k.csv:2: invalid polarity '2' for kind 'x' (expected +1, -1 or 0)",
            "k.csv:3: invalid color 'red;' for kind 'y' (expected #rrggbb)",
            "k.csv:4: invalid style 'wavy' for kind 'z' (expected one of solid, dashed, dotted, bold, double)",
        ])
    }

    @Test func dates() {
        #expect(EventDate("2020-02-29") != nil)
        #expect(EventDate("2019-02-29") == nil)
        #expect(EventDate("1900-02-29") == nil)
        #expect(EventDate("2018-13") == nil)
        #expect(EventDate("2018-1-02") == nil)
        #expect(EventDate("18") == nil)
        #expect(EventDate("2018-06-12")?.description == "2018-06-12")
        #expect(EventDate("2018")! < EventDate("2018-01")!)
    }

    @Test func numbers() {
        func parse(_ text: String) -> Double? { Array(text.utf8).withUnsafeBufferPointer { DatasetReader.parseDouble($0) } }
        #expect(parse("12") == 12)
        #expect(parse("0.1") == 0.1)
        #expect(parse("2.675") == 2.675)
        #expect(parse("1e-3") == 0.001)
        #expect(parse("1.5E2") == 150)
        #expect(parse("0x10") == nil)
        #expect(parse("nan") == nil)
        #expect(parse(" 1") == nil)
        for _ in 0..<2000 {
            let value = Double.random(in: 0.001...1e6)
            let text = String(format: "%.6f", value)
            #expect(parse(text) == Double(text), "\(text)")
        }
    }
}

/// Ids are compared in NFC everywhere, and whitespace around an id is an error naming its line.
@Suite struct IdentifierNormalisationTests {
    static let nfc = "Jos\u{E9}"          // é precomposed
    static let nfd = "Jose\u{301}"        // e + combining acute

    @Test func nfcAndNFDAreOneActorWithAndWithoutAnActorsFile() throws {
        let events = "date,source,target,kind,about\n2018,\(Self.nfd),b,summit,\n2018,b,\(Self.nfc),pressure,\n2018,m,b,mediation,\(Self.nfd)|b\n"
        let alone = try DatasetReader.readEvents(bytes: Array(events.utf8), name: "e.csv")
        #expect(alone.actors.count == 3)
        #expect(Array(alone.actors.actors[0].id.utf8) == Array(Self.nfc.utf8), "stored in NFC")
        let actors = try DatasetReader.readActors(bytes: Array("id,label,group\n\(Self.nfc),J,X\nb,B,Y\nm,M,Z\n".utf8), name: "a.csv")
        let declared = try DatasetReader.readEvents(bytes: Array(events.utf8), name: "e.csv", actors: actors)
        #expect(declared.events.map(\.source.position) == [0, 1, 2])
        // An actors file in NFD, events in NFC.
        let nfdActors = try DatasetReader.readActors(bytes: Array("id,label,group\n\(Self.nfd),J,X\nb,B,Y\nm,M,Z\n".utf8), name: "a.csv")
        #expect(Array(nfdActors.actors[0].id.utf8) == Array(Self.nfc.utf8))
        #expect(try DatasetReader.readEvents(bytes: Array(events.utf8), name: "e.csv", actors: nfdActors).events.count == 3)
    }

    @Test func whitespaceAroundIdsIsAnErrorNamingTheLine() {
        let events = "date,source,target,kind,about\n2018,c,b,summit,\n2018,c ,b,summit,\n2018, b,c,summit,\n2018,m,b,mediation,c |b\n2018,\u{A0}c,b,summit,\n"
        #expect(throws: InputProblems.self) { try DatasetReader.readEvents(bytes: Array(events.utf8), name: "e.csv") }
        do {
            _ = try DatasetReader.readEvents(bytes: Array(events.utf8), name: "e.csv")
        } catch {
            #expect(error.problems.map(\.description) == [
                "e.csv:3: source actor id 'c ' starts or ends with whitespace (remove it: ids are compared exactly)",
                "e.csv:4: source actor id ' b' starts or ends with whitespace (remove it: ids are compared exactly)",
                "e.csv:5: actor id in about 'c ' starts or ends with whitespace (remove it: ids are compared exactly)",
                "e.csv:6: source actor id '\u{A0}c' starts or ends with whitespace (remove it: ids are compared exactly)",
            ])
        }
        do {
            _ = try DatasetReader.readActors(bytes: Array("id,label,group\nc ,C,G\nd,D, G\n".utf8), name: "a.csv")
            Issue.record("accepted")
        } catch {
            #expect(error.problems.map(\.description) == [
                "a.csv:2: actor id 'c ' starts or ends with whitespace (remove it: ids are compared exactly)",
                "a.csv:3: group of actor 'd' ' G' starts or ends with whitespace (remove it: ids are compared exactly)",
            ])
        }
    }
}
