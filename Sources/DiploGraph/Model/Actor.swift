/// Someone who acts in events: a person, a government, an organisation.
public struct Actor: Sendable, Hashable {
    /// The id events use; case-sensitive, any non-empty text.
    public package(set) var id: String
    /// What diagrams and tables show.
    public package(set) var label: String
    /// The side the actor belongs to (a state, a bloc, an organisation).
    public package(set) var group: String

    /// An actor with its label and group.
    /// - Throws: ``ValueError`` when `id` or `group` is empty.
    public init(id: String, label: String, group: String) throws(ValueError) {
        guard !id.isEmpty else { throw ValueError("an actor's id must not be empty") }
        guard !group.isEmpty else { throw ValueError("actor '\(id)': its group must not be empty") }
        self.id = id
        self.label = label
        self.group = group
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

/// The actors of a dataset, indexed by `Int32` in the order they became known.
public struct ActorTable: Sendable {
    public package(set) var actors: [Actor] = []
    private var indexByID: [String: Int32] = [:]
    /// Whether the table came from an actors file: then it is closed to new ids.
    public let isDeclared: Bool

    /// An empty table; `isDeclared` closes it to ids events introduce (as an actors file does).
    public init(isDeclared: Bool = false) { self.isDeclared = isDeclared }

    /// The index of the actor with `id`, or `nil`.
    /// - Complexity: O(1) expected.
    public func index(of id: String) -> Int32? { indexByID[id] }

    /// Returns the index of `id`, adding it as its own group when it is new.
    package mutating func intern(_ id: String) -> Int32 {
        if let index = indexByID[id] { return index }
        let index = Int32(actors.count)
        indexByID[id] = index
        actors.append(Actor(unchecked: id))
        return index
    }

    /// Adds an actor, as an actors file does; `false` when the id is taken.
    public mutating func declare(_ actor: Actor) -> Bool {
        guard indexByID[actor.id] == nil else { return false }
        indexByID[actor.id] = Int32(actors.count)
        actors.append(actor)
        return true
    }

    /// The actor at `index`.
    public subscript(index: Int32) -> Actor { actors[Int(index)] }

    /// The number of actors.
    public var count: Int { actors.count }
}
