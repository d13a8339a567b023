extension SliceGraph {
    /// PageRank as networkx's `pagerank(G, alpha=0.85, weight="weight")`, solved to 1e-12.
    ///
    /// Each node passes its rank to its successors in proportion to edge weight; nodes
    /// without out-edges (dangling) spread theirs evenly over all nodes; every node also gets
    /// (1−α)/n. Power iteration from the uniform vector until the L1 change falls below
    /// 1e-15·n, far past networkx's default 1e-6·n, so values are exact to about 1e-13.
    ///
    /// Page, L., Brin, S., Motwani, R. & Winograd, T. (1999). The PageRank citation ranking:
    /// bringing order to the web. Stanford InfoLab.
    ///
    /// Weights are divided by the largest weight first, so any positive finite weights (1e308
    /// or 1e-320) give the same ranks as the same weights at a normal scale.
    ///
    /// - Returns: the PageRank of each node (summing to 1), by node index, at α = 0.85.
    /// - Complexity: O((*n* + *m*) · *k*) for *k* iterations (about 230 at α = 0.85).
    public func pageRank() -> [Double] { pageRank(validDamping: 0.85) }

    /// ``pageRank()`` with another damping factor.
    ///
    /// - Parameter damping: α, the probability of following an edge, in 0...1.
    /// - Returns: the PageRank of each node (summing to 1), by node index.
    /// - Throws: ``ValueError`` when `damping` is not in 0...1.
    /// - Complexity: O((*n* + *m*) · *k*) for *k* iterations, at most 10,000.
    public func pageRank(damping: Double) throws(ValueError) -> [Double] {
        guard (0...1).contains(damping) else { throw ValueError("damping \(damping): must be between 0 and 1") }
        return pageRank(validDamping: damping)
    }

    private func pageRank(validDamping alpha: Double) -> [Double] {
        let n = nodeCount
        guard n > 0 else { return [] }
        // Rescaled weights: out-strengths cannot overflow, whatever the scale.
        let scale = Self.largestWeight(outWeights)
        let scaledInWeights = inWeights.map { $0 / scale }
        var outStrength = [Double](repeating: 0, count: n)
        for u in 0..<n {
            for slot in Int(outOffsets[u])..<Int(outOffsets[u + 1]) { outStrength[u] += outWeights[slot] / scale }
        }
        var x = [Double](repeating: 1 / Double(n), count: n)
        var next = [Double](repeating: 0, count: n)
        // x[u] / outStrength[u], once per node per iteration rather than once per edge.
        var share = [Double](repeating: 0, count: n)
        let uniform = 1 / Double(n)
        inOffsets.withUnsafeBufferPointer { offsets in
            inNeighbors.withUnsafeBufferPointer { neighbors in
                scaledInWeights.withUnsafeBufferPointer { weights in
                    outStrength.withUnsafeBufferPointer { outStrength in
                        share.withUnsafeMutableBufferPointer { share in
                            for _ in 0..<10_000 {
                                var dangling = 0.0
                                x.withUnsafeBufferPointer { x in
                                    for u in 0..<n {
                                        if outStrength[u] == 0 { dangling += x[u]; share[u] = 0 } else { share[u] = x[u] / outStrength[u] }
                                    }
                                }
                                let base = alpha * dangling * uniform + (1 - alpha) * uniform
                                // Pull form: each node sums over its in-edges, so the loop writes one slot per node.
                                var change = 0.0
                                x.withUnsafeBufferPointer { x in
                                    next.withUnsafeMutableBufferPointer { next in
                                        for v in 0..<n {
                                            var sum = 0.0
                                            for slot in Int(offsets[v])..<Int(offsets[v + 1]) {
                                                sum += share[Int(neighbors[slot])] * weights[slot]
                                            }
                                            let value = alpha * sum + base
                                            next[v] = value
                                            change += abs(value - x[v])
                                        }
                                    }
                                }
                                swap(&x, &next)
                                if change < 1e-15 * Double(n) { break }
                            }
                        }
                    }
                }
            }
        }
        return x
    }

    /// The largest of `weights`, or 1 when there are none: the divisor that brings weights to (0, 1].
    static func largestWeight(_ weights: [Double]) -> Double {
        var largest = 0.0
        for weight in weights { largest = max(largest, weight) }
        return largest > 0 && largest.isFinite ? largest : 1
    }
}
