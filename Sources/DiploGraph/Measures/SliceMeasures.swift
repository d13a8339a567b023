/// Measures computed on one slice of a network, addressable by measure and by node, entity or
/// entity id: what ``SlicedNetwork/measures(_:in:pathLength:)`` returns.
///
/// ```swift
/// let values = try network.measures([.brokerage, .betweenness], in: slice)
/// let brokerage = try values[.brokerage, actor: "moon-jae-in"]
/// ```
public struct SliceMeasures: Sendable {
    /// The slice the values belong to.
    public let slice: Slice
    /// The measures, in the order asked for (each once).
    public var measures: [Measure] { table.measures }
    /// The values by measure (in ``measures`` order), then node.
    public let table: MeasureTable
    private let network: SlicedNetwork

    init(table: MeasureTable, network: SlicedNetwork, slice: Slice) {
        self.slice = slice
        self.table = table
        self.network = network
    }

    /// Problems worth telling the user (a measure that did not converge, path lengths too
    /// long to sum); their cells are empty.
    public var warnings: [LibraryMessage] { table.warnings }

    /// The values of `measure`, or `nil` when it was not computed.
    /// - Complexity: O(*m*) for *m* measures computed.
    /// - Parameter measure: one of ``measures``.
    public func column(_ measure: Measure) -> MeasureColumn? {
        guard let index = measures.firstIndex(of: measure) else { return nil }
        return MeasureColumn(measure: measure, values: table.columns[index], network: network, slice: slice)
    }

    /// The value of `measure` at the slice's node `node`; `nil` when the cell is empty, the
    /// measure was not computed or `node` is not a node of the slice.
    /// - Complexity: O(*m*) for *m* measures computed.
    /// - Parameters:
    ///   - measure: one of ``measures``.
    ///   - node: a node of the slice (its position in ``Slice/nodes``).
    public subscript(measure: Measure, node node: NodeIndex) -> Double? {
        column(measure)?[node: node]
    }

    /// The value of `measure` for `entity`; `nil` when the cell is empty, the measure was not
    /// computed or the entity is not a node of the slice.
    /// - Complexity: O(*m* + log *n*) for *m* measures computed and *n* nodes.
    /// - Parameters:
    ///   - measure: one of ``measures``.
    ///   - entity: an entity of the network.
    public subscript(measure: Measure, entity entity: EntityIndex) -> Double? {
        column(measure)?[entity: entity]
    }

    /// The value of `measure` for the entity with id `id` (an actor id, or a group name when
    /// actors are merged); `nil` when the cell is empty, the measure was not computed or the
    /// entity is not a node of the slice.
    /// - Throws: ``UnknownIDError`` when the network has no entity with that id.
    /// - Complexity: O(*m* + log *n*) expected for *m* measures computed and *n* nodes.
    /// - Parameters:
    ///   - measure: one of ``measures``.
    ///   - id: an actor id, or a group name when actors are merged.
    public subscript(measure: Measure, actor id: String) -> Double? {
        get throws(UnknownIDError) { self[measure, entity: try network.entityIndex(of: id)] }
    }

    /// Every measure's value for the entity with id `id`, in ``measures`` order, or `nil` when
    /// the entity is not a node of the slice.
    /// - Throws: ``UnknownIDError`` when the network has no entity with that id.
    /// - Complexity: O(*m* + log *n*) expected for *m* measures and *n* nodes.
    /// - Parameter id: an actor id, or a group name when actors are merged.
    public subscript(actor id: String) -> [Double?]? {
        get throws(UnknownIDError) {
            guard let node = slice.node(of: try network.entityIndex(of: id)) else { return nil }
            return table.columns.map { $0[node.position] }
        }
    }
}

extension SlicedNetwork {
    /// Computes `measures` on `slice`, with the slice's groups (for the Gould–Fernandez roles)
    /// and events (for `mediation`); each measure's paper is cited on the ``SliceGraph`` method
    /// that computes it.
    ///
    /// - Parameters:
    ///   - measures: the measures to compute (a repeated one is computed once).
    ///   - slice: one of this network's slices.
    ///   - pathLength: path length for betweenness, closeness and harmonic.
    /// - Returns: the values, addressable by node, entity or id.
    /// - Throws: ``ValueError`` when `slice` is not one of this network's slices.
    /// - Complexity: that of the measures asked for; O(*n* *m*) for betweenness on a slice of
    ///   *n* nodes and *m* edges.
    public func measures(_ measures: [Measure], in slice: Slice, pathLength: PathLength = .hops) throws(ValueError) -> SliceMeasures {
        try checkOwns(slice)
        var unique: [Measure] = []
        for measure in measures where !unique.contains(measure) { unique.append(measure) }
        let table = MeasureTable(network: self, slice: slice, measures: unique, pathLength: pathLength)
        return SliceMeasures(table: table, network: self, slice: slice)
    }

    /// One measure of one entity in every slice, in time order: the series a chart of an
    /// actor's brokerage per year plots.
    ///
    /// ```swift
    /// let moon = try network.entityIndex(of: "moon-jae-in")
    /// for (slice, brokerage) in try network.series(of: .brokerage, for: moon) { print(slice.label, brokerage ?? 0) }
    /// ```
    /// - Parameters:
    ///   - measure: the measure.
    ///   - entity: an entity of this network.
    ///   - pathLength: path length for betweenness, closeness and harmonic.
    /// - Returns: one `(slice, value)` per slice, in ``slices`` order; the value is `nil` where
    ///   the entity is not a node of the slice or its cell is empty.
    /// - Throws: ``ValueError`` when `entity` is not an entity of this network.
    /// - Complexity: the measure's cost on every slice the entity is a node of.
    public func series(of measure: Measure, for entity: EntityIndex, pathLength: PathLength = .hops) throws(ValueError) -> [(slice: Slice, value: Double?)] {
        guard entity.position < entities.count else {
            throw ValueError("entity index \(entity) is out of range (\(entities.count) entities)")
        }
        return slices.map { slice in
            guard let node = slice.node(of: entity) else { return (slice, nil) }
            let table = MeasureTable(network: self, slice: slice, measures: [measure], pathLength: pathLength)
            return (slice, table.columns[0][node.position])
        }
    }

    /// The same log sliced with `options` into this network's slices (labels and periods), so
    /// that the two series line up slice by slice: another selection of kinds, say, or actors
    /// merged into groups (``mergingGroups()``).
    ///
    /// - Parameter options: the new options; their slicing must count periods in this network's unit.
    /// - Returns: a network with one slice per slice of this one (empty where no selected event falls).
    /// - Throws: ``InputProblems`` as ``Slicer/slice(_:options:alignedWith:)``.
    /// - Complexity: that of ``Slicer/slice(_:options:)``.
    public func resliced(with options: SliceOptions) throws(InputProblems) -> SlicedNetwork {
        try Slicer.slice(log, options: options, alignedWith: self)
    }

    /// This network with actors merged into their groups, in the same slices and with the same
    /// other options: who brokers between sides rather than between people.
    ///
    /// - Returns: a network whose entities are the groups, one slice per slice of this one.
    /// - Throws: ``InputProblems`` when a relay is no relay between groups (its sides in one
    ///   group, its mediator's group on a side), naming its line.
    /// - Complexity: that of ``Slicer/slice(_:options:)``.
    public func mergingGroups() throws(InputProblems) -> SlicedNetwork {
        var options = self.options
        options.mergesGroups = true
        return try resliced(with: options)
    }

}
