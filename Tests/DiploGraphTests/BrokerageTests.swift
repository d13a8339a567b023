import Testing
@testable import DiploGraph

@Suite struct BrokerageTests {
    @Test func karateClubKnownValues() {
        let karate = ReferenceGraph.named("karate")
        let brokerage = try! karate.graph.brokerage(groups: karate.groups)
        #expect(BrokerageRole.allCases.map { brokerage.counts[$0.rawValue][0] } == [174, 0, 15, 15, 0, 204])
        #expect(BrokerageRole.allCases.map { brokerage.counts[$0.rawValue][33] } == [156, 6, 40, 40, 0, 242])
    }

    /// Every triple (i, j, k) enumerated on the dense adjacency.
    @Test(arguments: [true, false])
    func matchesAllTriplesEnumerated(isDirected: Bool) {
        for seed in 0..<200 {
            var rng = SeededGenerator(seed: UInt64(5000 + seed))
            let n = Int.random(in: 1...14, using: &rng)
            let graph = randomGraph(nodes: n, density: Double.random(in: 0.1...0.7, using: &rng), isDirected: isDirected, using: &rng)
            let groups = (0..<n).map { _ in Int.random(in: 0..<3, using: &rng) }
            let a = adjacency(graph)
            var expected = [[Double]](repeating: [Double](repeating: 0, count: n), count: 6)
            for i in 0..<n { for j in 0..<n { for k in 0..<n where i != j && j != k && i != k {
                guard a[i][j] > 0, a[j][k] > 0, a[i][k] == 0 else { continue }
                let (gi, gj, gk) = (groups[i], groups[j], groups[k])
                let role: BrokerageRole = gi == gj && gj == gk ? .coordinator
                    : gi == gk ? .itinerant : gi == gj ? .representative : gj == gk ? .gatekeeper : .liaison
                expected[role.rawValue][j] += 1
                expected[BrokerageRole.total.rawValue][j] += 1
            } } }
            let brokerage = try! graph.brokerage(groups: groups)
            for role in BrokerageRole.allCases {
                #expect(brokerage.counts[role.rawValue] == expected[role.rawValue], "seed \(seed) \(role)")
            }
            if !isDirected {
                // Undirected: t(v) = deg(deg−1) − 2·triangles(v), and representative = gatekeeper.
                for v in 0..<n {
                    let neighbours = (0..<n).filter { a[v][$0] > 0 }
                    var triangles = 0.0
                    for x in neighbours { for y in neighbours where x < y && a[x][y] > 0 { triangles += 1 } }
                    let d = Double(neighbours.count)
                    #expect(brokerage.counts[BrokerageRole.total.rawValue][v] == d * (d - 1) - 2 * triangles)
                }
                #expect(brokerage.counts[BrokerageRole.representative.rawValue] == brokerage.counts[BrokerageRole.gatekeeper.rawValue])
            }
        }
    }

    @Test func zScoresAreMissingWhereTheNullModelHasNoSpread() {
        // Empty graph: density 0, every variance 0.
        let empty = try! testGraph(nodeCount: 4, edges: [], isDirected: true).brokerage(groups: [0, 0, 1, 1])
        #expect(empty.zScores.allSatisfy { $0.allSatisfy { $0 == nil } })
        // Two nodes: every expectation involves (N−2) = 0.
        let pair = try! testGraph(nodeCount: 2, edges: [(0, 1, 1)], isDirected: true).brokerage(groups: [0, 1])
        #expect(pair.counts.allSatisfy { $0 == [0, 0] })
    }
}
