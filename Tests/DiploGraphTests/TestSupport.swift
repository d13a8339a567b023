import Foundation
import Testing
import DiploGraph
import DiploGraphIO

/// A small deterministic generator (SplitMix64) so that random tests are reproducible.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A random simple graph: each ordered (unordered when undirected) pair is an edge with
/// probability `density`, weights drawn from `weights`.
func randomGraph(nodes n: Int, density: Double, isDirected: Bool, weights: [Double] = [1], using rng: inout SeededGenerator) -> SliceGraph {
    var edges: [(source: Int32, target: Int32, weight: Double)] = []
    for u in 0..<n {
        for v in 0..<n where u != v && (isDirected || u < v) {
            if Double.random(in: 0..<1, using: &rng) < density {
                edges.append((Int32(u), Int32(v), weights.randomElement(using: &rng)!))
            }
        }
    }
    return testGraph(nodeCount: n, edges: edges, isDirected: isDirected)
}

/// The dense weight matrix of a graph (0 = no edge); symmetric when undirected.
func adjacency(_ graph: SliceGraph) -> [[Double]] {
    var matrix = [[Double]](repeating: [Double](repeating: 0, count: graph.nodeCount), count: graph.nodeCount)
    for u in 0..<graph.nodeCount {
        for slot in Int(graph.outOffsets[u])..<Int(graph.outOffsets[u + 1]) {
            matrix[u][Int(graph.outNeighbors[slot])] = graph.outWeights[slot]
        }
    }
    return matrix
}

/// Whether `actual` matches `expected` within 1e-9 relative or 1e-12 absolute, the interface's tolerance.
func isClose(_ actual: Double, _ expected: Double, relative: Double = 1e-9, absolute: Double = 1e-12) -> Bool {
    abs(actual - expected) <= max(absolute, relative * max(abs(actual), abs(expected)))
}

func expectClose(_ actual: [Double?], _ expected: [Double?], _ what: String, relative: Double = 1e-9,
                 sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(actual.count == expected.count, "\(what): \(actual.count) values, expected \(expected.count)", sourceLocation: sourceLocation)
    for (index, (a, e)) in zip(actual, expected).enumerated() {
        switch (a, e) {
        case (nil, nil): continue
        case let (a?, e?):
            #expect(isClose(a, e, relative: relative), "\(what)[\(index)] = \(a), expected \(e)", sourceLocation: sourceLocation)
        default:
            Issue.record("\(what)[\(index)] = \(String(describing: a)), expected \(String(describing: e))", sourceLocation: sourceLocation)
        }
    }
}

/// Shortest paths by brute force: every simple path from every s to every t is enumerated.
///
/// Exponential, for graphs of a few nodes: obviously correct, unlike the algorithms it checks.
struct EnumeratedPaths {
    /// `distance[s][t]`, `nil` when t is unreachable from s.
    var distance: [[Double?]]
    /// `count[s][t]`: the number of shortest s–t paths.
    var count: [[Double]]
    /// `through[s][t][v]`: the number of shortest s–t paths with v inside.
    var through: [[[Double]]]

    init(_ graph: SliceGraph, inverseWeight: Bool) {
        let n = graph.nodeCount
        let matrix = adjacency(graph)
        distance = Array(repeating: Array(repeating: nil, count: n), count: n)
        count = Array(repeating: Array(repeating: 0, count: n), count: n)
        through = Array(repeating: Array(repeating: Array(repeating: 0, count: n), count: n), count: n)
        for s in 0..<n {
            var paths: [(nodes: [Int], length: Double)] = []
            var onPath = [Bool](repeating: false, count: n)
            func walk(_ v: Int, _ nodes: [Int], _ length: Double) {
                paths.append((nodes, length))
                onPath[v] = true
                for w in 0..<n where matrix[v][w] > 0 && !onPath[w] {
                    walk(w, nodes + [w], length + (inverseWeight ? 1 / matrix[v][w] : 1))
                }
                onPath[v] = false
            }
            walk(s, [s], 0)
            for t in 0..<n where t != s {
                let toT = paths.filter { $0.nodes.last == t }
                guard let best = toT.map(\.length).min() else { continue }
                let shortest = toT.filter { abs($0.length - best) <= 1e-10 * best }
                distance[s][t] = best
                count[s][t] = Double(shortest.count)
                for path in shortest { for v in path.nodes.dropFirst().dropLast() { through[s][t][v] += 1 } }
            }
        }
    }
}

/// The reference fixtures computed by networkx, igraph and R sna (Scripts/reference/make_fixtures.py).
struct ReferenceGraph: Decodable {
    let name: String
    let directed: Bool
    let nodes: [String]
    let edges: [[Double]]
    let groups: [Int]
    let expected: [String: [Double?]?]

    var graph: SliceGraph {
        testGraph(nodeCount: nodes.count, edges: edges.map { (Int32($0[0]), Int32($0[1]), $0[2]) }, isDirected: directed)
    }

    static let all: [ReferenceGraph] = {
        struct File: Decodable { let graphs: [ReferenceGraph] }
        let url = Bundle.module.url(forResource: "reference", withExtension: "json", subdirectory: "Fixtures")!
        return try! JSONDecoder().decode(File.self, from: Data(contentsOf: url)).graphs
    }()

    static func named(_ name: String) -> ReferenceGraph { all.first { $0.name == name }! }
}

/// A slice graph from fixture edges known to be valid (a fixture mistake stops the test run loudly).
func testGraph(nodeCount: Int, edges: [(source: Int32, target: Int32, weight: Double)], isDirected: Bool) -> SliceGraph {
    do {
        return try SliceGraph(nodeCount: nodeCount, rawEdges: edges, isDirected: isDirected)
    } catch {
        fatalError("invalid test graph: \(error)")
    }
}

/// Groups numbered by hand, for brokerage on graphs built in tests (only which nodes share a
/// number matters).
func groupIndices(_ numbers: [Int]) -> [GroupIndex] { numbers.map { GroupIndex(unchecked: Int32($0)) } }
