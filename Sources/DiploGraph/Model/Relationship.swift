/// An unordered pair of two different actors: the relationship an act bears on.
///
/// Stored as two actor indices with `first < second`, so that `A|B` and `B|A` are equal.
public struct Relationship: Sendable, Hashable {
    /// The smaller of the two actor indices.
    public let first: ActorIndex
    /// The larger of the two actor indices.
    public let second: ActorIndex

    /// The relationship between actors `a` and `b`, in either order.
    /// - Throws: ``ValueError`` when `a` and `b` are the same actor.
    /// - Complexity: O(1).
    /// - Parameters:
    ///   - a: one side.
    ///   - b: the other side.
    public init(_ a: ActorIndex, _ b: ActorIndex) throws(ValueError) {
        guard a != b else { throw ValueError("a relationship needs two different actors (both \(a))") }
        (first, second) = a < b ? (a, b) : (b, a)
    }

    /// Whether `actor` is one of the two sides.
    /// - Complexity: O(1).
    /// - Parameter actor: an actor index.
    public func contains(_ actor: ActorIndex) -> Bool { actor == first || actor == second }

    /// The side that is not `actor`, or `nil` when `actor` is not a side.
    /// - Complexity: O(1).
    /// - Parameter actor: one of the sides.
    public func otherSide(than actor: ActorIndex) -> ActorIndex? {
        guard contains(actor) else { return nil }
        return actor == first ? second : first
    }
}
