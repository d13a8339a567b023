/// The choices that turn an event log into slice graphs.
public struct SliceOptions: Sendable {
    /// How time is cut.
    public var slicing: Slicing = .calendar(.year)
    /// The ids of the kinds to keep, with the kinds of ``layers``; `nil` keeps every kind unless
    /// ``layers`` names some.
    public var kinds: Set<String>? = nil
    /// The polarity layers to keep (every kind of each), with ``kinds``.
    public var layers: Set<KindLayer> = []
    /// Whether ties keep their direction.
    public var isDirected = true
    /// Which entities are nodes of each slice.
    public var roster: Roster = .active
    /// Whether actors are merged into their groups before aggregation.
    public var mergesGroups = false

    /// The most nodes summed over all slices (the rows of a centrality table) that slicing
    /// builds: the roster `all` over many slices, or long windows, would otherwise allocate
    /// until the process dies (120,000 monthly slices × 200 actors are 24 million rows).
    /// Calendar slices of active actors stay below three nodes per event and are not limited.
    public static let maximumNodeRows = 5_000_000

    /// Options for ``Slicer/slice(_:options:)``; the defaults are yearly, all kinds, directed,
    /// active actors.
    ///
    /// - Parameters:
    ///   - slicing: how time is cut.
    ///   - kinds: the ids of the kinds to keep, or `nil`.
    ///   - layers: polarity layers to keep besides `kinds`; with `kinds == nil` and no layers,
    ///     every kind is kept.
    ///   - isDirected: whether ties keep their direction.
    ///   - roster: which entities are nodes of each slice.
    ///   - mergesGroups: whether nodes are groups rather than actors.
    /// - Complexity: O(1).
    public init(slicing: Slicing = .calendar(.year), kinds: Set<String>? = nil, layers: Set<KindLayer> = [], isDirected: Bool = true,
                roster: Roster = .active, mergesGroups: Bool = false) {
        self.slicing = slicing
        self.kinds = kinds
        self.layers = layers
        self.isDirected = isDirected
        self.roster = roster
        self.mergesGroups = mergesGroups
    }

    /// Which kinds of `table` these options keep, by kind index, and the ids of ``kinds`` that
    /// `table` lacks, sorted.
    /// - Complexity: O(*k* + *s* log *s*) for *k* kinds and *s* selected ids.
    package func selectedKinds(in table: KindTable) -> (isSelected: [Bool], unknown: [String]) {
        if kinds == nil && layers.isEmpty { return ([Bool](repeating: true, count: table.count), []) }
        var isSelected = [Bool](repeating: false, count: table.count)
        var unknown: [String] = []
        for id in (kinds ?? []).sorted() {
            if let index = table.index(of: id) { isSelected[index.position] = true } else { unknown.append(id) }
        }
        for (i, kind) in table.kinds.enumerated() where layers.contains(where: { $0.polarity == kind.polarity }) {
            isSelected[i] = true
        }
        return (isSelected, unknown)
    }
}
