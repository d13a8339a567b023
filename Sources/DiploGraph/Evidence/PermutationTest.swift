import Dispatch

/// Monte-Carlo p-values of every node's measures in every slice against a null model, with
/// Benjamini–Hochberg q-values over every node and slice of each measure.
///
/// For a slice, each of *N* draws from the ``NullModel`` is measured as the slice is; a node's
/// p-value is the upper tail (1 + #{null values ≥ observed}) / (*N* + 1), never 0 (Davison &
/// Hinkley 1997, *Bootstrap Methods and their Application*; North, Curtis & Sham 2002,
/// *American Journal of Human Genetics* 71(2), 439–441). A null value counts as ≥ when it is
/// within 10⁻⁹ (relative) below, so that the same value reached by another order of sums
/// counts; a null value that is missing (a measure that did not converge) does not count.
/// `mediation` counts events, not ties, and every null keeps it (its p-value is 1).
///
/// The draws are split into blocks of a fixed size, each with its own ``Xoshiro256StarStar``
/// seeded from the seed, the slice's position and the block's
/// (``Xoshiro256StarStar/derivedSeed(_:stream:)``); blocks run on all cores and their counts are
/// added, so the same seed gives the same p-values whatever the number of cores.
public struct PermutationTest: Sendable {
    /// The null model.
    public let model: NullModel
    /// The number of draws per slice.
    public let permutations: Int
    /// The seed.
    public let seed: UInt64
    /// The measures tested, in column order.
    public let measures: [Measure]
    /// `pValues[s][c][v]`: slice `s` of the network (in order), measure `measures[c]`, node `v`
    /// of the slice; `nil` when the observed value is missing. A program reads it through
    /// ``pValue(of:at:in:)``.
    package let pValues: [[[Double?]]]
    /// The Benjamini–Hochberg q-values, indexed as `pValues`: each measure adjusted over
    /// every node of every slice; a program reads them through ``qValue(of:at:in:)``.
    package let qValues: [[[Double?]]]
    /// Where each slice of the network stands in `pValues` and `qValues`.
    private let slicePositions: SlicePositions

    /// The number of draws per block.
    public static let blockSize = 32

    /// Tests every node's `measures` in every slice of `network` against `model`.
    ///
    /// - Parameters:
    ///   - network: the sliced events.
    ///   - measures: the measures to test.
    ///   - pathLength: path length for betweenness, closeness and harmonic.
    ///   - model: the null model.
    ///   - permutations: the draws per slice, at least 1.
    ///   - seed: the seed; the same seed gives the same p-values.
    /// - Throws: ``ValueError`` when `permutations` is below 1, or `model` is `groups` and the
    ///   actors have no groups (no actors file was read: every actor is its own group).
    /// - Complexity: *N* times the cost of the measures and of a draw on each slice, shared among
    ///   the cores.
    public init(network: SlicedNetwork, measures: [Measure], pathLength: PathLength = .hops, model: NullModel,
                permutations: Int, seed: UInt64) throws(ValueError) {
        guard permutations >= 1 else { throw ValueError("permutations \(permutations): must be at least 1") }
        if model == .groups && !network.log.actors.isDeclared {
            throw ValueError("the groups null model permutes the actors' groups, and there are none: give an actors file with a group column")
        }
        self.model = model
        self.permutations = permutations
        self.seed = seed
        self.measures = measures
        let slices = network.slices
        let blocks = (permutations + Self.blockSize - 1) / Self.blockSize
        let observed = slices.map { MeasureTable(network: network, slice: $0, measures: measures, pathLength: pathLength) }
        let groups = slices.map { network.groupIndices(ofOwn: $0) }
        let mediation = slices.map { measures.contains(.mediation) ? network.mediationCounts(inOwn: $0) : nil }
        let jobs = slices.indices.flatMap { s in (0..<blocks).map { (s, $0) } }
        let counts = ConcurrentResults<[[Int]]>(count: jobs.count)
        DispatchQueue.concurrentPerform(iterations: jobs.count) { job in
            let (s, block) = jobs[job]
            let slice = slices[s]
            var rng = Xoshiro256StarStar(seed: Xoshiro256StarStar.derivedSeed(seed, stream: UInt64(s) << 32 | UInt64(block)))
            let columns = observed[s].columns
            var atLeast = [[Int]](repeating: [Int](repeating: 0, count: slice.nodes.count), count: measures.count)
            let draws = Swift.min(Self.blockSize, permutations - block * Self.blockSize)
            // Buffers for betweenness in hops (none otherwise: a search sized for no node).
            var search = MultiSourceHopSearch(nodeCount: measures.contains(.betweenness) && pathLength == .hops ? slice.graph.nodeCount : 0)
            for _ in 0..<draws {
                let (graph, drawnGroups) = model.draw(graph: slice.graph, groups: groups[s], using: &rng)
                guard let null = Self.measure(graph, measures: measures, groups: drawnGroups, pathLength: pathLength,
                                              sliceLabel: slice.label, mediation: mediation[s], search: &search) else { continue }
                for c in measures.indices {
                    for v in 0..<slice.nodes.count {
                        guard let value = columns[c][v], let drawn = null[c][v] else { continue }
                        if drawn >= value - 1e-9 * Swift.max(1, abs(value)) { atLeast[c][v] += 1 }
                    }
                }
            }
            counts[job] = atLeast
        }
        var pValues: [[[Double?]]] = []
        var job = 0
        for s in slices.indices {
            var total = [[Int]](repeating: [Int](repeating: 0, count: slices[s].nodes.count), count: measures.count)
            for _ in 0..<blocks {
                for (c, column) in counts[job]!.enumerated() { for (v, count) in column.enumerated() { total[c][v] += count } }
                job += 1
            }
            pValues.append(measures.indices.map { c in
                (0..<slices[s].nodes.count).map { v in
                    observed[s].columns[c][v] == nil ? nil : Double(1 + total[c][v]) / Double(permutations + 1)
                }
            })
        }
        var qValues = pValues
        for c in measures.indices {
            let flat = pValues.flatMap { $0[c] }
            let adjusted = (try? BenjaminiHochberg.adjusted(flat)) ?? flat
            var offset = 0
            for s in slices.indices {
                let count = slices[s].nodes.count
                qValues[s][c] = Array(adjusted[offset..<(offset + count)])
                offset += count
            }
        }
        self.pValues = pValues
        self.qValues = qValues
        slicePositions = SlicePositions(network)
    }

    /// The p-value of `measure` at `node` of `slice`.
    ///
    /// ```swift
    /// if let node = slice.node(of: moon), let p = test.pValue(of: .brokerage, at: node, in: slice) {
    ///     print(slice.label, p, test.qValue(of: .brokerage, at: node, in: slice) ?? 1)
    /// }
    /// ```
    /// - Parameters:
    ///   - measure: one of ``measures``.
    ///   - node: a node of `slice`.
    ///   - slice: a slice of the network tested.
    /// - Returns: the p-value, or `nil` when `measure` was not tested, `slice` is not a slice of
    ///   that network, `node` is not a node of it, or the observed value is missing.
    /// - Complexity: O(*c*) for *c* measures.
    public func pValue(of measure: Measure, at node: NodeIndex, in slice: Slice) -> Double? {
        value(in: pValues, measure, node, slice)
    }

    /// The Benjamini–Hochberg q-value of `measure` at `node` of `slice`, as ``pValue(of:at:in:)``.
    /// - Parameters:
    ///   - measure: one of ``measures``.
    ///   - node: a node of `slice`.
    ///   - slice: a slice of the network tested.
    /// - Returns: the q-value, or `nil` where ``pValue(of:at:in:)`` is `nil`.
    /// - Complexity: O(*c*) for *c* measures.
    public func qValue(of measure: Measure, at node: NodeIndex, in slice: Slice) -> Double? {
        value(in: qValues, measure, node, slice)
    }

    /// The cell of `values` for `measure`, `node` and `slice`, or `nil` outside it.
    private func value(in values: [[[Double?]]], _ measure: Measure, _ node: NodeIndex, _ slice: Slice) -> Double? {
        guard let c = measures.firstIndex(of: measure), let s = slicePositions.position(of: slice),
              node.position < values[s][c].count else { return nil }
        return values[s][c][node.position]
    }

    /// The measures of one drawn graph, as ``MeasureTable`` computes them, but betweenness in one
    /// pass over the sources (the draws already keep every core busy), 64 sources at a time with
    /// `search`'s buffers when paths are counted in hops.
    static func measure(_ graph: SliceGraph, measures: [Measure], groups: [GroupIndex], pathLength: PathLength, sliceLabel: String,
                        mediation: [Double]?, search: inout MultiSourceHopSearch) -> [[Double?]]? {
        let others = measures.filter { $0 != .betweenness }
        guard let table = try? MeasureTable(graph: graph, measures: others, groups: groups, pathLength: pathLength,
                                            sliceLabel: sliceLabel, mediation: mediation) else { return nil }
        var betweenness: [Double?] = []
        if measures.contains(.betweenness) {
            let n = graph.nodeCount
            if pathLength == .inverseWeight && !graph.inverseLengthsAreFinite {
                betweenness = Array(repeating: nil, count: n)
            } else if n > 0 {
                let scale = n > 2 ? 1 / (Double(n - 1) * Double(n - 2)) : 1
                let sums = pathLength == .hops && search.nodeCount == n ? search.contributions(of: graph, from: 0..<n)
                    : graph.betweennessContributions(from: 0..<n, pathLength: pathLength)
                betweenness = sums.map { $0 * scale }
            }
        }
        var next = 0
        return measures.map { measure in
            if measure == .betweenness { return betweenness }
            defer { next += 1 }
            return table.columns[next]
        }
    }
}
