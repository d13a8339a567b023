/// One time slice: its label, its nodes and its aggregated graph.
///
/// Two slices are equal when they are the same slice of the same network: the same network,
/// label, periods, nodes, graph and events (a slice of another network is never equal to it).
public struct Slice: Sendable, Equatable {
    /// `2018`, `2018-Q2`, `2018-03`, `2017..2018` or `all`.
    public let label: String
    /// The calendar periods it covers.
    public let periods: Range<Int>
    /// `nodes[i]` is the entity of the graph's node `i`, in increasing entity order.
    public let nodes: [EntityIndex]
    /// The aggregated graph, indexed like `nodes`.
    public let graph: SliceGraph
    /// The indices in the event log of the selected events in this slice, in file order
    /// (``EventLog/event(at:)`` reads each).
    public let eventIndices: [EventIndex]
    /// The network that made the slice (``SlicedNetwork``'s token), so that a network can
    /// refuse another network's slice, whose indices are not its own.
    package internal(set) var owner: SlicedNetwork.Token = .none

    package init(label: String, periods: Range<Int>, nodes: [EntityIndex], graph: SliceGraph, eventIndices: [EventIndex]) {
        self.label = label
        self.periods = periods
        self.nodes = nodes
        self.graph = graph
        self.eventIndices = eventIndices
    }

    /// The graph's node for `entity`, or `nil` when the entity is not a node of this slice.
    /// - Complexity: O(log *n*) for *n* nodes (``nodes`` is sorted).
    /// - Parameter entity: an entity of the network the slice belongs to.
    public func node(of entity: EntityIndex) -> NodeIndex? {
        var low = 0, high = nodes.count
        while low < high {
            let mid = (low + high) / 2
            if nodes[mid] < entity { low = mid + 1 } else { high = mid }
        }
        return low < nodes.count && nodes[low] == entity ? NodeIndex(unchecked: Int32(low)) : nil
    }

    /// The entity of the graph's node `node`, or `nil` when `node` is not below the node count.
    /// - Complexity: O(1).
    /// - Parameter node: a node of the slice's graph.
    public func entity(at node: NodeIndex) -> EntityIndex? {
        node.position < nodes.count ? nodes[node.position] : nil
    }

    /// The graph's nodes, `0..<graph.nodeCount`, as typed indices.
    /// - Complexity: O(1) (a lazy collection).
    public var nodeIndices: LazyMapSequence<Range<Int>, NodeIndex> {
        (0..<nodes.count).lazy.map { NodeIndex(unchecked: Int32($0)) }
    }
}
