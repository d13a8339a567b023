import DiploGraph

/// One PLOVER event record, as read from a PLOVER JSON record or a POLECAT row.
public struct PloverRecord: Sendable, Equatable {
    /// One member of an actor or recipient list.
    public struct Actor: Sendable, Equatable, Hashable {
        /// The entity's top-level code (a country, or an international actor): PLOVER's `code`,
        /// POLECAT's `Actor Country` / `Recipient Country`.
        public var code: String
        /// The primary sector (`GOV`, `MIL`, ...), empty when not given.
        public var sector: String
        /// The text the actor was coded from, empty when not given.
        public var text: String

        /// An actor.
        /// - Parameters:
        ///   - code: the top-level code.
        ///   - sector: the primary sector, or empty.
        ///   - text: the text coded from, or empty.
        /// - Complexity: O(1).
        public init(code: String, sector: String = "", text: String = "") {
            self.code = code
            self.sector = sector
            self.text = text
        }
    }

    /// The record's id (PLOVER `id`, POLECAT `Event ID`).
    public var id: String
    /// The day of the event (`date`, `Event Date`).
    public var date: EventDate
    /// The actors (`source` or `actor`; `Actor Country`).
    public var sources: [Actor]
    /// The recipients (`target` or `recipient`; `Recipient Country`); empty when none.
    public var targets: [Actor]
    /// The event types, current PLOVER names in capitals (`event`, `Event Type`).
    public var events: [String]
    /// The modes, in lower case (`mode`, `Event Mode`).
    public var modes: [String]
    /// The contexts, in lower case (`context`, `Contexts`).
    public var contexts: [String]
    /// Short text for the events file's `note`: the record's event text, if any.
    public var note: String
    /// The line the record starts on.
    public var line: Int

    /// A record.
    /// - Parameters:
    ///   - id: the record's id.
    ///   - date: the day of the event.
    ///   - sources: the actors.
    ///   - targets: the recipients.
    ///   - events: the event types (current names, capitals).
    ///   - modes: the modes (lower case).
    ///   - contexts: the contexts (lower case).
    ///   - note: text for the note.
    ///   - line: the record's first line.
    /// - Complexity: O(1).
    public init(id: String, date: EventDate, sources: [Actor], targets: [Actor], events: [String], modes: [String] = [],
                contexts: [String] = [], note: String = "", line: Int = 0) {
        self.id = id
        self.date = date
        self.sources = sources
        self.targets = targets
        self.events = events
        self.modes = modes
        self.contexts = contexts
        self.note = note
        self.line = line
    }

    /// What reading a record found.
    public enum Reading: Sendable, Equatable {
        /// A record to convert.
        case record(PloverRecord)
        /// One of PLOVER's `DOCUMENT` records, which document the file and describe no event.
        case documentation
        /// A malformed record and what is wrong with it.
        case bad(String)
    }

    /// Splits a multi-valued text field: PLOVER allows several modes or contexts, written as a
    /// list, or as text joined by commas (the gold-standard records: `"diplomatic, military"`)
    /// or by semicolons (POLECAT). Values are trimmed and brought to lower case; empty ones and
    /// `none` are dropped.
    static func values(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == "," || $0 == ";" })
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            .filter { !$0.isEmpty && $0 != "none" }
    }

    /// Reads one PLOVER JSON record.
    ///
    /// Fields, after the PLOVER manual's "PLOVER JSON" and "Information object for entities"
    /// tables and the gold-standard records (openeventdata/PLOVER): `id` (text or number);
    /// `date` (`YYYY-MM-DD`; `YYYY-MM` and `YYYY` are read too); `source` or `actor`, and
    /// `target` or `recipient`: lists of objects with `code` and optionally `sector` and
    /// `actorText` / `entity_text`, where `null`, `""` or a missing field mean none; `event`:
    /// text or a list of texts; `mode` and `context`: text (values joined by commas) or a list.
    /// - Parameters:
    ///   - value: the record.
    ///   - line: the record's first line.
    /// - Returns: the record, ``Reading/documentation``, or ``Reading/bad(_:)`` saying what is wrong.
    /// - Complexity: O(*n*) for *n* values in the record.
    public static func read(json value: JSONRecordValue, line: Int) -> Reading {
        guard case .object = value else { return .bad("a record must be a JSON object, found \(value.typeName)") }
        var id = ""
        switch value["id"] {
        case .string(let text)?: id = text
        case .number(let text)?: id = text
        case nil, .null?: break
        case let other?: return .bad("'id' must be text or a number, found \(other.typeName)")
        }
        let named = id.isEmpty ? "" : " (id \(id))"
        // Event types.
        var written: [String] = []
        switch value["event"] {
        case .string(let text)?: written = [text]
        case .array(let items)?:
            for item in items {
                guard case .string(let text) = item else { return .bad("'event' must be text or a list of texts\(named)") }
                written.append(text)
            }
        case nil, .null?: return .bad("record without an event type\(named)")
        case let other?: return .bad("'event' must be text or a list of texts, found \(other.typeName)\(named)")
        }
        written = written.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !written.isEmpty else { return .bad("record without an event type\(named)") }
        if written.allSatisfy({ $0.uppercased() == "DOCUMENT" }) { return .documentation }
        var events: [String] = []
        for name in written {
            guard let type = PloverMapping.eventType(name) else {
                return .bad("unknown event type '\(name)'\(id.isEmpty ? "" : " in record \(id)") (PLOVER's are \(PloverMapping.eventTypes.joined(separator: ", ")))")
            }
            if !events.contains(type) { events.append(type) }
        }
        // Date.
        let date: EventDate
        switch value["date"] {
        case .string(let text)?:
            guard let parsed = EventDate(text.trimmingCharacters(in: .whitespaces)) else {
                return .bad("invalid date '\(text)'\(named) (expected YYYY-MM-DD)")
            }
            date = parsed
        case nil, .null?: return .bad("record without a date\(named)")
        case let other?: return .bad("'date' must be text (YYYY-MM-DD), found \(other.typeName)\(named)")
        }
        // Actors.
        func actors(_ names: [String]) -> Result<[Actor], Problem> {
            let name = names.first(where: { value[$0] != nil }) ?? names[0]
            switch value[name] {
            case nil, .null?: return .success([])
            case .string(let text)? where text.trimmingCharacters(in: .whitespaces).isEmpty: return .success([])
            case .array(let items)?:
                var list: [Actor] = []
                for item in items {
                    guard case .object = item else {
                        return .failure(Problem("'\(name)' must be a list of actors (objects with a code), found \(item.typeName) in it\(named)"))
                    }
                    var code = ""
                    switch item["code"] {
                    case .string(let text)?: code = text.trimmingCharacters(in: .whitespacesAndNewlines)
                    case nil, .null?: break
                    case let other?: return .failure(Problem("an actor's 'code' must be text, found \(other.typeName)\(named)"))
                    }
                    var sector = ""
                    switch item["sector"] {
                    case .string(let text)?: sector = text.trimmingCharacters(in: .whitespacesAndNewlines)
                    case .array(let codes)?: if case .string(let text)? = codes.first { sector = text.trimmingCharacters(in: .whitespacesAndNewlines) }
                    default: break
                    }
                    var text = ""
                    for key in ["actorText", "entity_text", "raw_text"] { if case .string(let t)? = item[key] { text = t; break } }
                    if !code.isEmpty { list.append(Actor(code: DatasetReader.normalized(code), sector: sector, text: text)) }
                }
                return .success(list)
            case let other?:
                return .failure(Problem("'\(name)' must be a list of actors, found \(other.typeName)\(named)"))
            }
        }
        let sources: [Actor], targets: [Actor]
        switch actors(["source", "actor"]) {
        case .success(let list): sources = list
        case .failure(let problem): return .bad(problem.message)
        }
        switch actors(["target", "recipient"]) {
        case .success(let list): targets = list
        case .failure(let problem): return .bad(problem.message)
        }
        func texts(_ name: String) -> [String]? {
            switch value[name] {
            case nil, .null?: return []
            case .string(let text)?: return values(text)
            case .array(let items)?:
                var all: [String] = []
                for item in items {
                    guard case .string(let text) = item else { return nil }
                    all += values(text)
                }
                return all
            default: return nil
            }
        }
        guard let modes = texts("mode") else { return .bad("'mode' must be text or a list of texts\(named)") }
        guard let contexts = texts("context") else { return .bad("'context' must be text or a list of texts\(named)") }
        var note = ""
        for key in ["eventText", "event_text"] {
            if case .string(let text)? = value[key] { note = text; break }
            if case .array(let items)? = value[key], case .string(let text)? = items.first { note = text; break }
        }
        return .record(PloverRecord(id: id, date: date, sources: sources, targets: targets, events: events, modes: modes,
                                    contexts: contexts, note: note, line: line))
    }

    /// Why a record or header cannot be read, in words.
    public struct Problem: DiploGraphError, Equatable {
        /// What is wrong.
        public var message: String
        init(_ message: String) { self.message = message }

        /// ``/DiploGraph/ErrorReason/malformedInput(file:line:)``, the record's file and line
        /// unknown to it (the reader that found it adds them).
        public var errorReason: ErrorReason { .malformedInput(file: nil, line: nil) }

        /// The ``message``.
        public var description: String { message }
    }
}
