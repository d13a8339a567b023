import Foundation
import Testing
import DiploGraph
import DiploGraphIO

@Suite struct NullModelTests {
    struct Reference: Decodable {
        let nodes: Int
        let draws: Int
        let sources: [Int]
        let targets: [Int]
        let groups: [Int]
        let betweenness: [Double]
        let brokerage: [Double]
        let betweenness_p: [Double]
        let brokerage_p: [Double]
    }

    /// A network with one 2018 slice holding `edges` over actors n0..n(k-1), each in its group.
    static func network(nodes: Int, edges: [(Int, Int)], groups: [Int]? = nil) throws -> SlicedNetwork {
        let actorsText = "id,label,group\n" + (0..<nodes).map { "n\($0),N\($0),g\(groups?[$0] ?? $0)" }.joined(separator: "\n")
        let actors = try DatasetReader.readActors(bytes: Array(actorsText.utf8), name: "a.csv")
        let eventsText = "date,source,target,kind,weight\n" + edges.map { "2018,n\($0.0),n\($0.1),summit,1" }.joined(separator: "\n")
        let log = try DatasetReader.readEvents(bytes: Array(eventsText.utf8), name: "e.csv", actors: actors)
        return try Slicer.slice(log, options: SliceOptions(roster: .all))
    }

    @Test func edgesNullAgreesWithSna() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/null-reference.json")
        let references = try JSONDecoder().decode([Reference].self, from: Data(contentsOf: url))
        #expect(references.count == 3)
        for (index, reference) in references.enumerated() {
            let network = try Self.network(nodes: reference.nodes, edges: Array(zip(reference.sources, reference.targets)), groups: reference.groups)
            let permutations = 4000
            let test = try PermutationTest(network: network, measures: [.betweenness, .brokerage], model: .edges,
                                           permutations: permutations, seed: 7)
            let observed = try network.measures([.betweenness, .brokerage], in: network.slices[0])
            let n = Double(reference.nodes)
            // The same observed values (sna's betweenness is not normalised).
            expectClose(observed.table.columns[0].map { $0.map { $0 * (n - 1) * (n - 2) } }, reference.betweenness, "graph \(index) betweenness")
            expectClose(observed.table.columns[1], reference.brokerage, "graph \(index) brokerage")
            // p-values within Monte-Carlo error: 4.5 standard errors of the difference of two estimates.
            for (c, expected) in [reference.betweenness_p, reference.brokerage_p].enumerated() {
                for v in 0..<reference.nodes {
                    let p = test.pValues[0][c][v]!, q = expected[v]
                    let error = (max(p * (1 - p), q * (1 - q), 1e-4) * (1 / Double(permutations) + 1 / Double(reference.draws))).squareRoot()
                    #expect(abs(p - q) <= 4.5 * error + 1e-3, "graph \(index) measure \(c) node \(v): p \(p), sna \(q)")
                }
            }
        }
    }

    /// Rows come out sorted by neighbour with each weight beside its neighbour, in both
    /// directions, whatever the order the edges were given in.
    @Test(arguments: [5, 32, 33, 80])
    func rowsAreSortedWithTheirWeights(degree: Int) throws {
        var rng = Xoshiro256StarStar(seed: UInt64(degree))
        var targets = Array(1...degree)
        rng.shuffle(&targets)
        let edges = targets.map { (source: Int32(0), target: Int32($0), weight: Double($0) + 0.5) }
        let graph = try SliceGraph(nodeCount: degree + 1, rawEdges: edges, isDirected: true)
        #expect(graph.outNeighbors == (1...degree).map { Int32($0) })
        #expect(graph.outWeights == (1...degree).map { Double($0) + 0.5 })
        #expect(graph.inOffsets.last == Int32(degree))
        #expect((1...degree).allSatisfy { graph.inNeighbors[Int(graph.inOffsets[$0])] == 0 && graph.inWeights[Int(graph.inOffsets[$0])] == Double($0) + 0.5 })
    }

    /// The in-rows, transposed from the out-rows, list each node's sources in increasing order
    /// with their weights, on random digraphs with edges given in random order.
    @Test func inRowsAreTheTransposedOutRows() throws {
        for seed in 0..<20 {
            var rng = Xoshiro256StarStar(seed: UInt64(900 + seed))
            let n = 1 + rng.bounded(40)
            var edges: [(source: Int32, target: Int32, weight: Double)] = []
            for u in 0..<n { for v in 0..<n where u != v && rng.bounded(4) == 0 { edges.append((Int32(u), Int32(v), Double(rng.bounded(9) + 1))) } }
            rng.shuffle(&edges)
            let graph = try SliceGraph(nodeCount: n, rawEdges: edges, isDirected: true)
            for v in 0..<n {
                let expected = edges.filter { $0.target == Int32(v) }.sorted { $0.source < $1.source }
                let row = Int(graph.inOffsets[v])..<Int(graph.inOffsets[v + 1])
                #expect(Array(graph.inNeighbors[row]) == expected.map(\.source), "seed \(seed) node \(v)")
                #expect(Array(graph.inWeights[row]) == expected.map(\.weight), "seed \(seed) node \(v)")
            }
        }
    }

    /// The edges null keeps the node and tie counts and draws no tie twice.
    @Test func edgesNullDrawsDistinctTies() throws {
        let n = 60
        var rng = Xoshiro256StarStar(seed: 3)
        var edges: [(source: Int32, target: Int32, weight: Double)] = []
        for i in 0..<400 { edges.append((source: Int32(i / 20), target: Int32(20 + i % 40), weight: 1)) }
        let graph = try SliceGraph(nodeCount: n, rawEdges: edges, isDirected: true)
        for _ in 0..<20 {
            let drawn = NullModel.edges.draw(graph: graph, groups: (0..<n).map { GroupIndex(unchecked: Int32($0)) }, using: &rng).graph
            #expect(drawn.nodeCount == n && drawn.edgeCount == 400)
            var seen = Set<Int>()
            for u in 0..<n {
                for slot in Int(drawn.outOffsets[u])..<Int(drawn.outOffsets[u + 1]) {
                    let v = Int(drawn.outNeighbors[slot])
                    #expect(v != u)
                    #expect(seen.insert(u * n + v).inserted)
                }
            }
        }
    }

    @Test func benjaminiHochbergByHand() throws {
        // sorted: 0.01, 0.03, 0.04, 0.04, 0.2 (m = 5): p·m/rank = 0.05, 0.075, 0.0667, 0.05, 0.2;
        // running minimum from the top: 0.05, 0.05, 0.05, 0.05, 0.2.
        let q = try BenjaminiHochberg.adjusted([0.01, 0.04, 0.03, 0.2, nil, 0.04])
        let expected: [Double?] = [0.05, 0.05, 0.05, 0.2, nil, 0.05]
        expectClose(q, expected, "q", relative: 1e-15)
        // 0.001·3/1 = 0.003; 0.5·3/2 = 0.75; 1·3/3 = 1.
        expectClose(try BenjaminiHochberg.adjusted([0.5, 1, 0.001]), [0.75, 1, 0.003], "q", relative: 1e-15)
        // capped at 1
        expectClose(try BenjaminiHochberg.adjusted([0.9, 0.8]), [0.9, 0.9], "q", relative: 1e-15)
        #expect(try BenjaminiHochberg.adjusted([]) == [])
        #expect(throws: ValueError.self) { try BenjaminiHochberg.adjusted([1.5]) }
    }

    @Test func degreesThatFixTheGraphGivePOne() throws {
        // A complete digraph: no double edge swap is possible, every draw is the graph itself.
        let complete = (0..<5).flatMap { u in (0..<5).filter { $0 != u }.map { (u, $0) } }
        let network = try Self.network(nodes: 5, edges: complete)
        let test = try PermutationTest(network: network, measures: [.degree, .betweenness, .brokerage, .pagerank], model: .degree,
                                       permutations: 64, seed: 3)
        for column in test.pValues[0] { #expect(column.allSatisfy { $0 == 1 }) }
        // A star out of node 0 plus 1 → 2: the only digraph with these in- and out-degrees.
        let star = try Self.network(nodes: 4, edges: [(0, 1), (0, 2), (0, 3), (1, 2)])
        let starTest = try PermutationTest(network: star, measures: [.betweenness, .outDegree], model: .degree, permutations: 40, seed: 9)
        for column in starTest.pValues[0] { #expect(column.allSatisfy { $0 == 1 }) }
    }

    @Test(arguments: [true, false])
    func drawsKeepWhatTheModelFixes(isDirected: Bool) throws {
        var source = SeededGenerator(seed: 11)
        var rng = Xoshiro256StarStar(seed: 11)
        for trial in 0..<20 {
            let graph = randomGraph(nodes: 6 + trial % 7, density: [0.2, 0.5, 0.8][trial % 3], isDirected: isDirected, weights: [1, 2, 5], using: &source)
            let groups = (0..<graph.nodeCount).map { $0 % 3 }
            func degrees(_ g: SliceGraph) -> [Int] { (0..<g.nodeCount).map { g.outDegree(of: NodeIndex(unchecked: Int32($0))) } }
            func inDegrees(_ g: SliceGraph) -> [Int] { (0..<g.nodeCount).map { g.inDegree(of: NodeIndex(unchecked: Int32($0))) } }
            func weights(_ g: SliceGraph) -> [Double] { g.outWeights.sorted() }
            let uniform = NullModel.edges.draw(graph: graph, groups: groupIndices(groups), using: &rng).graph
            #expect(uniform.nodeCount == graph.nodeCount && uniform.edgeCount == graph.edgeCount && weights(uniform) == weights(graph))
            // SliceGraph's own validation: no loop, no pair twice.
            let edgesOf = { (g: SliceGraph) in (0..<g.nodeCount).flatMap { u in (Int(g.outOffsets[u])..<Int(g.outOffsets[u + 1])).compactMap { slot in
                g.isDirected || Int(g.outNeighbors[slot]) > u ? (Int32(u), g.outNeighbors[slot], g.outWeights[slot]) : nil } } }
            _ = try SliceGraph(nodeCount: uniform.nodeCount, rawEdges: edgesOf(uniform), isDirected: isDirected)
            let swapped = NullModel.degree.draw(graph: graph, groups: groupIndices(groups), using: &rng).graph
            #expect(degrees(swapped) == degrees(graph) && inDegrees(swapped) == inDegrees(graph) && weights(swapped) == weights(graph))
            _ = try SliceGraph(nodeCount: swapped.nodeCount, rawEdges: edgesOf(swapped), isDirected: isDirected)
            let regrouped = NullModel.groups.draw(graph: graph, groups: groupIndices(groups), using: &rng)
            #expect(regrouped.groups.map(\.position).sorted() == groups.sorted() && adjacency(regrouped.graph) == adjacency(graph))
        }
    }

    @Test func sameSeedSameOutputAndRefusals() throws {
        let network = try Self.network(nodes: 8, edges: [(0, 1), (1, 2), (2, 3), (3, 0), (4, 5), (5, 6), (6, 7), (1, 5), (2, 6)], groups: [0, 0, 1, 1, 2, 2, 0, 1])
        let measures: [Measure] = [.betweenness, .brokerage]
        let one = try PermutationTest(network: network, measures: measures, model: .edges, permutations: 100, seed: 42)
        let two = try PermutationTest(network: network, measures: measures, model: .edges, permutations: 100, seed: 42)
        let other = try PermutationTest(network: network, measures: measures, model: .edges, permutations: 100, seed: 43)
        #expect(one.pValues == two.pValues && one.qValues == two.qValues)
        #expect(one.pValues != other.pValues)
        // p is never 0 and at most 1; each q at least its p.
        for (ps, qs) in zip(one.pValues[0], one.qValues[0]) {
            for (p, q) in zip(ps, qs) { #expect(p! >= 1.0 / 101 && p! <= 1 && q! >= p!) }
        }
        #expect(throws: ValueError.self) { try PermutationTest(network: network, measures: measures, model: .edges, permutations: 0, seed: 1) }
        let log = try DatasetReader.readEvents(bytes: Array("date,source,target,kind\n2018,a,b,summit\n".utf8), name: "e.csv")
        let ungrouped = try Slicer.slice(log, options: SliceOptions())
        #expect(throws: ValueError.self) { try PermutationTest(network: ungrouped, measures: measures, model: .groups, permutations: 5, seed: 1) }
    }
}
