import Foundation
import DiploGraph
import DiploGraphText

/// What a diagram shows and how.
public struct DiagramOptions: Sendable {
    /// Shared positions; without them the engine lays each slice out on its own.
    public var layout: DiagramLayout?
    /// Draw the entities absent from the slice, faint, at their places.
    public var showsGhosts = false
    /// The measure that scales node labels (e.g. betweenness), on one scale for all slices.
    public var sizeBy: Measure?
    /// Path length for a path-based `sizeBy` measure.
    public var pathLength: PathLength = .hops
    /// Whether the figures carry a legend (groups, kinds of tie, label sizes).
    public var showsLegend = true
    /// The figure's physical width.
    public var width: PrintWidth = .page
    /// A title drawn above every figure (the slice label goes under it).
    public var title: String?
    /// The largest box of each entity at the grid's typography, as Graphviz measures it
    /// (``DiagramWriter/measuringDOT(typography:sizeScale:)``); estimated when `nil`.
    package var gridSizes: [Size?]?
    /// Pixels per inch of PNG output; `nil` for SVG and PDF.
    public package(set) var rasterDPI: Double?
    /// The `sizeBy` scale; computed by ``DiagramWriter/prepared(_:)`` when `nil`.
    package var sizeScale: SizeScale?

    var single: FittedLayout?
    var grid: (layout: FittedLayout, columns: Int)?
    /// Legends rendered once and composed into every SVG (``DiagramWriter/legendDOT(options:grid:)``);
    /// when `nil` the legend is each figure's own graph label.
    package var composedLegend: ComposedLegend?
    /// The grid's legend, rendered once and composed into the grid's SVG; `nil` as for ``composedLegend``.
    package var composedGridLegend: ComposedLegend?
    /// Whether ``composedGridLegend`` was drawn for the grid's empty cells and fits their
    /// width (``DiagramWriter/gridLegendCell(options:)``): it goes there instead of under the panels.
    package var gridLegendInCell = false
    /// How far, in points, the legend in the grid's empty cells reaches below them (0 when it
    /// fits their height): the canvas grows by that much instead of by the whole legend.
    package var gridLegendOverflow = 0.0

    /// The default options: no shared layout, no ghosts, labels at one size, a legend, the page width.
    /// - Complexity: O(1).
    public init() {}

    /// Options for drawing diagrams.
    ///
    /// - Parameters:
    ///   - layout: shared positions (DiploGraphviz's `DiagramRenderer` computes them);
    ///     `nil` lets the engine lay out each slice on its own.
    ///   - showsGhosts: whether entities absent from a slice are drawn faint at their places.
    ///   - sizeBy: the measure that scales node labels, on one scale for all slices.
    ///   - pathLength: the path length of a path-based `sizeBy` measure.
    ///   - showsLegend: whether the figures carry a legend.
    ///   - width: the figure's physical width.
    ///   - title: a title drawn above every figure.
    ///   - rasterDPI: pixels per inch of PNG output, 1…2400; `nil` for SVG and PDF.
    /// - Throws: ``/DiploGraph/ValueError`` when `rasterDPI` is not finite or outside 1…2400.
    /// - Complexity: O(1).
    public init(layout: DiagramLayout? = nil, showsGhosts: Bool = false, sizeBy: Measure? = nil, pathLength: PathLength = .hops,
                showsLegend: Bool = true, width: PrintWidth = .page, title: String? = nil, rasterDPI: Double? = nil) throws(ValueError) {
        if let rasterDPI, !(rasterDPI.isFinite && (1...2400).contains(rasterDPI)) {
            throw ValueError("a raster resolution of \(rasterDPI) dpi: must be between 1 and 2400")
        }
        self.layout = layout
        self.showsGhosts = showsGhosts
        self.sizeBy = sizeBy
        self.pathLength = pathLength
        self.showsLegend = showsLegend
        self.width = width
        self.title = title
        self.rasterDPI = rasterDPI
    }
}
