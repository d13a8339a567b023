import Foundation
import DiploGraph

/// Reads JSON records one at a time from a file: a JSON array of records, or JSON Lines (one
/// value per line), as the PLOVER project publishes them.
///
/// The reader is lenient where the published files are: a comma before a closing `]` or `}`
/// is allowed (the PLOVER gold-standard records have them), and so is a byte-order mark.
/// Everything else is strict JSON. Records are read from a 64 KiB buffer, so memory holds
/// one record at a time; a record longer than ``maximumRecordBytes`` or nested deeper than
/// ``maximumDepth`` is refused instead of read, so no input can exhaust memory or the stack.
///
/// In a JSON array a syntax error ends the reading (nothing after it can be trusted to start
/// a record); in JSON Lines the reader can go on at the next line (``skipToNextLine()``).
public struct JSONRecordReader {
    /// The longest record read, in bytes (16 MiB).
    public static let maximumRecordBytes = 16 << 20
    /// The deepest nesting of lists and objects read.
    public static let maximumDepth = 64

    /// A record the reader could not read: the line it is on and what is wrong.
    public struct SyntaxError: DiploGraphError, Equatable {
        /// The 1-based line the problem is on.
        public var line: Int
        /// What is wrong, in words.
        public var message: String

        /// ``/DiploGraph/ErrorReason/malformedInput(file:line:)`` at ``line`` (the reader
        /// does not know the file's name).
        public var errorReason: ErrorReason { .malformedInput(file: nil, line: line) }

        /// `line N: message`.
        public var description: String { "line \(line): \(message)" }
    }

    /// How the file holds its records.
    public enum Layout: Sendable, Equatable {
        /// `[ {...}, {...}, ]`
        case array
        /// One value per line.
        case lines
    }

    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEnd = false
    private var recordBytes = 0
    /// The line the next byte is on.
    public private(set) var line = 1
    /// How the file holds its records; `nil` until the first record is asked for.
    public private(set) var layout: Layout?
    private var arrayClosed = false
    private var expectsSeparator = false
    /// In JSON Lines, a record ends at its line's end: the reader sees no byte past it.
    private var lineBound = false
    /// The line the record being read (or the last one read) starts on.
    public private(set) var recordLine = 1

    /// A reader of the file at `path`.
    /// - Parameter path: the file.
    /// - Throws: ``CSVReader/ReadError`` when the file cannot be opened (no such file,
    ///   permission denied).
    /// - Complexity: O(1).
    public init(path: String) throws(CSVReader.ReadError) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CSVReader.ReadError(reason: "cannot be opened")
        }
        self.handle = handle
    }

    private mutating func fill() -> Bool {
        if position < buffer.count { return true }
        if atEnd { return false }
        let chunk: Data
        do { chunk = try handle.read(upToCount: 1 << 16) ?? Data() } catch { atEnd = true; return false }
        if chunk.isEmpty { atEnd = true; return false }
        buffer = [UInt8](chunk)
        position = 0
        return true
    }

    private mutating func peek() -> UInt8? {
        guard fill() else { return nil }
        let byte = buffer[position]
        return lineBound && byte == 10 ? nil : byte
    }

    private mutating func advance() -> UInt8? {
        guard fill() else { return nil }
        let byte = buffer[position]
        if lineBound && byte == 10 { return nil }
        position += 1
        recordBytes += 1
        if byte == 10 { line += 1 }
        return byte
    }

    private mutating func skipWhitespace(stopAtNewline: Bool = false) {
        while let byte = peek() {
            if byte == 32 || byte == 9 || byte == 13 || (byte == 10 && !stopAtNewline) { _ = advance() } else { return }
        }
    }

    /// Skips the rest of the current line (JSON Lines only), to go on after a bad record.
    /// - Complexity: O(*b*) for the *b* bytes skipped.
    public mutating func skipToNextLine() {
        lineBound = false
        while let byte = advance() { if byte == 10 { return } }
    }

    /// The next record and the line it starts on, or `nil` at the end of the file.
    /// - Returns: the record's value and its first line.
    /// - Throws: ``SyntaxError`` naming the line of the first byte that is not JSON.
    /// - Complexity: O(*b*) for the record's *b* bytes.
    public mutating func next() throws(SyntaxError) -> (value: JSONRecordValue, line: Int)? {
        if layout == nil {
            // A UTF-8 byte-order mark.
            if peek() == 0xEF {
                for expected: UInt8 in [0xEF, 0xBB, 0xBF] where advance() != expected {
                    throw SyntaxError(line: line, message: "not JSON: the file starts with bytes that are not text")
                }
            }
            skipWhitespace()
            if peek() == UInt8(ascii: "[") {
                _ = advance()
                layout = .array
            } else {
                layout = .lines
            }
        }
        recordBytes = 0
        if layout == .array {
            if arrayClosed {
                skipWhitespace()
                if peek() != nil { throw SyntaxError(line: line, message: "text after the end of the list of records") }
                return nil
            }
            skipWhitespace()
            if expectsSeparator {
                switch peek() {
                case UInt8(ascii: ","):
                    _ = advance()
                    skipWhitespace()
                case UInt8(ascii: "]"):
                    break
                case nil:
                    throw SyntaxError(line: line, message: "the list of records is not closed (no ']' at the end of the file)")
                default:
                    throw SyntaxError(line: line, message: "expected ',' or ']' after a record")
                }
            }
            switch peek() {
            case UInt8(ascii: "]"):
                _ = advance()
                arrayClosed = true
                skipWhitespace()
                if peek() != nil { throw SyntaxError(line: line, message: "text after the end of the list of records") }
                return nil
            case nil:
                throw SyntaxError(line: line, message: "the list of records is not closed (no ']' at the end of the file)")
            default:
                let start = line
                recordLine = start
                let value = try parseValue(depth: 0)
                expectsSeparator = true
                return (value, start)
            }
        }
        // JSON Lines: blank lines are allowed between records.
        lineBound = false
        skipWhitespace()
        guard peek() != nil else { return nil }
        let start = line
        recordLine = start
        lineBound = true
        let value = try parseValue(depth: 0)
        skipWhitespace()
        if peek() != nil {
            throw SyntaxError(line: line, message: "more than one value on a line (JSON Lines holds one record per line)")
        }
        lineBound = false
        _ = advance()  // the line's end
        return (value, start)
    }

    private mutating func fail(_ message: String) -> SyntaxError {
        if lineBound && peek() == nil && message.contains("ends inside") {
            return SyntaxError(line: line, message: "the record does not end on its line (JSON Lines holds one record per line)")
        }
        return SyntaxError(line: line, message: message)
    }

    private mutating func parseValue(depth: Int) throws(SyntaxError) -> JSONRecordValue {
        guard depth < Self.maximumDepth else { throw fail("lists and objects nested more than \(Self.maximumDepth) deep") }
        guard recordBytes <= Self.maximumRecordBytes else { throw fail("a record longer than \(Self.maximumRecordBytes >> 20) MiB") }
        skipWhitespace()
        guard let byte = peek() else { throw fail("the file ends inside a record") }
        switch byte {
        case UInt8(ascii: "{"):
            _ = advance()
            var members: [(name: String, value: JSONRecordValue)] = []
            while true {
                skipWhitespace()
                if peek() == UInt8(ascii: "}") { _ = advance(); return .object(members) }
                guard peek() == UInt8(ascii: "\"") else {
                    throw fail(peek() == nil ? "the file ends inside a record" : "expected a member name in double quotes or '}'")
                }
                let name = try parseString()
                skipWhitespace()
                guard advance() == UInt8(ascii: ":") else { throw fail("expected ':' after the member name \"\(name)\"") }
                let value = try parseValue(depth: depth + 1)
                members.append((name, value))
                skipWhitespace()
                switch advance() {
                case UInt8(ascii: ","): continue  // a trailing comma is met by the '}' test above
                case UInt8(ascii: "}"): return .object(members)
                case nil: throw fail("the file ends inside a record")
                default: throw fail("expected ',' or '}' after the value of \"\(name)\"")
                }
            }
        case UInt8(ascii: "["):
            _ = advance()
            var items: [JSONRecordValue] = []
            while true {
                skipWhitespace()
                if peek() == UInt8(ascii: "]") { _ = advance(); return .array(items) }
                items.append(try parseValue(depth: depth + 1))
                skipWhitespace()
                switch advance() {
                case UInt8(ascii: ","): continue
                case UInt8(ascii: "]"): return .array(items)
                case nil: throw fail("the file ends inside a record")
                default: throw fail("expected ',' or ']' in a list")
                }
            }
        case UInt8(ascii: "\""):
            return .string(try parseString())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return .number(try parseNumber())
        default:
            throw fail("expected a JSON value")
        }
    }

    private mutating func literal(_ word: String) throws(SyntaxError) {
        for expected in word.utf8 where advance() != expected { throw fail("expected a JSON value") }
    }

    private mutating func parseNumber() throws(SyntaxError) -> String {
        var bytes: [UInt8] = []
        while let byte = peek(), byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".")
                || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") || (48...57).contains(byte) {
            bytes.append(byte)
            _ = advance()
            if bytes.count > 400 { throw fail("a number longer than 400 characters") }
        }
        // JSON's grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
        var i = 0
        func digits() -> Int { var n = 0; while i < bytes.count, (48...57).contains(bytes[i]) { i += 1; n += 1 }; return n }
        if i < bytes.count, bytes[i] == UInt8(ascii: "-") { i += 1 }
        if i < bytes.count, bytes[i] == UInt8(ascii: "0") { i += 1 } else if digits() == 0 { throw fail("invalid number") }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") { i += 1; if digits() == 0 { throw fail("invalid number") } }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            if digits() == 0 { throw fail("invalid number") }
        }
        guard i == bytes.count else { throw fail("invalid number") }
        return String(decoding: bytes, as: UTF8.self)
    }

    private mutating func hexQuad() throws(SyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = advance() else { throw fail("the file ends inside a string") }
            let digit: UInt32
            switch byte {
            case 48...57: digit = UInt32(byte - 48)
            case 65...70: digit = UInt32(byte - 55)
            case 97...102: digit = UInt32(byte - 87)
            default: throw fail("invalid \\u escape in a string")
            }
            value = value << 4 | digit
        }
        return value
    }

    private mutating func parseString() throws(SyntaxError) -> String {
        _ = advance()  // the opening quote
        var bytes: [UInt8] = []
        while true {
            guard let byte = advance() else { throw fail("the file ends inside a string") }
            if recordBytes > Self.maximumRecordBytes { throw fail("a record longer than \(Self.maximumRecordBytes >> 20) MiB") }
            switch byte {
            case UInt8(ascii: "\""):
                guard let text = String(validating: bytes, as: UTF8.self) else { throw fail("a string that is not UTF-8 text") }
                return text
            case UInt8(ascii: "\\"):
                guard let escape = advance() else { throw fail("the file ends inside a string") }
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): bytes.append(escape)
                case UInt8(ascii: "b"): bytes.append(8)
                case UInt8(ascii: "f"): bytes.append(12)
                case UInt8(ascii: "n"): bytes.append(10)
                case UInt8(ascii: "r"): bytes.append(13)
                case UInt8(ascii: "t"): bytes.append(9)
                case UInt8(ascii: "u"):
                    var scalar = try hexQuad()
                    if (0xD800...0xDBFF).contains(scalar) {
                        guard advance() == UInt8(ascii: "\\"), advance() == UInt8(ascii: "u") else { throw fail("a lone surrogate in a \\u escape") }
                        let low = try hexQuad()
                        guard (0xDC00...0xDFFF).contains(low) else { throw fail("a lone surrogate in a \\u escape") }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else if (0xDC00...0xDFFF).contains(scalar) {
                        throw fail("a lone surrogate in a \\u escape")
                    }
                    bytes.append(contentsOf: String(Character(Unicode.Scalar(scalar)!)).utf8)
                default:
                    throw fail("invalid escape '\\\(Character(Unicode.Scalar(escape)))' in a string")
                }
            case 0..<32:
                throw fail("a control character inside a string (write it as an escape)")
            default:
                bytes.append(byte)
            }
        }
    }
}
