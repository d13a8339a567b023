/// An immutable weighted graph in compressed sparse row form: the graph of one time slice.
///
/// Nodes are `0..<nodeCount`; what they stand for (actors, groups) is kept outside, in
/// the ``Slice``. Out- and in-adjacency are both stored, each row sorted by neighbour, so
/// algorithms walk either direction without searching. An undirected graph stores each
/// edge in both rows and its in-adjacency is its out-adjacency.
///
/// There are no self-loops and no parallel edges: a slice aggregates its events into one
/// edge per ordered pair (one per unordered pair when undirected), weight = sum.
public struct SliceGraph: Sendable, Equatable {
    /// The number of nodes, `0..<nodeCount`.
    public let nodeCount: Int
    /// Whether edges have a direction.
    public let isDirected: Bool
    /// `outOffsets[v]..<outOffsets[v+1]` indexes `v`'s row in `outNeighbors` / `outWeights`.
    @usableFromInline package let outOffsets: [Int32]
    /// Successors, row by row.
    @usableFromInline package let outNeighbors: [Int32]
    /// The weight of each entry of `outNeighbors`.
    @usableFromInline package let outWeights: [Double]
    /// `inOffsets[v]..<inOffsets[v+1]` indexes `v`'s row in `inNeighbors` / `inWeights`.
    @usableFromInline package let inOffsets: [Int32]
    /// Predecessors, row by row.
    @usableFromInline package let inNeighbors: [Int32]
    /// The weight of each entry of `inNeighbors`.
    @usableFromInline package let inWeights: [Double]

    /// The number of edges (each undirected edge once).
    public var edgeCount: Int { isDirected ? outNeighbors.count : outNeighbors.count / 2 }

    /// The edges, by source then target (each undirected edge once, its smaller node first):
    /// what ``init(nodeCount:edges:isDirected:)`` builds the same graph from.
    /// - Complexity: O(*m*) for *m* edges.
    public var edges: [Edge] {
        var edges: [Edge] = []
        edges.reserveCapacity(edgeCount)
        for u in 0..<nodeCount {
            for slot in Int(outOffsets[u])..<Int(outOffsets[u + 1]) {
                let v = outNeighbors[slot]
                if !isDirected && Int(v) < u { continue }
                edges.append(Edge(source: NodeIndex(unchecked: Int32(u)), target: NodeIndex(unchecked: v), weight: outWeights[slot]))
            }
        }
        return edges
    }

    /// Whether every path length 1/weight, and the sum of all of them, is finite, so that no
    /// shortest-path length under ``PathLength/inverseWeight`` overflows.
    /// - Complexity: O(*m*).
    public var inverseLengthsAreFinite: Bool {
        var total = 0.0
        for weight in outWeights { total += 1 / weight }
        return total.isFinite
    }

    /// One aggregated edge given to ``init(nodeCount:edges:isDirected:)``.
    public struct Edge: Sendable, Hashable {
        /// The node the edge starts from.
        public var source: NodeIndex
        /// The node the edge goes to.
        public var target: NodeIndex
        /// The edge's weight, positive and finite.
        public var weight: Double

        /// The edge `source → target` of weight `weight`.
        /// - Parameters:
        ///   - source: the node the edge starts from.
        ///   - target: the node the edge goes to.
        ///   - weight: the weight, positive and finite (checked when the graph is built).
        public init(source: NodeIndex, target: NodeIndex, weight: Double = 1) {
            self.source = source
            self.target = target
            self.weight = weight
        }
    }

    /// Builds the graph from aggregated edges.
    ///
    /// ```swift
    /// let (a, b) = (try NodeIndex(0), try NodeIndex(1))
    /// let graph = try SliceGraph(nodeCount: 2, edges: [.init(source: a, target: b, weight: 2)], isDirected: true)
    /// ```
    /// - Parameters:
    ///   - nodeCount: the number of nodes.
    ///   - edges: at most one per ordered pair (per unordered pair when undirected), no self-loops.
    ///   - isDirected: whether edges have a direction.
    /// - Throws: ``ValueError`` for a node count outside 0..<2³¹−1, an endpoint not below
    ///   `nodeCount`, a self-loop, a weight that is not positive and finite, or a pair given twice.
    /// - Complexity: O(*n* + *m*) for *n* nodes and *m* edges (stable counting sorts: the
    ///   out-rows by neighbour and then by source, the in-rows transposed from them).
    public init(nodeCount: Int, edges: [Edge], isDirected: Bool) throws(ValueError) {
        try self.init(nodeCount: nodeCount, rawEdges: edges.map { ($0.source.value, $0.target.value, $0.weight) }, isDirected: isDirected)
    }

    /// ``init(nodeCount:edges:isDirected:)`` from raw positions (the package's null models and
    /// tests), with the same checks.
    package init(nodeCount: Int, rawEdges edges: [(source: Int32, target: Int32, weight: Double)], isDirected: Bool) throws(ValueError) {
        guard nodeCount >= 0, nodeCount < Int(Int32.max) else { throw ValueError("node count \(nodeCount): must be in 0..<\(Int32.max)") }
        for edge in edges {
            guard edge.source >= 0, edge.target >= 0, Int(edge.source) < nodeCount, Int(edge.target) < nodeCount else {
                throw ValueError("edge \(edge.source) → \(edge.target): endpoint out of range (\(nodeCount) nodes)")
            }
            guard edge.source != edge.target else { throw ValueError("edge \(edge.source) → \(edge.target): self-loops are not allowed") }
            do { try ValueError.checkWeight(edge.weight) } catch {
                throw ValueError("edge \(edge.source) → \(edge.target): \(error.message)")
            }
        }
        self.init(validatedNodeCount: nodeCount, edges: edges, isDirected: isDirected)
        // One edge per pair: a repeated pair shows up as a repeated neighbour in a sorted row.
        for u in 0..<nodeCount {
            let row = outOffsets[u]..<outOffsets[u + 1]
            for slot in row.dropFirst() where outNeighbors[Int(slot)] == outNeighbors[Int(slot) - 1] {
                throw ValueError("edge \(u) → \(outNeighbors[Int(slot)]): given twice (aggregate the weights into one edge)")
            }
        }
    }

    /// Builds the graph from edges known to be valid (the slicer's).
    init(validatedNodeCount nodeCount: Int, edges: [(source: Int32, target: Int32, weight: Double)], isDirected: Bool) {
        self.nodeCount = nodeCount
        self.isDirected = isDirected
        let out: [(Int32, Int32, Double)]
        if isDirected {
            out = edges.map { ($0.source, $0.target, $0.weight) }
        } else {
            out = [(Int32, Int32, Double)](unsafeUninitializedCapacity: 2 * edges.count) { buffer, count in
                for (i, edge) in edges.enumerated() {
                    buffer.initializeElement(at: 2 * i, to: (edge.source, edge.target, edge.weight))
                    buffer.initializeElement(at: 2 * i + 1, to: (edge.target, edge.source, edge.weight))
                }
                count = 2 * edges.count
            }
        }
        (outOffsets, outNeighbors, outWeights) = Self.compress(nodeCount: nodeCount, edges: out)
        if isDirected {
            (inOffsets, inNeighbors, inWeights) = Self.transpose(nodeCount: nodeCount, offsets: outOffsets, neighbors: outNeighbors, weights: outWeights)
        } else {
            (inOffsets, inNeighbors, inWeights) = (outOffsets, outNeighbors, outWeights)
        }
    }

    /// The in-rows of the rows `offsets`/`neighbors`/`weights`, by one counting sort: the rows
    /// are read in order, so each in-row comes out sorted by source, as ``compress`` would sort it.
    private static func transpose(nodeCount: Int, offsets: [Int32], neighbors: [Int32], weights: [Double]) -> ([Int32], [Int32], [Double]) {
        let m = neighbors.count
        var inOffsets = [Int32](repeating: 0, count: nodeCount + 1)
        var inNeighbors = [Int32](repeating: 0, count: m)
        var inWeights = [Double](repeating: 0, count: m)
        for v in neighbors { inOffsets[Int(v) &+ 1] &+= 1 }
        for v in 0..<nodeCount { inOffsets[v &+ 1] &+= inOffsets[v] }
        var fill = Array(inOffsets.dropLast())
        for u in 0..<nodeCount {
            for slot in Int(offsets[u])..<Int(offsets[u &+ 1]) {
                let v = Int(neighbors[slot])
                let at = Int(fill[v])
                inNeighbors[at] = Int32(truncatingIfNeeded: u)
                inWeights[at] = weights[slot]
                fill[v] &+= 1
            }
        }
        return (inOffsets, inNeighbors, inWeights)
    }

    private static func compress(nodeCount: Int, edges: [(Int32, Int32, Double)]) -> ([Int32], [Int32], [Double]) {
        let m = edges.count
        var offsets = [Int32](repeating: 0, count: nodeCount + 1)
        var neighbors = [Int32](repeating: 0, count: m)
        var weights = [Double](repeating: 0, count: m)
        // Two stable counting sorts, least significant key first: by neighbour, then by row. Each
        // row comes out sorted by neighbour, and edges with the same row and neighbour keep the
        // order they were given in.
        var byNeighbor = [Int32](repeating: 0, count: m)
        var fill = [Int32](repeating: 0, count: nodeCount + 1)
        edges.withUnsafeBufferPointer { edges in
            fill.withUnsafeMutableBufferPointer { fill in
                byNeighbor.withUnsafeMutableBufferPointer { order in
                    for edge in edges { fill[Int(edge.1) &+ 1] &+= 1 }
                    for v in 0..<nodeCount { fill[v &+ 1] &+= fill[v] }
                    for (i, edge) in edges.enumerated() {
                        let key = Int(edge.1)
                        order[Int(fill[key])] = Int32(truncatingIfNeeded: i)
                        fill[key] &+= 1
                    }
                }
            }
            offsets.withUnsafeMutableBufferPointer { offsets in
                for edge in edges { offsets[Int(edge.0) &+ 1] &+= 1 }
                for v in 0..<nodeCount { offsets[v &+ 1] &+= offsets[v] }
                fill.withUnsafeMutableBufferPointer { fill in
                    for v in 0..<nodeCount { fill[v] = offsets[v] }
                    byNeighbor.withUnsafeBufferPointer { order in
                        neighbors.withUnsafeMutableBufferPointer { neighbors in
                            weights.withUnsafeMutableBufferPointer { weights in
                                for i in order {
                                    let edge = edges[Int(i)]
                                    let row = Int(edge.0)
                                    let slot = Int(fill[row])
                                    neighbors[slot] = edge.1
                                    weights[slot] = edge.2
                                    fill[row] &+= 1
                                }
                            }
                        }
                    }
                }
            }
        }
        return (offsets, neighbors, weights)
    }

    /// The out-neighbours of `v` (all neighbours when undirected), for loops over raw positions;
    /// `v` must be in `0..<nodeCount` (as for an array; the ``NodeIndex`` overload checks).
    /// - Complexity: O(1).
    /// - Parameter v: a node's raw position.
    /// - Returns: the neighbours' raw positions, in increasing order.
    @inlinable package func successors(of v: Int) -> ArraySlice<Int32> {
        outNeighbors[Int(outOffsets[v])..<Int(outOffsets[v + 1])]
    }

    /// The in-neighbours of `v` (all neighbours when undirected), for loops over raw positions;
    /// `v` must be in `0..<nodeCount` (as for an array; the ``NodeIndex`` overload checks).
    /// - Complexity: O(1).
    /// - Parameter v: a node's raw position.
    /// - Returns: the neighbours' raw positions, in increasing order.
    @inlinable package func predecessors(of v: Int) -> ArraySlice<Int32> {
        inNeighbors[Int(inOffsets[v])..<Int(inOffsets[v + 1])]
    }

    /// The number of edges out of `v`; `v` must be in `0..<nodeCount`.
    /// - Complexity: O(1).
    /// - Parameter v: a node's raw position.
    @inlinable package func outDegree(of v: Int) -> Int { Int(outOffsets[v + 1] - outOffsets[v]) }
    /// The number of edges into `v`; `v` must be in `0..<nodeCount`.
    /// - Complexity: O(1).
    /// - Parameter v: a node's raw position.
    @inlinable package func inDegree(of v: Int) -> Int { Int(inOffsets[v + 1] - inOffsets[v]) }

    /// The weight of edge `u → v`, or `nil` when there is none or a node is out of range.
    /// - Complexity: O(log *d*) for the out-degree *d* of `u`.
    /// - Parameters:
    ///   - u: the edge's source, a raw position.
    ///   - v: the edge's target, a raw position.
    package func weight(from u: Int, to v: Int) -> Double? {
        guard u >= 0, u < nodeCount, v >= 0, v < nodeCount else { return nil }
        var low = Int(outOffsets[u]), high = Int(outOffsets[u + 1])
        let key = Int32(v)
        while low < high {
            let mid = (low + high) / 2
            if outNeighbors[mid] < key { low = mid + 1 } else { high = mid }
        }
        return low < Int(outOffsets[u + 1]) && outNeighbors[low] == key ? outWeights[low] : nil
    }

    /// The graph's nodes as typed indices, `0..<nodeCount`.
    /// - Complexity: O(1) (a lazy collection).
    public var nodeIndices: LazyMapSequence<Range<Int>, NodeIndex> {
        (0..<nodeCount).lazy.map { NodeIndex(unchecked: Int32($0)) }
    }

    /// The out-neighbours of `node` (all neighbours when undirected), in increasing order; empty
    /// when `node` is not below ``nodeCount``.
    /// - Complexity: O(1) (a lazy view of the row).
    /// - Parameter node: a node of the graph.
    public func successors(of node: NodeIndex) -> some RandomAccessCollection<NodeIndex> & Sendable {
        (node.position < nodeCount ? successors(of: node.position) : []).lazy.map { NodeIndex(unchecked: $0) }
    }

    /// The in-neighbours of `node` (all neighbours when undirected), in increasing order; empty
    /// when `node` is not below ``nodeCount``.
    /// - Complexity: O(1) (a lazy view of the row).
    /// - Parameter node: a node of the graph.
    public func predecessors(of node: NodeIndex) -> some RandomAccessCollection<NodeIndex> & Sendable {
        (node.position < nodeCount ? predecessors(of: node.position) : []).lazy.map { NodeIndex(unchecked: $0) }
    }

    /// The number of edges out of `node` (its degree when undirected); 0 when `node` is not
    /// below ``nodeCount``.
    /// - Complexity: O(1).
    /// - Parameter node: a node of the graph.
    public func outDegree(of node: NodeIndex) -> Int { node.position < nodeCount ? outDegree(of: node.position) : 0 }

    /// The number of edges into `node` (its degree when undirected); 0 when `node` is not below
    /// ``nodeCount``.
    /// - Complexity: O(1).
    /// - Parameter node: a node of the graph.
    public func inDegree(of node: NodeIndex) -> Int { node.position < nodeCount ? inDegree(of: node.position) : 0 }

    /// The weight of edge `source → target`, or `nil` when there is none (or a node is not below
    /// ``nodeCount``).
    /// - Complexity: O(log *d*) for the out-degree *d* of `source`.
    /// - Parameters:
    ///   - source: the edge's source.
    ///   - target: the edge's target.
    public func weight(from source: NodeIndex, to target: NodeIndex) -> Double? {
        guard source.position < nodeCount, target.position < nodeCount else { return nil }
        return weight(from: source.position, to: target.position)
    }

    /// The reverse graph (every edge turned round); an undirected graph is its own reverse.
    public var reversed: SliceGraph {
        guard isDirected else { return self }
        return SliceGraph(nodeCount: nodeCount, outOffsets: inOffsets, outNeighbors: inNeighbors, outWeights: inWeights,
                          inOffsets: outOffsets, inNeighbors: outNeighbors, inWeights: outWeights)
    }

    private init(nodeCount: Int, outOffsets: [Int32], outNeighbors: [Int32], outWeights: [Double],
                 inOffsets: [Int32], inNeighbors: [Int32], inWeights: [Double]) {
        self.nodeCount = nodeCount
        self.isDirected = true
        self.outOffsets = outOffsets
        self.outNeighbors = outNeighbors
        self.outWeights = outWeights
        self.inOffsets = inOffsets
        self.inNeighbors = inNeighbors
        self.inWeights = inWeights
    }
}
