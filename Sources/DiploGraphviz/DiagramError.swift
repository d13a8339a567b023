import DiploGraph
import DiploGraphDiagram

/// Why diagrams could not be drawn.
public enum DiagramError: DiploGraphError, Equatable {
    /// More entities to draw than one figure holds (``/DiploGraphDiagram/DiagramWriter/nodeLimit``): Graphviz
    /// would take minutes or crash. `groupCount` is the number of groups the entities form,
    /// `mergesGroups` whether the entities already are groups.
    case tooManyNodes(count: Int, limit: Int, mergesGroups: Bool, groupCount: Int)
    /// The grid of all slices would hold more nodes than one figure holds.
    case gridTooLarge(nodes: Int, panels: Int, limit: Int)
    /// The shared layout cannot be computed by this engine (``LayoutEngine/pinned`` only keeps
    /// positions it is given).
    case unsupportedEngine(LayoutEngine)
    /// Graphviz failed, with its message.
    case graphviz(GraphvizError)
    /// The slice is not one of the renderer's network's slices (its indices are another
    /// network's), so it cannot be drawn on this layout.
    case foreignSlice(label: String)
    /// The layout given in the options places `placed` entities, but the network has
    /// `entities`: it was made for another network.
    case foreignLayout(placed: Int, entities: Int)
    /// The shared layout (and the label-size measure) would take longer than the budget
    /// allows: refused before Graphviz starts.
    case overBudget(WorkBudget.Exceeded, engine: LayoutEngine)

    /// ``/DiploGraph/ErrorReason/budgetExceeded`` for a network past a limit or the budget,
    /// ``/DiploGraph/ErrorReason/unsupported`` for an engine without shared layouts,
    /// ``/DiploGraph/ErrorReason/graphviz`` for Graphviz's failures and
    /// ``/DiploGraph/ErrorReason/invalidValue`` for a slice or a layout of another network.
    public var errorReason: ErrorReason {
        switch self {
        case .tooManyNodes, .gridTooLarge, .overBudget: .budgetExceeded
        case .unsupportedEngine: .unsupported
        case .graphviz: .graphviz
        case .foreignSlice, .foreignLayout: .invalidValue
        }
    }

    /// The error in words, naming no command-line options.
    public var description: String {
        switch self {
        case let .tooManyNodes(count, limit, mergesGroups, groupCount):
            return "\(count) \(mergesGroups ? "groups" : "actors") to draw: diagrams hold at most \(limit) nodes (Graphviz takes minutes or crashes beyond). "
                + (mergesGroups ? "Draw fewer kinds or shorter periods." : "Draw groups instead of actors (\(groupCount) groups), or fewer kinds.")
        case let .gridTooLarge(nodes, panels, limit):
            return "the grid would hold \(nodes) nodes in \(panels) panels: one figure holds at most \(limit) nodes. Use longer slices, groups or fewer kinds."
        case let .unsupportedEngine(engine):
            return "the engine \(engine.rawValue) cannot compute a shared layout: it keeps given positions"
        case let .graphviz(error):
            return error.description
        case let .foreignSlice(label):
            return "slice '\(label)' is not a slice of the network the diagrams were laid out for"
        case let .foreignLayout(placed, entities):
            return "the layout places \(placed) entities, but the network has \(entities): a layout is made for one network"
        case let .overBudget(exceeded, engine):
            return "the diagrams \(exceeded): use another engine than \(engine.rawValue), groups, fewer kinds, or a larger budget"
        }
    }
}
