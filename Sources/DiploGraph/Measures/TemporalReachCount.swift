/// How many entities each entity reaches in time order within a slice: the `reach` and
/// `reach_certain` measures.
extension SlicedNetwork {
    /// The number of other nodes of `slice` each node reaches along time-respecting paths of
    /// the slice's events (``TemporalReach``, with no start date): brokers in time order, to
    /// compare with brokers by position.
    ///
    /// - Parameters:
    ///   - slice: one of this network's slices.
    ///   - reading: whether paths are possibly or certainly in order, given the dates' spans.
    /// - Returns: one count per node of `slice`, indexed like `slice.nodes`.
    /// - Throws: ``ValueError`` when `slice` is not one of this network's slices.
    /// - Complexity: O(*n* (*N* + *e*)) for the slice's *n* nodes and *e* events and the
    ///   network's *N* entities, after sorting the events.
    public func temporalReachCounts(in slice: Slice, reading: TemporalReach.Reading) throws(ValueError) -> [Double] {
        try checkOwns(slice)
        return temporalReachCounts(inOwn: slice, reading: reading)
    }

    /// ``temporalReachCounts(in:reading:)`` of a slice known to be this network's.
    package func temporalReachCounts(inOwn slice: Slice, reading: TemporalReach.Reading) -> [Double] {
        let reach = TemporalReach(network: self, eventIndices: slice.eventIndices)
        let counts = reach.reachedCountValues(reading: reading)
        return slice.nodes.map { Double(counts[$0.position]) }
    }
}
