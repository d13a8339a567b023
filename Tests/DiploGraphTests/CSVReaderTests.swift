import Testing
@testable import DiploGraph
import DiploGraphIO
@testable import DiploGraphReading

@Suite struct CSVReaderTests {
    func records(_ text: String, dialect: CSVReader.Dialect = .csv) throws -> [(Int, [String])] {
        var reader = CSVReader(bytes: Array(text.utf8), dialect: dialect)
        var result: [(Int, [String])] = []
        while let line = try reader.nextRecord() {
            result.append((line, (0..<reader.fieldCount).map { reader.field($0)! }))
        }
        return result
    }

    @Test func quotedFieldsAndLineNumbers() throws {
        let text = "a,b,c\n1,\"x, y\",\"say \"\"hi\"\"\"\n\n2,\"two\nlines\",z\r\n3,,\n"
        let rows = try records(text)
        #expect(rows.map(\.0) == [1, 2, 4, 6])
        #expect(rows[1].1 == ["1", "x, y", "say \"hi\""])
        #expect(rows[2].1 == ["2", "two\nlines", "z"])
        #expect(rows[3].1 == ["3", "", ""])
    }

    @Test func byteOrderMarkAndMissingFinalNewline() throws {
        let rows = try records("\u{FEFF}id,label\nx,y")
        #expect(rows.map(\.1) == [["id", "label"], ["x", "y"]])
    }

    @Test func unclosedQuoteNamesTheLineWhereItOpened() {
        #expect(throws: CSVReader.SyntaxError(line: 2, message: "unclosed quote: the field opened here never ends")) {
            _ = try records("a,b\n1,\"open\n2,3\n")
        }
    }

    @Test func textAfterClosingQuoteAndStrayQuotesAreErrors() {
        #expect(throws: CSVReader.SyntaxError.self) { _ = try records("a\n\"x\"y\n") }
        #expect(throws: CSVReader.SyntaxError.self) { _ = try records("a\nx\"y\n") }
    }

    @Test func nulByteMeansBinary() {
        #expect(throws: CSVReader.SyntaxError.self) { _ = try records("a,b\n1,\u{0}\n") }
    }

    @Test func tabDialectKeepsQuotes() throws {
        let rows = try records("a\t\"b\"\tc\n", dialect: .tsv)
        #expect(rows[0].1 == ["a", "\"b\"", "c"])
    }

    @Test func invalidUTF8FieldReadsAsNil() throws {
        var reader = CSVReader(bytes: [0x61, 0x2C, 0xFF, 0xFE, 0x0A])
        _ = try reader.nextRecord()
        #expect(reader.field(0) == "a")
        #expect(reader.field(1) == nil)
    }

    /// Records spanning the reader's 1 MiB chunks come out whole.
    @Test func streamsAcrossChunks() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("diplograph-chunks-\(UInt32.random(in: 0...UInt32.max)).csv").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        var text = "date,note\n"
        for i in 0..<40_000 { text += "2018-01-02,\"row \(i), with \"\"quotes\"\" and a long tail \(String(repeating: "x", count: i % 50))\"\n" }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        var reader = try CSVReader(path: path)
        var count = 0
        while let line = try reader.nextRecord() {
            if count > 0 {
                let i = count - 1
                #expect(line == count + 1)
                #expect(reader.field(1) == "row \(i), with \"quotes\" and a long tail \(String(repeating: "x", count: i % 50))")
            }
            count += 1
        }
        #expect(count == 40_001)
    }
}

import Foundation
