/// The ties of one slice kept apart by kind: what diagrams draw and exports write.
///
/// The slice graph sums all selected kinds into one edge per pair; analysts also want to
/// see (and Gephi to show) which kinds of interaction a tie is made of.
public struct TypedTie: Sendable, Equatable {
    /// The entity the tie starts from; `source < target` when the network is undirected.
    public let source: EntityIndex
    /// The entity the tie goes to.
    public let target: EntityIndex
    /// The kind of the tie's events, in the log's ``KindTable``.
    public let kind: KindIndex
    /// The summed weight of the tie's events.
    public let weight: Double
    /// How many events make the tie.
    public let eventCount: Int
    /// The indices of the tie's events in the log, in file order (``EventLog/event(at:)`` reads each).
    public let events: [EventIndex]
    /// Whether the tie is made of relays' first legs (origin → mediator) rather than of acts.
    public var isRelayLeg: Bool = false
}

extension SlicedNetwork {
    /// The ties of `slice`, one per pair (ordered when directed) and kind, in order of first event.
    ///
    /// Events within one entity (possible when groups are merged) are left out, as in the slice graph.
    /// A relay (see ``Slicer/slice(_:options:)``) adds its first leg, origin → mediator, as a
    /// tie of kind `mediation`: merged with the acts of that pair and kind, so that the ties
    /// sum to the slice graph, or apart from them (``TypedTie/isRelayLeg``) when
    /// `separatesRelayLegs`, so that diagrams can draw legs and acts differently.
    /// - Parameters:
    ///   - slice: one of this network's slices.
    ///   - separatesRelayLegs: whether relay legs are kept apart from acts of the same pair and kind.
    /// - Returns: the ties, in order of their first event.
    /// - Throws: ``ValueError`` when `slice` is not one of this network's slices.
    /// - Complexity: O(*e*) expected for the slice's *e* events.
    public func typedTies(in slice: Slice, separatesRelayLegs: Bool = false) throws(ValueError) -> [TypedTie] {
        try checkOwns(slice)
        return typedTies(inOwn: slice, separatesRelayLegs: separatesRelayLegs)
    }

    /// ``typedTies(in:separatesRelayLegs:)`` of a slice known to be this network's.
    package func typedTies(inOwn slice: Slice, separatesRelayLegs: Bool = false) -> [TypedTie] {
        struct Key: Hashable { let source: EntityIndex, target: EntityIndex, kind: KindIndex, isLeg: Bool }
        var position: [Key: Int] = [:]
        var keys: [Key] = []
        var weights: [Double] = []
        var members: [[EventIndex]] = []
        func add(_ source: EntityIndex, _ target: EntityIndex, kind: KindIndex, isLeg: Bool, weight: Double, index: EventIndex) {
            var u = source, v = target
            if u == v { return }
            if !options.isDirected && u > v { swap(&u, &v) }
            let key = Key(source: u, target: v, kind: kind, isLeg: isLeg && separatesRelayLegs)
            if let at = position[key] {
                weights[at] += weight
                members[at].append(index)
            } else {
                position[key] = keys.count
                keys.append(key)
                weights.append(weight)
                members.append([index])
            }
        }
        let mediationKind = KindTable.mediation
        for index in slice.eventIndices {
            let event = log.events[Int(index)]
            let m = entityOfActor[Int(event.source)]
            add(m, entityOfActor[Int(event.target)], kind: event.kind, isLeg: false, weight: event.weight, index: index)
            if let origin = Slicer.relayOrigin(of: event, mediationKind: mediationKind, entityOfActor: entityOfActor) {
                add(origin, m, kind: event.kind, isLeg: true, weight: event.weight, index: index)
            }
        }
        return keys.indices.map { i in
            TypedTie(source: keys[i].source, target: keys[i].target, kind: keys[i].kind, weight: weights[i],
                     eventCount: members[i].count, events: members[i], isRelayLeg: keys[i].isLeg)
        }
    }

    /// The relationship `event` bears on at the level of the slices (two actors, or their two
    /// groups), or `nil` when it has no `about` or both sides fall in one group.
    /// - Parameter event: an event of the network's log.
    /// - Returns: the two entities, the smaller index first; `nil` too for an event of another
    ///   log that names actors this network does not have.
    /// - Complexity: O(1).
    public func about(of event: Event) -> (EntityIndex, EntityIndex)? {
        guard let about = event.about else { return nil }
        guard entityOfActor.indices.contains(about.first.position), entityOfActor.indices.contains(about.second.position) else { return nil }
        let a = entityOfActor[Int(about.first)], b = entityOfActor[Int(about.second)]
        return a == b ? nil : (min(a, b), max(a, b))
    }

    /// The first leg's origin entity when `event` is a relay, otherwise `nil` (also for an
    /// event of another log that names actors this network does not have).
    /// - Parameter event: an event of the network's log.
    /// - Complexity: O(1).
    public func relayOrigin(of event: Event) -> EntityIndex? {
        Slicer.relayOrigin(of: event, mediationKind: KindTable.mediation, entityOfActor: entityOfActor)
    }

    /// The group of each node of `slice`, for ``SliceGraph/brokerage(groups:)``; ``group(at:)``
    /// names each.
    /// - Parameter slice: one of the network's slices.
    /// - Returns: one group per node, indexed like `slice.nodes`.
    /// - Throws: ``ValueError`` when `slice` is not one of this network's slices.
    /// - Complexity: O(*n*) for the slice's *n* nodes.
    public func groupIndices(of slice: Slice) throws(ValueError) -> [GroupIndex] {
        try checkOwns(slice)
        return groupIndices(ofOwn: slice)
    }

    /// ``groupIndices(of:)`` of a slice known to be this network's.
    package func groupIndices(ofOwn slice: Slice) -> [GroupIndex] {
        slice.nodes.map { groupOfEntity[$0.position] }
    }
}
