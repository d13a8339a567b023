/// A per-node measure of a slice graph, named (its raw value) as its table column.
///
/// Each is computed by a ``SliceGraph`` method, whose documentation gives the definition and
/// the paper it comes from; ``SlicedNetwork/measures(_:in:pathLength:)`` computes several on
/// one slice.
public enum Measure: String, Sendable, CaseIterable {
    /// Edges at a node, in + out when directed (``SliceGraph/degrees()``).
    case degree
    /// Edges into a node (``SliceGraph/inDegrees()``).
    case inDegree = "in_degree"
    /// Edges out of a node (``SliceGraph/outDegrees()``).
    case outDegree = "out_degree"
    /// Summed weight at a node (``SliceGraph/strengths()``).
    case strength
    /// Summed weight into a node (``SliceGraph/inStrengths()``).
    case inStrength = "in_strength"
    /// Summed weight out of a node (``SliceGraph/outStrengths()``).
    case outStrength = "out_strength"
    /// Shortest-path betweenness, Brandes (2001) (``SliceGraph/betweenness(pathLength:isNormalized:)``).
    case betweenness
    /// Closeness, as networkx (``SliceGraph/closeness(pathLength:)``).
    case closeness
    /// Harmonic centrality (``SliceGraph/harmonic(pathLength:)``).
    case harmonic
    /// PageRank, Page et al. (1999) (``SliceGraph/pageRank()``).
    case pagerank
    /// Eigenvector centrality (``SliceGraph/eigenvector()``).
    case eigenvector
    /// Burt's constraint (``SliceGraph/constraint()``).
    case constraint
    /// Burt's effective size (``SliceGraph/effectiveSize()``).
    case effectiveSize = "effective_size"
    /// Gould–Fernandez coordinator count (``SliceGraph/brokerage(groups:)``).
    case coordinator
    /// Gould–Fernandez itinerant count.
    case itinerant
    /// Gould–Fernandez representative count.
    case representative
    /// Gould–Fernandez gatekeeper count.
    case gatekeeper
    /// Gould–Fernandez liaison count.
    case liaison
    /// Gould–Fernandez total brokerage count.
    case brokerage
    /// The coordinator count's z-score against sna's null model (``Brokerage/zScores(for:)``).
    case coordinatorZ = "coordinator_z"
    /// The itinerant count's z-score.
    case itinerantZ = "itinerant_z"
    /// The representative count's z-score.
    case representativeZ = "representative_z"
    /// The gatekeeper count's z-score.
    case gatekeeperZ = "gatekeeper_z"
    /// The liaison count's z-score.
    case liaisonZ = "liaison_z"
    /// The total brokerage count's z-score.
    case brokerageZ = "brokerage_z"
    /// The number of distinct relationships an entity mediated in the slice (see ``SlicedNetwork/mediationCounts(in:)``).
    case mediation
    /// The number of other entities an entity reaches along time-respecting paths within the
    /// slice, each event's date read as a span that *possibly* keeps the path in order
    /// (``TemporalReach``, reading ``TemporalReach/Reading/possible``).
    case reach
    /// The same count when every placement of the events in their spans keeps the path in
    /// order (``TemporalReach/Reading/certain``).
    case reachCertain = "reach_certain"

    /// The measures a centrality table has when none are named.
    public static let defaults: [Measure] = [.degree, .strength, .betweenness, .brokerage]

    /// The Gould–Fernandez role a brokerage measure reports, and whether as a z-score.
    var brokerageRole: (role: BrokerageRole, isZScore: Bool)? {
        switch self {
        case .coordinator: (.coordinator, false)
        case .itinerant: (.itinerant, false)
        case .representative: (.representative, false)
        case .gatekeeper: (.gatekeeper, false)
        case .liaison: (.liaison, false)
        case .brokerage: (.total, false)
        case .coordinatorZ: (.coordinator, true)
        case .itinerantZ: (.itinerant, true)
        case .representativeZ: (.representative, true)
        case .gatekeeperZ: (.gatekeeper, true)
        case .liaisonZ: (.liaison, true)
        case .brokerageZ: (.total, true)
        default: nil
        }
    }

    /// Whether `pathLength` changes the measure's values.
    public var usesPathLength: Bool {
        switch self {
        case .betweenness, .closeness, .harmonic: true
        default: false
        }
    }

    /// Parses a comma-separated list, such as `degree,betweenness`.
    /// - Throws: a message naming the unknown names and listing the known ones.
    /// - Complexity: O(*t*) for *t* characters of `text`.
    /// - Parameter text: measure names (raw values) separated by commas.
    /// - Returns: the measures, in the order named.
    public static func parseList(_ text: String) throws(MeasureListError) -> [Measure] {
        var measures: [Measure] = []
        var unknown: [String] = []
        for name in text.split(separator: ",", omittingEmptySubsequences: false).map({ $0.trimmingCharacters(in: .whitespaces) }) {
            if let measure = Measure(rawValue: name) {
                if !measures.contains(measure) { measures.append(measure) }
            } else {
                unknown.append(name.isEmpty ? "(empty)" : name)
            }
        }
        if !unknown.isEmpty || measures.isEmpty { throw MeasureListError(unknown: unknown) }
        return measures
    }
}

/// Names in a list of measures that are no measures (``Measure/parseList(_:)``).
public struct MeasureListError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The names that are not measures.
    public let unknown: [String]

    /// The names `unknown`, none of them a measure (an empty list: no measure was named).
    /// - Parameter unknown: the names that are not measures.
    /// - Complexity: O(1).
    public init(unknown: [String]) { self.unknown = unknown }
    /// `unknown measure 'x'; known measures: degree, …`.
    public var description: String {
        "unknown measure\(unknown.count == 1 ? "" : "s") \(unknown.map { "'\($0)'" }.joined(separator: ", ")); known measures: "
            + Measure.allCases.map(\.rawValue).joined(separator: ", ")
    }
}

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
    ///   - groups: the group of each node, for the Gould–Fernandez roles.
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
    public init(graph: SliceGraph, measures: [Measure], groups: [Int], pathLength: PathLength, sliceLabel: String,
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

    private init(graph: SliceGraph, measures: [Measure], validGroups groups: [Int], pathLength: PathLength, sliceLabel: String,
                 mediation: [Double], reach: [TemporalReach.Reading: [Double]]) {
        self.measures = measures
        var warnings: [LibraryMessage] = []
        var brokerage: Brokerage?
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
                let roles: Brokerage
                if let brokerage { roles = brokerage } else { roles = graph.brokerage(validGroups: groups) }
                brokerage = roles
                column = isZScore ? roles.zScores(for: role) : roles.counts[role.rawValue].map { $0 }
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
