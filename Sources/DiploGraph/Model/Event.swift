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
