/// One value per position of an index space, indexed by its ``TypedIndex``: a result the
/// library computes node by node (``NodeValues``, such as a brokerage role's counts,
/// ``Brokerage/subscript(_:)``) or entity by entity (``EntityValues``, such as
/// ``TemporalReach/reachedCounts(reading:)``).
///
/// ```swift
/// let liaisons = brokerage[.liaison]
/// for node in liaisons.indices where liaisons[node] > 0 {
///     print(slice.entity(at: node).flatMap { network.entity(at: $0)?.label } ?? "", liaisons[node])
/// }
/// ```
///
/// Its indices are the space's positions from 0 (a graph's nodes, `0..<nodeCount`; a network's
/// entities); like an array, it traps on an index out of range, and ``value(at:)`` returns `nil`
/// there instead.
public struct IndexedValues<Subject, Value: Sendable>: Sendable, RandomAccessCollection {
    /// The values in index order.
    package let values: [Value]

    /// The values `values`, the one of index `i` at position `i`.
    package init(_ values: [Value]) { self.values = values }

    /// The first index.
    public var startIndex: TypedIndex<Subject> { TypedIndex(unchecked: 0) }

    /// One past the last index.
    public var endIndex: TypedIndex<Subject> { TypedIndex(unchecked: Int32(values.count)) }

    /// The value at `index`.
    /// - Precondition: `index` is below ``endIndex``.
    /// - Complexity: O(1).
    /// - Parameter index: a node of the graph, or an entity of the network.
    public subscript(index: TypedIndex<Subject>) -> Value { values[index.position] }

    /// The value at `index`, or `nil` when `index` is not below ``endIndex``.
    /// - Complexity: O(1).
    /// - Parameter index: any index of the space.
    public func value(at index: TypedIndex<Subject>) -> Value? {
        index.position < values.count ? values[index.position] : nil
    }

    /// The index after `index`.
    /// - Parameter index: an index below ``endIndex``.
    public func index(after index: TypedIndex<Subject>) -> TypedIndex<Subject> { TypedIndex(unchecked: index.value + 1) }

    /// The index before `index`.
    /// - Parameter index: an index above ``startIndex``.
    public func index(before index: TypedIndex<Subject>) -> TypedIndex<Subject> { TypedIndex(unchecked: index.value - 1) }

    /// The index `distance` positions from `index`.
    /// - Parameters:
    ///   - index: a valid index.
    ///   - distance: how far to move; the result stays in `startIndex...endIndex`.
    public func index(_ index: TypedIndex<Subject>, offsetBy distance: Int) -> TypedIndex<Subject> {
        TypedIndex(unchecked: Int32(index.position + distance))
    }

    /// The number of positions from `start` to `end`.
    /// - Parameters:
    ///   - start: a valid index.
    ///   - end: a valid index.
    public func distance(from start: TypedIndex<Subject>, to end: TypedIndex<Subject>) -> Int { end.position - start.position }
}

extension IndexedValues: Equatable where Value: Equatable {}

/// One value per node of a slice graph, indexed by ``NodeIndex``.
public typealias NodeValues<Value: Sendable> = IndexedValues<Slice, Value>

/// One value per entity of a network, indexed by ``EntityIndex``.
public typealias EntityValues<Value: Sendable> = IndexedValues<Entity, Value>
