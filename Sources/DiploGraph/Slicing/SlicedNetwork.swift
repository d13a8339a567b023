import Synchronization

/// An event log cut into slices, over one set of entities.
public struct SlicedNetwork: Sendable {
    /// The node identities shared by all slices, by ``EntityIndex``.
    public let entities: [Entity]
    /// The slices in time order.
    public let slices: [Slice]
    /// The options the network was sliced with.
    public let options: SliceOptions
    /// The entity each actor belongs to (itself, or its group), by ``ActorIndex``.
    public let entityOfActor: [EntityIndex]
    /// The events the slices were made from.
    public let log: EventLog
    /// The groups of the entities (``Entity/group``), each once, in order of their first entity:
    /// the names of the network's ``GroupIndex``es.
    public let groups: [String]
    /// The group of each entity, by ``EntityIndex``.
    let groupOfEntity: [GroupIndex]
    /// The index of each entity by its id.
    private let entityIndexByID: [String: EntityIndex]
    /// This network's token, stamped on each of its slices.
    package let token: Token

    /// Tells one network's slices from another's: a number no other network of the process has.
    package struct Token: Sendable, Equatable {
        let value: UInt64
        static let none = Token(value: 0)
        private static let counter = Atomic<UInt64>(0)
        static func next() -> Token { Token(value: counter.add(1, ordering: .relaxed).newValue) }
    }

    init(entities: [Entity], slices: [Slice], options: SliceOptions, entityOfActor: [EntityIndex], log: EventLog) {
        self.entities = entities
        let token = Token.next()
        self.token = token
        self.slices = slices.map { slice in
            var stamped = slice
            stamped.owner = token
            return stamped
        }
        self.options = options
        self.entityOfActor = entityOfActor
        self.log = log
        var indexByID: [String: EntityIndex] = [:]
        indexByID.reserveCapacity(entities.count)
        for (index, entity) in entities.enumerated() { indexByID[entity.id] = EntityIndex(unchecked: Int32(index)) }
        entityIndexByID = indexByID
        var groupIndexByName: [String: GroupIndex] = [:]
        var groups: [String] = []
        groupOfEntity = entities.map { entity in
            if let index = groupIndexByName[entity.group] { return index }
            let index = GroupIndex(unchecked: Int32(groups.count))
            groupIndexByName[entity.group] = index
            groups.append(entity.group)
            return index
        }
        self.groups = groups
    }

    /// The name of the group at `index`, or `nil` when `index` is not below the number of groups.
    /// - Parameter index: a group of this network (``groupIndices(of:)``, ``groupIndex(of:)``).
    /// - Complexity: O(1).
    public func group(at index: GroupIndex) -> String? {
        index.position < groups.count ? groups[index.position] : nil
    }

    /// The group of `entity`, or `nil` when `entity` is not an entity of this network.
    /// - Parameter entity: an entity of this network.
    /// - Complexity: O(1).
    public func groupIndex(of entity: EntityIndex) -> GroupIndex? {
        entity.position < groupOfEntity.count ? groupOfEntity[entity.position] : nil
    }

    /// Whether `slice` is one of this network's slices (made by the slicing that made this
    /// network), so that its nodes and events index this network's entities and log.
    /// - Complexity: O(1).
    /// - Parameter slice: any slice.
    public func owns(_ slice: Slice) -> Bool { slice.owner == token }

    /// Throws unless `slice` is one of this network's slices.
    /// - Throws: ``ValueError`` naming the slice.
    /// - Complexity: O(1).
    func checkOwns(_ slice: Slice) throws(ValueError) {
        guard owns(slice) else { throw ValueError("slice '\(slice.label)' is not a slice of this network") }
    }

    /// The entities that are a node of at least one slice, in entity order: those that
    /// diagrams place and exports list.
    /// - Returns: the entities, each once.
    /// - Complexity: O(*e* + *N*) for *e* entities and *N* nodes over all slices.
    public func entitiesInAnySlice() -> [EntityIndex] {
        var present = [Bool](repeating: false, count: entities.count)
        for slice in slices { for node in slice.nodes { present[node.position] = true } }
        return present.indices.filter { present[$0] }.map { EntityIndex(unchecked: Int32($0)) }
    }

    /// The slice labelled `label`.
    /// - Complexity: O(*s*) for *s* slices.
    /// - Parameter label: a slice label (`2018`, `2018-Q1`, `2018-03`).
    /// - Returns: the first slice with that label, or `nil`.
    public func slice(labelled label: String) -> Slice? { slices.first { $0.label == label } }

    /// The entity `actor` belongs to: itself, or its group when actors are merged.
    /// - Returns: `nil` when `actor` is not an actor of the log.
    /// - Complexity: O(1).
    /// - Parameter actor: an actor of the network's log.
    public func entityIndex(ofActor actor: ActorIndex) -> EntityIndex? {
        actor.position < entityOfActor.count ? entityOfActor[actor.position] : nil
    }

    /// The entity with id `id`: an actor id, or a group name when actors are merged.
    /// - Parameter id: the entity's id, compared as Swift strings are (by canonical equivalence).
    /// - Throws: ``UnknownIDError`` naming the known ids when no entity has that id.
    /// - Complexity: O(1) expected; O(*n*) for the error's list of the *n* known ids.
    public func entityIndex(of id: String) throws(UnknownIDError) -> EntityIndex {
        if let index = entityIndexByID[id] { return index }
        throw UnknownIDError(id: id, what: options.mergesGroups ? .group : .actor, known: entities.map(\.id))
    }

    /// The entity at `index`, or `nil` when `index` is not an entity of this network.
    /// - Complexity: O(1).
    /// - Parameter index: an entity index.
    public func entity(at index: EntityIndex) -> Entity? {
        index.position < entities.count ? entities[index.position] : nil
    }
}
