extension SliceGraph {
    /// Closeness centrality as networkx's `closeness_centrality(G)`: incoming distances on
    /// directed graphs, with the Wasserman–Faust correction for graphs that are not connected.
    ///
    /// C(u) = (r−1)/Σ_v d(v,u) · (r−1)/(n−1), where r counts the nodes that reach u (u
    /// included); 0 when no other node reaches u.
    ///
    /// Freeman, L. C. (1979). Centrality in social networks: conceptual clarification.
    /// *Social Networks* 1(3), 215–239. Wasserman, S. & Faust, K. (1994). *Social Network
    /// Analysis*, Cambridge University Press.
    ///
    /// - Parameter pathLength: what a path's length is.
    /// - Returns: the closeness of each node, by node index.
    /// - Complexity: O(*n* *m*) for hops, O(*n* *m* log *m*) weighted.
    public func closeness(pathLength: PathLength = .hops) -> [Double] {
        var result = [Double](repeating: 0, count: nodeCount)
        ShortestPathSearch.forEachIncomingDistances(in: self, pathLength: pathLength) { u, distances in
            let total = distances.reduce(0, +)
            let reached = Double(distances.count - 1)
            if total > 0 && nodeCount > 1 {
                result[u] = (reached / total) * (reached / Double(nodeCount - 1))
            }
        }
        return result
    }
}
