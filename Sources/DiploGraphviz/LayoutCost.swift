import Foundation
import DiploGraph
import DiploGraphDiagram

extension LayoutEngine {
    /// The estimated time of this engine's layout of a graph, before it starts.
    ///
    /// Fitted to layouts of DiploGraph's union graphs measured on a 2-core machine
    /// (BENCHMARKS.md, "Layout engines"): `circo` grows faster than the cube of the nodes
    /// (*n*^3.66: 100 nodes 1.8 s of computing, 200 nodes 23 s, 300 about 100 s); `neato` and
    /// `fdp` with their square; `dot` with nodes times ties; `sfdp` about linearly; ``pinned``
    /// only reads positions.
    ///
    /// - Parameters:
    ///   - nodes: the nodes laid out.
    ///   - ties: the edges between them.
    /// - Returns: seconds of computing on one core.
    /// - Complexity: O(1).
    public func estimatedSeconds(nodes: Int, ties: Int) -> Double {
        let n = Double(max(nodes, 0)), m = Double(max(ties, 0))
        switch self {
        case .circo: return 22.95 * pow(n / 200, 3.66)
        case .neato: return 4e-6 * n * n + 1e-5 * m
        case .fdp: return 8e-6 * n * n + 1e-5 * m
        case .dot: return 2e-6 * n * (n + m)
        case .sfdp: return 2e-4 * (n + m)
        case .pinned: return 1e-5 * (n + m)
        }
    }

    /// The most nodes this engine lays out within `budget` seconds (for a sparse graph), as
    /// ``estimatedSeconds(nodes:ties:)`` prices them.
    /// - Parameter budget: seconds.
    /// - Returns: the largest node count whose estimate, with as many ties as nodes, is within the budget.
    /// - Complexity: O(log *n*).
    public func nodeBudget(seconds budget: Double) -> Int {
        guard estimatedSeconds(nodes: 1, ties: 1) <= budget else { return 0 }
        var low = 1, high = 2
        while estimatedSeconds(nodes: high, ties: high) <= budget && high < 1 << 40 { low = high; high *= 2 }
        while high - low > 1 {
            let middle = (low + high) / 2
            if estimatedSeconds(nodes: middle, ties: middle) <= budget { low = middle } else { high = middle }
        }
        return low
    }
}

extension DiagramRenderer {
    /// The estimated cost of making a renderer for `network`: the shared layout with `engine`
    /// (unless `options` give one), and the `sizeBy` measure on every slice.
    ///
    /// - Parameters:
    ///   - network: the sliced network to draw.
    ///   - options: what to draw.
    ///   - engine: the engine of the shared layout.
    /// - Returns: the estimate, naming its costliest part.
    /// - Complexity: O(*N* + *M*) for the nodes and ties of all slices.
    public static func estimate(network: SlicedNetwork, options: DiagramOptions, engine: LayoutEngine) -> WorkEstimate {
        let writer = DiagramWriter(network: network)
        return estimate(writer: writer, options: options, engine: engine)
    }

    static func estimate(writer: DiagramWriter, options: DiagramOptions, engine: LayoutEngine) -> WorkEstimate {
        let network = writer.network
        var seconds = 0.0
        var largest = (seconds: -1.0, part: "nothing to draw")
        if options.layout == nil {
            var ties = 0
            for slice in network.slices { ties += slice.graph.edgeCount }
            let nodes = writer.drawnEntityCount
            let layout = engine.estimatedSeconds(nodes: nodes, ties: ties)
            seconds += layout
            largest = (layout, "the \(engine.rawValue) layout of \(nodes) \(network.options.mergesGroups ? "groups" : "actors")")
        }
        if let measure = options.sizeBy {
            let sizing = WorkBudget.estimate([measure], on: network, pathLength: options.pathLength)
            seconds += sizing.seconds
            if sizing.seconds > largest.seconds { largest = (sizing.seconds, sizing.largestPart) }
        }
        return WorkEstimate(seconds: seconds, largestPart: largest.part)
    }
}
