extension SliceGraph {
    /// Eigenvector centrality as networkx's `eigenvector_centrality(G, weight="weight")`:
    /// in-edges on directed graphs, weights as strengths, L2-normalised.
    ///
    /// The iteration is networkx's: x ← (A + I)ᵀx, normalised, from the uniform vector.
    /// Whether it converges is decided as networkx decides it (L1 change below 1e-6·n within
    /// 100 iterations); a converged vector is then refined by the same iteration to about
    /// 1e-14, so values match a tightly solved reference rather than networkx's rough stop.
    ///
    /// Weights above 1 are divided by the largest weight (which scales each step's vector, not
    /// its direction), and the norm is taken after dividing by the largest entry (as Python's
    /// `math.hypot`, which networkx uses), so weights up to the largest finite `Double` give
    /// the same vector as small ones: a 3-cycle has 0.577 per node at weight 1e308 as at 1.
    ///
    /// Bonacich, P. (1972). Factoring and weighting approaches to status scores and clique
    /// identification. *Journal of Mathematical Sociology* 2(1), 113–120.
    ///
    /// - Returns: the centrality of each node by node index, or `nil` when the iteration does
    ///   not converge (as on many acyclic slices) or the graph has no nodes.
    /// - Complexity: O((*n* + *m*) · *k*) for *k* iterations, at most 100 + 100,000.
    public func eigenvector() -> [Double]? {
        let n = nodeCount
        guard n > 0 else { return nil }
        var x = [Double](repeating: 1 / Double(n), count: n)
        var next = [Double](repeating: 0, count: n)
        // (A + I)ᵀx / c has the direction of (A + I)ᵀx: with c the largest weight (when above 1)
        // no sum can overflow, however large the weights.
        let scale = max(1, Self.largestWeight(inWeights))
        let weights = scale == 1 ? inWeights : inWeights.map { $0 / scale }
        func step() -> Double {
            for v in 0..<n {
                var sum = scale == 1 ? x[v] : x[v] / scale
                for slot in Int(inOffsets[v])..<Int(inOffsets[v + 1]) {
                    sum += x[Int(inNeighbors[slot])] * weights[slot]
                }
                next[v] = sum
            }
            // hypot-style: squares of entries near 1e155 and above would overflow.
            var largest = 0.0
            for v in 0..<n { largest = max(largest, abs(next[v])) }
            var norm = 1.0
            if largest > 0 && largest.isFinite {
                var sum = 0.0
                for v in 0..<n {
                    let scaled = next[v] / largest
                    sum += scaled * scaled
                }
                norm = largest * sum.squareRoot()
            }
            var change = 0.0
            for v in 0..<n {
                next[v] /= norm
                change += abs(next[v] - x[v])
            }
            swap(&x, &next)
            return change
        }
        var converged = false
        for _ in 0..<100 where step() < Double(n) * 1e-6 {
            converged = true
            break
        }
        guard converged else { return nil }
        for _ in 0..<100_000 where step() < Double(n) * 1e-15 { break }
        return x
    }
}
