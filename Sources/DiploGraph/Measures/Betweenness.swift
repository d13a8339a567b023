import Dispatch
import Synchronization

extension SliceGraph {
    /// Shortest-path betweenness of every node, normalised as networkx's
    /// `betweenness_centrality(G, normalized=True)`.
    ///
    /// B(v) = Σ_{s≠v≠t} σ_st(v) / σ_st, over ordered pairs, scaled by 1/((n−1)(n−2));
    /// on an undirected graph that equals 2/((n−1)(n−2)) times the count over unordered
    /// pairs. Graphs of two nodes or fewer give 0. Weighted paths (`inverseWeight`) use
    /// Dijkstra and count paths whose lengths agree to 1e-10 as equally short.
    ///
    /// Sources are split into fixed blocks run in parallel, each with its own buffers; the
    /// partial sums are added in block order, so results do not depend on the core count.
    ///
    /// Brandes, U. (2001). A faster algorithm for betweenness centrality.
    /// *Journal of Mathematical Sociology* 25(2), 163–177.
    ///
    /// - Parameters:
    ///   - pathLength: what a path's length is.
    ///   - isNormalized: `false` gives raw counts (unordered pairs when undirected, as networkx and igraph).
    /// - Returns: the betweenness of each node, by node index.
    /// - Complexity: O(*n* *m*) for hops, O(*n* *m* log *m*) weighted; O(*n* + *m*) memory per block.
    public func betweenness(pathLength: PathLength = .hops, isNormalized: Bool = true) -> [Double] {
        let n = nodeCount
        guard n > 0 else { return [] }
        let blockCount = min(n, 16)
        let partials = ConcurrentResults<[Double]>(count: blockCount)
        DispatchQueue.concurrentPerform(iterations: blockCount) { block in
            let sources = (n * block / blockCount)..<(n * (block + 1) / blockCount)
            partials[block] = self.betweennessContributions(from: sources, pathLength: pathLength)
        }
        var total = [Double](repeating: 0, count: n)
        for block in 0..<blockCount {
            let part = partials[block]!
            for v in 0..<n { total[v] += part[v] }
        }
        let scale: Double
        if isNormalized {
            scale = n > 2 ? 1 / (Double(n - 1) * Double(n - 2)) : 1
        } else {
            scale = isDirected ? 1 : 0.5
        }
        if scale != 1 { for v in 0..<n { total[v] *= scale } }
        return total
    }

    /// The dependency sums of Brandes's algorithm over `sources`, counted over ordered pairs.
    func betweennessContributions(from sources: Range<Int>, pathLength: PathLength) -> [Double] {
        if pathLength == .hops { return hopBetweennessContributions(from: sources) }
        let n = nodeCount
        var search = ShortestPathSearch(graph: self, pathLength: pathLength, recordsPredecessors: true)
        var dependency = [Double](repeating: 0, count: n)
        var result = [Double](repeating: 0, count: n)
        for s in sources {
            search.run(from: s)
            let count = search.orderCount
            switch pathLength {
            case .hops:
                preconditionFailure("hops take hopBetweennessContributions")
            case .inverseWeight:
                var i = count - 1
                while i > 0 {
                    let w = Int(search.order[i])
                    let coefficient = (1 + dependency[w]) / search.pathCount[w]
                    for v in search.predecessors(of: w) {
                        dependency[Int(v)] += search.pathCount[Int(v)] * coefficient
                    }
                    result[w] += dependency[w]
                    i -= 1
                }
            }
            for i in 0..<count { dependency[Int(search.order[i])] = 0 }
        }
        return result
    }
}

extension SliceGraph {
    /// ``betweennessContributions(from:pathLength:)`` for hop counts.
    ///
    /// One breadth-first search per source records, for each node in the order reached, the
    /// successors it has on shortest paths (the edges to nodes one step further), in one flat
    /// array written front to back. The backward pass reads that array back to front and pulls
    /// δ(v) = σ(v) Σ_{w: v→w, d(w)=d(v)+1} (1 + δ(w)) / σ(w): no row of the graph is read twice
    /// and no distance is compared again. Once (1 + δ(v)) / σ(v) is known it replaces σ(v) in
    /// the same slot, so the search keeps three arrays of *n* and one of *m*, allocated once.
    /// - Complexity: O(|sources| · (*n* + *m*)) time, O(*n* + *m*) memory.
    func hopBetweennessContributions(from sources: Range<Int>) -> [Double] {
        let n = nodeCount
        var result = [Double](repeating: 0, count: n)
        guard n > 0 else { return result }
        let distance = UnsafeMutablePointer<Int32>.allocate(capacity: n)
        distance.initialize(repeating: -1, count: n)
        // σ(v) during the search; (1 + δ(v)) / σ(v) once v's dependency is final.
        let sigma = UnsafeMutablePointer<Double>.allocate(capacity: n)
        sigma.initialize(repeating: 0, count: n)
        // One spare slot each: the search writes a candidate before it knows whether to keep it.
        let order = UnsafeMutablePointer<Int32>.allocate(capacity: n + 1)
        order.initialize(repeating: 0, count: n + 1)
        // Where the shortest-path successors of order[i] start in `successors`.
        let successorStart = UnsafeMutablePointer<Int32>.allocate(capacity: n + 1)
        successorStart.initialize(repeating: 0, count: n + 1)
        let successors = UnsafeMutablePointer<Int32>.allocate(capacity: outNeighbors.count + 1)
        successors.initialize(repeating: 0, count: outNeighbors.count + 1)
        defer {
            distance.deallocate()
            sigma.deallocate()
            order.deallocate()
            successorStart.deallocate()
            successors.deallocate()
        }
        outOffsets.withUnsafeBufferPointer { offsets in
            outNeighbors.withUnsafeBufferPointer { neighbors in
                result.withUnsafeMutableBufferPointer { result in
                    for s in sources {
                        distance[s] = 0
                        sigma[s] = 1
                        order[0] = Int32(s)
                        var count = 1
                        var head = 0
                        var edges = 0
                        while head < count {
                            let v = Int(order[head])
                            successorStart[head] = Int32(truncatingIfNeeded: edges)
                            head &+= 1
                            let next = distance[v] &+ 1
                            let paths = sigma[v].bitPattern
                            // No branch per edge (their outcomes are unpredictable): a new node
                            // is appended to `order` and a shortest-path successor to
                            // `successors` unconditionally, and the counts move only when the
                            // test holds; σ of an unreached node is 0, so it adds the same way.
                            for slot in Int(offsets[v])..<Int(offsets[v &+ 1]) {
                                let w = neighbors[slot]
                                let known = distance[Int(w)]
                                let difference = known ^ next
                                // All ones when w is unreached; when it is unreached or one step further.
                                let isNew = known >> 31
                                let isOnPath = isNew | ~(difference | (0 &- difference)) >> 31
                                distance[Int(w)] = known ^ (difference & isNew)
                                sigma[Int(w)] += Double(bitPattern: paths & UInt64(bitPattern: Int64(isOnPath)))
                                order[count] = w
                                count &-= Int(isNew)
                                successors[edges] = w
                                edges &-= Int(isOnPath)
                            }
                        }
                        successorStart[count] = Int32(truncatingIfNeeded: edges)
                        var i = count - 1
                        while i > 0 {
                            var sum = 0.0
                            for t in Int(successorStart[i])..<Int(successorStart[i &+ 1]) { sum += sigma[Int(successors[t])] }
                            let v = Int(order[i])
                            let paths = sigma[v]
                            let delta = paths * sum
                            sigma[v] = (1 + delta) / paths
                            result[v] += delta
                            i -= 1
                        }
                        for i in 0..<count {
                            distance[Int(order[i])] = -1
                            sigma[Int(order[i])] = 0
                        }
                    }
                }
            }
        }
        return result
    }
}

/// Results written by concurrent tasks, one slot each, read once they have all finished.
package final class ConcurrentResults<Value: Sendable>: Sendable {
    private let values: Mutex<[Value?]>

    package init(count: Int) { values = Mutex(Array(repeating: nil, count: count)) }

    package subscript(index: Int) -> Value? {
        get { values.withLock { $0[index] } }
        set { values.withLock { $0[index] = newValue } }
    }
}
