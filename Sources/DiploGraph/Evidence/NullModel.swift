/// What a permutation test holds fixed about a slice, and what it draws at random.
///
/// - `edges`: random graphs on the slice's nodes with its number of ties and no loops, every
///   such graph equally likely: R sna's `rgnm(1, n, m, mode = "digraph", diag = FALSE)`
///   (`mode = "graph"` for undirected slices), the "edges" conditioning of `cug.test`.
/// - `degree`: every node's in- and out-degree kept (its degree when undirected), no loops and
///   no multiple ties: 10·*m* attempted double edge swaps a→b, c→d ⇒ a→d, c→b from the
///   observed graph, a swap refused when it would make a loop or a tie that exists (Milo,
///   Kashtan, Itzkovitz, Newman & Alon 2003, arXiv:cond-mat/0312028; Fosdick, Larremore,
///   Nishimura & Ugander 2018, *SIAM Review* 60(2), 315–355, on why refusing such swaps
///   samples the space of simple graphs with the degree sequence). A graph its degrees fix (a
///   complete digraph, say) is always drawn as itself.
/// - `groups`: the slice graph kept, the nodes' groups permuted among them (only the
///   Gould–Fernandez roles depend on groups).
///
/// Under `edges` and `degree` the slice's tie weights are shuffled over the drawn ties.
public enum NullModel: String, Sendable, CaseIterable {
    /// Uniform random graphs with the slice's node and tie counts (sna `rgnm`).
    case edges
    /// Degree-preserving double edge swaps.
    case degree
    /// Group labels permuted among the nodes.
    case groups

    /// Draws one graph and grouping from the null model.
    /// - Parameters:
    ///   - graph: the observed slice graph.
    ///   - groups: the observed group of each node.
    ///   - rng: the generator to draw from.
    /// - Returns: the drawn graph and groups.
    /// - Complexity: O(*m*) expected for `edges` (O(*n*²) when more than half the pairs are
    ///   ties), O(*m*) for `degree` (10·*m* swaps), O(*n*) for `groups`.
    public func draw(graph: SliceGraph, groups: [GroupIndex], using rng: inout Xoshiro256StarStar) -> (graph: SliceGraph, groups: [GroupIndex]) {
        switch self {
        case .groups:
            var shuffled = groups
            rng.shuffle(&shuffled)
            return (graph, shuffled)
        case .edges:
            return (Self.uniformGraph(like: graph, using: &rng), groups)
        case .degree:
            return (Self.swappedGraph(like: graph, using: &rng), groups)
        }
    }

    /// The observed ties, each once (u < v when undirected), and their weights.
    package static func ties(of graph: SliceGraph) -> (pairs: [(Int32, Int32)], weights: [Double]) {
        var pairs: [(Int32, Int32)] = [], weights: [Double] = []
        for u in 0..<graph.nodeCount {
            for slot in Int(graph.outOffsets[u])..<Int(graph.outOffsets[u + 1]) {
                let v = graph.outNeighbors[slot]
                if !graph.isDirected && Int(v) < u { continue }
                pairs.append((Int32(u), v))
                weights.append(graph.outWeights[slot])
            }
        }
        return (pairs, weights)
    }

    /// The weights of ``ties(of:)``, in the same order, without the pairs: the directed graph's
    /// rows as they are stored.
    static func tieWeights(of graph: SliceGraph) -> [Double] {
        if graph.isDirected { return graph.outWeights }
        var weights: [Double] = []
        weights.reserveCapacity(graph.edgeCount)
        for u in 0..<graph.nodeCount {
            for slot in Int(graph.outOffsets[u])..<Int(graph.outOffsets[u + 1]) where Int(graph.outNeighbors[slot]) >= u {
                weights.append(graph.outWeights[slot])
            }
        }
        return weights
    }

    static func build(_ pairs: [(Int32, Int32)], weights: [Double], like graph: SliceGraph, using rng: inout Xoshiro256StarStar) -> SliceGraph {
        var shuffled = weights
        rng.shuffle(&shuffled)
        return SliceGraph(validatedNodeCount: graph.nodeCount, edges: zip(pairs, shuffled).map { ($0.0, $0.1, $1) }, isDirected: graph.isDirected)
    }

    static func uniformGraph(like graph: SliceGraph, using rng: inout Xoshiro256StarStar) -> SliceGraph {
        let n = graph.nodeCount
        let weights = tieWeights(of: graph)
        let m = weights.count
        guard n >= 2, m > 0 else { return graph }
        let possible = graph.isDirected ? n * (n - 1) : n * (n - 1) / 2
        func key(_ u: Int, _ v: Int) -> Int { u * n + v }
        func randomPair() -> (Int, Int) {
            let u = rng.bounded(n)
            var v = rng.bounded(n - 1)
            if v >= u { v += 1 }
            return graph.isDirected ? (u, v) : (Swift.min(u, v), Swift.max(u, v))
        }
        var pairs: [(Int32, Int32)] = []
        pairs.reserveCapacity(m)
        if m <= possible / 2 {
            // Draws until m distinct pairs, kept in the order drawn (the set only answers membership:
            // a bitmap of the n² keys while that is small, a hash set beyond).
            if n * n <= 1 << 24 {
                var seen = [UInt64](repeating: 0, count: (n * n + 63) / 64)
                seen.withUnsafeMutableBufferPointer { seen in
                    while pairs.count < m {
                        let (u, v) = randomPair()
                        let k = key(u, v)
                        let bit: UInt64 = 1 << UInt64(k & 63)
                        if seen[k >> 6] & bit == 0 {
                            seen[k >> 6] |= bit
                            pairs.append((Int32(u), Int32(v)))
                        }
                    }
                }
            } else {
                var seen = Set<Int>(minimumCapacity: 2 * m)
                while pairs.count < m {
                    let (u, v) = randomPair()
                    if seen.insert(key(u, v)).inserted { pairs.append((Int32(u), Int32(v))) }
                }
            }
        } else {
            // Dense: the pairs that are not ties are drawn, the others taken in order.
            var absent = Set<Int>(minimumCapacity: 2 * (possible - m))
            while absent.count < possible - m {
                let (u, v) = randomPair()
                absent.insert(key(u, v))
            }
            for u in 0..<n {
                for v in (graph.isDirected ? 0 : u + 1)..<n where u != v && !absent.contains(key(u, v)) {
                    pairs.append((Int32(u), Int32(v)))
                }
            }
        }
        return build(pairs, weights: weights, like: graph, using: &rng)
    }

    static func swappedGraph(like graph: SliceGraph, using rng: inout Xoshiro256StarStar) -> SliceGraph {
        let n = graph.nodeCount
        var (pairs, weights) = ties(of: graph)
        let m = pairs.count
        guard m >= 2 else { return graph }
        func key(_ u: Int32, _ v: Int32) -> Int {
            graph.isDirected ? Int(u) * n + Int(v) : Int(Swift.min(u, v)) * n + Int(Swift.max(u, v))
        }
        var present = Set<Int>(minimumCapacity: 2 * m)
        for (u, v) in pairs { present.insert(key(u, v)) }
        for _ in 0..<(10 * m) {
            let i = rng.bounded(m)
            var j = rng.bounded(m - 1)
            if j >= i { j += 1 }
            var (a, b) = pairs[i]
            let (c, d) = pairs[j]
            // Undirected ties have no direction: take the first either way round.
            if !graph.isDirected && rng.bounded(2) == 1 { swap(&a, &b) }
            guard a != d, c != b, !present.contains(key(a, d)), !present.contains(key(c, b)) else { continue }
            present.remove(key(a, b)); present.remove(key(c, d))
            present.insert(key(a, d)); present.insert(key(c, b))
            pairs[i] = graph.isDirected ? (a, d) : (Swift.min(a, d), Swift.max(a, d))
            pairs[j] = graph.isDirected ? (c, b) : (Swift.min(c, b), Swift.max(c, b))
        }
        return build(pairs, weights: weights, like: graph, using: &rng)
    }
}
