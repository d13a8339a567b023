import Dispatch
import Foundation
import DiploGraph
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The events reader's fast path: well-formed files are read in blocks, each block cut at
/// line ends into one part per core, the parts parsed in parallel and joined in file order.
///
/// The fast path handles only what needs no message: as soon as anything in a part would be
/// a problem for ``DatasetReader/readEvents(path:actors:kinds:)`` (a syntax error, a bad
/// field, a wrong field count, an unknown or unusual id), it gives up, and the serial reader
/// reads the file from the start and reports every problem with its line, in order, up to
/// its limit. So the problems, their order and their limit are the serial reader's by
/// construction, and for files the serial reader accepts the result is the same log:
/// actors are numbered in order of first appearance, and every event keeps its line.
///
/// Cutting at a line end may cut inside a quoted field that spans lines. Each part is parsed
/// from the true start of a record (the first part of the file is; every later part starts
/// where the one before ended cleanly), so a part that ends inside quotes shows it: within a
/// block that means the cut was wrong and the fast path gives up; at the end of a block the
/// unfinished record is carried into the next block.
///
/// Only ids of printable ASCII without leading or trailing spaces take the fast path
/// (others go through the serial reader's own rules), and only the `events` header columns
/// it knows are read; other columns are skipped as the serial reader skips them.
enum ParallelEventsReader {
    /// How many parts a block is cut into: the active cores.
    static var defaultPartCount: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }
    static let defaultBlockSize = 8 << 20
    /// A record longer than this (a huge quoted note) sends the file to the serial reader.
    static let largestCarry = 64 << 20

    /// Reads an events file, or returns `nil` when the serial reader must (see the type).
    static func read(path: String, actors: ActorTable?, kinds: KindTable,
                     partCount: Int = defaultPartCount, blockSize: Int = defaultBlockSize) -> EventLog? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        let size = Int(info.st_size)
        // Small files: one part, no threads.
        let parts = size < 1 << 20 ? 1 : partCount
        var reader = Reader(name: path, actors: actors, kinds: kinds, partCount: parts, expectedBytes: size)
        // One buffer for the whole file, read into in place: the carried record, then the next block.
        // Blocks no larger than the file (plus one byte, to see its end), so small files stay small.
        let chunk = max(1, min(blockSize, size + 1))
        var block = [UInt8](repeating: 0, count: chunk)
        var filled = 0
        while true {
            if block.count < filled + chunk { block += repeatElement(0, count: filled + chunk - block.count) }
            var isLast = false
            let wanted = filled + chunk
            while filled < wanted {
                let count = block.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress! + filled, wanted - filled) }
                if count < 0 {
                    if errno == EINTR { continue }
                    return nil
                }
                if count == 0 { isLast = true; break }
                filled += count
            }
            let carry = block.withUnsafeBufferPointer { bytes in
                reader.consume(UnsafeBufferPointer(rebasing: bytes[0..<filled]), isEndOfInput: isLast)
            }
            guard let carry else { return nil }
            if isLast { break }
            if carry > largestCarry { return nil }
            block.withUnsafeMutableBufferPointer { bytes in
                if carry > 0 { memmove(bytes.baseAddress!, bytes.baseAddress! + (filled - carry), carry) }
            }
            filled = carry
        }
        return reader.finish()
    }

    /// Reads events held in memory, cut into blocks of `blockSize` bytes, or `nil` (see the type).
    static func read(bytes: [UInt8], name: String, actors: ActorTable?, kinds: KindTable,
                     partCount: Int = defaultPartCount, blockSize: Int = defaultBlockSize) -> EventLog? {
        var reader = Reader(name: name, actors: actors, kinds: kinds, partCount: partCount, expectedBytes: bytes.count)
        var block: [UInt8] = []
        var offset = 0
        while true {
            let next = min(bytes.count, offset + blockSize)
            block.append(contentsOf: bytes[offset..<next])
            offset = next
            let isLast = offset == bytes.count
            guard let carry = reader.consume(block, isEndOfInput: isLast) else { return nil }
            if isLast { break }
            block.removeFirst(block.count - carry)
            if carry > largestCarry { return nil }
        }
        return reader.finish()
    }

    /// The columns of the events header, by position.
    struct Columns: Sendable {
        var count: Int
        var date: Int, source: Int, target: Int, kind: Int
        var weight: Int?, note: Int?, about: Int?
    }

    /// The state carried from block to block: the header, the actors so far, the events so far.
    struct Reader {
        let name: String
        let declared: ActorTable?
        let kinds: KindTable
        let partCount: Int
        var columns: Columns?
        var actors: ActorTable
        /// Every actor known so far, by its bytes.
        var actorIndex = ByteInterner()
        var kindIndex = ByteInterner()
        var events: [Event] = []
        var notes: [String] = []
        /// The line the next unread byte is on.
        var nextLine = 1
        var isAtFileStart = true

        init(name: String, actors declared: ActorTable?, kinds: KindTable, partCount: Int, expectedBytes: Int) {
            self.name = name
            self.declared = declared
            self.kinds = kinds
            self.partCount = max(1, partCount)
            actors = declared ?? ActorTable()
            for (index, actor) in actors.actors.enumerated() {
                Array(actor.id.utf8).withUnsafeBufferPointer { actorIndex.insert($0, value: Int32(index)) }
            }
            for (index, kind) in kinds.kinds.enumerated() {
                Array(kind.id.utf8).withUnsafeBufferPointer { kindIndex.insert($0, value: Int32(index)) }
            }
            // About 33 bytes a line in typical files: reserve once rather than regrow.
            let estimate = expectedBytes / 30
            events.reserveCapacity(estimate)
            notes.reserveCapacity(estimate)
        }

        /// Parses the records `block` holds in full.
        /// - Returns: how many bytes at its end belong to a record that continues in the next
        ///   block, or `nil` to give up.
        mutating func consume(_ block: [UInt8], isEndOfInput: Bool) -> Int? {
            block.withUnsafeBufferPointer { bytes in consume(bytes, isEndOfInput: isEndOfInput) }
        }

        mutating func consume(_ bytes: UnsafeBufferPointer<UInt8>, isEndOfInput: Bool) -> Int? {
            var start = 0
            if isAtFileStart {
                // The header: only from a block that holds it whole.
                guard let headerEnd = readHeader(bytes, isEndOfInput: isEndOfInput) else { return nil }
                if headerEnd < 0 { return bytes.count }
                start = headerEnd
                isAtFileStart = false
            }
            // The parsed region ends after the block's last line feed (at the end of input: its end).
            var end = bytes.count
            if !isEndOfInput {
                while end > start && bytes[end - 1] != 0x0A { end -= 1 }
                if end == start { return bytes.count - start }
            }
            guard let columns else { return nil }
            // A cut inside a quoted field shows as a part ending inside quotes: its records
            // before that one stand, and the rest of the region is parsed again from the
            // start of that record (after three tries, in one part).
            var regionStart = start
            var tries = 0
            while regionStart < end {
                var points = [regionStart]
                let parts = tries < 3 ? partCount : 1
                for k in 1..<max(parts, 1) {
                    var p = regionStart + (end - regionStart) * k / parts
                    while p < end && bytes[p - 1] != 0x0A { p += 1 }
                    if p > points.last! && p < end { points.append(p) }
                }
                points.append(end)
                let cuts = points
                let count = cuts.count - 1
                let results = ConcurrentResults<PartResult>(count: count)
                let base = UnsafeSendableBytes(bytes)
                let known = actorIndex, knownCount = Int32(actors.count), isClosed = declared != nil
                let kindIndex = kindIndex, mediation = KindTable.mediation
                let work: @Sendable (Int) -> Void = { part in
                    let slice = UnsafeBufferPointer(rebasing: base.bytes[cuts[part]..<cuts[part + 1]])
                    results[part] = known.withView { known in
                        kindIndex.withView { kindIndex in
                            var parser = PartParser(bytes: slice, columns: columns, known: known, knownCount: knownCount,
                                                    isClosed: isClosed, kindIndex: kindIndex, mediationKind: mediation)
                            return parser.run()
                        }
                    }
                }
                if count == 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: count, execute: work) }
                // Join in file order.
                var resumeAt: Int?
                for part in 0..<count {
                    guard let result = results[part], !result.gaveUp else { return nil }
                    merge(result)
                    if let unfinished = result.unfinishedRecordStart {
                        let recordStart = cuts[part] + unfinished
                        if part == count - 1 {
                            // Cut by the end of the block: carried into the next one.
                            return isEndOfInput ? nil : bytes.count - recordStart
                        }
                        resumeAt = recordStart
                        break
                    }
                }
                guard let resumeAt else { break }
                regionStart = resumeAt
                tries += 1
            }
            return bytes.count - end
        }

        /// Reads the header at the start of the file with ``TableFile``, so that its rules are
        /// the serial reader's. Returns the offset after it, -1 when the block does not hold it
        /// whole yet, or `nil` to give up.
        private mutating func readHeader(_ bytes: UnsafeBufferPointer<UInt8>, isEndOfInput: Bool) -> Int? {
            var scanner = RecordScanner(bytes: bytes, fieldLimit: Int.max)
            if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { scanner.position = 3 }
            switch scanner.next() {
            case .record: break
            case .endOfInput, .unclosedQuote: return isEndOfInput ? nil : -1
            case .malformed: return nil
            }
            // The header record must be ended by a line end, unless it is the whole file.
            if !isEndOfInput && scanner.position == bytes.count { return -1 }
            let headerBytes = Array(UnsafeBufferPointer(rebasing: bytes[0..<scanner.position]))
            guard let table = try? TableFile(bytes: headerBytes, displayName: name, required: ["date", "source", "target", "kind"],
                                             expectedHeader: "") else { return nil }
            columns = Columns(count: table.header.count, date: table.column("date")!, source: table.column("source")!,
                              target: table.column("target")!, kind: table.column("kind")!, weight: table.column("weight"),
                              note: table.column("note"), about: table.column("about"))
            nextLine = 1 + scanner.lineBreaks
            return scanner.position
        }

        /// Appends a part's events, numbering its new actors after the known ones in order of
        /// first appearance, and its lines after the lines before it.
        private mutating func merge(_ result: PartResult) {
            var part = result
            var global = [Int32](repeating: 0, count: part.newActors.count)
            for (local, id) in part.newActors.enumerated() {
                if let index = id.withUnsafeBufferPointer({ actorIndex.value(of: $0) }) {
                    global[local] = index
                } else {
                    let index = actors.intern(String(decoding: id, as: UTF8.self))
                    id.withUnsafeBufferPointer { actorIndex.insert($0, value: index.value) }
                    global[local] = index.value
                }
            }
            let firstNew = part.knownCount
            func map(_ id: ActorIndex) -> ActorIndex { id.value < firstNew ? id : ActorIndex(unchecked: global[Int(id.value - firstNew)]) }
            let lineOffset = nextLine - 1
            part.events.withUnsafeMutableBufferPointer { partEvents in
                for i in partEvents.indices {
                    partEvents[i].line += lineOffset
                    if partEvents[i].source.value >= firstNew { partEvents[i].source = map(partEvents[i].source) }
                    if partEvents[i].target.value >= firstNew { partEvents[i].target = map(partEvents[i].target) }
                    if let about = partEvents[i].about, about.second.value >= firstNew {
                        partEvents[i].about = try? Relationship(map(about.first), map(about.second))
                    }
                }
            }
            events.append(contentsOf: part.events)
            notes.append(contentsOf: part.notes)
            nextLine += part.lineBreaks
        }

        /// The log, as the serial reader would make it.
        func finish() -> EventLog? {
            guard columns != nil else { return nil }
            return try? EventLog(file: name, actors: actors, kinds: kinds, events: events, notes: notes)
        }
    }

    /// What one part yields: events with lines counted from the part's start and actor ids
    /// at or past `knownCount` standing for `newActors`.
    struct PartResult: Sendable {
        var events: [Event] = []
        var notes: [String] = []
        var newActors: [[UInt8]] = []
        var knownCount: Int32 = 0
        /// Line breaks in the bytes parsed (up to `unfinishedRecordStart` when there is one).
        var lineBreaks = 0
        /// Where a record cut by the end of the block starts, relative to the part.
        var unfinishedRecordStart: Int?
        var gaveUp = false
    }

    /// Parses the records of one part into events, giving up at the first thing that is not plain.
    struct PartParser {
        var scanner: RecordScanner
        let columns: Columns
        let known: ByteInterner.View
        let knownCount: Int32
        let isClosed: Bool
        let kindIndex: ByteInterner.View
        let mediationKind: KindIndex?
        var local = ByteInterner()
        var result = PartResult()

        init(bytes: UnsafeBufferPointer<UInt8>, columns: Columns, known: ByteInterner.View, knownCount: Int32, isClosed: Bool,
             kindIndex: ByteInterner.View, mediationKind: KindIndex?) {
            scanner = RecordScanner(bytes: bytes, fieldLimit: columns.count)
            self.columns = columns
            self.known = known
            self.knownCount = knownCount
            self.isClosed = isClosed
            self.kindIndex = kindIndex
            self.mediationKind = mediationKind
            result.knownCount = knownCount
            // About 30 bytes a record: grown once at most.
            result.events.reserveCapacity(bytes.count / 30 + 16)
            result.notes.reserveCapacity(bytes.count / 30 + 16)
        }

        /// Parses the part; a record its end cuts inside quotes is left as `unfinishedRecordStart`.
        mutating func run() -> PartResult {
            while true {
                let recordStart = scanner.position
                let linesBefore = scanner.lineBreaks
                switch scanner.next() {
                case .endOfInput:
                    result.lineBreaks = scanner.lineBreaks
                    return result
                case .unclosedQuote:
                    result.unfinishedRecordStart = recordStart
                    result.lineBreaks = linesBefore
                    return result
                case .malformed:
                    result.gaveUp = true
                    return result
                case .record:
                    // Lines are 1-based; the merge adds the lines before the part.
                    guard scanner.fieldCount == columns.count, addEvent(line: 1 + scanner.recordLineBreaksBefore) else {
                        result.gaveUp = true
                        return result
                    }
                }
            }
        }

        /// The actor id in `bytes`, interned in this part when new; `nil` to give up.
        private mutating func actor(_ bytes: UnsafeBufferPointer<UInt8>) -> ActorIndex? {
            // Plain (printable ASCII, not empty, no space at either end) and hashed in one pass.
            guard let first = bytes.first, let last = bytes.last, first != 0x20, last != 0x20 else { return nil }
            var state = ByteInterner.hashSeed
            for byte in bytes {
                if byte < 0x20 || byte > 0x7E { return nil }
                state = ByteInterner.hashStep(state, byte)
            }
            let hash = ByteInterner.finishHash(state)
            if let index = known.value(of: bytes, hash: hash) { return ActorIndex(unchecked: index) }
            if let index = local.value(of: bytes, hash: hash) { return ActorIndex(unchecked: knownCount + index) }
            if isClosed { return nil }
            let index = Int32(result.newActors.count)
            local.insert(bytes, value: index)
            result.newActors.append(Array(bytes))
            return ActorIndex(unchecked: knownCount + index)
        }

        private mutating func addEvent(line: Int) -> Bool {
            guard let date = EventDate(utf8: scanner.field(columns.date)),
                  let source = actor(scanner.field(columns.source)),
                  let target = actor(scanner.field(columns.target)),
                  source != target,
                  let kind = kindIndex.value(of: scanner.field(columns.kind), hash: ByteInterner.hash(scanner.field(columns.kind)))
                    .map({ KindIndex(unchecked: $0) }) else { return false }
            var weight = 1.0
            if let column = columns.weight, !scanner.isFieldEmpty(column) {
                guard let parsed = DatasetReader.parseDouble(scanner.field(column)), parsed.isFinite, parsed > 0 else { return false }
                weight = parsed
            }
            var note = ""
            if let column = columns.note, !scanner.isFieldEmpty(column) {
                guard let text = CSVReader.string(validating: scanner.field(column)) else { return false }
                note = text
            }
            var about: Relationship?
            if let column = columns.about, !scanner.isFieldEmpty(column) {
                guard let sides = aboutSides(scanner.field(column)) else { return false }
                about = sides
                if kind == mediationKind && (!sides.contains(target) || sides.contains(source)) { return false }
            }
            guard let event = try? Event(date: date, source: source, target: target, kind: kind, weight: weight, line: line, about: about) else {
                return false
            }
            result.events.append(event)
            result.notes.append(note)
            return true
        }

        /// `A|B`: two different plain ids.
        private mutating func aboutSides(_ bytes: UnsafeBufferPointer<UInt8>) -> Relationship? {
            guard let bar = bytes.firstIndex(of: UInt8(ascii: "|")) else { return nil }
            let first = UnsafeBufferPointer(rebasing: bytes[..<bar])
            let second = UnsafeBufferPointer(rebasing: bytes[(bar + 1)...])
            guard !first.isEmpty, !second.isEmpty, !second.contains(UInt8(ascii: "|")),
                  !first.elementsEqual(second) else { return nil }
            guard let a = actor(first), let b = actor(second) else { return nil }
            return try? Relationship(a, b)
        }
    }
}

/// A block's bytes, shared read-only with the threads that parse its parts.
struct UnsafeSendableBytes: @unchecked Sendable {
    let bytes: UnsafeBufferPointer<UInt8>
    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }
}

/// Splits CSV records out of bytes in memory exactly as ``CSVReader`` does for well-formed
/// input, and stops (`.malformed`) wherever ``CSVReader`` would report a syntax error.
///
/// Fields are not copied: each is a range of the input, or, for a quoted field with doubled
/// quotes, a range of a scratch buffer. Line breaks are counted as ``CSVReader`` counts lines
/// (CRLF once, a lone CR once, inside quoted fields too).
struct RecordScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0
    /// Line breaks passed since the start.
    private(set) var lineBreaks = 0
    /// Line breaks before the current record's first byte.
    private(set) var recordLineBreaksBefore = 0
    /// More fields than this make the record `.malformed` (a wrong field count).
    let fieldLimit: Int
    private(set) var fieldCount = 0
    /// Field i is `starts[i]..<ends[i]` of `bytes`, or of `scratch` when `isCopy[i]`.
    private var starts: [Int] = [], ends: [Int] = [], isCopy: [Bool] = []
    /// Unescaped quoted fields (those with doubled quotes).
    private let scratch = ByteScratch()

    enum Outcome { case record, endOfInput, unclosedQuote, malformed }

    init(bytes: UnsafeBufferPointer<UInt8>, fieldLimit: Int) {
        self.bytes = bytes
        self.fieldLimit = fieldLimit
    }

    /// Field `index` of the current record, valid until the next call of ``next()``.
    @inline(__always)
    func field(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        let start = starts[index], count = ends[index] - start
        if isCopy[index] { return UnsafeBufferPointer(start: scratch.base! + start, count: count) }
        return UnsafeBufferPointer(rebasing: bytes[start..<(start + count)])
    }

    @inline(__always)
    func isFieldEmpty(_ index: Int) -> Bool { starts[index] == ends[index] }

    @inline(__always)
    private mutating func addField(_ start: Int, _ end: Int, isCopy copy: Bool = false) -> Bool {
        if fieldCount == fieldLimit { return false }
        if fieldCount < starts.count {
            starts[fieldCount] = start
            ends[fieldCount] = end
            isCopy[fieldCount] = copy
        } else {
            starts.append(start)
            ends.append(end)
            isCopy.append(copy)
        }
        fieldCount += 1
        return true
    }

    /// Moves to the next record, skipping blank lines.
    mutating func next() -> Outcome {
        let end = bytes.count
        while position < end {
            let byte = bytes[position]
            if byte == 0x0A {
                position += 1
            } else if byte == 0x0D {
                position += position + 1 < end && bytes[position + 1] == 0x0A ? 2 : 1
            } else {
                break
            }
            lineBreaks += 1
        }
        if position == end { return .endOfInput }
        recordLineBreaksBefore = lineBreaks
        fieldCount = 0
        scratch.removeAll()
        // One field per turn, from its first byte.
        while true {
            if position < end && bytes[position] == 0x22 {
                let outcome = quotedField()
                if outcome != .record { return outcome }
            } else {
                let start = position
                var p = position
                while p < end {
                    let b = bytes[p]
                    if b == 0x2C || b == 0x0A || b == 0x0D || b == 0x22 || b == 0 { break }
                    p += 1
                }
                if p < end && (bytes[p] == 0x22 || bytes[p] == 0) { return .malformed }
                guard addField(start, p) else { return .malformed }
                position = p
            }
            // At the end of input, a delimiter or a line end.
            if position == end { break }
            let b = bytes[position]
            if b == 0x2C {
                position += 1
                continue
            }
            position += b == 0x0D && position + 1 < end && bytes[position + 1] == 0x0A ? 2 : 1
            lineBreaks += 1
            break
        }
        return .record
    }

    /// A quoted field from its opening quote, up to the byte after its closing quote, which
    /// must be a delimiter, a line end or the end of input.
    private mutating func quotedField() -> Outcome {
        let end = bytes.count
        position += 1
        let start = position
        var hasDoubledQuotes = false
        while true {
            if position == end { return .unclosedQuote }
            let byte = bytes[position]
            if byte == 0x22 {
                if position + 1 < end && bytes[position + 1] == 0x22 {
                    hasDoubledQuotes = true
                    position += 2
                    continue
                }
                let close = position
                position += 1
                if position < end {
                    let next = bytes[position]
                    if next != 0x2C && next != 0x0A && next != 0x0D { return .malformed }
                }
                if hasDoubledQuotes {
                    let from = scratch.count
                    var i = start
                    while i < close {
                        scratch.append(bytes[i])
                        i += bytes[i] == 0x22 ? 2 : 1
                    }
                    guard addField(from, scratch.count, isCopy: true) else { return .malformed }
                } else {
                    guard addField(start, close) else { return .malformed }
                }
                return .record
            }
            if byte == 0 { return .malformed }
            if byte == 0x0A {
                lineBreaks += 1
            } else if byte == 0x0D && !(position + 1 < end && bytes[position + 1] == 0x0A) {
                lineBreaks += 1
            }
            position += 1
        }
    }
}

/// A growable byte buffer at a fixed address between growths, freed with its owner.
final class ByteScratch {
    private(set) var base: UnsafeMutablePointer<UInt8>?
    private(set) var count = 0
    private var capacity = 0

    func removeAll() { count = 0 }

    func append(_ byte: UInt8) {
        if count == capacity {
            let newCapacity = max(64, capacity * 2)
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
            if let base {
                grown.update(from: base, count: count)
                base.deallocate()
            }
            base = grown
            capacity = newCapacity
        }
        base![count] = byte
        count += 1
    }

    deinit { base?.deallocate() }
}

/// The C library's `read(2)` (the name `read` is taken inside the reader).
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.read(descriptor, buffer, count)
    #else
    Darwin.read(descriptor, buffer, count)
    #endif
}
