import Testing
import DiploGraph
import DiploGraphIO

/// Closeness and harmonic against distances from enumerated paths.
@Suite struct PathMeasuresTests {
    @Test(arguments: [true, false], [PathLength.hops, .inverseWeight])
    func closenessAndHarmonicMatchEnumeratedPaths(isDirected: Bool, pathLength: PathLength) {
        for seed in 0..<150 {
            var rng = SeededGenerator(seed: UInt64(1000 + seed))
            let n = Int.random(in: 1...8, using: &rng)
            let graph = randomGraph(nodes: n, density: Double.random(in: 0.05...0.5, using: &rng), isDirected: isDirected,
                                    weights: [1, 2, 4, 0.25], using: &rng)
            let paths = EnumeratedPaths(graph, inverseWeight: pathLength == .inverseWeight)
            var closeness = [Double](repeating: 0, count: n), harmonic = [Double](repeating: 0, count: n)
            for u in 0..<n {
                let incoming = (0..<n).compactMap { v in v == u ? nil : paths.distance[v][u] }
                let total = incoming.reduce(0, +)
                if total > 0 {
                    let r = Double(incoming.count)
                    closeness[u] = r / total * r / Double(n - 1)
                }
                harmonic[u] = incoming.reduce(0) { $0 + 1 / $1 }
            }
            expectClose(graph.closeness(pathLength: pathLength), closeness, "closeness seed \(seed)")
            expectClose(graph.harmonic(pathLength: pathLength), harmonic, "harmonic seed \(seed)")
        }
    }
}
