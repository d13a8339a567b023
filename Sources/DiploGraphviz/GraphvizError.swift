import CGraphviz
import Foundation
import Synchronization
import DiploGraphDiagram
import DiploGraph

/// A failure inside Graphviz, with Graphviz's own message.
public enum GraphvizError: DiploGraphError, Equatable {
    /// The layout engines or renderers DiploGraphviz uses are not installed or not registered.
    case missingPlugins(String)
    /// The DOT text did not parse.
    case syntax(String)
    /// Layout failed or reported an error.
    case layout(String)
    /// Rendering failed or reported an error.
    case render(String)

    /// ``/DiploGraph/ErrorReason/graphviz``.
    public var errorReason: ErrorReason { .graphviz }

    /// The message for people: what failed, then Graphviz's own message.
    public var description: String {
        switch self {
        case .missingPlugins(let message): "Graphviz: \(message)"
        case .syntax(let message): "Graphviz could not parse the DOT: \(message)"
        case .layout(let message): "Graphviz layout failed: \(message)"
        case .render(let message): "Graphviz rendering failed: \(message)"
        }
    }
}
