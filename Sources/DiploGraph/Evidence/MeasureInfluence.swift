import Dispatch

/// How far one event moves each node's measures: for every node of every slice, the least and
/// greatest value of each measure when any single event of the slice is removed from the file.
///
/// The slice is made again without the event (its ties, weights, relays and roster as the
/// slicer makes them, over the same periods) and measured as the slice is. When the removal takes a node out of the
/// slice (its only events are gone, with the roster `active`), the node counts with the value
/// the measure gives it as an isolate added to the remade slice (0 for counts, degrees and path
/// measures); a value that is missing there (constraint of an isolate, a measure that did not
/// converge) does not enter the range. A slice without events gives no range (`nil`).
///
/// This is the jackknife's leave-one-out (Quenouille 1956; Efron & Stein 1981) applied to the
/// events behind a network measure.
public struct MeasureInfluence: Sendable {
    /// The measures, in column order.
    public let measures: [Measure]
    /// `minimum[s][c][v]`: slice `s` of the network, measure `measures[c]`, node `v` of the
    /// slice: the least value over the removals of one event; `nil` without one. A program
    /// reads it through ``range(of:at:in:)``.
    package let minimum: [[[Double?]]]
    /// The greatest value, indexed as `minimum`.
    package let maximum: [[[Double?]]]
    /// Where each slice of the network stands in `minimum` and `maximum`.
    private let slicePositions: SlicePositions

    /// The most work a network may ask for: Σ over slices of events × nodes × (nodes + ties),
    /// about the elementary steps of remeasuring each slice once per event.
    public static let maximumWork = 4_000_000_000

    /// Computes the ranges.
    /// - Parameters:
    ///   - network: the sliced events.
    ///   - measures: the measures.
    ///   - pathLength: path length for betweenness, closeness and harmonic.
    /// - Throws: ``ValueError`` naming the largest slice when the work is over
    ///   ``maximumWork``: the ranges are exact or not given, never sampled.
    /// - Complexity: for each slice, its *e* events times the cost of remaking and measuring it.
    public init(network: SlicedNetwork, measures: [Measure], pathLength: PathLength = .hops) throws(ValueError) {
        self.measures = measures
        let slices = network.slices
        var work = 0.0
        var largest: (work: Double, slice: Slice)?
        for slice in slices {
            let cost = Double(slice.eventIndices.count) * Double(slice.nodes.count) * Double(slice.nodes.count + slice.graph.edgeCount)
            work += cost
            if largest == nil || cost > largest!.work { largest = (cost, slice) }
        }
        if work > Double(Self.maximumWork), let largest {
            throw ValueError("slice \(largest.slice.label): measuring it again without each of its \(largest.slice.eventIndices.count) events "
                             + "(\(largest.slice.nodes.count) nodes, \(largest.slice.graph.edgeCount) ties) is over the limit of the influence ranges "
                             + "(\(Self.maximumWork) steps for all slices); use --kinds, --by group or a finer --slice")
        }
        let results = ConcurrentResults<(min: [[Double?]], max: [[Double?]])>(count: slices.count)
        DispatchQueue.concurrentPerform(iterations: slices.count) { s in
            let slice = slices[s]
            var low = [[Double?]](repeating: [Double?](repeating: nil, count: slice.nodes.count), count: measures.count)
            var high = low
            func record(_ c: Int, _ v: Int, _ value: Double?) {
                guard let value, value.isFinite else { return }
                low[c][v] = Swift.min(low[c][v] ?? value, value)
                high[c][v] = Swift.max(high[c][v] ?? value, value)
            }
            for removed in slice.eventIndices {
                let events = slice.eventIndices.filter { $0 != removed }
                let remade = Slicer.remade(slice, of: network, events: events)
                let table = MeasureTable(network: network, slice: remade, measures: measures, pathLength: pathLength)
                var missing: [Int] = []
                for (v, entity) in slice.nodes.enumerated() {
                    guard let node = remade.node(of: entity)?.position else { missing.append(v); continue }
                    for c in measures.indices { record(c, v, table.columns[c][node]) }
                }
                guard !missing.isEmpty else { continue }
                // The nodes the removal took out, back as isolates (the others keep the values of
                // the remade slice itself).
                let nodes = (remade.nodes + missing.map { slice.nodes[$0] }).sorted()
                var position = [Int32](repeating: 0, count: remade.nodes.count)
                for (i, entity) in remade.nodes.enumerated() { position[i] = Int32(nodes.firstIndex(of: entity)!) }
                let (pairs, weights) = NullModel.ties(of: remade.graph)
                let graph = SliceGraph(validatedNodeCount: nodes.count,
                                       edges: zip(pairs, weights).map { (position[Int($0.0)], position[Int($0.1)], $1) },
                                       isDirected: remade.graph.isDirected)
                let augmented = Slice(label: slice.label, periods: slice.periods, nodes: nodes, graph: graph, eventIndices: events)
                let isolated = MeasureTable(network: network, slice: augmented, measures: measures, pathLength: pathLength)
                for v in missing {
                    let node = augmented.node(of: slice.nodes[v])!.position
                    for c in measures.indices { record(c, v, isolated.columns[c][node]) }
                }
            }
            results[s] = (low, high)
        }
        minimum = slices.indices.map { results[$0]!.min }
        maximum = slices.indices.map { results[$0]!.max }
        slicePositions = SlicePositions(network)
    }

    /// The least and greatest value of `measure` at `node` of `slice` over the removals of one
    /// event of the slice.
    ///
    /// ```swift
    /// if let node = slice.node(of: moon), let range = influence.range(of: .brokerage, at: node, in: slice) {
    ///     print(slice.label, range.lowerBound, range.upperBound)
    /// }
    /// ```
    /// - Parameters:
    ///   - measure: one of ``measures``.
    ///   - node: a node of `slice`.
    ///   - slice: a slice of the network the ranges were computed on.
    /// - Returns: the range, or `nil` when `measure` was not computed, `slice` is not a slice
    ///   of that network, `node` is not a node of it, or no removal gave a value.
    /// - Complexity: O(*c*) for *c* measures.
    public func range(of measure: Measure, at node: NodeIndex, in slice: Slice) -> ClosedRange<Double>? {
        guard let c = measures.firstIndex(of: measure), let s = slicePositions.position(of: slice),
              node.position < minimum[s][c].count, let low = minimum[s][c][node.position], let high = maximum[s][c][node.position] else {
            return nil
        }
        return low...high
    }
}
