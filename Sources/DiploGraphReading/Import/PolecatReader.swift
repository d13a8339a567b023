import Foundation
import DiploGraph
import ZIPFoundation

/// Reads POLECAT files as PLOVER records: weekly tab-separated files, yearly zip archives of
/// them, or a folder holding either.
///
/// Columns are found by name in each file's header. The header is the one printed in the
/// public Temporal Graph Benchmark repository (shenyangHuang/TGB,
/// `tgb/datasets/tkgl_polecat/tkgl_polecat.py`): `Event ID`, `Event Date`, `Event Type`,
/// `Event Mode`, `Intensity`, `Quad Code`, `Contexts`, `Actor Name`, `Actor Country`, ...,
/// `Primary Actor Sector`, ..., `Recipient Name`, `Recipient Country`, ...,
/// `Primary Recipient Sector`, ... (40 columns). The reader needs `Event ID`, `Event Date`,
/// `Event Type`, `Actor Country` and `Recipient Country`; it also uses `Event Mode`,
/// `Contexts`, `Primary Actor Sector`, `Primary Recipient Sector`, `Actor Name` and
/// `Recipient Name` when present.
///
/// Tolerated, as the published files need: tabs after the last column (empty fields past the
/// header; a non-empty one is a malformed row), a header with more names than the rows have
/// fields (fields are needed only up to the last column read), quotes of either kind inside
/// values (they are text: fields are never quoted), `\r\n` line ends, and several values in one
/// field joined by semicolons (compound actors: `Actor Country` `USA;FRA`, sectors aligned
/// with them; modes and contexts). `None` as a value means empty.
public struct PolecatReader {
    /// The longest line read (16 MiB).
    public static let maximumLineBytes = 16 << 20

    /// A file of records and how to name it in messages.
    public struct Source: Sendable, Equatable {
        /// The file on disk (a text file or a zip archive).
        public var path: String
        /// The data file inside the archive, or `nil` for a text file.
        public var entry: String?
        /// The name for messages: `path`, or `archive.zip!member.txt` for a file in an archive.
        public var displayName: String { entry.map { "\(path)!\($0)" } ?? path }
    }

    /// The files to read for `path`: the file itself, or a folder's `.txt`, `.tsv` and `.zip`
    /// files in name order (zip archives are opened when read).
    /// - Parameter path: a file or folder.
    /// - Returns: the files.
    /// - Throws: ``/DiploGraph/InputProblems`` when the path cannot be read or a folder holds no data file.
    /// - Complexity: O(*f* log *f*) for *f* files in the folder.
    public static func files(at path: String) throws(InputProblems) -> [String] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw InputProblems([InputProblem(file: path, line: nil, message: "cannot be read: no such file or folder")])
        }
        guard isFolder.boolValue else { return [path] }
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: path) } catch {
            throw InputProblems([InputProblem(file: path, line: nil, message: "cannot be read: \(error.localizedDescription)")])
        }
        let data = names.filter { name in
            !name.hasPrefix(".") && [".txt", ".tsv", ".zip"].contains(where: { name.lowercased().hasSuffix($0) })
        }.sorted()
        guard !data.isEmpty else {
            throw InputProblems([InputProblem(file: path, line: nil, message: "the folder holds no POLECAT file (.txt, .tsv or .zip)")])
        }
        return data.map { (path.hasSuffix("/") ? path : path + "/") + $0 }
    }

    /// Whether a member of a zip archive is a data file (`.txt` or `.tsv`, not macOS metadata).
    static func isDataEntry(_ name: String) -> Bool {
        let lower = name.lowercased()
        return (lower.hasSuffix(".txt") || lower.hasSuffix(".tsv")) && !lower.hasPrefix("__macosx/")
            && !(lower.split(separator: "/").last?.hasPrefix("._") ?? false)
    }

    /// Reads every line of `path` (each data file of an archive in turn), handing each file's
    /// lines to `body` with the file's name for messages and the 1-based line number.
    /// - Parameters:
    ///   - path: a text file or a zip archive.
    ///   - body: receives the source, the line number and the line's bytes (no line end).
    /// - Throws: ``/DiploGraph/InputProblems`` when the file cannot be read, an archive is not a zip
    ///   file or holds no data file, or a line is too long; whatever `body` throws,
    ///   as it is; each wrapped in ``/DiploGraph/AnyDiploGraphError``.
    /// - Complexity: O(*b*) for *b* bytes (uncompressed); memory holds one line.
    public static func forEachLine(path: String,
                                   _ body: (Source, Int, ArraySlice<UInt8>) throws(AnyDiploGraphError) -> Void) throws(AnyDiploGraphError) {
        func refused(_ file: String, _ message: String) -> AnyDiploGraphError {
            AnyDiploGraphError(InputProblems([InputProblem(file: file, line: nil, message: message)]))
        }
        if path.lowercased().hasSuffix(".zip") {
            let archive: Archive
            do { archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read) } catch {
                throw refused(path, "cannot be read as a zip archive")
            }
            let entries = archive.filter { $0.type == .file && isDataEntry($0.path) }.sorted { $0.path < $1.path }
            guard !entries.isEmpty else { throw refused(path, "the zip archive holds no data file (.txt or .tsv)") }
            for entry in entries {
                let source = Source(path: path, entry: entry.path)
                var splitter = LineSplitter(file: source.displayName)
                do {
                    _ = try archive.extract(entry, bufferSize: 1 << 16) { data in
                        try splitter.feed(data) { line, bytes throws(AnyDiploGraphError) in try body(source, line, bytes) }
                    }
                } catch let error as AnyDiploGraphError {
                    throw error
                } catch {
                    throw refused(source.displayName, "cannot be read from the archive (damaged or unsupported compression)")
                }
                try splitter.finish { line, bytes throws(AnyDiploGraphError) in try body(source, line, bytes) }
            }
            return
        }
        guard let handle = FileHandle(forReadingAtPath: path) else { throw refused(path, "cannot be read") }
        defer { try? handle.close() }
        let source = Source(path: path, entry: nil)
        var splitter = LineSplitter(file: path)
        while true {
            let chunk: Data
            do { chunk = try handle.read(upToCount: 1 << 16) ?? Data() } catch { throw refused(path, "cannot be read") }
            if chunk.isEmpty { break }
            try splitter.feed(chunk) { line, bytes throws(AnyDiploGraphError) in try body(source, line, bytes) }
        }
        try splitter.finish { line, bytes throws(AnyDiploGraphError) in try body(source, line, bytes) }
    }

    /// Splits bytes fed in chunks into lines.
    struct LineSplitter {
        /// The file's name in messages.
        let file: String
        private var pending: [UInt8] = []
        private var line = 0

        init(file: String) { self.file = file }

        /// Hands `body` each line `data` completes; a line longer than 16 MiB is refused
        /// naming ``file`` and its line.
        mutating func feed(_ data: Data, _ body: (Int, ArraySlice<UInt8>) throws(AnyDiploGraphError) -> Void) throws(AnyDiploGraphError) {
            let bytes = [UInt8](data)
            var from = 0
            for (i, byte) in bytes.enumerated() where byte == 10 {
                line += 1
                if pending.isEmpty {
                    try body(line, Self.trimmed(bytes[from..<i]))
                } else {
                    pending.append(contentsOf: bytes[from..<i])
                    let whole = pending
                    pending = []
                    try body(line, Self.trimmed(whole[...]))
                }
                from = i + 1
            }
            pending.append(contentsOf: bytes[from...])
            if pending.count > PolecatReader.maximumLineBytes {
                throw AnyDiploGraphError(InputProblems([InputProblem(file: file, line: line + 1, message: "a line longer than 16 MiB")]))
            }
        }

        mutating func finish(_ body: (Int, ArraySlice<UInt8>) throws(AnyDiploGraphError) -> Void) throws(AnyDiploGraphError) {
            guard !pending.isEmpty else { return }
            line += 1
            let whole = pending
            pending = []
            try body(line, Self.trimmed(whole[...]))
        }

        static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
            bytes.last == 13 ? bytes.dropLast() : bytes
        }
    }

    /// The columns of one POLECAT file, found in its header.
    public struct Header: Sendable {
        let names: [String]
        let id: Int, date: Int, event: Int, actorCountry: Int, recipientCountry: Int
        let mode: Int?, contexts: Int?, actorSector: Int?, recipientSector: Int?, actorName: Int?, recipientName: Int?
        /// The fields a row needs: up to the last column read.
        let needed: Int

        /// The header of a file, from its first line.
        /// - Parameter line: the first line's bytes.
        /// - Throws: a message when the line is not text or lacks a column the reader needs.
        /// - Complexity: O(*b*) for *b* bytes.
        public init(line: ArraySlice<UInt8>) throws(PloverRecord.Problem) {
            var bytes = line
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
            guard let text = String(validating: bytes, as: UTF8.self) else { throw PloverRecord.Problem("the header is not UTF-8 text") }
            var names = text.split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            while names.last?.isEmpty == true { names.removeLast() }  // tabs after the last column
            self.names = names
            func find(_ name: String) -> Int? { names.firstIndex(of: name) }
            let required = ["Event ID", "Event Date", "Event Type", "Actor Country", "Recipient Country"]
            let missing = required.filter { find($0) == nil }
            guard missing.isEmpty else {
                throw PloverRecord.Problem("not a POLECAT header: missing \(missing.map { "'\($0)'" }.joined(separator: ", "))")
            }
            id = find("Event ID")!; date = find("Event Date")!; event = find("Event Type")!
            actorCountry = find("Actor Country")!; recipientCountry = find("Recipient Country")!
            mode = find("Event Mode"); contexts = find("Contexts")
            actorSector = find("Primary Actor Sector"); recipientSector = find("Primary Recipient Sector")
            actorName = find("Actor Name"); recipientName = find("Recipient Name")
            needed = ([id, date, event, actorCountry, recipientCountry] + [mode, contexts, actorSector, recipientSector, actorName, recipientName].compactMap { $0 }).max()! + 1
        }

        /// One data row as a record.
        /// - Parameters:
        ///   - line: the row's bytes.
        ///   - number: its line number.
        /// - Returns: the record, or ``PloverRecord/Reading/bad(_:)`` saying what is wrong.
        /// - Complexity: O(*b*) for *b* bytes.
        public func record(line: ArraySlice<UInt8>, number: Int) -> PloverRecord.Reading {
            let fields = line.split(separator: 9, omittingEmptySubsequences: false)
            guard fields.count >= needed else {
                return .bad("expected at least \(needed) tab-separated fields (as in the header), found \(fields.count)")
            }
            if fields.count > names.count, let extra = fields[names.count...].firstIndex(where: { !$0.isEmpty }) {
                return .bad("field \(extra + 1) is past the header's \(names.count) columns and not empty")
            }
            var texts: [Int: String] = [:]
            for index in [id, date, event, actorCountry, recipientCountry] + [mode, contexts, actorSector, recipientSector, actorName, recipientName].compactMap({ $0 }) {
                guard let text = String(validating: fields[index], as: UTF8.self) else { return .bad("not UTF-8 text in column '\(names[index])'") }
                let trimmed = text.trimmingCharacters(in: .whitespaces)
                texts[index] = trimmed.lowercased() == "none" ? "" : trimmed
            }
            func list(_ index: Int?) -> [String] {
                guard let index else { return [] }
                return texts[index]!.split(separator: ";", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            }
            let eventText = texts[event]!
            guard !eventText.isEmpty else { return .bad("row without an event type") }
            guard let type = PloverMapping.eventType(eventText) else {
                return .bad("unknown event type '\(eventText)' (PLOVER's are \(PloverMapping.eventTypes.joined(separator: ", ")))")
            }
            let dateText = texts[date]!
            guard !dateText.isEmpty else { return .bad("row without a date") }
            guard let day = EventDate(dateText) else { return .bad("invalid date '\(dateText)' (expected YYYY-MM-DD)") }
            func actors(_ countries: Int, _ sectors: Int?, _ names: Int?) -> [PloverRecord.Actor] {
                let codes = list(countries), sectorList = list(sectors), nameList = list(names)
                var out: [PloverRecord.Actor] = []
                for (i, code) in codes.enumerated() where !code.isEmpty && code.lowercased() != "none" {
                    let sector = sectorList.count == codes.count ? sectorList[i] : (sectorList.count == 1 ? sectorList[0] : "")
                    let name = nameList.count == codes.count ? nameList[i] : ""
                    out.append(PloverRecord.Actor(code: DatasetReader.normalized(code), sector: sector.lowercased() == "none" ? "" : sector, text: name))
                }
                return out
            }
            let sources = actors(actorCountry, actorSector, actorName)
            let targets = actors(recipientCountry, recipientSector, recipientName)
            let names = [actorName, recipientName].map { $0.map { texts[$0]! } ?? "" }
            let note = names.allSatisfy(\.isEmpty) ? "" : "\(names[0]) → \(names[1])"
            return .record(PloverRecord(id: texts[id]!, date: day, sources: sources, targets: targets, events: [type],
                                        modes: mode.map { PloverRecord.values(texts[$0]!) } ?? [],
                                        contexts: contexts.map { PloverRecord.values(texts[$0]!) } ?? [], note: note, line: number))
        }
    }
}
