import CGraphviz
import Foundation
import Synchronization
import DiploGraphDiagram

/// An output format of libgvc's renderers.
public enum OutputFormat: String, Sendable, CaseIterable {
    /// SVG, PNG and PDF, by the renderers Graphviz registers under those names (cairo's for PNG
    /// and PDF in the usual installations).
    case svg, png, pdf
}
