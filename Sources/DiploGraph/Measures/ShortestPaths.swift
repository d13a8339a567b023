/// Single-source shortest paths over a ``SliceGraph``, with buffers reused across sources.
///
/// Betweenness, closeness and harmonic centrality all run one search per node; this type
/// owns the per-search arrays so that the source loop allocates nothing. After
/// ``run(from:)``, `order[0..<orderCount]` holds the reached nodes in non-decreasing
/// distance, `distance` their distances, `pathCount` the number of shortest paths (σ),
/// and, for weighted searches, `predecessors` the shortest-path predecessors of each node.
struct ShortestPathSearch {
    let graph: SliceGraph
    let pathLength: PathLength
    /// Whether the search walks edges backwards (distances *to* the source).
    let isReversed: Bool
    private(set) var distance: [Double]
    private(set) var pathCount: [Double]
    private(set) var order: [Int32]
    private(set) var orderCount = 0
    /// For weighted searches: predecessors of `w` are `predecessorSlots[inOffsets[w] ..< inOffsets[w] + predecessorCount[w]]`.
    private(set) var predecessorSlots: [Int32]
    private(set) var predecessorCount: [Int32]
    private var heap: [(Double, Int32)] = []
    private var isSettled: [Bool]

    init(graph: SliceGraph, pathLength: PathLength, isReversed: Bool = false, recordsPredecessors: Bool = false) {
        self.graph = graph
        self.pathLength = pathLength
        self.isReversed = isReversed
        let n = graph.nodeCount
        distance = [Double](repeating: -1, count: n)
        pathCount = [Double](repeating: 0, count: n)
        order = [Int32](repeating: 0, count: n)
        predecessorSlots = recordsPredecessors ? [Int32](repeating: 0, count: isReversed ? graph.outNeighbors.count : graph.inNeighbors.count) : []
        predecessorCount = recordsPredecessors ? [Int32](repeating: 0, count: n) : []
        isSettled = pathLength == .inverseWeight ? [Bool](repeating: false, count: n) : []
        heap.reserveCapacity(graph.outNeighbors.count + 1)
    }

    /// Forgets the last search: O(nodes it reached).
    private mutating func reset() {
        for i in 0..<orderCount {
            let v = Int(order[i])
            distance[v] = -1
            pathCount[v] = 0
            if !predecessorCount.isEmpty { predecessorCount[v] = 0 }
            if !isSettled.isEmpty { isSettled[v] = false }
        }
        orderCount = 0
    }

    /// Searches from `source`.
    /// - Complexity: O(*m*) for hops, O(*m* log *m*) for weighted lengths.
    mutating func run(from source: Int) {
        reset()
        switch pathLength {
        case .hops: breadthFirst(from: source)
        case .inverseWeight: dijkstra(from: source)
        }
    }

    private mutating func breadthFirst(from source: Int) {
        let offsets = isReversed ? graph.inOffsets : graph.outOffsets
        let neighbors = isReversed ? graph.inNeighbors : graph.outNeighbors
        distance[source] = 0
        pathCount[source] = 1
        order[0] = Int32(source)
        orderCount = 1
        var head = 0
        offsets.withUnsafeBufferPointer { offsets in
            neighbors.withUnsafeBufferPointer { neighbors in
                distance.withUnsafeMutableBufferPointer { distance in
                    pathCount.withUnsafeMutableBufferPointer { pathCount in
                        order.withUnsafeMutableBufferPointer { order in
                            while head < orderCount {
                                let v = Int(order[head])
                                head += 1
                                let next = distance[v] + 1
                                let sigma = pathCount[v]
                                for slot in Int(offsets[v])..<Int(offsets[v + 1]) {
                                    let w = Int(neighbors[slot])
                                    if distance[w] < 0 {
                                        distance[w] = next
                                        order[orderCount] = Int32(w)
                                        orderCount += 1
                                    }
                                    if distance[w] == next { pathCount[w] += sigma }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    private mutating func dijkstra(from source: Int) {
        let offsets = isReversed ? graph.inOffsets : graph.outOffsets
        let neighbors = isReversed ? graph.inNeighbors : graph.outNeighbors
        let weights = isReversed ? graph.inWeights : graph.outWeights
        // Predecessor slots of w live in w's row of the opposite adjacency.
        let predecessorOffsets = isReversed ? graph.outOffsets : graph.inOffsets
        let recordsPredecessors = !predecessorCount.isEmpty
        heap.removeAll(keepingCapacity: true)
        distance[source] = 0
        pathCount[source] = 1
        push((0, Int32(source)))
        while let (d, v32) = pop() {
            let v = Int(v32)
            if isSettled[v] || d != distance[v] { continue }
            isSettled[v] = true
            order[orderCount] = v32
            orderCount += 1
            let sigma = pathCount[v]
            for slot in Int(offsets[v])..<Int(offsets[v + 1]) {
                let w = Int(neighbors[slot])
                if isSettled[w] { continue }
                let candidate = d + 1 / weights[slot]
                let known = distance[w]
                if known >= 0 && SliceGraph.isSameLength(candidate, known) {
                    pathCount[w] += sigma
                    if recordsPredecessors {
                        predecessorSlots[Int(predecessorOffsets[w]) + Int(predecessorCount[w])] = v32
                        predecessorCount[w] += 1
                    }
                } else if known < 0 || candidate < known {
                    distance[w] = candidate
                    pathCount[w] = sigma
                    if recordsPredecessors {
                        predecessorSlots[Int(predecessorOffsets[w])] = v32
                        predecessorCount[w] = 1
                    }
                    push((candidate, Int32(w)))
                }
            }
        }
        // Every node given a distance was pushed, so it is settled and listed in `order`:
        // `reset` clears exactly what this search touched.
    }

    /// Calls `body` with every node u and the distances of the nodes that reach it (u's own
    /// distance 0 first), one reversed search per node: what closeness and harmonic sum.
    /// - Complexity: O(*n* *m*) for hops, O(*n* *m* log *m*) weighted.
    static func forEachIncomingDistances(in graph: SliceGraph, pathLength: PathLength,
                                         _ body: (_ node: Int, _ distances: [Double]) -> Void) {
        var search = ShortestPathSearch(graph: graph, pathLength: pathLength, isReversed: true)
        var distances: [Double] = []
        for u in 0..<graph.nodeCount {
            search.run(from: u)
            distances.removeAll(keepingCapacity: true)
            for i in 0..<search.orderCount { distances.append(search.distance[Int(search.order[i])]) }
            body(u, distances)
        }
    }

    /// The predecessors of `w` on shortest paths in the last weighted search.
    func predecessors(of w: Int) -> ArraySlice<Int32> {
        let start = Int((isReversed ? graph.outOffsets : graph.inOffsets)[w])
        return predecessorSlots[start..<(start + Int(predecessorCount[w]))]
    }

    // A binary min-heap on (distance, node); stale entries are skipped when popped.
    private mutating func push(_ entry: (Double, Int32)) {
        heap.append(entry)
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            if Self.isBefore(heap[child], heap[parent]) {
                heap.swapAt(child, parent)
                child = parent
            } else {
                break
            }
        }
    }

    private mutating func pop() -> (Double, Int32)? {
        guard let top = heap.first else { return nil }
        let last = heap.removeLast()
        if !heap.isEmpty {
            heap[0] = last
            var parent = 0
            let count = heap.count
            while true {
                let left = 2 * parent + 1
                if left >= count { break }
                var best = left
                if left + 1 < count && Self.isBefore(heap[left + 1], heap[left]) { best = left + 1 }
                if Self.isBefore(heap[best], heap[parent]) {
                    heap.swapAt(best, parent)
                    parent = best
                } else {
                    break
                }
            }
        }
        return top
    }

    /// Ties on distance break by node index, so the settle order is deterministic.
    private static func isBefore(_ a: (Double, Int32), _ b: (Double, Int32)) -> Bool {
        a.0 < b.0 || (a.0 == b.0 && a.1 < b.1)
    }
}
