import Foundation
import Testing

/// Every control character from the input (all of C0, line feed and tab included, DEL and C1)
/// reaches stderr and `--format table` escaped: one line per message and per row, whatever
/// the ids, kinds and file names hold, so that data can neither forge an error line nor add a
/// row to a table.
@Suite struct OneLinePerLineTests {
    /// Every C0 character but NUL (a file name cannot hold it; the reader refuses it in a
    /// file), DEL, and C1 neighbours (NEL, CSI).
    static let controls: [UInt32] = Array(1...31) + [0x7F, 0x85, 0x9B]

    /// How `Escape.terminal` shows `code`.
    static func escaped(_ code: UInt32) -> String { "\\u{" + String(code, radix: 16, uppercase: true) + "}" }

    /// The text's raw control characters, a line feed ending a line aside.
    static func rawControls(_ text: String) -> [UInt32] {
        text.unicodeScalars.map(\.value).filter { ($0 < 0x20 && $0 != 0x0A) || $0 == 0x7F || (0x80..<0xA0).contains($0) }
    }

    /// The lines of `text`, which must end in a line feed.
    static func lines(_ text: String) -> [Substring] {
        #expect(text.isEmpty || text.hasSuffix("\n"))
        return text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
    }

    @Test(arguments: controls)
    func controlCharactersNeverStartALineOfTheirOwn(code: UInt32) throws {
        let c = String(Character(Unicode.Scalar(code)!)), shown = Self.escaped(code)
        let scratch = try Scratch()

        // Errors naming a kind and an id, in a file whose name holds the character too.
        let bad = try scratch.file("e\(c)x.events.csv",
                                   "date,source,target,kind\n2018,\(csvField("x\(c)y")),b,summit\n2018,b,c,\(csvField("bogus\(c)error: everything is fine"))\n")
        let errors = try Tool.run(["centrality", bad])
        #expect(errors.status == 1)
        #expect(Self.rawControls(errors.stderr).isEmpty, "\(errors.stderr.debugDescription)")
        let escapedFile = scratch.path("e\(shown)x.events.csv")
        let errorLines = Self.lines(errors.stderr)
        #expect(errorLines.count == 1, "\(errors.stderr)")
        #expect(errorLines.allSatisfy { $0.hasPrefix(escapedFile + ":") }, "\(errors.stderr)")
        #expect(errors.stderr.contains("unknown kind 'bogus\(shown)error: everything is fine'"), "\(errors.stderr)")

        // An undeclared actor, named in an error of its own.
        let actors = try scratch.file("a.csv", "id,label,group\nb,B,G\nc,C,H\n")
        let good = try scratch.file("g.events.csv", "date,source,target,kind\n2018,\(csvField("x\(c)y")),b,summit\n2018,\(csvField("x\(c)y")),c,summit\n2018,b,c,summit\n")
        let undeclared = try Tool.run(["centrality", good, "--actors", actors])
        #expect(undeclared.status == 1)
        #expect(Self.rawControls(undeclared.stderr).isEmpty && undeclared.stderr.contains("x\(shown)y"), "\(undeclared.stderr)")
        #expect(Self.lines(undeclared.stderr).allSatisfy { $0.hasPrefix(good + ":") }, "\(undeclared.stderr)")

        // Table cells: one line a row.
        let table = try Tool.run(["centrality", good, "--format", "table", "--measures", "degree"])
        #expect(table.status == 0, "\(table.stderr)")
        #expect(Self.rawControls(table.stdout).isEmpty, "\(table.stdout.debugDescription)")
        #expect(Self.lines(table.stdout).count == 2 + 3, "\(table.stdout)")
        #expect(table.stdout.contains("x\(shown)y"), "\(table.stdout)")
        let roles = try Tool.run(["roles", good, "--dyad", "b,c", "--format", "table"])
        #expect(roles.status == 0, "\(roles.stderr)")
        #expect(Self.rawControls(roles.stdout).isEmpty && roles.stdout.contains("x\(shown)y"), "\(roles.stdout)")
        #expect(Self.lines(roles.stdout).count == 2 + 1, "\(roles.stdout)")

        // Ids on the command line: unknown, or not a record (a line break outside quotes).
        for dyad in ["b,\(csvField("nobody\(c)x"))", "b,no\(c)body"] {
            let unknown = try Tool.run(["roles", good, "--dyad", dyad])
            #expect(unknown.status == 1)
            #expect(Self.rawControls(unknown.stderr).isEmpty, "\(unknown.stderr.debugDescription)")
            #expect(Self.lines(unknown.stderr).count == 1 && unknown.stderr.hasPrefix("--dyad"), "\(unknown.stderr)")
        }

        // Warnings naming an id.
        let tiny = try scratch.file("w.events.csv", "date,source,target,kind,weight\n2018,\(csvField("a\(c)b")),b,summit,4e-320\n"
            + "2018,b,c,summit,1e300\n2018,c,\(csvField("a\(c)b")),summit,5e-324\n2018,c,d,summit,1e300\n")
        let warned = try Tool.run(["centrality", tiny, "--measures", "constraint", "--format", "csv"])
        #expect(warned.status == 0, "\(warned.stderr)")
        #expect(Self.rawControls(warned.stderr).isEmpty, "\(warned.stderr.debugDescription)")
        #expect(!Self.lines(warned.stderr).isEmpty && Self.lines(warned.stderr).allSatisfy { $0.hasPrefix("warning: slice 2018: constraint of ") },
                "\(warned.stderr)")
        #expect(warned.stderr.contains("constraint of a\(shown)b is not"), "\(warned.stderr)")

        // A file that cannot be read, named as given.
        let missing = try Tool.run(["centrality", scratch.path("missing\(c).csv")])
        #expect(missing.status == 1)
        #expect(Self.rawControls(missing.stderr).isEmpty && Self.lines(missing.stderr).count == 1, "\(missing.stderr)")
        #expect(missing.stderr.hasPrefix(scratch.path("missing\(shown).csv") + ": "), "\(missing.stderr)")
    }

    /// The import summary names the events file as given: on one line.
    @Test func theImportSummaryNamesItsFileOnOneLine() throws {
        let scratch = try Scratch()
        let sample = Tool.root.appendingPathComponent("Tests/DiploGraphTests/Fixtures/icews-sample.tab").path
        let file = scratch.path("icews\n\t.tab")
        try FileManager.default.copyItem(atPath: sample, toPath: file)
        let result = try Tool.run(["import", "icews", file, "--out", scratch.path("o.events.csv")])
        #expect(Self.rawControls(result.stderr).isEmpty, "\(result.stderr.debugDescription)")
        #expect(Self.lines(result.stderr).count == 1, "\(result.stderr)")
        #expect(result.stderr.hasPrefix(scratch.path("icews\\u{A}\\u{9}.tab")), "\(result.stderr)")
    }
}

/// Window and step: one limit, 9,999 years, whatever the unit.
@Suite struct SpanLimitTests {
    func dataset(_ scratch: Scratch) throws -> String {
        try scratch.file("s.events.csv", "date,source,target,kind\n2018-01-05,a,b,summit\n2019-03-05,b,c,summit\n")
    }

    @Test(arguments: ["10000m", "119988m", "39996q", "9999y", "3333q", "1000m"])
    func spansUpTo9999YearsAreAccepted(span: String) throws {
        let scratch = try Scratch()
        let result = try Tool.run(["centrality", try dataset(scratch), "--slice", "month", "--window", span, "--step", span, "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test(arguments: [("--window", "100000y", "at most 9999y"), ("--window", "10000y", "at most 9999y"), ("--window", "39997q", "at most 39996q"),
                      ("--window", "119989m", "at most 119988m"), ("--step", "50000y", "at most 9999y"), ("--step", "120000m", "at most 119988m")])
    func spansOver9999YearsAreRefusedNamingTheOption(option: String, span: String, limit: String) throws {
        let scratch = try Scratch()
        let unit = String(span.last!)
        let arguments = option == "--window" ? ["--window", span] : ["--window", "1\(unit)", "--step", span]
        let result = try Tool.run(["centrality", try dataset(scratch), "--slice", "month"] + arguments)
        #expect(result.status == 1)
        #expect(result.stderr == "\(option) '\(span)': longer than 9,999 years (\(limit))\n", "\(result.stderr)")
    }
}

/// Messages that say what is wrong with an input and what to do.
@Suite struct HelpfulInputMessagesTests {
    static let events = "date,source,target,kind\n2018,a,b,summit\n"

    static func utf16(_ text: String, bigEndian: Bool, bom: Bool) -> [UInt8] {
        var bytes: [UInt8] = bom ? (bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]) : []
        for unit in text.utf16 {
            let pair = [UInt8(unit >> 8), UInt8(unit & 0xFF)]
            bytes += bigEndian ? pair : pair.reversed()
        }
        return bytes
    }

    static func utf32(_ text: String, bigEndian: Bool, bom: Bool) -> [UInt8] {
        var bytes: [UInt8] = bom ? (bigEndian ? [0, 0, 0xFE, 0xFF] : [0xFF, 0xFE, 0, 0]) : []
        for scalar in text.unicodeScalars {
            let value = scalar.value
            let quad = [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
            bytes += bigEndian ? quad : quad.reversed()
        }
        return bytes
    }

    static let cases: [(name: String, bytes: [UInt8], expected: String)] = [
        ("UTF-16 LE with BOM", utf16(events, bigEndian: false, bom: true), "UTF-16 (little-endian) text, not UTF-8: convert the file to UTF-8 (e.g. iconv -f UTF-16LE -t UTF-8)"),
        ("UTF-16 BE with BOM", utf16(events, bigEndian: true, bom: true), "UTF-16 (big-endian) text, not UTF-8: convert the file to UTF-8 (e.g. iconv -f UTF-16BE -t UTF-8)"),
        ("UTF-16 LE", utf16(events, bigEndian: false, bom: false), "UTF-16 (little-endian) text, not UTF-8: convert the file to UTF-8 (e.g. iconv -f UTF-16LE -t UTF-8)"),
        ("UTF-16 BE", utf16(events, bigEndian: true, bom: false), "UTF-16 (big-endian) text, not UTF-8: convert the file to UTF-8 (e.g. iconv -f UTF-16BE -t UTF-8)"),
        ("UTF-32 LE with BOM", utf32(events, bigEndian: false, bom: true), "UTF-32 (little-endian) text, not UTF-8: convert the file to UTF-8 (e.g. iconv -f UTF-32LE -t UTF-8)"),
        ("UTF-32 BE", utf32(events, bigEndian: true, bom: false), "UTF-32 (big-endian) text, not UTF-8: convert the file to UTF-8 (e.g. iconv -f UTF-32BE -t UTF-8)"),
        ("gzip", [0x1F, 0x8B, 0x08, 0x00, 0, 0, 0, 0, 0, 3, 0x4B, 0x49], "a gzip-compressed file, not text: decompress it first (gunzip) and read the CSV file inside"),
        ("zip", Array("PK".utf8) + [3, 4, 20, 0, 0, 0, 8, 0] + Array("e.csv".utf8), "a zip archive file, not text: extract it first (unzip) and read the CSV file inside"),
        ("bzip2", Array("BZh91AY&SY".utf8) + [0, 1, 2], "a bzip2-compressed file, not text: decompress it first (bunzip2) and read the CSV file inside"),
        ("xz", [0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00, 0x00, 0x04], "a xz-compressed file, not text: decompress it first (unxz) and read the CSV file inside"),
        ("zstd", [0x28, 0xB5, 0x2F, 0xFD, 0x24, 0x00], "a zstd-compressed file, not text: decompress it first (unzstd) and read the CSV file inside"),
    ]

    @Test(arguments: cases.indices)
    func encodingsAndCompressionAreNamed(index: Int) throws {
        let (name, bytes, expected) = Self.cases[index]
        let scratch = try Scratch()
        for role in ["events", "actors", "kinds"] {
            let file = scratch.path("\(role).csv")
            try Data(bytes).write(to: URL(fileURLWithPath: file))
            let events = role == "events" ? file : try scratch.file("e.csv", Self.events)
            let arguments = role == "events" ? [events] : [events, role == "actors" ? "--actors" : "--kinds-file", file]
            let result = try Tool.run(["centrality"] + arguments)
            #expect(result.status == 1, "\(name)")
            #expect(result.stderr == "\(file):1: \(expected)\n", "\(name), \(role): \(result.stderr)")
        }
    }

    @Test func aNULByteInUTF8TextIsStillABinaryFile() throws {
        let scratch = try Scratch()
        let file = scratch.path("n.csv")
        try Data(Array("date,source,target,kind\n2018,a,b,".utf8) + [0, 0x0A]).write(to: URL(fileURLWithPath: file))
        let result = try Tool.run(["centrality", file])
        #expect(result.stderr == "\(file):2: NUL byte: this looks like a binary file, not text\n")
    }

    @Test(arguments: [("Date,Source,Target,Kind", ["date": "Date", "source": "Source", "target": "Target", "kind": "Kind"]),
                      ("DATE,source,TaRgEt,kind", ["date": "DATE", "target": "TaRgEt"]),
                      ("date,source,target,Kinds", [:])])
    func aHeaderInAnotherLetterCaseNamesTheColumnMeant(header: String, near: [String: String]) throws {
        let scratch = try Scratch()
        let file = try scratch.file("h.csv", header + "\n2018,a,b,summit\n")
        let result = try Tool.run(["centrality", file])
        #expect(result.status == 1)
        var expected = ""
        for column in ["date", "source", "target", "kind"] where !header.split(separator: ",").contains(Substring(column)) {
            if let found = near[column] {
                expected += "\(file):1: missing required column '\(column)': found '\(found)', but column names are case-sensitive (rename it '\(column)')\n"
            } else {
                expected += "\(file):1: missing required column '\(column)' (expected a header with date,source,target,kind (weight, note and about optional))\n"
            }
        }
        #expect(result.stderr == expected, "\(result.stderr)")
    }

    @Test func aDyadTakesCSVQuoting() throws {
        let scratch = try Scratch()
        let events = try scratch.file("k.events.csv", "date,source,target,kind\n2018,\"Korea, Republic of\",DPRK,summit\n"
            + "2018,US,\"Korea, Republic of\",summit\n2018,US,DPRK,summit\n2018,\"a \"\"quoted\"\" id\",DPRK,summit\n")
        let quoted = try Tool.run(["roles", events, "--dyad", "\"Korea, Republic of\",DPRK", "--format", "csv"])
        #expect(quoted.status == 0, "\(quoted.stderr)")
        #expect(quoted.stdout.contains("US"), "\(quoted.stdout)")
        let spaced = try Tool.run(["roles", events, "--dyad", "DPRK , \"Korea, Republic of\"", "--format", "csv"])
        #expect(spaced.status == 1 && spaced.stderr.contains("a quote inside an unquoted field"), "\(spaced.stderr)")
        let doubled = try Tool.run(["roles", events, "--dyad", "\"a \"\"quoted\"\" id\",DPRK", "--format", "csv"])
        #expect(doubled.status == 0, "\(doubled.stderr)")
        let unquoted = try Tool.run(["roles", events, "--dyad", "Korea, Republic of,DPRK"])
        #expect(unquoted.status == 1)
        #expect(unquoted.stderr == "--dyad 'Korea, Republic of,DPRK': expected two ids, A,B (quote an id that holds a comma: \"Korea, Republic of\",DPRK)\n",
                "\(unquoted.stderr)")
        let unclosed = try Tool.run(["roles", events, "--dyad", "\"Korea, Republic of,DPRK"])
        #expect(unclosed.status == 1 && unclosed.stderr.hasPrefix("--dyad '\"Korea, Republic of,DPRK': unclosed quote"), "\(unclosed.stderr)")
        // --third takes one id whole, commas included; --focus too.
        let third = try Tool.run(["roles", events, "--dyad", "US,DPRK", "--third", "Korea, Republic of", "--format", "csv"])
        #expect(third.status == 0, "\(third.stderr)")
    }

    @Test func kindsTakeCSVQuoting() throws {
        let scratch = try Scratch()
        let kinds = try scratch.file("k.kinds.csv", "id,polarity,label\n\"talks, formal\",+1,Formal talks\n")
        let events = try scratch.file("k.events.csv", "date,source,target,kind\n2018,a,b,\"talks, formal\"\n2018,b,c,summit\n")
        let result = try Tool.run(["centrality", events, "--kinds-file", kinds, "--kinds", "\"talks, formal\"", "--measures", "degree", "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "slice,actor,degree\n2018,a,1\n2018,b,1\n", "\(result.stdout)")
        let both = try Tool.run(["centrality", events, "--kinds-file", kinds, "--kinds", "summit, \"talks, formal\"", "--format", "csv"])
        #expect(both.status == 1 && both.stderr.hasPrefix("--kinds"), "\(both.stderr)")
        let spaced = try Tool.run(["centrality", events, "--kinds-file", kinds, "--kinds", "summit,\"talks, formal\"", "--measures", "degree", "--format", "csv"])
        #expect(spaced.status == 0 && spaced.stdout.split(separator: "\n").count == 4, "\(spaced.stdout) \(spaced.stderr)")
    }
}
