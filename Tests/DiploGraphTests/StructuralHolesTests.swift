import Testing
import DiploGraph
import DiploGraphIO

@Suite struct StructuralHolesTests {
    @Test func knownValues() {
        let triangle = testGraph(nodeCount: 3, edges: [(0, 1, 1), (1, 2, 1), (0, 2, 1)], isDirected: false)
        expectClose(triangle.constraint(), [1.125, 1.125, 1.125], "triangle")
        let star = testGraph(nodeCount: 4, edges: [(0, 1, 1), (0, 2, 1), (0, 3, 1)], isDirected: false)
        expectClose(star.constraint(), [1.0 / 3, 1, 1, 1], "star")
        expectClose(star.effectiveSize(), [3, 1, 1, 1], "star effective size")
        let florentine = ReferenceGraph.named("florentine")
        let medici = florentine.nodes.firstIndex(of: "Medici")!
        #expect(isClose(florentine.graph.constraint()[medici]!, 0.209877, relative: 1e-5))
        #expect(isClose(florentine.graph.effectiveSize()[medici]!, 17.0 / 3))
        let isolate = testGraph(nodeCount: 2, edges: [], isDirected: true)
        #expect(isolate.constraint() == [nil, nil])
        #expect(isolate.effectiveSize() == [nil, nil])
    }

    /// Burt's formulas evaluated literally on the dense matrix.
    @Test(arguments: [true, false])
    func matchDenseFormulas(isDirected: Bool) {
        for seed in 0..<200 {
            var rng = SeededGenerator(seed: UInt64(4000 + seed))
            let n = Int.random(in: 1...12, using: &rng)
            let graph = randomGraph(nodes: n, density: Double.random(in: 0.1...0.6, using: &rng), isDirected: isDirected,
                                    weights: [1, 2, 5], using: &rng)
            let a = adjacency(graph)
            func mutual(_ i: Int, _ j: Int) -> Double { isDirected ? a[i][j] + a[j][i] : 2 * a[i][j] }
            func contacts(_ i: Int) -> [Int] { (0..<n).filter { $0 != i && mutual(i, $0) > 0 } }
            func p(_ i: Int, _ j: Int) -> Double { mutual(i, j) / contacts(i).reduce(0) { $0 + mutual(i, $1) } }
            var constraint = [Double?](repeating: nil, count: n), effective = [Double?](repeating: nil, count: n)
            for i in 0..<n where !contacts(i).isEmpty {
                let N = contacts(i)
                constraint[i] = N.reduce(0) { total, j in
                    let term = p(i, j) + N.filter { $0 != j }.reduce(0) { $0 + p(i, $1) * (mutual($1, j) > 0 ? p($1, j) : 0) }
                    return total + term * term
                }
                effective[i] = N.reduce(0) { total, j in
                    let largest = contacts(j).map { mutual(j, $0) }.max()!
                    return total + 1 - N.filter { $0 != j }.reduce(0) { $0 + p(i, $1) * mutual(j, $1) / largest }
                }
            }
            expectClose(graph.constraint(), constraint, "constraint seed \(seed)")
            expectClose(graph.effectiveSize(), effective, "effective size seed \(seed)")
        }
    }
}
