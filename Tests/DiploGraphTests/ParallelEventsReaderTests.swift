import Foundation
import Testing
@testable import DiploGraph
import DiploGraphIO
@testable import DiploGraphReading

/// The parallel events reader against the serial one: the same log for files the serial
/// reader accepts, however the file is cut into blocks and parts, and the serial reader's
/// problems (same lines, same order, same limit) for every other file.
@Suite struct ParallelEventsReaderTests {
    /// A seeded events file: quoted notes with commas, doubled quotes and line breaks (LF,
    /// CRLF, CR), CRLF or LF line ends, blank lines, a byte order mark, empty weights,
    /// relays with `about`, non-ASCII notes, extra columns.
    static func randomFile(seed: UInt64, rows: Int) -> String {
        var rng = SeededGenerator(seed: seed)
        let lineEnd = Bool.random(using: &rng) ? "\r\n" : "\n"
        let hasAbout = Bool.random(using: &rng)
        let actors = (0..<Int.random(in: 3...40, using: &rng)).map { "actor-\($0)" } + ["Moon Jae-in", "U.S."]
        var text = Bool.random(using: &rng) ? "\u{FEFF}" : ""
        text += "date,source,target,kind,weight,note,extra" + (hasAbout ? ",about" : "") + lineEnd
        let notes = ["", "", "", "plain", "\"with, comma\"", "\"doubled \"\"quote\"\"\"", "\"two\nlines\"", "\"crlf\r\ninside\"",
                     "\"lone\rcr\"", "\"ünïcødé, ✓\"", "\"\"", "\"\n\n\"", "\"ends with newline\n\""]
        for _ in 0..<rows {
            if Int.random(in: 0..<20, using: &rng) == 0 { text += lineEnd }
            let year = Int.random(in: 2000...2005, using: &rng)
            let date = [String(year), "\(year)-0\(Int.random(in: 1...9, using: &rng))",
                        "\(year)-1\(Int.random(in: 0...2, using: &rng))-1\(Int.random(in: 0...9, using: &rng))"].randomElement(using: &rng)!
            let source = actors.randomElement(using: &rng)!
            var target = actors.randomElement(using: &rng)!
            while target == source { target = actors.randomElement(using: &rng)! }
            var kind = ["summit", "pressure", "mediation"].randomElement(using: &rng)!
            var about = ""
            if hasAbout && kind == "mediation" {
                // A relay: the target on one side, the source on neither.
                var other = actors.randomElement(using: &rng)!
                while other == source || other == target { other = actors.randomElement(using: &rng)! }
                about = Bool.random(using: &rng) ? "\(target)|\(other)" : "\(other)|\(target)"
            } else if kind == "mediation" {
                kind = "summit"
            }
            let weight = ["", "1", "2.5", "0.25", "3"].randomElement(using: &rng)!
            let note = notes.randomElement(using: &rng)!
            text += "\(date),\(source),\(target),\(kind),\(weight),\(note),x" + (hasAbout ? ",\(about)" : "") + lineEnd
        }
        if Bool.random(using: &rng) { text.removeLast(lineEnd.count) }
        return text
    }

    /// The serial reader's log, or its problems as printed.
    static func serial(_ bytes: [UInt8]) -> Result<EventLog, InputProblems> {
        Result { () throws(InputProblems) in try DatasetReader.readEventsSerially(bytes: bytes, name: "e.csv") }
    }

    static func expectSame(_ a: EventLog, _ b: EventLog, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(a.events == b.events, "\(what): events", sourceLocation: sourceLocation)
        #expect(a.notes == b.notes, "\(what): notes", sourceLocation: sourceLocation)
        #expect(a.actors.actors == b.actors.actors, "\(what): actors", sourceLocation: sourceLocation)
        #expect(a.file == b.file, sourceLocation: sourceLocation)
    }

    @Test func wellFormedFilesGiveTheSerialLogHoweverTheyAreCut() throws {
        for seed in 0..<60 {
            let bytes = Array(Self.randomFile(seed: UInt64(seed), rows: 200).utf8)
            let expected = try Self.serial(bytes).get()
            for (parts, block) in [(1, 1 << 20), (2, 1 << 20), (3, 97), (2, 512), (4, 2048), (7, 4096)] {
                let log = try #require(ParallelEventsReader.read(bytes: bytes, name: "e.csv", actors: nil, kinds: KindTable(),
                                                                 partCount: parts, blockSize: block),
                                       "seed \(seed): \(parts) parts, blocks of \(block) gave up")
                Self.expectSame(log, expected, "seed \(seed), \(parts) parts, blocks of \(block)")
            }
        }
    }

    @Test func withAnActorsFile() throws {
        var actors = ActorTable(isDeclared: true)
        for id in (0..<40).map({ "actor-\($0)" }) + ["Moon Jae-in", "U.S."] {
            try actors.declare(Actor(id: id, label: id.uppercased(), group: id.hasPrefix("actor-1") ? "one" : "other"))
        }
        for seed in 100..<120 {
            let bytes = Array(Self.randomFile(seed: UInt64(seed), rows: 150).utf8)
            let expected = try DatasetReader.readEventsSerially(bytes: bytes, name: "e.csv", actors: actors)
            let log = try #require(ParallelEventsReader.read(bytes: bytes, name: "e.csv", actors: actors, kinds: KindTable(),
                                                             partCount: 3, blockSize: 300))
            Self.expectSame(log, expected, "seed \(seed)")
        }
    }

    /// A quoted note with line breaks across every possible cut of a small file.
    @Test func quotedLineBreaksAcrossBlockEnds() throws {
        let text = "date,source,target,kind,note\r\n2018,a,b,summit,\"one\r\ntwo\nthree\rfour\"\r\n2019,b,c,summit,\"x\n\ny\"\n2020,c,a,summit,plain\n"
        let bytes = Array(text.utf8)
        let expected = try Self.serial(bytes).get()
        #expect(expected.events.map(\.line) == [2, 6, 9])
        for block in 1...bytes.count {
            for parts in 1...3 {
                let log = try #require(ParallelEventsReader.read(bytes: bytes, name: "e.csv", actors: nil, kinds: KindTable(),
                                                                 partCount: parts, blockSize: block))
                Self.expectSame(log, expected, "blocks of \(block), \(parts) parts")
            }
        }
    }

    /// Bad files: the public reader reports exactly what the serial reader reports.
    @Test func problemsAreTheSerialReadersWithTheirLines() {
        let damage: [(String, String)] = [
            ("2018,a,b,summit,1,,x", "2018-13-01,a,b,summit,1,,x"),        // bad date
            ("2018,a,b,summit,1,,x", "2018,a,b,sumit,1,,x"),               // unknown kind
            ("2018,a,b,summit,1,,x", "2018,a,a,summit,1,,x"),              // self-loop
            ("2018,a,b,summit,1,,x", "2018,a,b,summit,-1,,x"),             // bad weight
            ("2018,a,b,summit,1,,x", "2018,a,b,summit,1,,x,extra"),        // field count
            ("2018,a,b,summit,1,,x", "2018,a,b,summit,1,\"open,x"),        // unclosed quote
            ("2018,a,b,summit,1,,x", "2018,a,b,summit,1,a\"b,x"),          // quote inside a field
            ("2018,a,b,summit,1,,x", "2018,a,b,summit,1,\"a\"b,x"),        // text after a closing quote
            ("2018,a,b,summit,1,,x", "2018,a,\u{0}b,summit,1,,x"),         // NUL
            ("2018,a,b,summit,1,,x", "2018,,b,summit,1,,x"),               // empty id
        ]
        for seed in 0..<30 {
            var rng = SeededGenerator(seed: UInt64(900 + seed))
            var lines = ["date,source,target,kind,weight,note,extra"]
            for row in 0..<120 {
                lines.append(row % 7 == 3 ? "2018,a,b,summit,1,\"multi\r\nline\",x" : "2018,a,b,summit,1,,x")
            }
            // Damage a few rows, or many (past the problem limit).
            let count = seed % 5 == 0 ? 80 : Int.random(in: 1...4, using: &rng)
            for _ in 0..<count {
                let row = Int.random(in: 1..<lines.count, using: &rng)
                if lines[row].contains("multi") { continue }
                lines[row] = damage.randomElement(using: &rng)!.1
            }
            let text = lines.joined(separator: seed % 2 == 0 ? "\n" : "\r\n")
            let bytes = Array(text.utf8)
            let expected: [String]
            switch Self.serial(bytes) {
            case .success: expected = []
            case let .failure(problems): expected = problems.description.split(separator: "\n").map(String.init)
            }
            #expect(!expected.isEmpty, "seed \(seed): damage went unnoticed")
            for (parts, block) in [(2, 64), (3, 1 << 20), (4, 333)] {
                #expect(ParallelEventsReader.read(bytes: bytes, name: "e.csv", actors: nil, kinds: KindTable(),
                                                  partCount: parts, blockSize: block) == nil, "seed \(seed)")
            }
            var actual: [String] = []
            do { _ = try DatasetReader.readEvents(bytes: bytes, name: "e.csv") } catch {
                actual = error.description.split(separator: "\n").map(String.init)
            }
            #expect(actual == expected, "seed \(seed)")
        }
    }

    /// Ids the fast path leaves alone (spaces at the ends, non-ASCII) go the serial way.
    @Test func unusualIDsGoTheSerialWay() throws {
        for id in [" a", "a ", "ünï", "a\u{7F}"] {
            let bytes = Array("date,source,target,kind\n2018,\(id),b,summit\n".utf8)
            #expect(ParallelEventsReader.read(bytes: bytes, name: "e.csv", actors: nil, kinds: KindTable()) == nil)
            switch Self.serial(bytes) {
            case let .success(expected): Self.expectSame(try DatasetReader.readEvents(bytes: bytes, name: "e.csv"), expected, id)
            case let .failure(problems):
                #expect(throws: InputProblems.self) { try DatasetReader.readEvents(bytes: bytes, name: "e.csv") }
                _ = problems
            }
        }
    }

    /// The file path: blocks read from disk, a record cut by a block end carried over.
    @Test func readsFilesInBlocks() throws {
        let text = Self.randomFile(seed: 42, rows: 3000)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("parallel-\(UUID().uuidString).events.csv").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let expected = try Self.serial(Array(text.utf8)).get()
        for (parts, block) in [(2, 1000), (3, 4096), (2, 1 << 20)] {
            let log = try #require(ParallelEventsReader.read(path: path, actors: nil, kinds: KindTable(), partCount: parts, blockSize: block))
            Self.expectSame(log, EventLog.renamed(expected, path), "\(parts) parts, blocks of \(block)")
        }
        Self.expectSame(try DatasetReader.readEvents(path: path), EventLog.renamed(expected, path), "readEvents(path:)")
    }
}

extension EventLog {
    static func renamed(_ log: EventLog, _ file: String) -> EventLog {
        var copy = log
        copy.file = file
        return copy
    }
}
