import Testing
import DiploGraph
import DiploGraphIO

@Suite struct SpectralTests {
    /// PageRank against the exact solution of its linear system, by Gaussian elimination.
    @Test(arguments: [true, false])
    func pageRankSolvesItsLinearSystem(isDirected: Bool) {
        for seed in 0..<200 {
            var rng = SeededGenerator(seed: UInt64(2000 + seed))
            let n = Int.random(in: 1...12, using: &rng)
            let graph = randomGraph(nodes: n, density: Double.random(in: 0.05...0.5, using: &rng), isDirected: isDirected,
                                    weights: [1, 2, 3.5], using: &rng)
            expectClose(graph.pageRank(), exactPageRank(graph), "seed \(seed)")
        }
    }

    /// x = α Mᵀ x + (1−α)/n, where M's rows are out-weights normalised, and uniform for dangling nodes.
    func exactPageRank(_ graph: SliceGraph, alpha: Double = 0.85) -> [Double] {
        let n = graph.nodeCount
        let a = adjacency(graph)
        var system = [[Double]](repeating: [Double](repeating: 0, count: n + 1), count: n)
        for v in 0..<n {
            for u in 0..<n {
                let rowSum = a[u].reduce(0, +)
                let m = rowSum > 0 ? a[u][v] / rowSum : 1 / Double(n)
                system[v][u] = (u == v ? 1 : 0) - alpha * m
            }
            system[v][n] = (1 - alpha) / Double(n)
        }
        return gaussianElimination(system)
    }

    @Test func langvilleExampleMatchesNetworkx() throws {
        // networkx test_pagerank.py: the six-page example of Langville & Meyer, α = 0.9.
        let values = try ReferenceGraph.named("langville").graph.pageRank(damping: 0.9)
        let networkx = [0.03721197, 0.05395735, 0.04150565, 0.37508082, 0.20599833, 0.28624589]
        for (a, b) in zip(values, networkx) { #expect(abs(a - b) < 1e-7) }
    }

    /// Eigenvector centrality: the converged vector is a fixed point of (A+I)ᵀ, L2-normalised.
    @Test(arguments: [true, false])
    func eigenvectorIsAFixedPoint(isDirected: Bool) {
        var converged = 0
        for seed in 0..<200 {
            var rng = SeededGenerator(seed: UInt64(3000 + seed))
            let n = Int.random(in: 1...12, using: &rng)
            let graph = randomGraph(nodes: n, density: Double.random(in: 0.1...0.6, using: &rng), isDirected: isDirected,
                                    weights: [1, 2], using: &rng)
            guard let x = graph.eigenvector() else { continue }
            converged += 1
            let a = adjacency(graph)
            var y = x
            for v in 0..<n { for u in 0..<n { y[v] += a[u][v] * x[u] } }
            let norm = y.reduce(0) { $0 + $1 * $1 }.squareRoot()
            expectClose(y.map { $0 / norm }, x, "seed \(seed)", relative: 1e-8)
            #expect(isClose(x.reduce(0) { $0 + $1 * $1 }, 1))
        }
        #expect(converged > 100)
    }

    @Test func eigenvectorFailsOnAcyclicGraphsAsNetworkxDoes() {
        // A directed path: (A+I)ᵀ iteration drifts to the sink and does not settle within 100 steps.
        let path = testGraph(nodeCount: 30, edges: (0..<29).map { (Int32($0), Int32($0 + 1), 1) }, isDirected: true)
        #expect(path.eigenvector() == nil)
        #expect(testGraph(nodeCount: 0, edges: [], isDirected: true).eigenvector() == nil)
    }
}

/// Solves the augmented system in place with partial pivoting.
func gaussianElimination(_ system: [[Double]]) -> [Double] {
    var m = system
    let n = m.count
    for column in 0..<n {
        let pivot = (column..<n).max { abs(m[$0][column]) < abs(m[$1][column]) }!
        m.swapAt(column, pivot)
        for row in 0..<n where row != column {
            let factor = m[row][column] / m[column][column]
            for k in column...n { m[row][k] -= factor * m[column][k] }
        }
    }
    return (0..<n).map { m[$0][n] / m[$0][$0] }
}

/// Measures that depend only on the weights' ratios give the same values at any finite scale.
@Suite struct ScaleInvarianceTests {
    static let scales: [Double] = [1, 1e-300, 1e-100, 1e100, 1e155, 1e200, 1e307, 1e308]

    @Test(arguments: [true, false])
    func threeCycleAtAnyScale(isDirected: Bool) {
        for scale in Self.scales {
            let cycle = testGraph(nodeCount: 3, edges: [(0, 1, scale), (1, 2, scale), (2, 0, scale)], isDirected: isDirected)
            expectClose(cycle.eigenvector() ?? [], [Double](repeating: 1 / 3.0.squareRoot(), count: 3), "eigenvector at \(scale)")
            expectClose(cycle.pageRank(), [1 / 3.0, 1 / 3.0, 1 / 3.0], "pagerank at \(scale)")
            expectClose(cycle.constraint(), [1.125, 1.125, 1.125], "constraint at \(scale)")
            expectClose(cycle.effectiveSize(), [1, 1, 1], "effective size at \(scale)")
        }
    }

    /// Random weighted graphs: the values at scale 1 are the values at every other scale.
    @Test(arguments: [true, false])
    func randomGraphsAtAnyScale(isDirected: Bool) {
        for seed in 0..<60 {
            var rng = SeededGenerator(seed: UInt64(9100 + seed))
            let n = Int.random(in: 2...10, using: &rng)
            let base = randomGraph(nodes: n, density: Double.random(in: 0.2...0.7, using: &rng), isDirected: isDirected,
                                   weights: [1, 2, 5], using: &rng)
            let edges = edgeList(base)
            // The largest factor keeps every weight (at most 5·factor) and every node's sum finite.
            for factor in [1e-300, 1e150, 1e300, 1.7e308 / Double(5 * 2 * n * n)] {
                let scaled = testGraph(nodeCount: n, edges: edges.map { ($0.source, $0.target, $0.weight * factor) }, isDirected: isDirected)
                expectClose(scaled.pageRank(), base.pageRank(), "seed \(seed) pagerank ×\(factor)", relative: 1e-12)
                expectClose(scaled.constraint(), base.constraint(), "seed \(seed) constraint ×\(factor)", relative: 1e-12)
                expectClose(scaled.effectiveSize(), base.effectiveSize(), "seed \(seed) effective size ×\(factor)", relative: 1e-12)
                // Eigenvector centrality iterates (A + I)ᵀ, which is not scale-free (the identity
                // does not scale): only the large scales, where I no longer counts, agree.
                if factor > 1e100, let reference = (factor == 1e150 ? nil : scaledReference(edges, n: n, isDirected: isDirected)) {
                    expectClose(scaled.eigenvector() ?? [], reference, "seed \(seed) eigenvector ×\(factor)", relative: 1e-9)
                }
            }
        }
    }

    /// The eigenvector at scale 1e150, where the weights dwarf the identity as at any larger scale.
    func scaledReference(_ edges: [(source: Int32, target: Int32, weight: Double)], n: Int, isDirected: Bool) -> [Double]? {
        testGraph(nodeCount: n, edges: edges.map { ($0.source, $0.target, $0.weight * 1e150) }, isDirected: isDirected).eigenvector()
    }

    func edgeList(_ graph: SliceGraph) -> [(source: Int32, target: Int32, weight: Double)] {
        var edges: [(source: Int32, target: Int32, weight: Double)] = []
        for u in 0..<graph.nodeCount {
            for slot in Int(graph.outOffsets[u])..<Int(graph.outOffsets[u + 1]) {
                let v = graph.outNeighbors[slot]
                if graph.isDirected || Int32(u) < v { edges.append((Int32(u), v, graph.outWeights[slot])) }
            }
        }
        return edges
    }
}
