import Foundation
import Testing
import DiploGraph
import DiploGraphIO

/// Public calls refuse what they cannot do, with an error or a documented empty answer,
/// instead of trapping: window spans past 9,999 years in any unit, period labels before year
/// 1, field positions outside a record, chart values that are not finite numbers, events of
/// another log.
@Suite struct LibraryRefusalTests {
    // MARK: - Spans: one rule, 9,999 years, for every unit

    @Test(arguments: [(SliceUnit.year, 9_999), (.quarter, 39_996), (.month, 119_988)])
    func everyUnitSpansAtMost9999Years(unit: SliceUnit, limit: Int) throws {
        #expect(Slicing.maximumPeriods(of: unit) == limit)
        for width in [1, limit / 2, limit] {
            let slicing = try Slicing.window(unit: unit, width: width, step: width)
            #expect(slicing.mode == .window(width: width, step: width))
        }
        let name = unit.rawValue
        #expect(throws: ValueError("window width \(limit + 1) \(name)s: longer than 9,999 years (at most \(limit) \(name)s)")) {
            try Slicing.window(unit: unit, width: limit + 1, step: 1)
        }
        #expect(throws: ValueError("window step \(limit + 1) \(name)s: longer than 9,999 years (at most \(limit) \(name)s)")) {
            try Slicing.window(unit: unit, width: 1, step: limit + 1)
        }
        #expect(throws: ValueError("window step 0 \(name)s: must be at least 1")) { try Slicing.window(unit: unit, width: 1, step: 0) }
        #expect(throws: ValueError.self) { try Slicing(unit: unit, mode: .window(width: Int.max, step: 1)) }
        #expect(throws: ValueError.self) { try Slicing(unit: unit, mode: .window(width: 1, step: Int.min)) }
    }

    /// The cases of the report: 10000 months (833 years) are a window; 100000 years with a
    /// step of 50000 years are not.
    @Test func theReportedSpans() throws {
        #expect(try Slicing.window(unit: .month, width: 10_000, step: 1).mode == .window(width: 10_000, step: 1))
        #expect(throws: ValueError.self) { try Slicing.window(unit: .year, width: 100_000, step: 50_000) }
        #expect(throws: ValueError.self) { try Slicing.window(unit: .year, width: 1, step: 50_000) }
        #expect(throws: ValueError.self) { try Slicing.window(unit: .quarter, width: 40_000, step: 1) }
    }

    /// The longest window over the widest dates slices, its labels past year 9999 as text.
    @Test func theLongestWindowSlices() throws {
        let log = try DatasetReader.readEvents(bytes: Array("date,source,target,kind\n0001,a,b,summit\n9999,b,c,summit\n".utf8), name: "e.csv")
        let network = try Slicer.slice(log, options: SliceOptions(slicing: try .window(unit: .year, width: 9_999, step: 9_999)))
        #expect(network.slices.map(\.label) == ["0001..9999"])
        let later = try Slicer.slice(log, options: SliceOptions(slicing: try .window(unit: .year, width: 9_999, step: 9_998)))
        #expect(later.slices.map(\.label) == ["0001..9999"])
        let months = try Slicer.slice(log, options: SliceOptions(slicing: try .window(unit: .year, width: 2, step: 9_999)))
        #expect(months.slices.map(\.label) == ["0001..0002"])
    }

    // MARK: - Field positions

    @Test func fieldsOutsideTheRecordReadAsMissing() throws {
        var reader = CSVReader(bytes: Array("a,\"b\"\"\",\n".utf8))
        #expect(try reader.nextRecord() == 1)
        #expect(reader.fieldCount == 3)
        #expect(reader.field(0) == "a" && reader.field(1) == "b\"" && reader.field(2) == "")
        #expect(reader.hasField(2) && !reader.isFieldEmpty(1) && reader.isFieldEmpty(2))
        for index in [-1, 3, 4, Int.max, Int.min] {
            #expect(!reader.hasField(index))
            #expect(reader.field(index) == nil, "\(index)")
            #expect(reader.isFieldEmpty(index), "\(index)")
            #expect(reader.withFieldBytes(index) { $0.count } == 0, "\(index)")
        }
        // Before the first record, there is no field at all.
        let fresh = CSVReader(bytes: Array("a\n".utf8))
        #expect(fresh.field(0) == nil && fresh.isFieldEmpty(0))
    }

    // MARK: - Command-line records

    @Test(arguments: [
        ("A,B", ["A", "B"]), ("A, B", ["A", "B"]), (" A ,B ", ["A", "B"]),
        ("\"Korea, Republic of\",DPRK", ["Korea, Republic of", "DPRK"]),
        ("DPRK,\"Korea, Republic of\"", ["DPRK", "Korea, Republic of"]),
        ("\"a \"\"b\"\"\",c", ["a \"b\"", "c"]), ("\"x\ny\",z", ["x\ny", "z"]),
        ("", [""]), ("a,,b", ["a", "", "b"]), ("a,b\n", ["a", "b"]), ("한국,조선", ["한국", "조선"]),
    ])
    func recordsFromTheCommandLineTakeCSVQuoting(text: String, fields: [String]) throws {
        #expect(try CSVReader.fields(ofRecord: text) == fields)
    }

    @Test(arguments: [
        ("\"Korea, Republic of,DPRK", "unclosed quote"), ("\"a\"b,c", "text after the closing quote"),
        ("a\"b,c", "a quote inside an unquoted field"), ("a,b\nc,d", "a line break outside quotes"), ("a\u{0}b", "NUL byte"),
    ])
    func malformedRecordsAreRefused(text: String, reason: String) {
        do {
            _ = try CSVReader.fields(ofRecord: text)
            Issue.record("accepted \(text.debugDescription)")
        } catch {
            #expect(error.message.hasPrefix("'\(text)': \(reason)"), "\(error.message)")
        }
    }

    // MARK: - Inputs that are not UTF-8 text

    @Test func compressedAndOtherEncodingsAreNamed() {
        let text = "date,source,target,kind\n"
        let le = text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let be = text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        let expected: [([UInt8], String)] = [
            ([0xFF, 0xFE] + le, "UTF-16 (little-endian)"), ([0xFE, 0xFF] + be, "UTF-16 (big-endian)"),
            (le, "UTF-16 (little-endian)"), (be, "UTF-16 (big-endian)"),
            ([0xFF, 0xFE, 0, 0, 0x64, 0, 0, 0], "UTF-32 (little-endian)"), ([0, 0, 0xFE, 0xFF, 0, 0, 0, 0x64], "UTF-32 (big-endian)"),
            (text.unicodeScalars.flatMap { [UInt8($0.value), 0, 0, 0] }, "UTF-32 (little-endian)"),
            ([0x1F, 0x8B, 8, 0], "gzip"), (Array("PK\u{3}\u{4}".utf8), "zip"), (Array("PK\u{5}\u{6}".utf8), "zip"),
            (Array("BZh91AY&SY".utf8), "bzip2"), ([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00], "xz"), ([0x28, 0xB5, 0x2F, 0xFD], "zstd"),
        ]
        for (bytes, name) in expected {
            #expect(CSVReader.notUTF8Text(bytes)?.contains(name) == true, "\(name): \(CSVReader.notUTF8Text(bytes) ?? "nil")")
        }
        // UTF-8 text, with or without a byte order mark, and text that merely starts like a magic number.
        for bytes in [Array(text.utf8), [0xEF, 0xBB, 0xBF] + Array(text.utf8), Array("BZh,PK,x\n".utf8), Array("PK\n".utf8),
                      Array("한국,조선\n".utf8), [], [0x41], [0x41, 0]] as [[UInt8]] {
            #expect(CSVReader.notUTF8Text(bytes) == nil, "\(bytes)")
        }
    }

    @Test func readersNameTheEncodingOnTheFirstLine() {
        let bytes: [UInt8] = [0xFF, 0xFE] + "date,source,target,kind\n2018,a,b,summit\n".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        var reader = CSVReader(bytes: bytes)
        do {
            _ = try reader.nextRecord()
            Issue.record("UTF-16 read as UTF-8")
        } catch {
            #expect(error.line == 1)
            #expect(error.message == "UTF-16 (little-endian) text, not UTF-8: convert the file to UTF-8 (e.g. iconv -f UTF-16LE -t UTF-8)")
        }
        #expect(throws: InputProblems.self) { try DatasetReader.readEvents(bytes: bytes, name: "u.csv") }
    }

    // MARK: - The brokerage chart

    @Test(arguments: [Double.infinity, -.infinity, .nan, .greatestFiniteMagnitude, 1e16, -1e16, 9.3e18])
    func chartValuesItCannotShowAreRefused(value: Double) {
        for point in [BrokerageChart.Point(slice: "2018", brokerage: value, betweenness: 1),
                      BrokerageChart.Point(slice: "2018", brokerage: 1, betweenness: value),
                      BrokerageChart.Point(slice: "2018", brokerage: nil, betweenness: nil, mediation: value),
                      BrokerageChart.Point(slice: "2018", brokerage: nil, betweenness: nil, mediationLayerBrokerage: value)] {
            #expect(throws: ValueError.self, "\(value)") {
                try BrokerageChart.svg(series: [BrokerageChart.Point(slice: "2017", brokerage: 1, betweenness: 1), point], actorLabel: "a", group: "g", level: "actors")
            }
        }
    }

    @Test(arguments: [0.0, 1, 0.5, 1e15, -3, 123_456.75])
    func chartValuesItCanShowAreDrawn(value: Double) throws {
        let svg = try BrokerageChart.svg(series: [BrokerageChart.Point(slice: "2018", brokerage: value, betweenness: value, mediation: value,
                                                                     mediationLayerBrokerage: value)],
                                         actorLabel: "a", group: "g", level: "actors")
        #expect(svg.hasPrefix("<svg") && svg.hasSuffix("</svg>"))
    }

    // MARK: - Events of another log

    @Test func eventsOfAnotherLogHaveNoRelationshipHere() throws {
        let small = try DatasetReader.readEvents(bytes: Array("date,source,target,kind\n2018,a,b,summit\n".utf8), name: "s.csv")
        let network = try Slicer.slice(small, options: SliceOptions())
        let large = try DatasetReader.readEvents(bytes: Array("date,source,target,kind,about\n2018,a,b,summit,\n2018,c,d,mediation,d|e\n".utf8), name: "l.csv")
        let relay = large.events[1]
        #expect(network.about(of: relay) == nil)
        #expect(network.relayOrigin(of: relay) == nil)
        // Of its own log, the same kind of event has both.
        let own = try Slicer.slice(large, options: SliceOptions())
        #expect(own.about(of: relay) != nil && own.relayOrigin(of: relay) != nil)
    }

    // MARK: - Problems, one a line

    @Test func problemsAreLinesOfTheirOwn() {
        let problems = InputProblems([InputProblem(file: "e\n.csv", line: 2, message: "unknown kind 'a\nb'"), InputProblem(file: "e.csv", line: nil, message: "x")],
                                     isTruncated: true)
        #expect(problems.lines == ["e\n.csv:2: unknown kind 'a\nb'", "e.csv: x", "e.csv: stopped after 2 problems"])
        #expect(problems.description == problems.lines.joined(separator: "\n"))
        #expect(problems.lines.map(Escape.terminal) == [#"e\u{A}.csv:2: unknown kind 'a\u{A}b'"#, "e.csv: x", "e.csv: stopped after 2 problems"])
    }
}
