extension SliceGraph {
    /// Harmonic centrality as networkx's `harmonic_centrality(G)`: H(u) = Σ_{v≠u} 1/d(v,u),
    /// over the nodes v that reach u, not normalised.
    ///
    /// Unlike closeness it needs no correction for slices that fall apart into pieces, which
    /// yearly event graphs often do.
    ///
    /// Marchiori, M. & Latora, V. (2000). Harmony in the small-world. *Physica A* 285,
    /// 539–546. Boldi, P. & Vigna, S. (2014). Axioms for centrality. *Internet Mathematics* 10.
    ///
    /// - Parameter pathLength: what a path's length is.
    /// - Returns: the harmonic centrality of each node, by node index.
    /// - Complexity: O(*n* *m*) for hops, O(*n* *m* log *m*) weighted.
    public func harmonic(pathLength: PathLength = .hops) -> [Double] {
        let n = nodeCount
        var search = ShortestPathSearch(graph: self, pathLength: pathLength, isReversed: true)
        var result = [Double](repeating: 0, count: n)
        for u in 0..<n {
            search.run(from: u)
            var total = 0.0
            for i in 1..<max(1, search.orderCount) { total += 1 / search.distance[Int(search.order[i])] }
            result[u] = total
        }
        return result
    }
}
