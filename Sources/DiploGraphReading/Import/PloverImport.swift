import Foundation
import DiploGraph
import DiploGraphText
import DiploGraphOutput

/// A PLOVER or POLECAT import: reads the records, converts them (``PloverConverter``) and
/// writes an events file, an actors file and a kinds file beside it.
///
/// The three files are staged (``/DiploGraphOutput/StagedFile``): they appear only when the whole input was
/// read, and replace only files DiploGraph wrote. Without ``dedupes`` events stream to disk
/// (memory holds one record and the actors); with it, memory grows with the distinct events.
public struct PloverImport: Sendable {
    /// The two input formats.
    public enum Format: String, Sendable, CaseIterable {
        /// PLOVER JSON records: a JSON array (trailing commas allowed) or JSON Lines.
        case plover
        /// POLECAT tab-separated files, zip archives of them, or a folder of either.
        case polecat
    }

    /// The header of the events file.
    public static let eventsHeader = "date,source,target,kind,weight,note,about,event,mode,context,event_id,count\n"
    /// The header of the actors file.
    public static let actorsHeader = "id,label,group,sector\n"
    /// The header of the kinds file (the last column says where the kinds came from).
    public static let kindsHeader = "id,polarity,label,imported_from\n"

    /// The input format.
    public var format: Format
    /// The file or folder to read.
    public var path: String
    /// Event types, modes and contexts to kinds.
    public var mapping: PloverMapping
    /// The compound rule.
    public var compound: PloverConverter.Compound
    /// What an actor id names.
    public var level: PloverConverter.ActorLevel
    /// Whether repeated reports of one event are merged.
    public var dedupes: Bool
    /// Whether malformed records are counted instead of stopping the import.
    public var skipsBadRecords: Bool
    /// Kinds beyond the built-in ones the kinds file declares when the mapping gives them:
    /// ``PloverMapping/extraKinds`` and any a caller adds (a `--kinds-file`'s).
    public var extraKinds: [(id: String, polarity: String, label: String)] = PloverMapping.extraKinds

    /// An import of `path`.
    /// - Parameters:
    ///   - format: the input format.
    ///   - path: the file (or, for POLECAT, a folder).
    ///   - mapping: the mapping (default ``PloverMapping/standard``).
    ///   - compound: the compound rule (default `pairs`).
    ///   - level: what an actor id names (default `country`).
    ///   - dedupes: merge events with the same date, actors, event type, mode, kind and `about`.
    ///   - skipsBadRecords: count malformed records instead of stopping.
    /// - Complexity: O(1): nothing is read until ``write(eventsTo:force:progress:)``.
    public init(format: Format, path: String, mapping: PloverMapping = .standard, compound: PloverConverter.Compound = .pairs,
                level: PloverConverter.ActorLevel = .country, dedupes: Bool = false, skipsBadRecords: Bool = false) {
        self.format = format
        self.path = path
        self.mapping = mapping
        self.compound = compound
        self.level = level
        self.dedupes = dedupes
        self.skipsBadRecords = skipsBadRecords
    }

    /// The file of `kind` beside an events file: `korea.events.csv` → `korea.kinds.csv`.
    /// - Parameters:
    ///   - eventsPath: the events file, ending in `.events.csv`.
    ///   - kind: `actors` or `kinds`.
    /// - Returns: the path beside it.
    /// - Throws: ``/DiploGraph/ValueError`` when `eventsPath` does not end in `.events.csv`.
    /// - Complexity: O(*k*) for *k* characters.
    public static func path(besideEvents eventsPath: String, _ kind: String) throws(ValueError) -> String {
        let actors = try EventImport.actorsPath(besideEvents: eventsPath)
        return String(actors.dropLast(".actors.csv".count)) + ".\(kind).csv"
    }

    /// Reads every record, calling `body` with each reading and where it is.
    private func readRecords(progress: ((Int) -> Void)?,
                             _ body: (PloverRecord.Reading, String, Int) throws(AnyDiploGraphError) -> Void) throws(AnyDiploGraphError) {
        var count = 0
        func tick() { count += 1; if count % 100_000 == 0 { progress?(count) } }
        switch format {
        case .plover:
            var reader: JSONRecordReader
            do { reader = try JSONRecordReader(path: path) } catch {
                throw AnyDiploGraphError(InputProblems([InputProblem(file: path, line: nil, message: "cannot be read")]))
            }
            while true {
                let next: (value: JSONRecordValue, line: Int)?
                do { next = try reader.next() } catch {
                    // JSON Lines: a line that is not JSON is one bad record; in a JSON array the rest cannot be trusted.
                    if reader.layout == .lines {
                        reader.skipToNextLine()
                        tick()
                        try body(.bad(error.message), path, error.line)
                        continue
                    }
                    throw AnyDiploGraphError(SyntaxStop(problem: InputProblem(file: path, line: error.line, message: error.message)))
                }
                guard let (value, line) = next else { break }
                tick()
                try body(PloverRecord.read(json: value, line: line), path, line)
            }
        case .polecat:
            for file in try AnyDiploGraphError.wrapping({ () throws(InputProblems) in try PolecatReader.files(at: path) }) {
                var header: PolecatReader.Header?
                var currentSource: String?
                try PolecatReader.forEachLine(path: file) { source, number, bytes throws(AnyDiploGraphError) in
                    if currentSource != source.displayName { currentSource = source.displayName; header = nil }
                    guard let columns = header else {
                        do throws(PloverRecord.Problem) { header = try PolecatReader.Header(line: bytes) } catch {
                            throw AnyDiploGraphError(InputProblems([InputProblem(file: source.displayName, line: number, message: error.message)]))
                        }
                        return
                    }
                    if bytes.allSatisfy({ $0 == 9 || $0 == 32 }) { return }  // a blank line (or only tabs)
                    tick()
                    try body(columns.record(line: bytes, number: number), source.displayName, number)
                }
                if header == nil, currentSource == nil {
                    throw AnyDiploGraphError(InputProblems([InputProblem(file: file, line: nil, message: "empty file: expected a POLECAT header row")]))
                }
            }
        }
    }

    /// Reads the input and writes the events, actors and kinds files.
    ///
    /// Events file: `date,source,target,kind,weight,note,about,event,mode,context,event_id,count`
    /// (weight 1; `count` is the number of reports merged, 1 without `--dedupe`). Actors file:
    /// `id,label,group,sector` (group = country; sector: the sectors seen, joined by `;`).
    /// Kinds file: `id,polarity,label,imported_from`, the kinds beyond the built-in ones that
    /// the mapping can give (``PloverMapping/extraKinds``).
    /// - Parameters:
    ///   - eventsPath: the events file, ending in `.events.csv`.
    ///   - force: replace existing files DiploGraph did not write.
    ///   - progress: called every 100,000 records with the records read so far.
    /// - Returns: the counts.
    /// - Throws: ``/DiploGraph/AnyDiploGraphError`` holding ``/DiploGraph/InputProblems`` naming file
    ///   and line of malformed records (all of them up to the usual limit) or of an unreadable file;
    ///   ``/DiploGraph/ValueError`` for an events path not ending in `.events.csv`;
    ///   ``/DiploGraphOutput/OutputError`` when a file may not be replaced or written.
    /// - Complexity: O(*b*) time for *b* bytes read.
    public func write(eventsTo eventsPath: String, force: Bool = false,
                      progress: ((Int) -> Void)? = nil) throws(AnyDiploGraphError) -> PloverImportSummary {
        let (actorsPath, kindsPath) = try AnyDiploGraphError.wrapping { () throws(ValueError) in
            (try Self.path(besideEvents: eventsPath, "actors"), try Self.path(besideEvents: eventsPath, "kinds"))
        }
        let (events, actors, kinds) = try AnyDiploGraphError.wrapping { () throws(OutputError) in
            let events = try StagedFile(path: eventsPath, signature: Self.eventsHeader, force: force)
            let actors = try StagedFile(path: actorsPath, signature: Self.actorsHeader, force: force)
            let kinds = try StagedFile(path: kindsPath, signature: Self.kindsHeader, force: force)
            try events.write(Self.eventsHeader)
            return (events, actors, kinds)
        }
        var converter = PloverConverter(mapping: mapping, compound: compound, level: level)
        var problems: [InputProblem] = []
        var truncated = false
        var merged: [PloverConverter.Event] = []
        var counts: [Int] = []
        var firstIndex: [[String]: Int] = [:]
        do {
        try readRecords(progress: progress) { reading, file, line throws(AnyDiploGraphError) in
            switch reading {
            case .documentation: converter.countDocumentation()
            case .bad(let message):
                converter.countBad()
                if !skipsBadRecords {
                    if problems.count < InputProblems.limit { problems.append(InputProblem(file: file, line: line, message: message)) } else { truncated = true }
                }
            case .record(let record):
                for event in converter.convert(record) {
                    if dedupes {
                        let key = [event.date.description, event.source, event.target, event.event, event.mode, event.kind, event.about]
                        if let index = firstIndex[key] { counts[index] += 1; converter.summary.merged += 1; continue }
                        firstIndex[key] = merged.count
                        merged.append(event)
                        counts.append(1)
                    } else if problems.isEmpty {
                        try AnyDiploGraphError.wrapping { () throws(OutputError) in try events.write(Self.row(event, count: 1)) }
                    }
                }
            }
        }
        } catch {
            guard let stop = error.base as? SyntaxStop else { throw error }
            // The malformed records before a JSON syntax error are reported with it.
            if !skipsBadRecords && problems.count < InputProblems.limit { problems.append(stop.problem) }
            throw AnyDiploGraphError(InputProblems(skipsBadRecords ? [stop.problem] : problems, isTruncated: truncated))
        }
        if !problems.isEmpty { throw AnyDiploGraphError(InputProblems(problems, isTruncated: truncated)) }
        var summary = converter.summary
        if !skipsBadRecords { summary.badRecords = 0 }
        try AnyDiploGraphError.wrapping { () throws(OutputError) in
        if dedupes {
            summary.events -= summary.merged
            for (event, count) in zip(merged, counts) { try events.write(Self.row(event, count: count)) }
        }
        try actors.write(Self.actorsHeader + converter.actors.map {
            "\(Escape.csv($0.id)),\(Escape.csv($0.id)),\(Escape.csv($0.group)),\(Escape.csv($0.sectors.joined(separator: ";")))\n"
        }.joined())
        let builtIn = Set(Kind.builtIn.map(\.id))
        let used = Set(mapping.rows.map(\.kind))
        var declared: Set<String> = []
        try kinds.write(Self.kindsHeader + extraKinds.filter { declared.insert($0.id).inserted }.filter { used.contains($0.id) && !builtIn.contains($0.id) }.map {
            "\(Escape.csv($0.id)),\($0.polarity),\(Escape.csv($0.label)),\(format.rawValue)\n"
        }.joined())
        try events.commit()
        try actors.commit()
        try kinds.commit()
        }
        return summary
    }

    /// A JSON syntax error in a JSON array, which ends the reading.
    private struct SyntaxStop: DiploGraphError {
        let problem: InputProblem
        var errorReason: ErrorReason { problem.errorReason }
        var description: String { problem.description }
    }

    static func row(_ event: PloverConverter.Event, count: Int) -> String {
        [event.date.description, Escape.csv(event.source), Escape.csv(event.target), Escape.csv(event.kind), "1", Escape.csv(event.note),
         Escape.csv(event.about), event.event, Escape.csv(event.mode), Escape.csv(event.context), Escape.csv(event.id), String(count)]
            .joined(separator: ",") + "\n"
    }
}
