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
