import Foundation
import DiploGraph
import DiploGraphOutput

/// A streaming reader of delimited text: RFC 4180 CSV, or tab-separated files without quoting.
///
/// DiploGraph reads files typed by hand and event files of millions of rows, and reports
/// every problem by file and line, so the reader works on bytes, in chunks, and tracks the
/// physical line on which each record starts. A record's fields are handed to the caller
/// in a reused buffer: reading allocates nothing per record beyond the strings the caller
/// asks for.
///
/// The file handle closes itself when the last copy of the reader goes away.
///
/// The reader rejects what RFC 4180 does not allow instead of guessing: an unclosed quote,
/// text after a closing quote, a NUL byte (a binary file), bytes that are not UTF-8.
public struct CSVReader {
    /// How fields are separated and quoted.
    public struct Dialect: Sendable, Equatable {
        /// The byte that separates fields: `,` for CSV, a tab for TSV.
        public var delimiter: UInt8
        /// Whether `"` starts a quoted field (CSV); `false` reads quotes as text (GDELT, ICEWS).
        public var isQuoted: Bool
        /// Whether a NUL byte is read as a byte of its field instead of stopping the reading
        /// (only without quoting, where a record's end is never in doubt): the event importer
        /// decides per field whether it matters.
        var keepsNUL = false

        /// RFC 4180 CSV: comma-separated, `"` quotes fields (`""` is a quote inside one).
        public static let csv = Dialect(delimiter: UInt8(ascii: ","), isQuoted: true)
        /// Tab-separated without quoting, as ICEWS and GDELT ship their files: a `"` is text.
        public static let tsv = Dialect(delimiter: UInt8(ascii: "\t"), isQuoted: false)
        /// ``tsv`` keeping NUL bytes in their fields, for the event importer.
        static let eventTSV = Dialect(delimiter: UInt8(ascii: "\t"), isQuoted: false, keepsNUL: true)
    }

    /// A malformed record; reading stops there, since where the next record starts is unknown.
    public struct SyntaxError: DiploGraphError, Equatable {
        /// The 1-based physical line of the input on which the malformed record starts.
        public var line: Int
        /// What is wrong, in words (`unclosed quote`, ...), without the line.
        public var message: String

        /// ``/DiploGraph/ErrorReason/malformedInput(file:line:)`` at ``line`` (the reader
        /// does not know the file's name).
        public var errorReason: ErrorReason { .malformedInput(file: nil, line: line) }

        /// `line N: message`.
        public var description: String { "line \(line): \(message)" }
    }

    private let handle: FileHandle?
    private let dialect: Dialect
    private var buffer: [UInt8]
    private var position = 0
    private var isAtEndOfInput = false
    /// Set when reading the file failed: parsing stops with a ``SyntaxError`` naming the line.
    private var readFailure: String?
    private var nextLine = 1
    private var isFirstRecord = true
    private static let chunkSize = 1 << 20

    /// The fields of the current record, unescaped, end to end.
    private var fieldBytes: [UInt8] = []
    /// The end offset of each field in `fieldBytes`.
    private var fieldEnds: [Int] = []
    /// Whether the current record holds a NUL byte (only with `Dialect.keepsNUL`).
    private(set) var recordContainsNUL = false

    /// Why a file cannot be read.
    public struct ReadError: DiploGraphError, Equatable {
        /// What went wrong, in words: "it is a folder", "no such file", "permission denied", ...
        public var reason: String
        /// The ``reason``.
        public var description: String { reason }
        /// ``/DiploGraph/ErrorReason/unreadable``.
        public var errorReason: ErrorReason { .unreadable }

        /// An error giving `reason`.
        /// - Parameter reason: what went wrong, in words (`no such file`).
        /// - Complexity: O(1).
        public init(reason: String) { self.reason = reason }

        /// The message for the C library's `errno`.
        static func system(_ code: Int32) -> ReadError {
            switch code {
            case EISDIR: ReadError(reason: "it is a folder, not a file")
            case ENOENT: ReadError(reason: "no such file")
            case EACCES, EPERM: ReadError(reason: "permission denied")
            default: ReadError(reason: String(cString: strerror(code)))
            }
        }
    }

    /// Opens `path` for streaming.
    /// - Throws: ``ReadError`` when the path is a folder or the file cannot be opened.
    /// - Parameters:
    ///   - path: the file to read; it is read in chunks of 1 MiB as records are asked for.
    ///   - dialect: how fields are separated and quoted (default: ``Dialect/csv``).
    /// - Complexity: O(1): nothing is read until ``nextRecord()``.
    public init(path: String, dialect: Dialect = .csv) throws(ReadError) {
        var info = stat()
        guard stat(path, &info) == 0 else { throw .system(errno) }
        if info.st_mode & S_IFMT == S_IFDIR { throw .system(EISDIR) }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .system(access(path, R_OK) == 0 ? EIO : errno)
        }
        self.handle = handle
        self.dialect = dialect
        self.buffer = []
    }

    /// Reads records from bytes held in memory.
    /// - Parameters:
    ///   - bytes: the whole input, in UTF-8 (a byte order mark is skipped).
    ///   - dialect: how fields are separated and quoted (default: ``Dialect/csv``).
    /// - Complexity: O(1): the array is shared, not copied.
    public init(bytes: [UInt8], dialect: Dialect = .csv) {
        self.handle = nil
        self.dialect = dialect
        self.buffer = bytes
        self.isAtEndOfInput = true
    }

    /// Moves to the next record.
    ///
    /// - Returns: the 1-based line on which the record starts, or `nil` at the end of input.
    ///   Empty lines are skipped.
    /// - Throws: ``SyntaxError`` for an unclosed quote, text after a closing quote,
    ///   a NUL byte, or an input that starts as a compressed file or UTF-16 or UTF-32 text
    ///   (``notUTF8Text(_:)``); the error names the line.
    /// - Complexity: O(*b*) for a record of *b* bytes.
    public mutating func nextRecord() throws(SyntaxError) -> Int? {
        while true {
            if position >= buffer.count {
                if isAtEndOfInput || !refill() {
                    if let readFailure { throw SyntaxError(line: nextLine, message: "cannot be read past this line: \(readFailure)") }
                    return nil
                }
            }
            if isFirstRecord {
                isFirstRecord = false
                // A compressed file or text in another encoding gets a message naming it.
                _ = ensureAvailable(Self.sniffLength)
                let sample = buffer[position..<min(buffer.count, position + Self.sniffLength)]
                if let message = Self.notUTF8Text(Array(sample)) { throw SyntaxError(line: nextLine, message: message) }
                // Skip a UTF-8 byte order mark.
                if ensureAvailable(3), buffer[position] == 0xEF,
                   buffer[position + 1] == 0xBB, buffer[position + 2] == 0xBF {
                    position += 3
                    if position >= buffer.count { continue }
                }
            }
            // Skip blank lines.
            let byte = buffer[position]
            if byte == 0x0A { position += 1; nextLine += 1; continue }
            if byte == 0x0D {
                if ensureAvailable(2), buffer[position + 1] == 0x0A { position += 2 } else { position += 1 }
                nextLine += 1
                continue
            }
            return try parseRecord()
        }
    }

    /// The fields of one CSV record written on the command line, such as `--dyad` values:
    /// split at commas, with CSV quoting for a field that holds a comma or a quote
    /// (`"Korea, Republic of",DPRK`; a quote inside a quoted field is doubled). Unquoted
    /// fields lose the spaces around them (`A, B` is `A` and `B`).
    ///
    /// - Parameter text: the record, on one line.
    /// - Returns: the fields, unquoted, in order (an empty text gives one empty field).
    /// - Throws: ``/DiploGraph/ValueError`` for a quote that is not closed, text after a closing
    ///   quote, a quote inside an unquoted field, a NUL character, a line break outside
    ///   quotes (more than one record), or a field that is not UTF-8.
    /// - Complexity: O(*n*) for *n* bytes of `text`.
    public static func fields(ofRecord text: String) throws(ValueError) -> [String] {
        var reader = CSVReader(bytes: Array(text.utf8))
        // The sniffing for files does not apply to a value typed on the command line.
        reader.isFirstRecord = false
        func syntax(_ error: SyntaxError) -> ValueError {
            ValueError("'\(text)': \(error.message) (quote a field that holds a comma as in CSV: \"Korea, Republic of\",DPRK)")
        }
        do throws(SyntaxError) {
            guard try reader.nextRecord() != nil else { return [""] }
        } catch {
            throw syntax(error)
        }
        var fields: [String] = []
        for index in 0..<reader.fieldCount {
            guard let field = reader.field(index) else { throw ValueError("'\(text)': not UTF-8 text") }
            // Ids never start or end with whitespace: `A, B` names A and B.
            fields.append(field.trimmingCharacters(in: .whitespaces))
        }
        let another: Int?
        do throws(SyntaxError) { another = try reader.nextRecord() } catch { throw syntax(error) }
        if another != nil { throw ValueError("'\(text)': a line break outside quotes (give one line)") }
        return fields
    }

    /// How many bytes at the start of the input ``notUTF8Text(_:)`` looks at.
    static let sniffLength = 64

    /// What the first bytes of an input say it is when it is not UTF-8 text: a compressed
    /// file or archive (by its magic number: gzip, zip, bzip2, xz, zstd), or UTF-16 or UTF-32
    /// text (by its byte order mark, or by the NUL bytes between ASCII letters such text has
    /// without one), with what to do; `nil` otherwise.
    ///
    /// - Parameter bytes: the first bytes of the input (the first 64 are enough).
    /// - Returns: the message, e.g. `UTF-16 (little-endian) text, not UTF-8: convert the file to
    ///   UTF-8 (e.g. iconv -f UTF-16LE -t UTF-8)`.
    /// - Complexity: O(*n*) for *n* bytes.
    public static func notUTF8Text(_ bytes: [UInt8]) -> String? {
        func starts(_ magic: [UInt8]) -> Bool { bytes.starts(with: magic) }
        func compressed(_ name: String, _ advice: String) -> String {
            "a \(name) file, not text: \(advice) and read the CSV file inside"
        }
        func encoded(_ name: String, _ iconv: String) -> String {
            "\(name) text, not UTF-8: convert the file to UTF-8 (e.g. iconv -f \(iconv) -t UTF-8)"
        }
        if starts([0x1F, 0x8B]) { return compressed("gzip-compressed", "decompress it first (gunzip)") }
        if starts([0x50, 0x4B, 0x03, 0x04]) || starts([0x50, 0x4B, 0x05, 0x06]) {
            return compressed("zip archive", "extract it first (unzip)")
        }
        if starts([0x42, 0x5A, 0x68]), bytes.count >= 5, (0x31...0x39).contains(bytes[3]), bytes[4] == 0x31 || bytes[4] == 0x17 { return compressed("bzip2-compressed", "decompress it first (bunzip2)") }
        if starts([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00]) { return compressed("xz-compressed", "decompress it first (unxz)") }
        if starts([0x28, 0xB5, 0x2F, 0xFD]) { return compressed("zstd-compressed", "decompress it first (unzstd)") }
        if starts([0xFF, 0xFE, 0x00, 0x00]) { return encoded("UTF-32 (little-endian)", "UTF-32LE") }
        if starts([0x00, 0x00, 0xFE, 0xFF]) { return encoded("UTF-32 (big-endian)", "UTF-32BE") }
        if starts([0xFF, 0xFE]) { return encoded("UTF-16 (little-endian)", "UTF-16LE") }
        if starts([0xFE, 0xFF]) { return encoded("UTF-16 (big-endian)", "UTF-16BE") }
        // Without a byte order mark: ASCII letters with NUL bytes between them, in most of the
        // units of the sample (UTF-32 first: its units hold three NUL bytes).
        func pattern(unit: Int, letterAt letter: Int) -> Bool {
            let units = bytes.count / unit
            guard units >= 2 else { return false }
            var matching = 0
            for start in stride(from: 0, to: units * unit, by: unit) {
                let isMatch = (0..<unit).allSatisfy { offset in
                    offset == letter ? bytes[start + offset] != 0 : bytes[start + offset] == 0
                }
                if isMatch { matching += 1 }
            }
            return matching * 4 >= units * 3
        }
        if pattern(unit: 4, letterAt: 0) { return encoded("UTF-32 (little-endian)", "UTF-32LE") }
        if pattern(unit: 4, letterAt: 3) { return encoded("UTF-32 (big-endian)", "UTF-32BE") }
        if pattern(unit: 2, letterAt: 0) { return encoded("UTF-16 (little-endian)", "UTF-16LE") }
        if pattern(unit: 2, letterAt: 1) { return encoded("UTF-16 (big-endian)", "UTF-16BE") }
        return nil
    }

    /// The number of fields in the current record.
    public var fieldCount: Int { fieldEnds.count }

    /// Whether the current record has a field at `index` (0 ≤ `index` < ``fieldCount``).
    /// - Parameter index: a 0-based position.
    /// - Returns: `true` when the record has that field.
    /// - Complexity: O(1).
    public func hasField(_ index: Int) -> Bool { fieldEnds.indices.contains(index) }

    /// The bytes of field `index` of the current record.
    ///
    /// The bytes are unescaped (a quoted field's `""` is one `"`) and valid only inside `body`.
    /// - Parameters:
    ///   - index: the field's 0-based position; a position the record does not have
    ///     (``hasField(_:)``, negative ones included) reads as no bytes, as a missing field.
    ///   - body: reads the bytes; they must not escape it.
    /// - Returns: what `body` returns.
    /// - Throws: what `body` throws; the reader itself throws nothing.
    /// - Complexity: O(1) besides `body`.
    public func withFieldBytes<R>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        guard hasField(index) else { return try body(UnsafeBufferPointer(start: nil, count: 0)) }
        let start = index == 0 ? 0 : fieldEnds[index - 1]
        let end = fieldEnds[index]
        return try fieldBytes.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[start..<end])) }
    }

    /// Field `index` as text, or `nil` when its bytes are not valid UTF-8 or the record has
    /// no such field.
    /// - Parameter index: the field's 0-based position, less than ``fieldCount`` for a field.
    /// - Returns: the unescaped text; `nil` when it is not valid UTF-8, or when `index` is not a
    ///   position of the record (``hasField(_:)``), as the typed accessors of a missing field.
    /// - Complexity: O(*b*) for a field of *b* bytes.
    public func field(_ index: Int) -> String? {
        guard hasField(index) else { return nil }
        return withFieldBytes(index) { CSVReader.string(validating: $0) }
    }

    /// The text of UTF-8 bytes, or `nil` when they are not valid UTF-8.
    /// - Complexity: O(*b*); plain ASCII skips the generic validator.
    /// - Parameter bytes: the bytes to read as UTF-8.
    /// - Returns: the text, or `nil` for bytes that are not UTF-8.
    @inline(__always)
    public static func string(validating bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var isASCII = true
        for byte in bytes where byte >= 0x80 { isASCII = false; break }
        if isASCII { return String(decoding: bytes, as: UTF8.self) }
        return String(validating: bytes, as: UTF8.self)
    }

    /// Whether field `index` is valid UTF-8.
    /// - Complexity: O(*b*) for a field of *b* bytes; plain ASCII skips the generic validator.
    func isUTF8(_ index: Int) -> Bool {
        withFieldBytes(index) { bytes in
            for byte in bytes where byte >= 0x80 { return String(validating: bytes, as: UTF8.self) != nil }
            return true
        }
    }

    /// Whether field `index` is empty.
    /// - Parameter index: the field's 0-based position, less than ``fieldCount``.
    /// - Returns: `true` when the field has no bytes (`""` quoted counts as empty), or the
    ///   record has no field at `index` (``hasField(_:)``).
    /// - Complexity: O(1).
    public func isFieldEmpty(_ index: Int) -> Bool {
        guard hasField(index) else { return true }
        let start = index == 0 ? 0 : fieldEnds[index - 1]
        return fieldEnds[index] == start
    }

    // MARK: - Parsing

    private mutating func parseRecord() throws(SyntaxError) -> Int {
        let recordLine = nextLine
        fieldBytes.removeAll(keepingCapacity: true)
        fieldEnds.removeAll(keepingCapacity: true)
        recordContainsNUL = false
        let delimiter = dialect.delimiter
        let stopsAtNUL = !(dialect.keepsNUL && !dialect.isQuoted)
        var atFieldStart = true
        while true {
            if position >= buffer.count && !refill() {
                if let readFailure { throw SyntaxError(line: nextLine, message: "cannot be read past this line: \(readFailure)") }
                // End of input ends the record.
                fieldEnds.append(fieldBytes.count)
                return recordLine
            }
            let byte = buffer[position]
            if byte == 0 {
                if stopsAtNUL { throw SyntaxError(line: nextLine, message: "NUL byte: this looks like a binary file, not text") }
                recordContainsNUL = true
            }
            if atFieldStart && dialect.isQuoted && byte == UInt8(ascii: "\"") {
                position += 1
                try parseQuotedField(openedOn: nextLine)
                atFieldStart = false
                continue
            }
            if byte == delimiter {
                fieldEnds.append(fieldBytes.count)
                position += 1
                atFieldStart = true
                continue
            }
            if byte == 0x0A || byte == 0x0D {
                fieldEnds.append(fieldBytes.count)
                if byte == 0x0D, ensureAvailable(2), buffer[position + 1] == 0x0A { position += 2 } else { position += 1 }
                nextLine += 1
                return recordLine
            }
            if dialect.isQuoted && byte == UInt8(ascii: "\"") {
                throw SyntaxError(line: nextLine, message: "a quote inside an unquoted field (quote the whole field and double the quote)")
            }
            // Copy a run of plain bytes at once.
            var end = position + 1
            let count = buffer.count
            while end < count {
                let b = buffer[end]
                if b == delimiter || b == 0x0A || b == 0x0D || (dialect.isQuoted && b == UInt8(ascii: "\"")) { break }
                if b == 0 {
                    if stopsAtNUL { break }
                    recordContainsNUL = true
                }
                end += 1
            }
            fieldBytes.append(contentsOf: buffer[position..<end])
            position = end
            atFieldStart = false
        }
    }

    private mutating func parseQuotedField(openedOn line: Int) throws(SyntaxError) {
        while true {
            if position >= buffer.count && !refill() {
                throw SyntaxError(line: line, message: "unclosed quote: the field opened here never ends")
            }
            let byte = buffer[position]
            if byte == 0 {
                throw SyntaxError(line: nextLine, message: "NUL byte: this looks like a binary file, not text")
            }
            if byte == UInt8(ascii: "\"") {
                if ensureAvailable(2), buffer[position + 1] == UInt8(ascii: "\"") {
                    fieldBytes.append(byte)
                    position += 2
                    continue
                }
                position += 1
                // After the closing quote only a delimiter or a line end may follow.
                if position < buffer.count || refill() {
                    let next = buffer[position]
                    if next != dialect.delimiter && next != 0x0A && next != 0x0D {
                        throw SyntaxError(line: nextLine, message: "text after the closing quote of a field")
                    }
                }
                return
            }
            if byte == 0x0A { nextLine += 1 }
            if byte == 0x0D {
                if !(ensureAvailable(2) && buffer[position + 1] == 0x0A) { nextLine += 1 }
            }
            fieldBytes.append(byte)
            position += 1
        }
    }

    /// Makes sure `count` bytes from `position` are in the buffer when the input has them.
    private mutating func ensureAvailable(_ count: Int) -> Bool {
        while buffer.count - position < count {
            if !refill() { return false }
        }
        return true
    }

    /// Appends the next chunk of the file, dropping what was consumed. `false` at the end of input.
    private mutating func refill() -> Bool {
        guard !isAtEndOfInput, let handle else { return false }
        let chunk: Data?
        do {
            chunk = try handle.read(upToCount: Self.chunkSize)
        } catch {
            readFailure = StagedDirectory.reason(error)
            isAtEndOfInput = true
            return false
        }
        guard let chunk, !chunk.isEmpty else {
            isAtEndOfInput = true
            return false
        }
        if position > 0 {
            buffer.removeFirst(position)
            position = 0
        }
        buffer.append(contentsOf: chunk)
        return true
    }
}
