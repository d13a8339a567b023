import Testing
@testable import DiploGraph
import DiploGraphIO

@Suite struct BetweennessTests {
    @Test func florentineFamiliesKnownValues() {
        let reference = ReferenceGraph.named("florentine")
        let values = reference.graph.betweenness()
        func value(_ family: String) -> Double { values[reference.nodes.firstIndex(of: family)!] }
        #expect(abs(value("Medici") - 0.521978) < 1e-6)
        #expect(abs(value("Guadagni") - 0.254579) < 1e-6)
        #expect(abs(value("Albizzi") - 0.212454) < 1e-6)
        #expect(isClose(reference.graph.betweenness(isNormalized: false)[reference.nodes.firstIndex(of: "Medici")!], 47.5))
    }

    @Test func krackhardtKiteRawValues() {
        let raw = ReferenceGraph.named("kite").graph.betweenness(isNormalized: false)
        #expect(isClose(raw[7], 14.0))
        #expect(isClose(raw[5], 25.0 / 3))
        #expect(isClose(raw[6], 25.0 / 3))
        #expect(isClose(raw[3], 11.0 / 3))
    }

    @Test func karateClubNodeZero() {
        #expect(isClose(ReferenceGraph.named("karate").graph.betweenness(isNormalized: false)[0], 231.0714285714286, relative: 1e-9))
    }

    @Test func tinyGraphsGiveZero() {
        #expect(testGraph(nodeCount: 0, edges: [], isDirected: true).betweenness() == [])
        #expect(testGraph(nodeCount: 1, edges: [], isDirected: true).betweenness() == [0])
        #expect(testGraph(nodeCount: 2, edges: [(0, 1, 1)], isDirected: false).betweenness() == [0, 0])
    }

    /// Hundreds of seeded random graphs against every shortest path enumerated.
    @Test(arguments: [true, false], [PathLength.hops, .inverseWeight])
    func matchesEnumeratedPaths(isDirected: Bool, pathLength: PathLength) {
        for seed in 0..<150 {
            var rng = SeededGenerator(seed: UInt64(seed))
            let n = Int.random(in: 1...8, using: &rng)
            let graph = randomGraph(nodes: n, density: Double.random(in: 0.1...0.6, using: &rng), isDirected: isDirected,
                                    weights: pathLength == .hops ? [1] : [1, 2, 3, 0.5], using: &rng)
            let paths = EnumeratedPaths(graph, inverseWeight: pathLength == .inverseWeight)
            var expected = [Double](repeating: 0, count: n)
            for s in 0..<n { for t in 0..<n where s != t && paths.count[s][t] > 0 {
                for v in 0..<n { expected[v] += paths.through[s][t][v] / paths.count[s][t] }
            } }
            if n > 2 { expected = expected.map { $0 / (Double(n - 1) * Double(n - 2)) } }
            expectClose(graph.betweenness(pathLength: pathLength), expected, "seed \(seed)")
        }
    }

    @Test func resultDoesNotDependOnBlocking() {
        var rng = SeededGenerator(seed: 7)
        let graph = randomGraph(nodes: 300, density: 0.02, isDirected: true, using: &rng)
        let whole = graph.betweennessContributions(from: 0..<300, pathLength: .hops)
        let parallel = graph.betweenness(isNormalized: false)
        expectClose(parallel, whole, "blocked vs single pass")
    }

    /// Sources split over cores give the single pass's values, for every kind of graph.
    @Test(arguments: [true, false], [PathLength.hops, .inverseWeight])
    func parallelEqualsSerial(isDirected: Bool, pathLength: PathLength) {
        for seed in 0..<20 {
            var rng = SeededGenerator(seed: UInt64(7000 + seed))
            let n = Int.random(in: 3...400, using: &rng)
            let graph = randomGraph(nodes: n, density: Double.random(in: 0.002...0.05, using: &rng), isDirected: isDirected,
                                    weights: pathLength == .hops ? [1] : [1, 2, 3, 0.5], using: &rng)
            let whole = graph.betweennessContributions(from: 0..<n, pathLength: pathLength)
            let parallel = graph.betweenness(pathLength: pathLength, isNormalized: false)
            expectClose(parallel, whole.map { isDirected ? $0 : $0 / 2 }, "seed \(seed)", relative: 1e-12)
        }
    }

    /// The 64-sources-at-a-time search gives the one-source search's sums: directed and
    /// undirected, sparse (many unreached pairs) and dense, node counts on and off multiples of
    /// 64, source ranges that start anywhere.
    @Test(arguments: [true, false])
    func multiSourceEqualsOneSource(isDirected: Bool) {
        for seed in 0..<40 {
            var rng = SeededGenerator(seed: UInt64(9100 + seed))
            let n = [1, 2, 63, 64, 65, 128, 200][seed % 7] + (seed < 7 ? 0 : Int.random(in: 0...150, using: &rng))
            let graph = randomGraph(nodes: n, density: Double.random(in: 0.001...0.2, using: &rng), isDirected: isDirected, using: &rng)
            let low = seed % 3 == 0 ? 0 : Int.random(in: 0..<n, using: &rng)
            let high = Int.random(in: low...n, using: &rng)
            let expected = graph.hopBetweennessContributions(from: low..<high)
            let observed = graph.multiSourceHopBetweennessContributions(from: low..<high)
            expectClose(observed, expected, "seed \(seed), n \(n), sources \(low)..<\(high)", relative: 1e-12)
        }
    }
}
