/// One coded interaction: who did what to whom, when, how strongly.
///
/// Events hold no text, so that copying one costs no reference counting; what happened
/// (the `note`) is kept beside them in ``EventLog/notes``.
public struct Event: Sendable, Hashable {
    public package(set) var date: EventDate
    /// Index into the log's ``ActorTable``.
    public package(set) var source: Int32
    /// Index into the log's ``ActorTable``; never equal to `source`.
    public package(set) var target: Int32
    /// Index into the log's ``KindTable``.
    public package(set) var kind: Int32
    /// A positive, finite interaction strength.
    public package(set) var weight: Double
    /// The line of the events file the event came from.
    public package(set) var line: Int
    /// The relationship the act bears on (the `about` column), or `nil`.
    public package(set) var about: Relationship?

    /// An event between two actors.
    ///
    /// - Parameters:
    ///   - date: when it happened.
    ///   - source: the actor who acted (index into the log's actors).
    ///   - target: the actor acted upon; not `source`.
    ///   - kind: index into the log's kinds.
    ///   - weight: a positive, finite strength.
    ///   - line: the events file's line, for messages (0 when there is no file).
    ///   - about: the relationship the act bears on, or `nil`.
    /// - Throws: ``ValueError`` for a negative index, `source == target`, or a weight that is
    ///   not positive and finite.
    public init(date: EventDate, source: Int32, target: Int32, kind: Int32, weight: Double, line: Int = 0,
                about: Relationship? = nil) throws(ValueError) {
        guard source >= 0, target >= 0 else { throw ValueError("actor index \(min(source, target)): must not be negative") }
        guard source != target else { throw ValueError("source and target are the same actor (\(source))") }
        guard kind >= 0 else { throw ValueError("kind index \(kind): must not be negative") }
        try ValueError.checkWeight(weight)
        self.date = date
        self.source = source
        self.target = target
        self.kind = kind
        self.weight = weight
        self.line = line
        self.about = about
    }
}

/// An unordered pair of two different actors: the relationship an act bears on.
///
/// Stored as two actor indices with `first < second`, so that `A|B` and `B|A` are equal.
public struct Relationship: Sendable, Hashable {
    /// The smaller of the two actor indices.
    public let first: Int32
    /// The larger of the two actor indices.
    public let second: Int32

    /// The relationship between actors `a` and `b`, in either order.
    /// - Throws: ``ValueError`` when `a` and `b` are the same actor or an index is negative.
    public init(_ a: Int32, _ b: Int32) throws(ValueError) {
        guard a >= 0, b >= 0 else { throw ValueError("actor index \(min(a, b)): must not be negative") }
        guard a != b else { throw ValueError("a relationship needs two different actors (both \(a))") }
        (first, second) = a < b ? (a, b) : (b, a)
    }

    /// Whether `actor` is one of the two sides.
    public func contains(_ actor: Int32) -> Bool { actor == first || actor == second }

    /// The side that is not `actor`, or `nil` when `actor` is not a side.
    public func otherSide(than actor: Int32) -> Int32? {
        guard contains(actor) else { return nil }
        return actor == first ? second : first
    }
}

/// The events of a dataset with the actors and kinds they refer to.
public struct EventLog: Sendable {
    /// The events file as the user named it.
    public package(set) var file: String
    public package(set) var actors: ActorTable
    public package(set) var kinds: KindTable
    public package(set) var events: [Event]
    /// `notes[i]` says what happened in `events[i]` (may be empty).
    public package(set) var notes: [String]

    /// A log of `events` over `actors` and `kinds`.
    ///
    /// - Parameters:
    ///   - file: the events file as the user named it, for messages.
    ///   - notes: one note per event, or `nil` for none.
    /// - Throws: ``ValueError`` when an event names an actor or kind the tables lack, or the
    ///   notes do not match the events one to one.
    /// - Complexity: O(*e*) for *e* events.
    public init(file: String, actors: ActorTable, kinds: KindTable, events: [Event], notes: [String]? = nil) throws(ValueError) {
        if let notes, notes.count != events.count {
            throw ValueError("\(notes.count) notes for \(events.count) events: give one note per event")
        }
        for event in events {
            guard Int(event.source) < actors.count, Int(event.target) < actors.count else {
                throw ValueError("event at line \(event.line): actor index \(max(event.source, event.target)) is out of range (\(actors.count) actors)")
            }
            if let about = event.about, Int(about.second) >= actors.count {
                throw ValueError("event at line \(event.line): about names actor index \(about.second), out of range (\(actors.count) actors)")
            }
            guard Int(event.kind) < kinds.count else {
                throw ValueError("event at line \(event.line): kind index \(event.kind) is out of range (\(kinds.count) kinds)")
            }
        }
        self.file = file
        self.actors = actors
        self.kinds = kinds
        self.events = events
        self.notes = notes ?? Array(repeating: "", count: events.count)
    }
}
