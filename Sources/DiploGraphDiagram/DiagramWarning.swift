import DiploGraphText

/// Something a user should know about diagrams that were drawn all the same: returned as a
/// value, for the caller to show or act on.
public enum DiagramWarning: Sendable, Equatable, CustomStringConvertible {
    /// Some slices' edges are drawn as straight lines: routing curves around that many nodes
    /// would take seconds per slice (``DiagramWriter/splineBudget``).
    ///
    /// - `slices`: the labels of those slices, in order; `total`: how many slices there are.
    case straightEdges(slices: [String], total: Int)
    /// The figure does not fit the width at its label sizes and is scaled down as a whole.
    ///
    /// - `grid`: whether it is the grid of all slices; `neededWidth`: the width in points the
    ///   figure needs at `labelSize` (points); `width`: the width asked for; `scaledLabelSize`:
    ///   the label size in points after scaling down.
    case scaledDown(grid: Bool, neededWidth: Double, labelSize: Double, width: PrintWidth, scaledLabelSize: Double)
    /// Graphviz warned while drawing `figure` (e.g. `slice 2018`, `grid`); each message once.
    case graphviz(figure: String, messages: [String])

    /// The warning in words, naming no command-line options.
    public var description: String {
        switch self {
        case let .straightEdges(slices, total):
            let names = slices.prefix(5).joined(separator: ", ") + (slices.count > 5 ? ", …" : "")
            return "edges drawn straight in \(slices.count) of \(total) slices (\(names)): routing curves around that many nodes would take seconds per slice"
        case let .scaledDown(grid, needed, label, width, scaled):
            return "\(grid ? "the grid" : "the diagrams") need \(NumberFormat.measure(needed / 72)) in for \(NumberFormat.measure(label)) pt labels; "
                + "at a width of \(width) labels are \(NumberFormat.measure(scaled)) pt. Draw wider, draw groups instead of actors, or draw fewer kinds of tie."
        case let .graphviz(figure, messages):
            return "Graphviz, \(figure): \(messages.joined(separator: "; "))"
        }
    }
}
