/// Measures computed on one slice graph, column by column.
public struct MeasureTable: Sendable {
    /// The measures, in column order.
    public let measures: [Measure]
    /// `columns[c][v]`: measure `measures[c]` of node v; `nil` is an empty cell.
    public let columns: [[Double?]]
    /// Problems worth telling the user (a measure that did not converge).
    public let warnings: [LibraryMessage]

    /// Computes `measures` on `graph`, each at most once, sharing the brokerage pass.
    ///
    /// - Parameters:
    ///   - graph: the slice graph.
    ///   - measures: the measures, in column order.
    ///   - groups: the group of each node, for the Gould–Fernandez roles (a slice's
    ///     ``SlicedNetwork/groupIndices(of:)``).
    ///   - pathLength: path length for betweenness, closeness and harmonic.
    ///   - sliceLabel: names the slice in warnings.
    ///   - mediation: the `mediation` measure of each node, which needs the slice's events
    ///     (``SlicedNetwork/mediationCounts(in:)``); required when `measures` has it.
    ///   - reach: the `reach` and `reach_certain` measures of each node, which need the slice's
    ///     dated events (``SlicedNetwork/temporalReachCounts(in:reading:)``), by reading;
    ///     required for the readings `measures` has.
    /// - Throws: ``ValueError`` unless there is one group per node, and one mediation count per
    ///   node when `measures` has `mediation` (one reach count per node likewise).
    /// - Complexity: that of the measures asked for (O(*n* *m*) for betweenness on *n* nodes and *m* edges); the brokerage pass is shared by its roles.
    public init(graph: SliceGraph, measures: [Measure], groups: [GroupIndex], pathLength: PathLength, sliceLabel: String,
                mediation: [Double]? = nil, reach: [TemporalReach.Reading: [Double]] = [:]) throws(ValueError) {
        guard groups.count == graph.nodeCount else { throw ValueError("\(groups.count) groups for \(graph.nodeCount) nodes: give one group per node") }
        if measures.contains(.mediation) {
            guard let mediation, mediation.count == graph.nodeCount else {
                throw ValueError("the mediation measure needs one mediation count per node (\(graph.nodeCount))")
            }
        }
        for (measure, reading) in [(Measure.reach, TemporalReach.Reading.possible), (.reachCertain, .certain)] where measures.contains(measure) {
            guard let counts = reach[reading], counts.count == graph.nodeCount else {
                throw ValueError("the \(measure.rawValue) measure needs one reach count per node (\(graph.nodeCount))")
            }
        }
        self.init(graph: graph, measures: measures, validGroups: groups, pathLength: pathLength, sliceLabel: sliceLabel,
                  mediation: mediation ?? [], reach: reach)
    }

    private init(graph: SliceGraph, measures: [Measure], validGroups groups: [GroupIndex], pathLength: PathLength, sliceLabel: String,
                 mediation: [Double], reach: [TemporalReach.Reading: [Double]]) {
        self.measures = measures
        var warnings: [LibraryMessage] = []
        var brokerage: Brokerage?
        // The total count alone needs no roles: it is counted on its own unless another role is asked for.
        let needsRoles = measures.contains { $0.brokerageRole.map { $0.role != .total || $0.isZScore } ?? false }
        var columns: [[Double?]] = []
        for measure in measures {
            let column: [Double?]
            switch measure {
            case .degree: column = graph.degrees()
            case .inDegree: column = graph.inDegrees()
            case .outDegree: column = graph.outDegrees()
            case .strength: column = graph.strengths()
            case .inStrength: column = graph.inStrengths()
            case .outStrength: column = graph.outStrengths()
            case .betweenness where pathLength == .inverseWeight && !graph.inverseLengthsAreFinite,
                 .closeness where pathLength == .inverseWeight && !graph.inverseLengthsAreFinite,
                 .harmonic where pathLength == .inverseWeight && !graph.inverseLengthsAreFinite:
                // Lengths 1/weight of tiny weights, or their sums, would overflow: no value rather than a wrong one.
                column = Array(repeating: nil, count: graph.nodeCount)
                warnings.append("slice \(sliceLabel): \(measure.rawValue) \(phrase: .inverseWeight) needs path lengths 1/weight whose sums stay finite; the weights are too small (rescale them), so its cells are empty")
            case .betweenness: column = graph.betweenness(pathLength: pathLength)
            case .closeness: column = graph.closeness(pathLength: pathLength)
            case .harmonic: column = graph.harmonic(pathLength: pathLength)
            case .pagerank: column = graph.pageRank()
            case .eigenvector:
                if let values = graph.eigenvector() {
                    column = values
                } else {
                    column = Array(repeating: nil, count: graph.nodeCount)
                    if graph.nodeCount > 0 {
                        warnings.append("slice \(sliceLabel): eigenvector centrality did not converge in 100 iterations (as networkx); its cells are empty")
                    }
                }
            case .constraint: column = graph.constraint()
            case .effectiveSize: column = graph.effectiveSize()
            case .mediation:
                column = mediation
            case .reach:
                column = reach[.possible] ?? []
            case .reachCertain:
                column = reach[.certain] ?? []
            default:
                guard let (role, isZScore) = measure.brokerageRole else { continue }
                if role == .total && !isZScore && !needsRoles {
                    column = graph.brokerageTotals().map { $0 }
                    break
                }
                let roles: Brokerage
                if let brokerage { roles = brokerage } else { roles = graph.brokerage(validGroups: groups) }
                brokerage = roles
                column = isZScore ? roles.zScoreValues(for: role) : roles.counts[role.rawValue].map { $0 }
            }
            columns.append(column)
        }
        self.columns = columns
        self.warnings = warnings
    }
}

extension MeasureTable {
    /// Computes `measures` on one slice of `network`, with its groups and its events.
    ///
    /// `slice` must be one of `network`'s slices (``SlicedNetwork/measures(_:in:pathLength:)``
    /// checks that, and is the public way in).
    package init(network: SlicedNetwork, slice: Slice, measures: [Measure], pathLength: PathLength) {
        self.init(graph: slice.graph, measures: measures, validGroups: network.groupIndices(ofOwn: slice), pathLength: pathLength,
                  sliceLabel: slice.label, mediation: measures.contains(.mediation) ? network.mediationCounts(inOwn: slice) : [],
                  reach: [(Measure.reach, TemporalReach.Reading.possible), (.reachCertain, .certain)].reduce(into: [:]) { counts, pair in
                      if measures.contains(pair.0) { counts[pair.1] = network.temporalReachCounts(inOwn: slice, reading: pair.1) }
                  })
    }
}
