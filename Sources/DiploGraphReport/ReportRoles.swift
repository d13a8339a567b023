import DiploGraph

extension Report {
    /// The title a report has when the caller names none (the `report` command's default).
    public static let defaultTitle = "DiploGraph report"
}

extension Report.Options {
    /// The network a report's roles are computed over: `network` itself, or its events sliced
    /// again at the other level (actors merged into their groups, or not), so that roles can be
    /// read between groups while the diagrams show actors, or the other way round.
    ///
    /// Pass the result to ``setRoles(in:dyad:third:rule:fragilityDepth:)``, with the dyad and third party
    /// looked up among its entities.
    /// - Parameters:
    ///   - network: the report's network.
    ///   - mergesGroups: whether roles are between groups, or `nil` for the level of `network`.
    /// - Returns: `network`, or the same events and options sliced with `mergesGroups`.
    /// - Throws: ``/DiploGraph/InputProblems`` as ``/DiploGraph/Slicer/slice(_:options:)`` does
    ///   at the other level (a relay whose sides are one group, say).
    /// - Complexity: O(1) at the level of `network`; else that of slicing its events again.
    public static func rolesNetwork(for network: SlicedNetwork, mergesGroups: Bool?) throws(InputProblems) -> SlicedNetwork {
        guard let mergesGroups, mergesGroups != network.options.mergesGroups else { return network }
        var options = network.options
        options.mergesGroups = mergesGroups
        return try Slicer.slice(network.log, options: options)
    }
}
