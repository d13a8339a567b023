/// Someone who acts in events: a person, a government, an organisation.
public struct Actor: Sendable, Hashable {
    /// The id events use; case-sensitive, any non-empty text.
    public package(set) var id: String
    /// What diagrams and tables show.
    public package(set) var label: String
    /// The side the actor belongs to (a state, a bloc, an organisation).
    public package(set) var group: String
    /// A short label for figures where space is tight (the grid's panels), from the actors
    /// file's optional `short` column; `nil` when there is none.
    public package(set) var shortLabel: String?

    /// An actor with its label and group.
    /// - Throws: ``ValueError`` when `id` or `group` is empty.
    /// - Complexity: O(1).
    /// - Parameters:
    ///   - id: the id events use; not empty.
    ///   - label: what diagrams and tables show (may be empty; readers put the id there).
    ///   - group: the side the actor belongs to; not empty.
    ///   - shortLabel: a short label for tight figures (the grid), or `nil`; an empty one counts as none.
    public init(id: String, label: String, group: String, shortLabel: String? = nil) throws(ValueError) {
        guard !id.isEmpty else { throw ValueError("an actor's id must not be empty") }
        guard !group.isEmpty else { throw ValueError("actor '\(id)': its group must not be empty") }
        self.id = id
        self.label = label
        self.group = group
        self.shortLabel = shortLabel.flatMap { $0.isEmpty ? nil : $0 }
    }
}

extension Actor {
    /// An actor that is its own label and group; `id` is not empty (the readers check).
    init(unchecked id: String) {
        self.id = id
        self.label = id
        self.group = id
    }
}

/// The actors of a dataset, indexed by ``ActorIndex`` in the order they became known.
public struct ActorTable: Sendable {
    /// The actors, in index order.
    public package(set) var actors: [Actor] = []
    private var indexByID: [String: ActorIndex] = [:]
    /// Whether the table came from an actors file: then it is closed to new ids.
    public let isDeclared: Bool

    /// An empty table; `isDeclared` closes it to ids events introduce (as an actors file does).
    /// - Complexity: O(1).
    /// - Parameter isDeclared: whether the table is closed to new ids.
    public init(isDeclared: Bool = false) { self.isDeclared = isDeclared }

    /// The index of the actor with `id`, or `nil`.
    ///
    /// Ids compare by canonical equivalence, as Swift strings do (an NFD id finds its NFC twin).
    /// - Parameter id: an actor id.
    /// - Returns: the actor's index, or `nil` when no actor has that id.
    /// - Complexity: O(1) expected.
    public func index(of id: String) -> ActorIndex? { indexByID[id] }

    /// Returns the index of `id`, adding it as its own group when it is new.
    package mutating func intern(_ id: String) -> ActorIndex {
        if let index = indexByID[id] { return index }
        let index = ActorIndex(unchecked: Int32(actors.count))
        indexByID[id] = index
        actors.append(Actor(unchecked: id))
        return index
    }

    /// Adds an actor, as an actors file does.
    ///
    /// - Parameter actor: the actor to add; its id must be new to the table.
    /// - Returns: the new actor's index.
    /// - Throws: ``ValueError`` naming the id when the table already has an actor with that id
    ///   (the table is unchanged).
    /// - Complexity: O(1) amortised.
    @discardableResult
    public mutating func declare(_ actor: Actor) throws(ValueError) -> ActorIndex {
        guard indexByID[actor.id] == nil else { throw ValueError("duplicate actor id '\(actor.id)'") }
        let index = ActorIndex(unchecked: Int32(actors.count))
        indexByID[actor.id] = index
        actors.append(actor)
        return index
    }

    /// The actor at `index`, which must come from this table (the readers' and the slicer's
    /// indices do); the public way in is ``actor(at:)``, which checks.
    /// - Complexity: O(1).
    /// - Parameter index: an index from this table.
    package subscript(index: ActorIndex) -> Actor { actors[index.position] }

    /// The actor at `index`, or `nil` when `index` is not below ``count``.
    /// - Complexity: O(1).
    /// - Parameter index: an actor index.
    public func actor(at index: ActorIndex) -> Actor? { index.position < actors.count ? actors[index.position] : nil }

    /// The number of actors.
    public var count: Int { actors.count }
}
