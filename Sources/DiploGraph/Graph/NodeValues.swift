/// One value per node of a slice graph, indexed by ``NodeIndex``: a result the library computes
/// node by node, such as a brokerage role's counts (``Brokerage/subscript(_:)``).
///
/// ```swift
/// let liaisons = brokerage[.liaison]
/// for node in liaisons.indices where liaisons[node] > 0 {
///     print(slice.entity(at: node).flatMap { network.entity(at: $0)?.label } ?? "", liaisons[node])
/// }
/// ```
///
/// Its indices are the graph's nodes, `0..<nodeCount`; like an array, it traps on an index out
/// of range, and ``value(at:)`` returns `nil` there instead.
public struct NodeValues<Value: Sendable>: Sendable, RandomAccessCollection {
    /// The values in node order.
    package let values: [Value]

    /// The values `values`, the one of node `v` at position `v`.
    package init(_ values: [Value]) { self.values = values }

    /// The first node.
    public var startIndex: NodeIndex { NodeIndex(unchecked: 0) }

    /// One past the last node.
    public var endIndex: NodeIndex { NodeIndex(unchecked: Int32(values.count)) }

    /// The value of `node`.
    /// - Precondition: `node` is a node of the graph (below ``endIndex``).
    /// - Complexity: O(1).
    /// - Parameter node: a node of the graph.
    public subscript(node: NodeIndex) -> Value { values[node.position] }

    /// The value of `node`, or `nil` when `node` is not a node of the graph.
    /// - Complexity: O(1).
    /// - Parameter node: any node index.
    public func value(at node: NodeIndex) -> Value? {
        node.position < values.count ? values[node.position] : nil
    }

    /// The node after `node`.
    public func index(after node: NodeIndex) -> NodeIndex { NodeIndex(unchecked: node.value + 1) }

    /// The node before `node`.
    public func index(before node: NodeIndex) -> NodeIndex { NodeIndex(unchecked: node.value - 1) }

    /// The node `distance` nodes from `node`.
    public func index(_ node: NodeIndex, offsetBy distance: Int) -> NodeIndex {
        NodeIndex(unchecked: Int32(node.position + distance))
    }

    /// The number of nodes from `start` to `end`.
    public func distance(from start: NodeIndex, to end: NodeIndex) -> Int { end.position - start.position }
}

extension NodeValues: Equatable where Value: Equatable {}
