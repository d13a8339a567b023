import Foundation
import DiploGraph
import DiploGraphText
import DiploGraphOutput

/// An ICEWS or GDELT file to import as a DiploGraph events file and actors file.
///
/// ``write(eventsTo:actorsTo:force:progress:)`` streams the file through ``EventImporter``
/// and writes both files staged (``/DiploGraphOutput/StagedFile``): they appear only when the whole import
/// succeeded, and replace only files DiploGraph wrote.
///
/// ```swift
/// let source = EventImport(source: .icews, path: "events.tab")
/// let actors = try EventImport.actorsPath(besideEvents: "korea.events.csv")  // korea.actors.csv
/// let summary = try source.write(eventsTo: "korea.events.csv", actorsTo: actors)
/// print(summary)  // imported 9 of 12 events; skipped ...
/// ```
public struct EventImport: Sendable {
    /// The header of the events file an import writes; also the text an existing events file
    /// must start with to be replaced.
    public static let eventsHeader = "date,source,target,kind,weight,note,cameo,event_id\n"
    /// The header of the actors file an import writes.
    public static let actorsHeader = "id,label,group\n"

    /// The dataset's layout.
    public var source: EventSource
    /// The file to read.
    public var path: String
    /// The name messages give the file (default: `path`).
    public var displayName: String?
    /// CAMEO codes to kinds.
    public var mapping: CAMEOMapping
    /// Whether malformed rows are counted instead of stopping the import.
    public var skipsBadRows: Bool

    /// An import of the file at `path`.
    /// - Parameters:
    ///   - source: the dataset's layout.
    ///   - path: the file to read.
    ///   - displayName: the name messages give the file (default: `path`).
    ///   - mapping: CAMEO codes to kinds (default: ``CAMEOMapping/standard``).
    ///   - skipsBadRows: count malformed rows instead of stopping at them.
    /// - Complexity: O(1): nothing is read until ``write(eventsTo:actorsTo:force:progress:)``.
    public init(source: EventSource, path: String, displayName: String? = nil, mapping: CAMEOMapping = .standard,
                skipsBadRows: Bool = false) {
        self.source = source
        self.path = path
        self.displayName = displayName
        self.mapping = mapping
        self.skipsBadRows = skipsBadRows
    }

    /// The actors file that goes beside an events file: `korea.events.csv` → `korea.actors.csv`.
    /// - Parameter eventsPath: the events file's path, ending in `.events.csv`.
    /// - Returns: the actors file's path, in the same folder.
    /// - Throws: ``/DiploGraph/ValueError`` when `eventsPath` does not end in `.events.csv` or names no file.
    /// - Complexity: O(*k*) for *k* characters of `eventsPath`.
    public static func actorsPath(besideEvents eventsPath: String) throws(ValueError) -> String {
        let suffix = ".events.csv"
        guard eventsPath.hasSuffix(suffix) else {
            throw ValueError("events file '\(eventsPath)': the name must end in .events.csv (the actors file goes beside it)")
        }
        let stem = String(eventsPath.dropLast(suffix.count))
        guard !stem.isEmpty, !stem.hasSuffix("/") else {
            throw ValueError("events file '\(eventsPath)': the name needs a stem before .events.csv, such as korea.events.csv")
        }
        return stem + ".actors.csv"
    }

    /// Reads the file and writes its kept events to `eventsPath` and its countries to
    /// `actorsPath`.
    ///
    /// The events file has the columns `date,source,target,kind,weight,note,cameo,event_id`
    /// (weight 1); the actors file names every country as its own label and group, in order
    /// of first appearance. Both are written to temporary files and put in place (events
    /// first, then actors) only when the whole file was read: an import that fails while
    /// reading leaves both paths as they were.
    ///
    /// An existing events file is replaced only if it starts with ``eventsHeader`` (DiploGraph
    /// wrote it); an existing actors file only if the events file exists too and every row
    /// of the actors file is `id,id,id`, or it is the header alone (DiploGraph wrote it and
    /// nobody edited it). `force`
    /// replaces both whatever they hold.
    ///
    /// - Parameters:
    ///   - eventsPath: the events file to write.
    ///   - actorsPath: the actors file to write (see ``actorsPath(besideEvents:)``).
    ///   - force: replace existing files DiploGraph did not write.
    ///   - progress: called every 100,000 rows with the rows read so far.
    /// - Returns: the counts of rows read, kept and skipped.
    /// - Throws: ``/DiploGraph/AnyDiploGraphError`` holding ``/DiploGraph/InputProblems`` naming file
    ///   and line when the file cannot be read or has malformed rows, or
    ///   ``/DiploGraphOutput/OutputError`` when an output file may not be replaced or cannot be written.
    /// - Complexity: O(*b*) time for *b* bytes read; memory grows with the countries, not the rows.
    public func write(eventsTo eventsPath: String, actorsTo actorsPath: String, force: Bool = false,
                      progress: ((Int) -> Void)? = nil) throws(AnyDiploGraphError) -> ImportSummary {
        let files = FileManager.default
        if !force, files.fileExists(atPath: actorsPath), !files.fileExists(atPath: eventsPath) || !Self.looksImported(actorsPath) {
            throw AnyDiploGraphError(OutputError(path: actorsPath, reason: "the actors file exists and DiploGraph did not write it (or it was edited); "
                                                     + "choose another events file name", kind: .foreignFile))
        }
        let (events, actors) = try AnyDiploGraphError.wrapping { () throws(OutputError) in
            let events = try StagedFile(path: eventsPath, signatures: [FileSignature(known: Self.eventsHeader, at: .start)], force: force)
            let actors = try StagedFile(path: actorsPath, signatures: [FileSignature(known: Self.actorsHeader, at: .start)], force: force)
            try events.write(Self.eventsHeader)
            return (events, actors)
        }
        var countries: [String] = []
        var known: Set<String> = []
        let summary = try EventImporter.read(source, path: path, displayName: displayName, mapping: mapping,
                                             skipsBadRows: skipsBadRows, progress: progress) { event throws(AnyDiploGraphError) in
            for country in [event.source, event.target] where known.insert(country).inserted { countries.append(country) }
            try AnyDiploGraphError.wrapping { () throws(OutputError) in try events.write(event.csvRow) }
        }
        try AnyDiploGraphError.wrapping { () throws(OutputError) in
            try actors.write(Self.actorsHeader + countries.map { "\(Escape.csv($0)),\(Escape.csv($0)),\(Escape.csv($0))\n" }.joined())
            try events.commit()
            try actors.commit()
        }
        return summary
    }

    /// Whether every row of the actors file at `path` is `id,id,id`, as an import writes them
    /// (an import that kept no event writes the header alone).
    static func looksImported(_ path: String) -> Bool {
        if let data = FileManager.default.contents(atPath: path), data.elementsEqual(actorsHeader.utf8) { return true }
        guard let actors = try? DatasetReader.readActors(path: path) else { return false }
        return actors.actors.allSatisfy { $0.label == $0.id && $0.group == $0.id }
    }
}

extension ImportedEvent {
    /// The event as a line of the events file an import writes (``EventImport/eventsHeader``).
    var csvRow: String {
        [date.description, Escape.csv(source), Escape.csv(target), Escape.csv(kind), "1", Escape.csv(note), cameo, Escape.csv(eventID)]
            .joined(separator: ",") + "\n"
    }
}
