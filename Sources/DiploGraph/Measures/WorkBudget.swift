/// The most time a run may be estimated to take before it starts, and the estimates of the
/// measures' cost it is compared with (the diagrams' own limits are ``SliceOptions/maximumNodeRows``
/// and the diagram limits of DiploGraphIO).
///
/// Estimates count the steps of each algorithm on each slice's graph (*n* nodes, *m* ties):
/// *n* (*n* + *m*) per path measure with hops (Brandes 2001; betweenness is two such passes),
/// that times log₂ *m* with inverse-weight lengths (Dijkstra), Σ indeg·outdeg for the
/// Gould–Fernandez roles, Σ deg² for Burt's measures, 230 (*n* + *m*) for PageRank, and
/// *n* + *m* for the rest; each step is priced at the time measured on a 2-core machine
/// (BENCHMARKS.md: betweenness on 20,000 nodes and 100,000 ties takes 21 s of computing).
public enum WorkBudget {
    /// The budget when none is given: a minute of estimated computing.
    public static let defaultSeconds = 60.0
    /// Seconds per step of a breadth-first search (a path measure with hops).
    static let pathStep = 4.4e-9
    /// Seconds per step of the other measures' inner loops.
    static let loopStep = 2e-9

    /// The estimated cost of `measures` on every slice of `network`.
    ///
    /// - Parameters:
    ///   - measures: the measures to compute (each counted once).
    ///   - network: the sliced events.
    ///   - pathLength: path length of betweenness, closeness and harmonic.
    /// - Returns: the summed estimate, naming the measure and slice that cost the most.
    /// - Complexity: O(*N* + *M*) for the nodes and ties of all slices (degrees only; nothing
    ///   is computed).
    public static func estimate(_ measures: [Measure], on network: SlicedNetwork, pathLength: PathLength = .hops) -> WorkEstimate {
        var unique: [Measure] = []
        for measure in measures where !unique.contains(measure) { unique.append(measure) }
        var total = 0.0
        var largest = (seconds: -1.0, part: "nothing to compute")
        for slice in network.slices {
            let graph = slice.graph
            let n = Double(graph.nodeCount), m = Double(graph.edgeCount)
            guard n > 0 else { continue }
            var twoPaths = 0.0, squares = 0.0
            if unique.contains(where: { $0.brokerageRole != nil || $0 == .constraint || $0 == .effectiveSize }) {
                for v in 0..<graph.nodeCount {
                    let inDegree = Double(graph.inDegree(of: v)), outDegree = Double(graph.outDegree(of: v))
                    twoPaths += inDegree * outDegree
                    squares += (inDegree + outDegree) * (inDegree + outDegree)
                }
            }
            let search = n * (n + m) * (pathLength == .inverseWeight ? Double(Int.bitWidth - (graph.edgeCount + 2).leadingZeroBitCount) : 1) * pathStep
            var brokerageCounted = false
            for measure in unique {
                let seconds: Double
                switch measure {
                case .betweenness: seconds = 2 * search
                case .closeness, .harmonic: seconds = search
                case .pagerank: seconds = 230 * (n + m) * loopStep
                case .eigenvector: seconds = 100 * (n + m) * loopStep
                case .constraint, .effectiveSize: seconds = (n + m + squares) * loopStep
                default:
                    if measure.brokerageRole != nil {
                        // One pass for every role and z-score.
                        if brokerageCounted { continue }
                        brokerageCounted = true
                        seconds = (n + m + twoPaths) * loopStep
                    } else {
                        seconds = (n + m) * loopStep
                    }
                }
                total += seconds
                if seconds > largest.seconds {
                    largest = (seconds, "\(measure.rawValue) on slice \(slice.label): \(graph.nodeCount) nodes, \(graph.edgeCount) ties")
                }
            }
        }
        return WorkEstimate(seconds: total, largestPart: largest.part)
    }

    /// Checks an estimate against a budget.
    /// - Parameters:
    ///   - estimate: the estimated cost.
    ///   - budget: the most seconds allowed.
    /// - Throws: ``Exceeded`` when the estimate is over the budget.
    /// - Complexity: O(1).
    public static func check(_ estimate: WorkEstimate, budget: Double) throws(Exceeded) {
        if estimate.seconds > budget { throw Exceeded(estimate: estimate, budget: budget) }
    }

    /// An estimate over the budget.
    public struct Exceeded: DiploGraphError, Equatable {
        /// The estimated cost.
        public let estimate: WorkEstimate
        /// The budget, in seconds.
        public let budget: Double

        /// ``ErrorReason/budgetExceeded``.
        public var errorReason: ErrorReason { .budgetExceeded }

        /// `would take about 300 s (…), over the budget of 120 s`.
        public var description: String {
            "would take \(estimate), over the budget of \(WorkEstimate.readable(budget))"
        }
    }
}
