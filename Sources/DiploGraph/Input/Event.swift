/// One coded interaction: who did what to whom, when, how strongly.
///
/// Events hold no text, so that copying one costs no reference counting; what happened
/// (the `note`) is kept beside them in ``EventLog/notes``.
public struct Event: Sendable, Hashable {
    public var date: EventDate
    /// Index into the log's ``ActorTable``.
    public var source: Int32
    /// Index into the log's ``ActorTable``; never equal to `source`.
    public var target: Int32
    /// Index into the log's ``KindTable``.
    public var kind: Int32
    /// A positive, finite interaction strength.
    public var weight: Double
    /// The line of the events file the event came from.
    public var line: Int
    /// The relationship the act bears on (the `about` column), or `nil`.
    public var about: Relationship?

    public init(date: EventDate, source: Int32, target: Int32, kind: Int32, weight: Double, line: Int = 0,
                about: Relationship? = nil) {
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
    public init(_ a: Int32, _ b: Int32) {
        precondition(a != b, "a relationship needs two different actors")
        (first, second) = a < b ? (a, b) : (b, a)
    }

    /// Whether `actor` is one of the two sides.
    public func contains(_ actor: Int32) -> Bool { actor == first || actor == second }

    /// The side that is not `actor`; `actor` must be one of the two.
    public func otherSide(than actor: Int32) -> Int32 {
        precondition(contains(actor), "not a side of the relationship")
        return actor == first ? second : first
    }
}

/// The events of a dataset with the actors and kinds they refer to.
public struct EventLog: Sendable {
    /// The events file as the user named it.
    public var file: String
    public var actors: ActorTable
    public var kinds: KindTable
    public var events: [Event]
    /// `notes[i]` says what happened in `events[i]` (may be empty).
    public var notes: [String]

    public init(file: String, actors: ActorTable, kinds: KindTable, events: [Event], notes: [String]? = nil) {
        precondition(notes == nil || notes!.count == events.count, "one note per event")
        self.file = file
        self.actors = actors
        self.kinds = kinds
        self.events = events
        self.notes = notes ?? Array(repeating: "", count: events.count)
    }
}
