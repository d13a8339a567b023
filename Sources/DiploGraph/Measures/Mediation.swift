/// How many relationships each entity mediated: the `mediation` measure.
extension SlicedNetwork {
    /// The number of distinct relationships {A, B} each node of `slice` mediated: the distinct
    /// `about` pairs, at the slices' level (actors, or groups when merged), of the mediation
    /// acts with `about` it is the source of in the slice.
    ///
    /// A path measure sees a mediator between two sides only through the relay legs it adds
    /// (see ``Slicer/slice(_:options:)``), and not at all where the sides also meet directly;
    /// this count says how many relationships an actor worked on, whatever the paths.
    ///
    /// - Parameter slice: one of this network's slices.
    /// - Returns: one count per node of `slice`, indexed like `slice.nodes`.
    /// - Throws: ``ValueError`` when `slice` is not one of this network's slices.
    /// - Complexity: O(*e* log *n* + *n*) expected for the slice's *e* events and *n* nodes.
    public func mediationCounts(in slice: Slice) throws(ValueError) -> [Double] {
        try checkOwns(slice)
        return mediationCounts(inOwn: slice)
    }

    /// ``mediationCounts(in:)`` of a slice known to be this network's.
    package func mediationCounts(inOwn slice: Slice) -> [Double] {
        var counts = [Double](repeating: 0, count: slice.nodes.count)
        let mediationKind = KindTable.mediation
        struct Mediated: Hashable { let mediator: EntityIndex, first: EntityIndex, second: EntityIndex }
        var seen: Set<Mediated> = []
        for index in slice.eventIndices {
            let event = log.events[Int(index)]
            guard event.kind == mediationKind, let (a, b) = about(of: event) else { continue }
            let mediator = entityOfActor[Int(event.source)]
            guard let node = slice.node(of: mediator)?.position, seen.insert(Mediated(mediator: mediator, first: a, second: b)).inserted else { continue }
            counts[node] += 1
        }
        return counts
    }
}
