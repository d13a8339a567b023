import DiploGraph

/// Which PLOVER event types, modes and contexts become which DiploGraph kinds.
///
/// A row names an event type and, optionally, a mode and a context; an empty mode or context
/// matches any. A record matches a row when its event type is the row's and the row's mode
/// and context are among the record's (a record may have several of each). The most specific
/// matching row wins: one giving both mode and context, then one giving a mode, then one giving
/// a context, then one giving neither; the file's order breaks the remaining ties. Event types,
/// modes and contexts compare without regard to case (`CONSULT`, `consult`).
public struct PloverMapping: Sendable, Equatable {
    /// One row of a mapping.
    public struct Row: Sendable, Equatable {
        /// The PLOVER event type, in capitals (`CONSULT`).
        public var event: String
        /// The mode the record must have, in lower case; empty for any.
        public var mode: String
        /// The context the record must have, in lower case; empty for any.
        public var context: String
        /// The kind id.
        public var kind: String

        /// A row; the texts are brought to the case the mapping compares in.
        /// - Parameters:
        ///   - event: the event type.
        ///   - mode: the mode, or empty for any.
        ///   - context: the context, or empty for any.
        ///   - kind: the kind id.
        /// - Complexity: O(*k*) for *k* characters.
        public init(event: String, mode: String = "", context: String = "", kind: String) {
            self.event = event.uppercased()
            self.mode = mode.lowercased()
            self.context = context.lowercased()
            self.kind = kind
        }

        var specificity: Int { (mode.isEmpty ? 0 : 2) + (context.isEmpty ? 0 : 1) }
    }

    /// The rows in order.
    public private(set) var rows: [Row]

    /// The sixteen event types of the PLOVER manual (openeventdata/PLOVER, PLOVER_MANUAL.tex).
    public static let eventTypes: [String] = [
        "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
        "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
    ]

    /// Names of the PLOVER 0.5b1 gold-standard records (CAMEO's cue-category names) and the
    /// event type each became, after the manual's "CAMEO to PLOVER translation" table:
    /// DEMAND → REQUEST, DISAPPROVE and INVESTIGATE → ACCUSE, FIGHT → ASSAULT.
    public static let formerNames: [String: String] = [
        "DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT",
    ]

    /// The event type `name` stands for (former names translated), or `nil` when it is none.
    /// - Parameter name: an event type as a record writes it.
    /// - Returns: the current PLOVER name in capitals.
    /// - Complexity: O(*k*) for *k* characters.
    public static func eventType(_ name: String) -> String? {
        let upper = name.trimmingCharacters(in: .whitespaces).uppercased()
        if let current = formerNames[upper] { return current }
        return eventTypes.contains(upper) ? upper : nil
    }

    /// Kinds the default mapping uses beyond the built-in ones, with their polarity:
    /// `talks` (0) and `cooperation` (+1). The import writes them to the kinds file.
    public static let extraKinds: [(id: String, polarity: String, label: String)] = [
        ("talks", "0", "talks"), ("cooperation", "+1", "cooperation"),
    ]

    /// A mapping from rows.
    /// - Parameter rows: the rows, in order of preference among equally specific rows.
    /// - Throws: ``/DiploGraph/ValueError`` for an event type that is not PLOVER's, an empty
    ///   kind, or the same event, mode and context twice.
    /// - Complexity: O(*r*) for *r* rows.
    public init(rows: [Row]) throws(ValueError) {
        var seen: Set<[String]> = []
        for row in rows {
            guard Self.eventTypes.contains(row.event) else {
                throw ValueError("event type '\(row.event)' is not one of PLOVER's: \(Self.eventTypes.joined(separator: ", "))")
            }
            guard !row.kind.isEmpty else { throw ValueError("event type '\(row.event)': the kind is empty") }
            guard seen.insert([row.event, row.mode, row.context]).inserted else {
                throw ValueError("'\(row.event),\(row.mode),\(row.context)' is mapped twice")
            }
        }
        self.rows = rows
    }

    private init(checkedRows rows: [Row]) { self.rows = rows }

    /// The documented default: CONSULT with mode `visit`, `third-party` or `multilateral` →
    /// `summit`, CONSULT otherwise → `talks`; AGREE, SUPPORT, COOPERATE, AID, CONCEDE →
    /// `cooperation`; THREATEN, SANCTION, COERCE, ASSAULT, ACCUSE, REJECT, PROTEST, MOBILIZE →
    /// `pressure`; and CONSULT with mode `third-party` and context `diplomatic` → `mediation`,
    /// which the import reads as a relay only for records of that shape (two parties and a
    /// third-party host; see ``PloverConverter``), the others falling back to `summit`.
    /// REQUEST and RETREAT are not mapped (counted, not imported).
    public static let standard = PloverMapping(checkedRows: [
        Row(event: "CONSULT", mode: "third-party", context: "diplomatic", kind: "mediation"),
        Row(event: "CONSULT", mode: "visit", kind: "summit"),
        Row(event: "CONSULT", mode: "third-party", kind: "summit"),
        Row(event: "CONSULT", mode: "multilateral", kind: "summit"),
        Row(event: "CONSULT", kind: "talks"),
    ] + ["AGREE", "SUPPORT", "COOPERATE", "AID", "CONCEDE"].map { Row(event: $0, kind: "cooperation") }
      + ["THREATEN", "SANCTION", "COERCE", "ASSAULT", "ACCUSE", "REJECT", "PROTEST", "MOBILIZE"].map { Row(event: $0, kind: "pressure") })

    /// The kind of a record, or `nil` when no row matches.
    /// - Parameters:
    ///   - event: the record's event type, in capitals.
    ///   - modes: the record's modes, in lower case.
    ///   - contexts: the record's contexts, in lower case.
    ///   - excluded: a kind no row may give (the import passes `mediation` for a record that
    ///     cannot be read as a relay); `nil` for none.
    /// - Returns: the kind of the most specific matching row (the first on a tie).
    /// - Complexity: O(*r* · (*m* + *c*)) for *r* rows, *m* modes and *c* contexts.
    public func kind(event: String, modes: [String], contexts: [String], excluding excluded: String? = nil) -> String? {
        var best: Row?
        for row in rows where row.event == event && row.kind != excluded
            && (row.mode.isEmpty || modes.contains(row.mode)) && (row.context.isEmpty || contexts.contains(row.context))
            && row.specificity > (best?.specificity ?? -1) {
            best = row
        }
        return best?.kind
    }

    /// Reads a mapping file (`event,mode,context,kind`).
    /// - Parameters:
    ///   - path: the file, CSV with an `event,mode,context,kind` header.
    ///   - kinds: the kinds a row may name (the built-in ones and ``extraKinds`` unless the
    ///     caller declares more).
    /// - Returns: the mapping, rows in file order.
    /// - Throws: ``/DiploGraph/InputProblems`` naming the line of an unknown event type or kind, or a
    ///   row given twice.
    /// - Complexity: O(*b*) for a file of *b* bytes.
    public static func read(path: String, kinds: Set<String>) throws(InputProblems) -> PloverMapping {
        var table = try TableFile(path: path, required: ["event", "mode", "context", "kind"], expectedHeader: "event,mode,context,kind")
        let columns = ["event", "mode", "context", "kind"].map { table.column($0)! }
        var rows: [Row] = []
        var firstLine: [[String]: Int] = [:]
        while table.next() {
            guard let texts = Optional(columns.map({ table.text($0) })), texts.allSatisfy({ $0 != nil }) else { continue }
            let values = texts.map { $0!.trimmingCharacters(in: .whitespaces) }
            guard let event = eventType(values[0]), formerNames[values[0].uppercased()] == nil else {
                table.problem("unknown PLOVER event type '\(values[0])' (expected one of \(eventTypes.joined(separator: ", ")))")
                continue
            }
            guard kinds.contains(values[3]) else {
                table.problem("unknown kind '\(values[3])' (known kinds: \(kinds.sorted().joined(separator: ", ")))")
                continue
            }
            let row = Row(event: event, mode: values[1], context: values[2], kind: values[3])
            let key = [row.event, row.mode, row.context]
            if let earlier = firstLine[key] {
                table.problem("'\(values[0]),\(values[1]),\(values[2])' mapped twice (first on line \(earlier))")
                continue
            }
            firstLine[key] = table.line
            rows.append(row)
        }
        try table.problems.throwIfAny()
        return PloverMapping(checkedRows: rows)
    }
}
