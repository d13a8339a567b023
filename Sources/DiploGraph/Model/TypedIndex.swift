/// A position in one of DiploGraph's tables, typed by what it indexes, so that an actor's index
/// cannot be passed where a kind's, an entity's or a slice-local node's is meant.
///
/// Six index spaces meet in a sliced network:
/// - ``ActorIndex``: an actor in the log's ``ActorTable``;
/// - ``KindIndex``: a kind in the log's ``KindTable``;
/// - ``EventIndex``: an event in the log's ``EventLog/events`` (read it with
///   ``EventLog/event(at:)``);
/// - ``GroupIndex``: a group of the network's entities in ``SlicedNetwork/groups``;
/// - ``EntityIndex``: a node identity shared by all slices (an actor, or a group when actors are
///   merged) in ``SlicedNetwork/entities``;
/// - ``NodeIndex``: a node of one slice's graph, `0..<graph.nodeCount`.
///
/// They are all 32-bit positions; only the phantom `Subject` tells them apart, at compile time,
/// at no cost at run time. Get them from the tables (``ActorTable/index(of:)``,
/// ``KindTable/index(of:)``), from a network or slice, or make one with ``init(_:)``.
///
/// An index does not know which table it came from. Out of range, it is refused (lookups
/// return `nil` or throw ``ValueError``); in range but taken from another log or network (the
/// same file sliced by groups, say), it names whatever stands at that position there. Keep
/// indices with the network they came from, and cross between networks by id
/// (``SlicedNetwork/entityIndex(of:)``). Slices do know their network: passing one to another
/// network is refused.
public struct TypedIndex<Subject>: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The position, `0..<Int32.max`, as stored: the package's inner loops read it; a program
    /// reads ``position``.
    @usableFromInline package let value: Int32

    /// The index at `position`.
    /// - Throws: ``ValueError`` when `position` is negative or not below `Int32.max`.
    /// - Complexity: O(1).
    /// - Parameter position: the 0-based position.
    public init(_ position: Int) throws(ValueError) {
        guard position >= 0, position < Int(Int32.max) else {
            throw ValueError("index \(position): must be in 0..<\(Int32.max)")
        }
        value = Int32(position)
    }

    /// An index known to be in range (the readers' and the slicer's).
    @inlinable package init(unchecked value: Int32) { self.value = value }

    /// The position as an `Int`, for indexing the arrays the library returns by position:
    /// ``Slice/nodes`` and ``MeasureTable/columns`` by ``NodeIndex``, ``SlicedNetwork/entities``
    /// by ``EntityIndex``, ``EventLog/events`` by ``EventIndex``, ``SlicedNetwork/groups`` by
    /// ``GroupIndex``.
    ///
    /// Prefer the typed lookups, which check the range: ``Slice/entity(at:)``,
    /// ``SlicedNetwork/entity(at:)``, ``EventLog/event(at:)``, ``SlicedNetwork/group(at:)``,
    /// ``MeasureColumn``'s subscripts and ``Brokerage``'s subscript by role.
    @inlinable public var position: Int { Int(value) }

    /// Whether `lhs` comes before `rhs` in their table.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.value < rhs.value }

    /// The position, in decimal.
    public var description: String { String(value) }
}

/// The index of an actor in its log's ``ActorTable``.
public typealias ActorIndex = TypedIndex<Actor>
/// The index of a kind in its log's ``KindTable``.
public typealias KindIndex = TypedIndex<Kind>
/// The index of an entity (an actor, or a merged group) in ``SlicedNetwork/entities``, the same
/// in every slice.
public typealias EntityIndex = TypedIndex<Entity>
/// The index of an event in its ``EventLog``, in file order; ``EventLog/event(at:)`` reads it.
public typealias EventIndex = TypedIndex<Event>
/// The index of a group in ``SlicedNetwork/groups``, the same in every slice;
/// ``SlicedNetwork/group(at:)`` names it.
public typealias GroupIndex = TypedIndex<Entity.Group>
/// The index of a node in one slice's graph, `0..<graph.nodeCount`; the same entity has different
/// node indices in different slices.
public typealias NodeIndex = TypedIndex<Slice>

extension Int {
    /// The position of `index`, for the package's inner loops; outside the package, a typed
    /// index is read through ``TypedIndex/position``.
    /// - Complexity: O(1).
    /// - Parameter index: a typed index.
    @inlinable package init<Subject>(_ index: TypedIndex<Subject>) { self = index.position }
}
