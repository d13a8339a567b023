import DiploGraphText

/// One figure DiploGraph draws: a slice's diagram or the grid of all slices.
public enum DiagramFigure: Sendable, Hashable, CustomStringConvertible {
    /// The diagram of the slice with this label.
    case slice(String)
    /// Every slice side by side (small multiples).
    case grid

    /// `slice 2018` or `grid`, for messages.
    public var description: String {
        switch self {
        case .slice(let label): "slice \(label)"
        case .grid: "grid"
        }
    }
}
