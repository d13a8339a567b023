import DiploGraph
import DiploGraphDiagram
import Foundation

/// Draws a sliced network's diagrams through Graphviz, every slice on one shared layout.
///
/// Making one lays out the union of all slices once with the engine chosen, measures every
/// entity's largest box (at the single-slice and the grid typography), fits the layout to the
/// print width, and, for SVG, renders the legends once to compose them into every figure.
/// Each figure is then DOT from ``/DiploGraphDiagram/DiagramWriter`` drawn with pinned positions by libgvc.
///
/// ```swift
/// let log = try DatasetReader.readDataset(events: "graphs/korean-peninsula.events.csv",
///                                         actors: "graphs/korean-peninsula.actors.csv",
///                                         kinds: "graphs/korean-peninsula.kinds.csv")
/// let network = try Slicer.slice(log, options: SliceOptions(slicing: .calendar(.year)))
/// let renderer = try DiagramRenderer(network: network, options: try DiagramOptions(sizeBy: .brokerage))
/// if let slice = network.slice(labelled: "2018"), let svg = try renderer.draw(slice).svg {
///     print(svg)  // `svg` is nil only for PNG and PDF drawings
/// }
/// ```
public struct DiagramRenderer: Sendable {
    /// The DOT writer for the network, which names every node (``/DiploGraphDiagram/DiagramWriter/nodeName(of:)``).
    public let writer: DiagramWriter
    /// The options every figure is drawn with: the caller's, with the shared layout, the
    /// measured grid boxes, the label-size scale and (for SVG) the composed legends filled in.
    public let options: DiagramOptions
    /// The engine of the shared layout.
    public let engine: LayoutEngine
    /// The format of every drawing.
    public let format: OutputFormat
    private let graphviz: Graphviz

    /// Lays out `network`'s slices together, once, for drawing them.
    ///
    /// - Parameters:
    ///   - network: the sliced network to draw.
    ///   - options: what to draw; a `layout` given there is kept instead of computing one.
    ///   - engine: the engine of the shared layout (any but ``LayoutEngine/pinned``).
    ///   - format: the format of every drawing.
    ///   - composesLegend: for SVG, render the legend once and compose it into each figure's
    ///     SVG; when `false` (or for PNG and PDF) each figure's DOT carries its legend.
    ///   - graphviz: the Graphviz owner to draw with.
    ///   - budget: the most seconds the layout and the label-size measure may be estimated to
    ///     take (``estimate(network:options:engine:)``).
    /// - Throws: ``DiagramError/tooManyNodes(count:limit:mergesGroups:groupCount:)`` before
    ///   any layout for more than ``/DiploGraphDiagram/DiagramWriter/nodeLimit`` entities,
    ///   ``DiagramError/overBudget(_:engine:)`` before any layout estimated over `budget`,
    ///   ``DiagramError/unsupportedEngine(_:)``, ``DiagramError/foreignLayout(placed:entities:)``
    ///   for a layout made for another network, or ``DiagramError/graphviz(_:)``.
    /// - Complexity: Graphviz's layout of the union graph (with `neato`, about O(*n*²) for
    ///   *n* entities), plus two pinned renders.
    public init(network: SlicedNetwork, options: DiagramOptions = DiagramOptions(), engine: LayoutEngine = .neato,
                format: OutputFormat = .svg, composesLegend: Bool = true, graphviz: Graphviz = .shared,
                budget: Double = WorkBudget.defaultSeconds) throws(DiagramError) {
        let writer = DiagramWriter(network: network)
        let drawn = writer.drawnEntities
        guard drawn.count <= DiagramWriter.nodeLimit else {
            throw .tooManyNodes(count: drawn.count, limit: DiagramWriter.nodeLimit, mergesGroups: network.options.mergesGroups,
                                groupCount: Set(network.entities.map(\.group)).count)
        }
        do {
            try WorkBudget.check(Self.estimate(writer: writer, options: options, engine: engine), budget: budget)
        } catch {
            throw .overBudget(error, engine: engine)
        }
        guard engine != .pinned || options.layout != nil else { throw .unsupportedEngine(engine) }
        if let layout = options.layout, layout.positions.count != network.entities.count {
            throw .foreignLayout(placed: layout.positions.count, entities: network.entities.count)
        }
        var options = writer.prepared(options)
        let names = drawn.map(writer.nodeName(of:))
        do throws(GraphvizError) {
            if options.layout == nil {
                let boxes = try graphviz.boxes(dot: writer.unionDOT(sizeScale: options.sizeScale), engine: engine, nodes: names)
                var placed: [EntityIndex: Box] = [:]
                for (entity, box) in zip(drawn, boxes) { placed[entity] = box }
                do {
                    options.layout = try DiagramLayout(entityCount: network.entities.count, boxes: placed)
                } catch {
                    throw GraphvizError.layout("the shared layout has unusable boxes: \(error.message)")
                }
            }
            let gridBoxes = try graphviz.boxes(dot: writer.measuringDOT(typography: .grid, sizeScale: options.sizeScale),
                                               engine: .pinned, nodes: names)
            var gridSizes = [Size?](repeating: nil, count: network.entities.count)
            for (entity, box) in zip(drawn, gridBoxes) { gridSizes[entity.position] = box?.size }
            options.gridSizes = gridSizes
            if format == .png && options.rasterDPI == nil { options.rasterDPI = options.width.isPixels ? 96 : 192 }
            options = writer.prepared(options)
            options.composedLegend = nil
            options.composedGridLegend = nil
            options.gridLegendInCell = false
            options.gridLegendOverflow = 0
            if format == .svg && options.showsLegend && composesLegend {
                // Drawn once, composed into every SVG: no figure lays its legend out again.
                func legend(grid: Bool, cellWidth: Double? = nil, breaksLines: Bool = false) throws(GraphvizError) -> ComposedLegend? {
                    ComposedLegend(svg: try graphviz.render(dot: writer.legendDOT(options: options, grid: grid, cellWidth: cellWidth,
                                                                                  breaksLines: breaksLines),
                                                            engine: .pinned, format: .svg).bytes)
                }
                options.composedLegend = try legend(grid: false)
                // The grid's legend in its empty cells when it fits their width, as it is or with
                // its longer texts broken into lines (the canvas grows by what reaches below the
                // cells), else under the panels.
                options.composedGridLegend = nil
                if let cell = writer.gridLegendCell(options: options) {
                    for breaksLines in [false, true] {
                        guard let inCell = try legend(grid: true, cellWidth: cell.width, breaksLines: breaksLines),
                              inCell.width <= cell.width + 1 else { continue }
                        options.composedGridLegend = inCell
                        options.gridLegendInCell = true
                        options.gridLegendOverflow = max(0, inCell.height - cell.height)
                        break
                    }
                }
                if options.composedGridLegend == nil { options.composedGridLegend = try legend(grid: true) }
            }
        } catch {
            throw .graphviz(error)
        }
        self.writer = writer
        self.options = options
        self.engine = engine
        self.format = format
        self.graphviz = graphviz
    }

    /// Refuses a grid of `network`'s slices that would hold more than ``/DiploGraphDiagram/DiagramWriter/nodeLimit``
    /// nodes, before any layout is made.
    ///
    /// - Parameters:
    ///   - network: the sliced network.
    ///   - showsGhosts: whether absent entities are drawn in every panel.
    /// - Throws: ``DiagramError/gridTooLarge(nodes:panels:limit:)``.
    /// - Complexity: O(*s* + *e*) for *s* slices and *e* entities.
    public static func checkGrid(of network: SlicedNetwork, showsGhosts: Bool) throws(DiagramError) {
        try checkGrid(of: DiagramWriter(network: network), showsGhosts: showsGhosts)
    }

    /// ``checkGrid(of:showsGhosts:)`` with the network's writer at hand.
    private static func checkGrid(of writer: DiagramWriter, showsGhosts: Bool) throws(DiagramError) {
        let nodes = writer.gridNodeCount(showsGhosts: showsGhosts)
        if nodes > DiagramWriter.nodeLimit {
            throw .gridTooLarge(nodes: nodes, panels: writer.network.slices.count, limit: DiagramWriter.nodeLimit)
        }
    }

    /// Whether the grid of all slices fits in one figure (see ``checkGrid(of:showsGhosts:)``).
    /// - Complexity: O(*s*) for *s* slices.
    public var drawsGrid: Bool { writer.gridNodeCount(showsGhosts: options.showsGhosts) <= DiagramWriter.nodeLimit }

    /// Draws `slice` on the shared layout.
    ///
    /// - Parameter slice: a slice of the renderer's network.
    /// - Returns: the drawing, with Graphviz's warnings.
    /// - Throws: ``DiagramError/foreignSlice(label:)`` for a slice of another network, or
    ///   ``DiagramError/graphviz(_:)``.
    /// - Complexity: Graphviz's parse and pinned render of one slice: O(*n* + *m*) for its
    ///   nodes and ties (with curved edges, spline routing is about O(*n*² *m*)).
    public func draw(_ slice: Slice) throws(DiagramError) -> Drawing {
        guard writer.network.owns(slice) else { throw .foreignSlice(label: slice.label) }
        return try draw(.model(writer.graph(forOwn: slice, options: options)), figure: .slice(slice.label))
    }

    /// Draws `slices` one after another, handing each with its drawing to `body` in their order, with
    /// the Swift side of each figure (its graph: layout, labels, edges routed around the boxes)
    /// built on another core while Graphviz draws the figures before it. Graphviz is called
    /// from this thread only, one figure at a time; the drawings are those of
    /// ``draw(_:)``, byte for byte.
    ///
    /// - Parameters:
    ///   - slices: slices of the renderer's network.
    ///   - body: receives each slice and its drawing, in the order of `slices`; its errors end the run.
    /// - Throws: ``/DiploGraph/AnyDiploGraphError`` wrapping ``DiagramError/foreignSlice(label:)``
    ///   (before anything is drawn) or ``DiagramError/graphviz(_:)``, or what `body` throws.
    /// - Complexity: that of ``draw(_:)`` for each slice; the graphs of at most
    ///   twice ``aheadCount`` slices are held at once.
    public func draw(_ slices: [Slice], each body: (Slice, Drawing) throws(AnyDiploGraphError) -> Void) throws(AnyDiploGraphError) {
        if let foreign = slices.first(where: { !self.writer.network.owns($0) }) {
            throw AnyDiploGraphError(DiagramError.foreignSlice(label: foreign.label))
        }
        let writer = self.writer, options = self.options
        let graphs: @Sendable (Range<Int>) -> [DOTGraph] = { range in range.map { writer.graph(forOwn: slices[$0], options: options) } }
        let step = Self.aheadCount
        var ready = graphs(0..<min(step, slices.count))
        var start = 0
        while start < slices.count {
            // The next block's graphs on another core while this block is drawn here.
            let nextRange = min(start + step, slices.count)..<min(start + 2 * step, slices.count)
            let next = ConcurrentResults<[DOTGraph]>(count: 1)
            let building = DispatchGroup()
            if !nextRange.isEmpty { DispatchQueue.global().async(group: building) { next[0] = graphs(nextRange) } }
            do throws(AnyDiploGraphError) {
                for (offset, graph) in ready.enumerated() {
                    let slice = slices[start + offset]
                    try body(slice, try AnyDiploGraphError.wrapping { () throws(DiagramError) in
                        try draw(.model(graph), figure: .slice(slice.label))
                    })
                }
            } catch {
                building.wait()
                throw error
            }
            building.wait()
            ready = next[0] ?? []
            start += step
        }
    }

    /// How many slices' graphs ``draw(_:each:)`` builds ahead of the one Graphviz draws.
    public static let aheadCount = 8

    /// Draws every slice side by side in one figure (small multiples), with one legend.
    ///
    /// - Returns: the drawing, with Graphviz's warnings.
    /// - Throws: ``DiagramError/gridTooLarge(nodes:panels:limit:)`` or ``DiagramError/graphviz(_:)``.
    /// - Complexity: O(*N* + *M*) for the nodes and ties of all slices.
    public func drawGrid() throws(DiagramError) -> Drawing {
        try Self.checkGrid(of: writer, showsGhosts: options.showsGhosts)
        return try draw(.model(writer.gridGraph(checked: options)), figure: .grid)
    }

    /// Draws DOT that ``writer`` wrote with ``options`` (for callers that assemble figures
    /// themselves, such as the report), composing the legend for SVG.
    ///
    /// - Parameters:
    ///   - dot: the figure's DOT, positions pinned.
    ///   - figure: which figure it is (the grid gets the grid's legend).
    /// - Returns: the drawing, with Graphviz's warnings.
    /// - Throws: ``DiagramError/graphviz(_:)``.
    /// - Complexity: Graphviz's parse and pinned render of `dot`.
    public func draw(dot: String, figure: DiagramFigure) throws(DiagramError) -> Drawing {
        try draw(.text(dot), figure: figure)
    }

    /// Draws a graph that ``writer`` made with ``options`` (``/DiploGraphDiagram/DiagramWriter/graph(for:options:)``,
    /// ``/DiploGraphDiagram/DiagramWriter/gridGraph(options:)``), built in Graphviz without DOT text, composing the
    /// legend for SVG.
    ///
    /// - Parameters:
    ///   - graph: the figure's graph, positions pinned.
    ///   - figure: which figure it is (the grid gets the grid's legend).
    /// - Returns: the drawing, with Graphviz's warnings: the same as ``draw(dot:figure:)``'s of
    ///   `graph.dot`.
    /// - Throws: ``DiagramError/graphviz(_:)``.
    /// - Complexity: Graphviz's pinned render of `graph`.
    public func draw(_ graph: DOTGraph, figure: DiagramFigure) throws(DiagramError) -> Drawing {
        try draw(.model(graph), figure: figure)
    }

    /// A figure as DOT text or as statements.
    private enum Figure {
        case text(String)
        case model(DOTGraph)
    }

    private func draw(_ source: Figure, figure: DiagramFigure) throws(DiagramError) -> Drawing {
        let rendering: Graphviz.Rendering
        do {
            switch source {
            case .text(let dot): rendering = try graphviz.render(dot: dot, engine: .pinned, format: format)
            case .model(let graph): rendering = try graphviz.render(graph: graph, engine: .pinned, format: format)
            }
        } catch {
            throw .graphviz(error)
        }
        var bytes = rendering.bytes
        if format == .png, let dpi = options.rasterDPI { bytes = PNGResolution.setting(dpi, in: bytes) }
        if format == .svg, let legend = writer.composedLegend(options: options, grid: figure == .grid) {
            let cell = figure == .grid && options.gridLegendInCell ? writer.gridLegendCell(options: options) : nil
            bytes = legend.composed(into: bytes, at: cell.map { ($0.x, $0.y) })
        }
        if format == .svg { bytes = writer.accessibleSVG(bytes, figure: figure, options: options) }
        let warnings = rendering.warnings.isEmpty ? [] : [DiagramWarning.graphviz(figure: figure.description, messages: rendering.warnings)]
        return Drawing(figure: figure, format: format, bytes: bytes, warnings: warnings)
    }

    /// A slice's DOT as a whole figure, legend included (for drawing with `neato -n`).
    ///
    /// - Parameter slice: a slice of the renderer's network.
    /// - Returns: the DOT text.
    /// - Throws: ``DiagramError/foreignSlice(label:)`` for a slice of another network.
    /// - Complexity: O(*n* + *m*) for the slice's nodes and ties.
    public func dot(for slice: Slice) throws(DiagramError) -> String {
        guard writer.network.owns(slice) else { throw .foreignSlice(label: slice.label) }
        return writer.dot(forOwn: slice, options: standaloneOptions)
    }

    /// The grid's DOT as a whole figure, legend included.
    /// - Complexity: O(*N* + *M*) for the nodes and ties of all slices.
    public func gridDOT() -> String { writer.gridGraph(checked: standaloneOptions).dot }

    /// ``options`` without composed legends: each figure's DOT carries its legend.
    public var standaloneOptions: DiagramOptions {
        var standalone = options
        standalone.composedLegend = nil
        standalone.composedGridLegend = nil
        standalone.gridLegendInCell = false
        standalone.gridLegendOverflow = 0
        return standalone
    }

    /// The warning that some slices' edges are drawn straight, or `nil` when none are.
    /// - Complexity: O(*M*) over the ties of all slices.
    public var straightEdgesWarning: DiagramWarning? {
        let slices = writer.network.slices
        let straight = slices.filter { writer.routesStraight($0, options: options) }
        return straight.isEmpty ? nil : .straightEdges(slices: straight.map(\.label), total: slices.count)
    }

    /// The warning that the figures are scaled down below their label sizes, or `nil` when they fit.
    /// - Parameter grid: whether it is about the grid rather than the slices' diagrams.
    /// - Complexity: O(1).
    public func legibilityWarning(grid: Bool) -> DiagramWarning? { writer.legibilityWarning(checked: options, grid: grid) }
}
