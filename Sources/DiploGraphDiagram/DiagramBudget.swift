import DiploGraph

/// Limits on the diagrams one run draws and writes, checked after slicing and before any
/// diagram is laid out, so that a run that could not finish stops at once with the numbers.
///
/// Drawing every slice of a network (`Report.write(network:options:to:render:)`, or one
/// figure per slice) takes time and space in proportion to the slices and their size:
/// 120,000 monthly slices would take days and fill a disk. ``check(_:)`` refuses networks
/// past ``maximumDiagrams`` diagrams or an estimated ``maximumBytes`` of SVG.
public enum DiagramBudget {
    /// The most diagrams (slices) one run draws.
    public static let maximumDiagrams = 2_000
    /// The most bytes of diagrams one run writes, estimated from nodes and ties.
    public static let maximumBytes = 2_000_000_000

    /// Why a network's diagrams are over budget.
    public enum Exceeded: DiploGraphError, Equatable {
        /// `slices` diagrams, more than ``DiagramBudget/maximumDiagrams``.
        case tooManyDiagrams(slices: Int)
        /// About `bytes` of diagrams, more than ``DiagramBudget/maximumBytes``.
        case tooManyBytes(bytes: Int)

        /// ``/DiploGraph/ErrorReason/budgetExceeded``.
        public var errorReason: ErrorReason { .budgetExceeded }

        /// The numbers and the limit, e.g. `9999 slices would make 9999 diagrams, over the limit of 2000`.
        public var description: String {
            switch self {
            case .tooManyDiagrams(let slices):
                "\(slices) slices would make \(slices) diagrams, over the limit of \(DiagramBudget.maximumDiagrams)"
            case .tooManyBytes(let bytes):
                "the diagrams would take about \(bytes / 1_000_000) MB, over the limit of \(DiagramBudget.maximumBytes / 1_000_000) MB"
            }
        }
    }

    /// A rough upper estimate of the SVG bytes of `network`'s diagrams: a fixed part per
    /// diagram (header, legend), per node (shape, label, tooltip) and per tie (path, tooltip
    /// with up to six notes of at most ``DiagramWriter/tooltipNoteLimit`` characters).
    /// - Complexity: O(*s*) for *s* slices.
    /// - Parameter network: the sliced events.
    /// - Returns: the estimate, in bytes.
    public static func estimatedBytes(of network: SlicedNetwork) -> Int {
        var total = 0
        for slice in network.slices {
            total += 4_000 + 900 * slice.nodes.count + (1_200 + 6 * DiagramWriter.tooltipNoteLimit / 4) * slice.graph.edgeCount
        }
        return total
    }

    /// Checks that `network`'s diagrams are within the limits.
    /// - Throws: ``Exceeded`` when `network` has more slices, or larger diagrams, than the limits allow.
    /// - Complexity: O(*s*) for *s* slices.
    /// - Parameter network: the sliced events.
    public static func check(_ network: SlicedNetwork) throws(Exceeded) {
        let count = network.slices.count
        if count > maximumDiagrams { throw .tooManyDiagrams(slices: count) }
        let bytes = estimatedBytes(of: network)
        if bytes > maximumBytes { throw .tooManyBytes(bytes: bytes) }
    }
}
