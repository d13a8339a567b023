/// One coded interaction: who did what to whom, when, how strongly.
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
    /// What happened, in a few words (may be empty).
    public var note: String
    /// The line of the events file the event came from.
    public var line: Int

    public init(date: EventDate, source: Int32, target: Int32, kind: Int32, weight: Double, note: String = "", line: Int = 0) {
        self.date = date
        self.source = source
        self.target = target
        self.kind = kind
        self.weight = weight
        self.note = note
        self.line = line
    }
}

/// The events of a dataset with the actors and kinds they refer to.
public struct EventLog: Sendable {
    /// The events file as the user named it.
    public var file: String
    public var actors: ActorTable
    public var kinds: KindTable
    public var events: [Event]

    public init(file: String, actors: ActorTable, kinds: KindTable, events: [Event]) {
        self.file = file
        self.actors = actors
        self.kinds = kinds
        self.events = events
    }
}
