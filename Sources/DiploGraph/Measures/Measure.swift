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
