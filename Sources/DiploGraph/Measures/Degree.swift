extension SliceGraph {
    /// The number of edges at each node: in + out on a directed graph (networkx `G.degree`).
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

    /// The summed weight of the edges at each node: in + out when directed (networkx `G.degree(weight=)`).
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
