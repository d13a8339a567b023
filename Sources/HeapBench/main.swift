import DiploGraph
import Foundation

// Weighted betweenness on a seeded random directed graph, hand-written heap vs swift-collections' Heap.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
let n = Int(CommandLine.arguments.dropFirst().first ?? "2000")!, m = Int(CommandLine.arguments.dropFirst(2).first ?? "10000")!
let rounds = Int(CommandLine.arguments.dropFirst(3).first ?? "7")!
var rng = SplitMix(state: 42)
var seen = Set<Int>()
var edges: [(source: Int32, target: Int32, weight: Double)] = []
while edges.count < m {
    let u = Int.random(in: 0..<n, using: &rng), v = Int.random(in: 0..<n, using: &rng)
    if u == v || !seen.insert(u * n + v).inserted { continue }
    edges.append((Int32(u), Int32(v), Double(Int.random(in: 1...5, using: &rng))))
}
let graph = try SliceGraph(nodeCount: n, edges: edges, isDirected: true)
func time(_ collections: Bool) -> (Double, [Double]) {
    let start = ContinuousClock.now
    let values = graph.benchmarkBetweenness(usesCollectionsHeap: collections)
    let elapsed = ContinuousClock.now - start
    return (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18, values)
}
var hand: [Double] = [], heap: [Double] = []
let reference = time(false).1
precondition(time(true).1 == reference, "the two heaps disagree")
for _ in 0..<rounds {
    hand.append(time(false).0)
    heap.append(time(true).0)
}
func median(_ xs: [Double]) -> Double { xs.sorted()[xs.count / 2] }
print("n=\(n) m=\(m) rounds=\(rounds)")
print(String(format: "hand-written heap: median %.4f s, fastest %.4f s", median(hand), hand.min()!))
print(String(format: "swift-collections Heap: median %.4f s, fastest %.4f s", median(heap), heap.min()!))
