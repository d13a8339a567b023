/// One measure's values on one slice, addressable by the slice's node, by entity, or by the
/// entity's id; a collection of its cells, one per node of the slice in node order (which is
/// entity order).
///
/// ```swift
/// if let column = values.column(.betweenness) {
///     for cell in column.top(3) { print(network.entity(at: cell.entity)?.label ?? "", cell.value ?? 0) }
/// }
/// ```
public struct MeasureColumn: Sendable, RandomAccessCollection {
    /// One cell of a column: a node of the slice, its entity and the measure's value there.
    public struct Element: Sendable, Hashable {
        /// The node of the slice's graph.
        public let node: NodeIndex
        /// The entity of that node, in the network's ``SlicedNetwork/entities``.
        public let entity: EntityIndex
        /// The measure's value; `nil` for an empty cell (a measure that did not converge, or is
        /// undefined there).
        public let value: Double?
    }

    /// The measure.
    public let measure: Measure
    /// The value of each node of the slice, indexed like ``Slice/nodes``; `nil` is an empty cell
    /// (a measure that did not converge, or is undefined there).
    public let values: [Double?]
    private let network: SlicedNetwork
    private let slice: Slice

    init(measure: Measure, values: [Double?], network: SlicedNetwork, slice: Slice) {
        self.measure = measure
        self.values = values
        self.network = network
        self.slice = slice
    }

    /// The position of the first cell (0).
    public var startIndex: Int { 0 }
    /// One past the last cell: the slice's node count.
    public var endIndex: Int { values.count }

    /// The cell at `position`, the slice's node at that position.
    /// - Parameter position: a position in `startIndex..<endIndex`.
    /// - Complexity: O(1).
    public subscript(position: Int) -> Element {
        Element(node: NodeIndex(unchecked: Int32(position)), entity: slice.nodes[position], value: values[position])
    }

    /// The cell with the largest value; the first in node order among equal values. Empty cells
    /// (and NaN) are skipped.
    /// - Returns: the cell, or `nil` when every cell is empty.
    /// - Complexity: O(*n*) for the slice's *n* nodes.
    public func max() -> Element? { top(1).first }

    /// The `k` cells with the largest values, largest first; among equal values, in node order
    /// (which is entity order), so that the result is the same on every run. Empty cells (and
    /// NaN) are skipped, so fewer than `k` cells come back when fewer have a value.
    /// - Parameter k: how many cells to return; 0 or more.
    /// - Returns: at most `k` cells, by decreasing value, ties by increasing node.
    /// - Complexity: O(*n* log *n*) for the slice's *n* nodes.
    public func top(_ k: Int) -> [Element] {
        precondition(k >= 0, "top(_:) needs a count of 0 or more, not \(k)")
        let ranked = indices.filter { values[$0].map { !$0.isNaN } ?? false }.sorted { a, b in
            let x = values[a]!, y = values[b]!
            return x != y ? x > y : a < b
        }
        return ranked.prefix(k).map { self[$0] }
    }

    /// The value of the slice's node `node`, or `nil` when the cell is empty or `node` is not a
    /// node of the slice.
    /// - Complexity: O(1).
    /// - Parameter node: a node of the slice (its position in ``Slice/nodes``).
    public subscript(node node: NodeIndex) -> Double? {
        node.position < values.count ? values[node.position] : nil
    }

    /// The value of `entity`, or `nil` when the cell is empty or the entity is not a node of
    /// the slice (inactive in it).
    /// - Complexity: O(log *n*) for the slice's *n* nodes.
    /// - Parameter entity: an entity of the network.
    public subscript(entity entity: EntityIndex) -> Double? {
        slice.node(of: entity).flatMap { self[node: $0] }
    }

    /// The value of the entity with id `id` (an actor id, or a group name when actors are
    /// merged), or `nil` when the cell is empty or the entity is not a node of the slice.
    /// - Throws: ``UnknownIDError`` when the network has no entity with that id.
    /// - Complexity: O(log *n*) expected for the slice's *n* nodes.
    /// - Parameter id: an actor id, or a group name when actors are merged.
    public subscript(actor id: String) -> Double? {
        get throws(UnknownIDError) { self[entity: try network.entityIndex(of: id)] }
    }
}
