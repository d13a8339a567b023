/// One coded interaction: who did what to whom, when, how strongly.
///
/// Events hold no text, so that copying one costs no reference counting; what happened
/// (the `note`) is kept beside them in ``EventLog/notes``.
public struct Event: Sendable, Hashable {
    /// When it happened.
    public package(set) var date: EventDate
    /// The actor who acted, in the log's ``ActorTable``.
    public package(set) var source: ActorIndex
    /// The actor acted upon, in the log's ``ActorTable``; never equal to `source`.
    public package(set) var target: ActorIndex
    /// What was done, in the log's ``KindTable``.
    public package(set) var kind: KindIndex
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
    ///   - source: the actor who acted (in the log's actors).
    ///   - target: the actor acted upon; not `source`.
    ///   - kind: what was done (in the log's kinds).
    ///   - weight: a positive, finite strength.
    ///   - line: the events file's line, for messages (0 when there is no file).
    ///   - about: the relationship the act bears on, or `nil`.
    /// - Throws: ``ValueError`` when `source == target` or the weight is not positive and finite.
    ///   (``EventLog/init(file:actors:kinds:events:notes:)`` checks the indices against its tables.)
    /// - Complexity: O(1).
    public init(date: EventDate, source: ActorIndex, target: ActorIndex, kind: KindIndex, weight: Double, line: Int = 0,
                about: Relationship? = nil) throws(ValueError) {
        guard source != target else { throw ValueError("source and target are the same actor (\(source))") }
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
    public let first: ActorIndex
    /// The larger of the two actor indices.
    public let second: ActorIndex

    /// The relationship between actors `a` and `b`, in either order.
    /// - Throws: ``ValueError`` when `a` and `b` are the same actor.
    /// - Complexity: O(1).
    /// - Parameters:
    ///   - a: one side.
    ///   - b: the other side.
    public init(_ a: ActorIndex, _ b: ActorIndex) throws(ValueError) {
        guard a != b else { throw ValueError("a relationship needs two different actors (both \(a))") }
        (first, second) = a < b ? (a, b) : (b, a)
    }

    /// Whether `actor` is one of the two sides.
    /// - Complexity: O(1).
    /// - Parameter actor: an actor index.
    public func contains(_ actor: ActorIndex) -> Bool { actor == first || actor == second }

    /// The side that is not `actor`, or `nil` when `actor` is not a side.
    /// - Complexity: O(1).
    /// - Parameter actor: one of the sides.
    public func otherSide(than actor: ActorIndex) -> ActorIndex? {
        guard contains(actor) else { return nil }
        return actor == first ? second : first
    }
}

/// The events of a dataset with the actors and kinds they refer to.
public struct EventLog: Sendable {
    /// The events file as the user named it.
    public package(set) var file: String
    /// The actors events refer to.
    public package(set) var actors: ActorTable
    /// The kinds events refer to.
    public package(set) var kinds: KindTable
    /// The events, in file order.
    public package(set) var events: [Event]
    /// `notes[i]` says what happened in `events[i]` (may be empty).
    public package(set) var notes: [String]

    /// A log of `events` over `actors` and `kinds`.
    ///
    /// - Parameters:
    ///   - file: the events file as the user named it, for messages.
    ///   - actors: the actors the events refer to.
    ///   - kinds: the kinds the events refer to.
    ///   - events: the events, in file order.
    ///   - notes: one note per event, or `nil` for none.
    /// - Throws: ``ValueError`` when an event names an actor or kind the tables lack, or the
    ///   notes do not match the events one to one.
    /// - Complexity: O(*e*) for *e* events.
    public init(file: String, actors: ActorTable, kinds: KindTable, events: [Event], notes: [String]? = nil) throws(ValueError) {
        if let notes, notes.count != events.count {
            throw ValueError("\(notes.count) notes for \(events.count) events: give one note per event")
        }
        for event in events {
            guard event.source.position < actors.count, event.target.position < actors.count else {
                throw ValueError("event at line \(event.line): actor index \(max(event.source, event.target)) is out of range (\(actors.count) actors)")
            }
            if let about = event.about, about.second.position >= actors.count {
                throw ValueError("event at line \(event.line): about names actor index \(about.second), out of range (\(actors.count) actors)")
            }
            guard event.kind.position < kinds.count else {
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
