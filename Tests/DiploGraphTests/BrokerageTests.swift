import Foundation
import Testing
import DiploGraph
import DiploGraphIO

@Suite struct BrokerageTests {
    @Test func karateClubKnownValues() {
        let karate = ReferenceGraph.named("karate")
        let brokerage = try! karate.graph.brokerage(groups: groupIndices(karate.groups))
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
            let brokerage = try! graph.brokerage(groups: groupIndices(groups))
            for role in BrokerageRole.allCases {
                #expect(brokerage.counts[role.rawValue] == expected[role.rawValue], "seed \(seed) \(role)")
            }
            // The totals alone, with bit rows and with marks.
            #expect(graph.brokerageTotals() == expected[BrokerageRole.total.rawValue], "seed \(seed)")
            #expect(graph.brokerageTotals(bitsetWords: 0) == expected[BrokerageRole.total.rawValue], "seed \(seed)")
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

    /// The totals alone on graphs of several 64-bit words per bit row, both ways, against the
    /// roles' totals; and a measure table that asks for the total alone gives the same column.
    @Test(arguments: [true, false])
    func totalsAloneMatchTheRoles(isDirected: Bool) throws {
        for seed in 0..<12 {
            var rng = SeededGenerator(seed: UInt64(7100 + seed))
            let n = Int.random(in: 60...200, using: &rng)
            let graph = randomGraph(nodes: n, density: Double.random(in: 0.01...0.2, using: &rng), isDirected: isDirected, using: &rng)
            let groups = groupIndices((0..<n).map { _ in Int.random(in: 0..<4, using: &rng) })
            let total = try graph.brokerage(groups: groups).counts[BrokerageRole.total.rawValue]
            #expect(graph.brokerageTotals() == total, "seed \(seed)")
            #expect(graph.brokerageTotals(bitsetWords: 0) == total, "seed \(seed)")
            let alone = try MeasureTable(graph: graph, measures: [.brokerage], groups: groups, pathLength: .hops, sliceLabel: "s")
            let withRoles = try MeasureTable(graph: graph, measures: [.brokerage, .liaison], groups: groups, pathLength: .hops, sliceLabel: "s")
            #expect(alone.columns[0] == withRoles.columns[0])
        }
    }

    @Test func zScoresAreMissingWhereTheNullModelHasNoSpread() {
        // Empty graph: density 0, every variance 0.
        let empty = try! testGraph(nodeCount: 4, edges: [], isDirected: true).brokerage(groups: groupIndices([0, 0, 1, 1]))
        #expect(empty.zScores.allSatisfy { $0.allSatisfy { $0 == nil } })
        // Two nodes: every expectation involves (N−2) = 0.
        let pair = try! testGraph(nodeCount: 2, edges: [(0, 1, 1)], isDirected: true).brokerage(groups: groupIndices([0, 1]))
        #expect(pair.counts.allSatisfy { $0 == [0, 0] })
    }

    /// The z-scores against sna's formulas written out group by group (the list of other
    /// groups rebuilt for each), with few groups, many groups and every node its own group.
    @Test func zScoresMatchTheFormulasGroupByGroup() {
        for seed in 0..<60 {
            var rng = SeededGenerator(seed: UInt64(8000 + seed))
            let n = Int.random(in: 2...60, using: &rng)
            let graph = randomGraph(nodes: n, density: Double.random(in: 0.02...0.5, using: &rng), isDirected: seed % 3 != 0, using: &rng)
            let groupCount = [1, 2, 5, n][seed % 4]
            let groups = (0..<n).map { v in groupCount == n ? v * 7 - 3 : Int.random(in: 0..<groupCount, using: &rng) }
            let brokerage = try! graph.brokerage(groups: groupIndices(groups))
            let expected = Self.zScoresGroupByGroup(counts: brokerage.counts, groups: groups, arcs: Double(graph.outNeighbors.count))
            for role in BrokerageRole.allCases {
                expectClose(brokerage.zScoreValues(for: role), expected[role.rawValue], "seed \(seed) \(role)", relative: 1e-10)
                expectClose(brokerage.zScores[role.rawValue], expected[role.rawValue], "seed \(seed) \(role), all roles", relative: 1e-10)
            }
        }
    }

    /// sna's null model as its formulas read, one group at a time.
    static func zScoresGroupByGroup(counts: [[Double]], groups: [Int], arcs: Double) -> [[Double?]] {
        let n = groups.count
        var result = [[Double?]](repeating: [Double?](repeating: nil, count: n), count: 6)
        let N = Double(n)
        let d = arcs / (N * (N - 1)), q = d * d * (1 - d), cubic = pow(d, 3) * pow(1 - d, 3)
        func choose2(_ x: Double) -> Double { x * (x - 1) / 2 }
        for v in 0..<n {
            let ni = Double(groups.filter { $0 == groups[v] }.count)
            let others = Set(groups).subtracting([groups[v]]).map { g in Double(groups.filter { $0 == g }.count) }
            var e = [Double](repeating: 0, count: 6), s = [Double](repeating: 0, count: 6)
            e[0] = q * (ni - 1) * (ni - 2)
            s[0] = e[0] * (1 - q) + 2 * (ni - 1) * (ni - 2) * (ni - 3) * cubic
            e[1] = q * others.reduce(0) { $0 + $1 * ($1 - 1) }
            s[1] = e[1] * (1 - q) + 2 * others.reduce(0) { $0 + $1 * ($1 - 1) * ($1 - 2) } * cubic
            e[2] = q * (N - ni) * (ni - 1)
            s[2] = e[2] * (1 - q) + 2 * ((ni - 1) * choose2(N - ni) + (N - ni) * choose2(ni - 1)) * cubic
            e[3] = e[2]
            s[3] = s[2]
            let sum = others.reduce(0, +)
            e[4] = q * (sum * sum - others.reduce(0) { $0 + $1 * $1 })
            s[4] = e[4] * (1 - q) + 4 * others.reduce(0) { $0 + $1 * choose2(N - $1 - ni) } * cubic
            e[5] = q * (N - 1) * (N - 2)
            s[5] = e[5] * (1 - q) + 2 * (N - 1) * (N - 2) * (N - 3) * cubic
            for role in 0..<6 {
                let sd = s[role].squareRoot()
                if sd > 0 && sd.isFinite { result[role][v] = (counts[role][v] - e[role]) / sd }
            }
        }
        return result
    }
}
