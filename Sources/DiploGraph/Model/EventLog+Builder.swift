extension EventLog {
    /// Builds an event log in code, one event at a time, checking each event as it is added:
    /// its actors and kind are in the tables, and a mediation's `about` is a relay (the target on
    /// one side, the source on neither). A refusal names the event's position (`event 3: …`),
    /// and the log it builds numbers its events 1, 2, 3 … in place of lines, so that later
    /// messages (from the slicer) name them the same way.
    ///
    /// ```swift
    /// var actors = ActorTable()
    /// let a = try actors.declare(Actor(id: "a", label: "A", group: "X"))
    /// let b = try actors.declare(Actor(id: "b", label: "B", group: "Y"))
    /// var builder = EventLog.Builder(actors: actors)
    /// try builder.add(on: EventDate(year: 2018, month: 6, day: 12), from: a, to: b, kind: KindTable.summit)
    /// let log = builder.build()
    /// ```
    public struct Builder: Sendable {
        /// The actors events may name.
        public let actors: ActorTable
        /// The kinds events may be of.
        public let kinds: KindTable
        /// The name later messages give the log (``EventLog/file``).
        public let name: String
        private var events: [Event] = []
        private var notes: [String] = []

        /// A builder of events between the actors of `actors`, of the kinds of `kinds`.
        /// - Parameters:
        ///   - actors: the actors events may name.
        ///   - kinds: the kinds events may be of; the built-in three by default.
        ///   - name: what messages call the log, `(code)` by default.
        /// - Complexity: O(1).
        public init(actors: ActorTable, kinds: KindTable = KindTable(), name: String = "(code)") {
            self.actors = actors
            self.kinds = kinds
            self.name = name
        }

        /// The number of events added so far.
        public var count: Int { events.count }

        /// Adds an event, checked now rather than when the log is sliced.
        ///
        /// - Parameters:
        ///   - date: when it happened, at any precision.
        ///   - source: who acted (the mediator, for a mediation).
        ///   - target: who was acted on; not `source`.
        ///   - kind: what kind of interaction, an index of ``kinds`` (``KindTable/mediation``…).
        ///   - weight: a positive, finite weight; 1 by default.
        ///   - about: for a mediation, the relationship worked on: `target` must be one of its
        ///     sides and `source` neither.
        ///   - note: free text kept with the event.
        /// - Throws: ``ValueError`` starting `event N:` (N counting from 1, this event's position)
        ///   when an actor, a side or the kind is not in the tables, the source is the target,
        ///   the weight is not positive and finite, or a mediation's `about` is no relay; the
        ///   builder is then unchanged.
        /// - Complexity: O(1) amortised.
        public mutating func add(on date: EventDate, from source: ActorIndex, to target: ActorIndex, kind: KindIndex,
                                 weight: Double = 1, about: Relationship? = nil, note: String = "") throws(ValueError) {
            let position = events.count + 1
            func refuse(_ message: String) -> ValueError { ValueError("event \(position): \(message)") }
            for actor in [source, target] + (about.map { [$0.first, $0.second] } ?? []) where actors.actor(at: actor) == nil {
                throw refuse("actor index \(actor) is out of range (\(actors.count) actors)")
            }
            guard kinds.kind(at: kind) != nil else { throw refuse("kind index \(kind) is out of range (\(kinds.count) kinds)") }
            let event: Event
            do {
                event = try Event(date: date, source: source, target: target, kind: kind, weight: weight, line: position, about: about)
            } catch {
                throw refuse(error.message)
            }
            if let about, kind == KindTable.mediation {
                let sides = "\(actors[about.first].id)|\(actors[about.second].id)"
                guard about.contains(target) else {
                    throw refuse("mediation about \(sides): the target '\(actors[target].id)' is on neither side (a mediation's target is one of the two sides)")
                }
                guard !about.contains(source) else {
                    throw refuse("mediation about \(sides): the source '\(actors[source].id)' is one of the sides (a mediator stands on neither)")
                }
            }
            events.append(event)
            notes.append(note)
        }

        /// The log of the events added so far, in the order they were added.
        /// - Returns: a log named ``name`` whose events are numbered from 1 in place of lines.
        /// - Complexity: O(*e*) for *e* events.
        public func build() -> EventLog {
            EventLog(checked: name, actors: actors, kinds: kinds, events: events, notes: notes)
        }
    }

    /// A log whose events are known to index `actors` and `kinds` (the builder's).
    private init(checked file: String, actors: ActorTable, kinds: KindTable, events: [Event], notes: [String]) {
        self.file = file
        self.actors = actors
        self.kinds = kinds
        self.events = events
        self.notes = notes
    }
}
