/// A node identity across slices: an actor, or a group when actors are merged.
public struct Entity: Sendable, Hashable {
    /// The actor id, or the group name when actors are merged.
    public var id: String
    /// What tables and diagrams show.
    public var label: String
    /// The group, for colours and brokerage roles (a merged group is its own group).
    public var group: String
    /// What figures show where space is tight (the grid), when the actors file gives it.
    public var shortLabel: String? = nil
}

extension Entity {
    /// The space of ``GroupIndex``: a group is named by the ``Entity/group`` of its entities and
    /// listed in ``SlicedNetwork/groups``; this type has no values and only tells group indices
    /// apart from other indices at compile time.
    public enum Group {}
}
