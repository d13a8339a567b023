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
