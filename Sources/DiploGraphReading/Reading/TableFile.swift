import Foundation
import DiploGraph

/// A CSV file with a header row, read record by record with its problems collected.
///
/// The events, actors and kinds readers share it: it checks the header for the
/// required columns, the field count of each record, and UTF-8, so that each reader
/// only checks what its own columns mean.
struct TableFile {
    let displayName: String
    private var reader: CSVReader
    private(set) var header: [String] = []
    private(set) var problems: ProblemCollector
    private var columnIndex: [String: Int] = [:]
    /// The line of the current record.
    private(set) var line = 0

    /// Opens `path` and reads its header.
    ///
    /// - Parameters:
    ///   - required: columns that must be in the header.
    ///   - expectedHeader: how to describe a good header in messages.
    /// - Throws: ``/DiploGraph/InputProblems`` when the file cannot be read, is empty, or lacks a column.
    init(path: String, displayName: String? = nil, required: [String], expectedHeader: String) throws(InputProblems) {
        let name = displayName ?? path
        self.displayName = name
        self.problems = ProblemCollector(file: name)
        do {
            reader = try CSVReader(path: path)
        } catch {
            throw InputProblems([InputProblem(file: name, line: nil, message: "cannot be read: \(error.reason)")])
        }
        try readHeader(required: required, expectedHeader: expectedHeader)
    }

    /// Reads a table held in memory (tests, fuzzing).
    init(bytes: [UInt8], displayName: String, required: [String], expectedHeader: String) throws(InputProblems) {
        self.displayName = displayName
        self.problems = ProblemCollector(file: displayName)
        reader = CSVReader(bytes: bytes)
        try readHeader(required: required, expectedHeader: expectedHeader)
    }

    private mutating func readHeader(required: [String], expectedHeader: String) throws(InputProblems) {
        let first: Int?
        do {
            first = try reader.nextRecord()
        } catch {
            problems.add(line: error.line, error.message)
            try problems.throwIfAny()
            return
        }
        guard let first else {
            problems.add(line: nil, "empty file: expected a header row \(expectedHeader)")
            try problems.throwIfAny()
            return
        }
        line = first
        for index in 0..<reader.fieldCount {
            guard let name = reader.field(index) else {
                problems.add(line: first, "not UTF-8 text (convert the file to UTF-8)")
                try problems.throwIfAny()
                return
            }
            let column = name.trimmingCharacters(in: .whitespaces)
            if columnIndex[column] != nil {
                problems.add(line: first, "column '\(column)' appears twice in the header")
            } else if !column.isEmpty {
                columnIndex[column] = index
            }
            header.append(column)
        }
        for column in required where columnIndex[column] == nil {
            // `Date` for `date`: names are compared exactly, so say which column was meant.
            if let near = header.first(where: { $0.lowercased() == column.lowercased() }) {
                problems.add(line: first, "missing required column '\(column)': found '\(near)', but column names are case-sensitive (rename it '\(column)')")
            } else {
                problems.add(line: first, "missing required column '\(column)' (expected a header \(expectedHeader))")
            }
        }
        try problems.throwIfAny()
    }

    /// The position of `column` in the header.
    func column(_ name: String) -> Int? { columnIndex[name] }

    /// Moves to the next record whose field count matches the header.
    ///
    /// Records with another field count, or with bytes that are not UTF-8, are recorded as
    /// problems and skipped. A syntax error ends the file.
    /// - Returns: `false` at the end of the file or when too many problems were found.
    mutating func next() -> Bool {
        while !problems.isFull {
            do {
                guard let recordLine = try reader.nextRecord() else { return false }
                line = recordLine
            } catch {
                problems.add(line: error.line, error.message)
                return false
            }
            if reader.fieldCount != header.count {
                problems.add(line: line, "expected \(header.count) fields as in the header, found \(reader.fieldCount)")
                continue
            }
            return true
        }
        return false
    }

    /// Field `index` of the current record; a problem is recorded when it is not UTF-8.
    mutating func text(_ index: Int) -> String? {
        if let value = reader.field(index) { return value }
        problems.add(line: line, "not UTF-8 text in column '\(header[index])' (convert the file to UTF-8)")
        return nil
    }

    /// The bytes of field `index` of the current record.
    func withBytes<R>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try reader.withFieldBytes(index, body)
    }

    func isEmpty(_ index: Int) -> Bool { reader.isFieldEmpty(index) }

    mutating func problem(_ message: String, line explicitLine: Int? = nil) {
        problems.add(line: explicitLine ?? line, message)
    }

    mutating func fileProblem(_ message: String) {
        problems.add(line: nil, message)
    }
}
