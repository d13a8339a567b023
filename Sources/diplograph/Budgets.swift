import DiploGraph
import DiploGraphIO

/// Limits on what `render` and `report` write, checked after slicing and before any diagram
/// is laid out, so that a run that could not finish stops at once with the numbers.
enum DiagramBudget {
    /// The most diagrams (slices) one run draws: 120,000 monthly slices would take days.
    static let maximumDiagrams = 2_000
    /// The most bytes of diagrams one run writes, estimated from nodes and ties.
    static let maximumBytes = 2_000_000_000

    /// A rough upper estimate of the SVG bytes of `network`'s diagrams: a fixed part per
    /// diagram (header, legend), per node (shape, label, tooltip) and per tie (path, tooltip
    /// with up to six notes of at most ``DiagramWriter/tooltipNoteLimit`` characters).
    static func estimatedBytes(of network: SlicedNetwork) -> Int {
        var total = 0
        for slice in network.slices {
            total += 4_000 + 900 * slice.nodes.count + (1_200 + 6 * DiagramWriter.tooltipNoteLimit / 4) * slice.graph.edgeCount
        }
        return total
    }

    /// Throws when `network` has more slices or larger diagrams than the limits allow.
    static func check(_ network: SlicedNetwork, command: String) throws {
        let count = network.slices.count
        if count > maximumDiagrams {
            throw UserError("\(command): \(count) slices would make \(count) diagrams, over the limit of \(maximumDiagrams) "
                            + "(use a coarser --slice, or --kinds; `centrality` has no such limit)")
        }
        let bytes = estimatedBytes(of: network)
        if bytes > maximumBytes {
            throw UserError("\(command): the diagrams would take about \(bytes / 1_000_000) MB, over the limit of \(maximumBytes / 1_000_000) MB "
                            + "(use --by group, --kinds or a coarser --slice)")
        }
    }
}
