/// Degree and strength.
///
/// Degree centrality: Freeman, L. C. (1979). Centrality in social networks: conceptual
/// clarification. *Social Networks* 1(3), 215–239. Strength (the weighted degree): Barrat, A.,
/// Barthélemy, M., Pastor-Satorras, R. & Vespignani, A. (2004). The architecture of complex
/// weighted networks. *PNAS* 101(11), 3747–3752. Values as networkx's `G.degree` and
/// `G.degree(weight="weight")`, unnormalised.
extension SliceGraph {
    /// The number of edges at each node: in + out on a directed graph (networkx `G.degree`;
    /// Freeman 1979).
    /// - Returns: one value per node.
    /// - Complexity: O(*n*).
    public func degrees() -> [Double] {
        (0..<nodeCount).map { isDirected ? Double(inDegree(of: $0) + outDegree(of: $0)) : Double(outDegree(of: $0)) }
    }

    /// The number of edges into each node (the degree when undirected).
    /// - Complexity: O(*n*).
    public func inDegrees() -> [Double] { (0..<nodeCount).map { Double(inDegree(of: $0)) } }

    /// The number of edges out of each node (the degree when undirected).
    /// - Complexity: O(*n*).
    public func outDegrees() -> [Double] { (0..<nodeCount).map { Double(outDegree(of: $0)) } }

    /// The summed weight of the edges at each node: in + out when directed (networkx
    /// `G.degree(weight=)`; the strength of Barrat et al. 2004).
    /// - Complexity: O(*n* + *m*).
    public func strengths() -> [Double] {
        guard isDirected else { return outStrengths() }
        return zip(inStrengths(), outStrengths()).map { $0 + $1 }
    }

    /// The summed weight of the edges into each node.
    /// - Complexity: O(*n* + *m*).
    public func inStrengths() -> [Double] {
        (0..<nodeCount).map { v in inWeights[Int(inOffsets[v])..<Int(inOffsets[v + 1])].reduce(0, +) }
    }

    /// The summed weight of the edges out of each node.
    /// - Complexity: O(*n* + *m*).
    public func outStrengths() -> [Double] {
        (0..<nodeCount).map { v in outWeights[Int(outOffsets[v])..<Int(outOffsets[v + 1])].reduce(0, +) }
    }
}
