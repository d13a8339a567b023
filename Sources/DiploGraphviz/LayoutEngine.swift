import CGraphviz
import Foundation
import Synchronization
import DiploGraphDiagram

/// A Graphviz layout engine DiploGraph drives through libgvc.
public enum LayoutEngine: String, Sendable, CaseIterable {
    /// Graphviz's engines of those names: `dot` hierarchical layers, `neato` stress
    /// majorisation, `fdp` and `sfdp` force-directed placement (`sfdp` multiscale, for large
    /// graphs), `circo` circular layout.
    case dot, neato, fdp, sfdp, circo
    /// Keeps the positions given in `pos` (Graphviz's `neato -n`), routing only the edges.
    case pinned = "nop2"
}
