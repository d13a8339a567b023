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

    /// The event at `index`, or `nil` when `index` is not below the number of events.
    /// - Parameter index: an index from this log (a slice's ``Slice/eventIndices``, a tie's
    ///   ``TypedTie/events``, a role's ``ThirdPartyRoles/Row/events``, …).
    /// - Complexity: O(1).
    public func event(at index: EventIndex) -> Event? {
        index.position < events.count ? events[index.position] : nil
    }

    /// The note of the event at `index` (empty when the file gives none), or `nil` when `index`
    /// is not below the number of events.
    /// - Parameter index: an index from this log.
    /// - Complexity: O(1).
    public func note(at index: EventIndex) -> String? {
        index.position < notes.count ? notes[index.position] : nil
    }

    /// The event at an index known to be in range (the package's own indices do); the public way
    /// in is ``event(at:)``, which checks.
    /// - Complexity: O(1).
    package subscript(index: EventIndex) -> Event { events[index.position] }

    /// The indices of all events, `0..<events.count`, in file order.
    /// - Complexity: O(1) (a lazy collection).
    public var eventIndices: LazyMapSequence<Range<Int>, EventIndex> {
        events.indices.lazy.map { EventIndex(unchecked: Int32($0)) }
    }
}
