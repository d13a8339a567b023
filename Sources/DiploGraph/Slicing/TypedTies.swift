/// The ties of one slice kept apart by kind: what diagrams draw and exports write.
///
/// The slice graph sums all selected kinds into one edge per pair; analysts also want to
/// see (and Gephi to show) which kinds of interaction a tie is made of.
public struct TypedTie: Sendable, Equatable {
    /// Entity indices; ordered `source < target` when the network is undirected.
    public let source: Int32
    /// See `source`.
    public let target: Int32
    /// Index into the log's ``KindTable``.
    public let kind: Int32
    /// The summed weight of the tie's events.
    public let weight: Double
    /// How many events make the tie.
    public let eventCount: Int
    /// The indices of the tie's events in the log, in file order.
    public let events: [Int32]
}

extension SlicedNetwork {
    /// The ties of `slice`, one per pair (ordered when directed) and kind, in order of first event.
    ///
    /// Events within one entity (possible with `--by group`) are left out, as in the slice graph.
    /// - Complexity: O(*e*) expected for the slice's *e* events.
    public func typedTies(in slice: Slice) -> [TypedTie] {
        struct Key: Hashable { let source: Int32, target: Int32, kind: Int32 }
        var position: [Key: Int] = [:]
        var keys: [Key] = []
        var weights: [Double] = []
        var members: [[Int32]] = []
        for index in slice.eventIndices {
            let event = log.events[Int(index)]
            var u = entityOfActor[Int(event.source)], v = entityOfActor[Int(event.target)]
            if u == v { continue }
            if !options.isDirected && u > v { swap(&u, &v) }
            let key = Key(source: u, target: v, kind: event.kind)
            if let at = position[key] {
                weights[at] += event.weight
                members[at].append(index)
            } else {
                position[key] = keys.count
                keys.append(key)
                weights.append(event.weight)
                members.append([index])
            }
        }
        return keys.indices.map { i in
            TypedTie(source: keys[i].source, target: keys[i].target, kind: keys[i].kind, weight: weights[i],
                     eventCount: members[i].count, events: members[i])
        }
    }

    /// The group index of each node of `slice` (groups numbered in order of appearance), for brokerage.
    public func groupIndices(of slice: Slice) -> [Int] {
        var index: [String: Int] = [:]
        return slice.nodes.map { node in
            let group = entities[Int(node)].group
            if let i = index[group] { return i }
            index[group] = index.count
            return index.count - 1
        }
    }
}
