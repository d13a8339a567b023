import Foundation
import DiploGraph

/// Reads `*.events.csv`, `*.actors.csv` and `*.kinds.csv` files as the interface describes them.
///
/// Every reader collects all the problems of a file (up to ``/DiploGraph/InputProblems/limit``) before
/// it throws, each naming its line.
public enum DatasetReader {
    /// Reads a dataset: its kinds and actors files (when given) and then its events file
    /// against them.
    ///
    /// ```swift
    /// let log = try DatasetReader.readDataset(events: "graphs/korean-peninsula.events.csv",
    ///                                         actors: "graphs/korean-peninsula.actors.csv",
    ///                                         kinds: "graphs/korean-peninsula.kinds.csv")
    /// ```
    /// - Parameters:
    ///   - events: the events file.
    ///   - actors: the actors file, or `nil`: then each id in the events is an actor of its own group.
    ///   - kinds: the kinds file, or `nil`: then only the built-in kinds are known.
    /// - Returns: the events in file order, with the actors and kinds they name.
    /// - Throws: ``/DiploGraph/InputProblems`` naming file and line: the problems of the kinds and
    ///   actors files together (the events are not read against tables that failed), or else those
    ///   of the events file.
    /// - Complexity: O(*b*) for *b* bytes in all.
    public static func readDataset(events: String, actors: String? = nil, kinds: String? = nil) throws(InputProblems) -> EventLog {
        var problems: [InputProblem] = []
        var kindTable = KindTable()
        var actorTable: ActorTable?
        if let kinds {
            do { kindTable = try readKinds(path: kinds) } catch { problems += error.problems }
        }
        if let actors {
            do { actorTable = try readActors(path: actors) } catch { problems += error.problems }
        }
        if !problems.isEmpty { throw InputProblems(problems) }
        return try readEvents(path: events, actors: actorTable, kinds: kindTable)
    }

    /// Reads an events file.
    ///
    /// - Parameters:
    ///   - path: the events file.
    ///   - actors: the actors of an actors file; then an event naming an actor it lacks is an
    ///     error. Without one, each new id becomes an actor of its own group.
    ///   - kinds: the known kinds; an event of another kind is an error.
    ///   The optional `about` column (`A|B`, two different actor ids) says which relationship
    ///   an act bears on; a `mediation` event with `about` must have its target on one side
    ///   and its source on neither (a relay, see ``/DiploGraph/Slicer/slice(_:options:)``).
    /// - Returns: the events in file order.
    /// - Throws: ``/DiploGraph/InputProblems`` naming file and line for every bad row.
    /// - Complexity: O(*b*) for a file of *b* bytes.
    public static func readEvents(path: String, actors: ActorTable? = nil, kinds: KindTable = KindTable()) throws(InputProblems) -> EventLog {
        // Well-formed files on all cores; anything else (and every problem) the serial way below.
        if let log = ParallelEventsReader.read(path: path, actors: actors, kinds: kinds) { return log }
        var table = try TableFile(path: path, required: ["date", "source", "target", "kind"],
                                  expectedHeader: "with date,source,target,kind (weight, note and about optional)")
        return try readEvents(from: &table, actors: actors, kinds: kinds)
    }

    /// Reads events held in memory; `name` stands for the file in messages.
    ///
    /// The same reader as ``readEvents(path:actors:kinds:)``, for bytes that are not in a file
    /// (tests, fuzzing, data fetched over the network).
    /// - Parameters:
    ///   - bytes: the events file's content, UTF-8 CSV with a header row.
    ///   - name: the file name problems are reported under.
    ///   - actors: the actors of an actors file; then an event naming an actor it lacks is an
    ///     error. Without one, each new id becomes an actor of its own group.
    ///   - kinds: the known kinds; an event of another kind is an error.
    /// - Returns: the events in file order.
    /// - Throws: ``/DiploGraph/InputProblems`` naming `name` and the line for every bad row, a
    ///   missing column, or bytes that are not UTF-8 CSV.
    /// - Complexity: O(*b*) for *b* bytes.
    public static func readEvents(bytes: [UInt8], name: String, actors: ActorTable? = nil, kinds: KindTable = KindTable()) throws(InputProblems) -> EventLog {
        if let log = ParallelEventsReader.read(bytes: bytes, name: name, actors: actors, kinds: kinds) { return log }
        return try readEventsSerially(bytes: bytes, name: name, actors: actors, kinds: kinds)
    }

    /// ``readEvents(bytes:name:actors:kinds:)`` without the parallel fast path: the reader
    /// that reports problems, and the reference the fast path is tested against.
    static func readEventsSerially(bytes: [UInt8], name: String, actors: ActorTable? = nil, kinds: KindTable = KindTable()) throws(InputProblems) -> EventLog {
        var table = try TableFile(bytes: bytes, displayName: name, required: ["date", "source", "target", "kind"],
                                  expectedHeader: "with date,source,target,kind (weight, note and about optional)")
        return try readEvents(from: &table, actors: actors, kinds: kinds)
    }

    private static func readEvents(from table: inout TableFile, actors declared: ActorTable?, kinds: KindTable) throws(InputProblems) -> EventLog {
        let dateColumn = table.column("date")!
        let sourceColumn = table.column("source")!
        let targetColumn = table.column("target")!
        let kindColumn = table.column("kind")!
        let weightColumn = table.column("weight")
        let noteColumn = table.column("note")
        let aboutColumn = table.column("about")
        let mediationKind = KindTable.mediation
        var actors = declared ?? ActorTable()
        var events: [Event] = []
        var notes: [String] = []
        var unknownActors: [String] = []
        var unknownActorSet: Set<String> = []
        // Ids seen before are found by their bytes, without making strings.
        var actorIndex = ByteInterner()
        for (index, actor) in actors.actors.enumerated() {
            Array(actor.id.utf8).withUnsafeBufferPointer { actorIndex.insert($0, value: Int32(index)) }
        }
        var kindIndex = ByteInterner()
        for (index, kind) in kinds.kinds.enumerated() {
            Array(kind.id.utf8).withUnsafeBufferPointer { kindIndex.insert($0, value: Int32(index)) }
        }

        /// The index of the actor in `column`, interning it when there is no actors file.
        ///
        /// Ids are compared in Unicode's NFC: the bytes of an id seen in another normal form
        /// are added to the index, so each form is converted once.
        func actor(in column: Int, table: inout TableFile) -> ActorIndex? {
            if let index = table.withBytes(column, { actorIndex.value(of: $0) }) { return ActorIndex(unchecked: index) }
            guard let written = table.text(column) else { return nil }
            let role = column == sourceColumn ? "source" : "target"
            if written.isEmpty {
                table.problem("empty \(role) actor id")
                return nil
            }
            if let problem = DatasetReader.surroundingWhitespaceProblem(written, what: "\(role) actor id") {
                table.problem(problem)
                return nil
            }
            let id = DatasetReader.normalized(written)
            if let index = actors.index(of: id) {
                table.withBytes(column) { actorIndex.insert($0, value: index.value) }
                return index
            }
            if declared != nil {
                table.problem("unknown actor '\(id)' (not in the actors file)")
                if unknownActorSet.insert(id).inserted { unknownActors.append(id) }
                return nil
            }
            let index = actors.intern(id)
            table.withBytes(column) { actorIndex.insert($0, value: index.value) }
            return index
        }

        /// The relationship written `A|B`, or `nil` with a problem recorded.
        func relationship(_ text: String, table: inout TableFile) -> Relationship? {
            let halves = text.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            guard halves.count == 2 else {
                table.problem("invalid about '\(text)' (expected two actor ids, A|B)")
                return nil
            }
            if halves.contains(where: \.isEmpty) {
                table.problem("invalid about '\(text)' (an actor id is empty; expected two actor ids, A|B)")
                return nil
            }
            if let problem = halves.lazy.compactMap({ DatasetReader.surroundingWhitespaceProblem($0, what: "actor id in about") }).first {
                table.problem(problem)
                return nil
            }
            let ids = halves.map(DatasetReader.normalized)
            if ids[0] == ids[1] {
                table.problem("invalid about '\(text)' (the two sides must differ)")
                return nil
            }
            var indices: [ActorIndex] = []
            for id in ids {
                if let index = actors.index(of: id) {
                    indices.append(index)
                } else if declared != nil {
                    table.problem("unknown actor '\(id)' in about (not in the actors file)")
                    if unknownActorSet.insert(id).inserted { unknownActors.append(id) }
                } else {
                    let index = actors.intern(id)
                    Array(id.utf8).withUnsafeBufferPointer { actorIndex.insert($0, value: index.value) }
                    indices.append(index)
                }
            }
            return indices.count == 2 ? try? Relationship(indices[0], indices[1]) : nil
        }

        while table.next() {
            let line = table.line
            var isGood = true
            let date = table.withBytes(dateColumn) { EventDate(utf8: $0) }
            if date == nil {
                let text = table.text(dateColumn) ?? ""
                table.problem(text.isEmpty ? "empty date (expected YYYY-MM-DD, YYYY-MM or YYYY)"
                                           : "invalid date '\(text)' (expected YYYY-MM-DD, YYYY-MM or YYYY, a real calendar date)")
                isGood = false
            }
            let source = actor(in: sourceColumn, table: &table)
            let target = actor(in: targetColumn, table: &table)
            if source == nil || target == nil { isGood = false }
            if let source, source == target {
                table.problem("self-loop: source and target are both '\(actors[source].id)'")
                isGood = false
            } else if source == nil, target == nil, !table.isEmpty(sourceColumn),
                      table.withBytes(sourceColumn, { Array($0) }) == table.withBytes(targetColumn, { Array($0) }) {
                table.problem("self-loop: source and target are both '\(table.text(sourceColumn) ?? "")'")
            }
            var kind = table.withBytes(kindColumn) { kindIndex.value(of: $0) }.map { KindIndex(unchecked: $0) }
            if kind == nil, let written = table.text(kindColumn), let index = kinds.index(of: DatasetReader.normalized(written)) {
                // The kind in another Unicode normal form.
                table.withBytes(kindColumn) { kindIndex.insert($0, value: index.value) }
                kind = index
            }
            if kind == nil {
                let kindID = table.text(kindColumn) ?? ""
                table.problem(kindID.isEmpty ? "empty kind (known kinds: \(kinds.knownIDs))"
                                             : "unknown kind '\(kindID)' (known kinds: \(kinds.knownIDs); declare others in a kinds file)")
                isGood = false
            }
            var weight = 1.0
            if let weightColumn, !table.isEmpty(weightColumn) {
                let parsed = table.withBytes(weightColumn) { parseDouble($0) }
                if let parsed, parsed.isFinite, parsed > 0 {
                    weight = parsed
                } else {
                    let text = table.text(weightColumn) ?? ""
                    table.problem("invalid weight '\(text)' (expected a positive number)")
                    isGood = false
                }
            }
            var note = ""
            if let noteColumn, !table.isEmpty(noteColumn) {
                guard let text = table.text(noteColumn) else { continue }
                note = text
            }
            var about: Relationship?
            var aboutText = ""
            if let aboutColumn, !table.isEmpty(aboutColumn) {
                guard let text = table.text(aboutColumn) else { continue }
                aboutText = text
                about = relationship(text, table: &table)
                if about == nil { isGood = false }
            }
            if let about, let kind, kind == mediationKind, let source, let target {
                // A relay: the mediator M acts on X, one side, and stands on neither.
                let sides = "'\(aboutText)'"
                if !about.contains(target) {
                    table.problem("mediation about \(sides): the target '\(actors[target].id)' is on neither side (a mediation's target is one of the two sides)")
                    isGood = false
                }
                if about.contains(source) {
                    table.problem("mediation about \(sides): the source '\(actors[source].id)' is one of the sides (a mediator stands on neither)")
                    isGood = false
                }
            }
            if isGood, let date, let kind, let source, let target {
                do {
                    events.append(try Event(date: date, source: source, target: target, kind: kind, weight: weight, line: line, about: about))
                    notes.append(note)
                } catch {
                    table.problem(error.message)
                }
            }
        }
        if !unknownActors.isEmpty {
            let shown = unknownActors.prefix(20).joined(separator: ", ") + (unknownActors.count > 20 ? " and \(unknownActors.count - 20) more" : "")
            table.fileProblem("\(unknownActors.count) unknown actor id(s), not in the actors file: \(shown)")
        }
        try table.problems.throwIfAny()
        do {
            return try EventLog(file: table.displayName, actors: actors, kinds: kinds, events: events, notes: notes)
        } catch {
            throw InputProblems([InputProblem(file: table.displayName, line: nil, message: error.message)])
        }
    }

    /// Reads an actors file (`id,label,group`, more columns allowed).
    /// - Throws: ``/DiploGraph/InputProblems`` for a missing `group` column, empty or duplicate ids, empty groups.
    /// - Parameter path: the actors file.
    /// - Returns: the declared actors, in file order; ids are in Unicode's NFC, and an empty label is the id.
    /// - Complexity: O(*b*) for a file of *b* bytes.
    public static func readActors(path: String) throws(InputProblems) -> ActorTable {
        var table = try TableFile(path: path, required: ["id", "label", "group"], expectedHeader: "id,label,group")
        return try readActors(from: &table)
    }

    /// Reads an actors file held in memory (`id,label,group`, more columns allowed), as
    /// ``readActors(path:)`` reads one from disk.
    /// - Parameters:
    ///   - bytes: the file's content, UTF-8 CSV with a header row.
    ///   - name: the file name problems are reported under.
    /// - Returns: the declared actors, in file order; ids are in Unicode's NFC, and an empty label is the id.
    /// - Throws: ``/DiploGraph/InputProblems`` naming `name` and the line: a missing `id`, `label`
    ///   or `group` column, empty or duplicate ids, empty groups, ids or groups with whitespace
    ///   around them, a file without rows.
    /// - Complexity: O(*b*) for *b* bytes.
    public static func readActors(bytes: [UInt8], name: String) throws(InputProblems) -> ActorTable {
        var table = try TableFile(bytes: bytes, displayName: name, required: ["id", "label", "group"], expectedHeader: "id,label,group")
        return try readActors(from: &table)
    }

    private static func readActors(from table: inout TableFile) throws(InputProblems) -> ActorTable {
        let idColumn = table.column("id")!, labelColumn = table.column("label")!, groupColumn = table.column("group")!
        let shortColumn = table.column("short")
        var actors = ActorTable(isDeclared: true)
        var firstLine: [String: Int] = [:]
        while table.next() {
            guard let written = table.text(idColumn), let label = table.text(labelColumn), let writtenGroup = table.text(groupColumn) else { continue }
            if written.isEmpty { table.problem("empty actor id"); continue }
            if let problem = surroundingWhitespaceProblem(written, what: "actor id") { table.problem(problem); continue }
            let id = normalized(written)
            if writtenGroup.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { table.problem("empty group for actor '\(id)'"); continue }
            if let problem = surroundingWhitespaceProblem(writtenGroup, what: "group of actor '\(id)'") { table.problem(problem); continue }
            let group = normalized(writtenGroup)
            if let earlier = firstLine[id] {
                table.problem("duplicate actor id '\(id)' (first defined on line \(earlier))")
                continue
            }
            firstLine[id] = table.line
            do {
                let short = shortColumn.flatMap { table.text($0) }
                try actors.declare(Actor(id: id, label: label.isEmpty ? id : label, group: group, shortLabel: short))
            } catch {
                table.problem(error.message)
            }
        }
        if actors.count == 0 && table.problems.problems.isEmpty {
            table.fileProblem("no actors: the file has a header but no rows")
        }
        try table.problems.throwIfAny()
        return actors
    }

    /// Reads a kinds file (`id,polarity,label`, optional `color` as `#rrggbb` and `style`)
    /// and adds its kinds to the built-in three.
    /// - Throws: ``/DiploGraph/InputProblems`` for bad polarities, colours or styles, and duplicate ids.
    /// - Parameter path: the kinds file.
    /// - Returns: the built-in kinds followed by the file's, in file order.
    /// - Complexity: O(*b*) for a file of *b* bytes.
    public static func readKinds(path: String) throws(InputProblems) -> KindTable {
        var table = try TableFile(path: path, required: ["id", "polarity", "label"], expectedHeader: "id,polarity,label")
        return try readKinds(from: &table)
    }

    /// Reads a kinds file held in memory (`id,polarity,label`, optional `color` as `#rrggbb`
    /// and `style`), as ``readKinds(path:)`` reads one from disk, and adds its kinds to the
    /// built-in three.
    /// - Parameters:
    ///   - bytes: the file's content, UTF-8 CSV with a header row.
    ///   - name: the file name problems are reported under.
    /// - Returns: the built-in kinds followed by the file's, in file order.
    /// - Throws: ``/DiploGraph/InputProblems`` naming `name` and the line: a missing column, a
    ///   polarity other than `+1`, `-1` or `0`, a bad colour or style, empty or duplicate ids.
    /// - Complexity: O(*b*) for *b* bytes.
    public static func readKinds(bytes: [UInt8], name: String) throws(InputProblems) -> KindTable {
        var table = try TableFile(bytes: bytes, displayName: name, required: ["id", "polarity", "label"], expectedHeader: "id,polarity,label")
        return try readKinds(from: &table)
    }

    private static func readKinds(from table: inout TableFile) throws(InputProblems) -> KindTable {
        let idColumn = table.column("id")!, polarityColumn = table.column("polarity")!, labelColumn = table.column("label")!
        let colorColumn = table.column("color"), styleColumn = table.column("style"), symmetricColumn = table.column("symmetric")
        var kinds = KindTable()
        var firstLine: [String: Int] = [:]
        while table.next() {
            guard let written = table.text(idColumn), let polarityText = table.text(polarityColumn),
                  let label = table.text(labelColumn) else { continue }
            if written.isEmpty { table.problem("empty kind id"); continue }
            if let problem = surroundingWhitespaceProblem(written, what: "kind id") { table.problem(problem); continue }
            let id = normalized(written)
            if let earlier = firstLine[id] { table.problem("duplicate kind '\(id)' (first declared on line \(earlier))"); continue }
            firstLine[id] = table.line
            let polarity: Kind.Polarity
            switch polarityText.trimmingCharacters(in: .whitespaces) {
            case "+1", "1": polarity = .cooperative
            case "-1": polarity = .conflictual
            case "0", "+0", "-0": polarity = .neutral
            default:
                table.problem("invalid polarity '\(polarityText)' for kind '\(id)' (expected +1, -1 or 0)")
                continue
            }
            var color: String?
            if let colorColumn, let text = table.text(colorColumn), !text.isEmpty {
                guard isHexColor(text) else {
                    table.problem("invalid color '\(text)' for kind '\(id)' (expected #rrggbb)")
                    continue
                }
                color = text.lowercased()
            }
            var style: Kind.LineStyle?
            if let styleColumn, let text = table.text(styleColumn), !text.isEmpty {
                guard let parsed = Kind.LineStyle(rawValue: text) else {
                    table.problem("invalid style '\(text)' for kind '\(id)' (expected one of \(Kind.LineStyle.allCases.map(\.rawValue).joined(separator: ", ")))")
                    continue
                }
                style = parsed
            }
            // Undirected acts (meetings): drawn without an arrowhead. The built-in summit is one.
            var isSymmetric = id == Kind.summit.id
            if let symmetricColumn, let text = table.text(symmetricColumn), !text.isEmpty {
                switch text.trimmingCharacters(in: .whitespaces).lowercased() {
                case "yes", "true", "1": isSymmetric = true
                case "no", "false", "0": isSymmetric = false
                default:
                    table.problem("invalid symmetric '\(text)' for kind '\(id)' (expected yes or no)")
                    continue
                }
            }
            do {
                try kinds.declare(Kind(id: id, polarity: polarity, label: label.isEmpty ? id : label, color: color, style: style,
                                       isSymmetric: isSymmetric))
            } catch {
                table.problem(error.message)
            }
        }
        try table.problems.throwIfAny()
        return kinds
    }

    /// `id` in Unicode's NFC, the one form ids are compared in.
    /// - Parameter id: an actor, group or kind id as written.
    /// - Returns: `id` precomposed (NFC); ASCII is returned as it is.
    /// - Complexity: O(*k*) for an id of *k* bytes.
    public static func normalized(_ id: String) -> String {
        // ASCII is always NFC.
        id.utf8.allSatisfy { $0 < 0x80 } ? id : id.precomposedStringWithCanonicalMapping
    }

    /// A message when `id` starts or ends with whitespace (`c ` and `c` would look like one
    /// actor but be two), else `nil`.
    static func surroundingWhitespaceProblem(_ id: String, what: String) -> String? {
        guard let first = id.first, let last = id.last, first.isWhitespace || last.isWhitespace else { return nil }
        return "\(what) '\(id)' starts or ends with whitespace (remove it: ids are compared exactly)"
    }

    static func isHexColor(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return bytes.count == 7 && bytes[0] == UInt8(ascii: "#") && bytes.dropFirst().allSatisfy { b in
            (48...57).contains(b) || (65...70).contains(b) || (97...102).contains(b)
        }
    }

    /// Parses a decimal number (`12`, `0.5`, `1e-3`), rejecting anything else, NaN and infinities included.
    static func parseDouble(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        // Fast path: digits with an optional fraction.
        var integer: UInt64 = 0, digits = 0, fractionDigits = 0, i = 0
        var sawDot = false
        while i < bytes.count {
            let b = bytes[i]
            if b >= 48 && b <= 57 {
                if digits >= 18 { break }
                integer = integer * 10 + UInt64(b - 48)
                digits += 1
                if sawDot { fractionDigits += 1 }
            } else if b == UInt8(ascii: ".") && !sawDot {
                sawDot = true
            } else {
                break
            }
            i += 1
        }
        if i == bytes.count && digits > 0 && fractionDigits <= 15 {
            // Exact: integer < 10^18 fits; dividing by an exact power of ten rounds once.
            if fractionDigits == 0 { return Double(integer) }
            if integer < (1 << 53) { return Double(integer) / powersOfTen[fractionDigits] }
        }
        // General path: Swift's parser, restricted to plain decimal syntax.
        for b in bytes {
            let ok = (b >= 48 && b <= 57) || b == UInt8(ascii: ".") || b == UInt8(ascii: "e") || b == UInt8(ascii: "E")
                || b == UInt8(ascii: "+") || b == UInt8(ascii: "-")
            if !ok { return nil }
        }
        guard let text = String(validating: bytes, as: UTF8.self) else { return nil }
        return Double(text)
    }

    private static let powersOfTen: [Double] = (0...15).map { pow(10.0, Double($0)) }
}
