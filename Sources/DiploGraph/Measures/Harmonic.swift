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
        var result = [Double](repeating: 0, count: nodeCount)
        ShortestPathSearch.forEachIncomingDistances(in: self, pathLength: pathLength) { u, distances in
            result[u] = distances.dropFirst().reduce(0) { $0 + 1 / $1 }
        }
        return result
    }
}
