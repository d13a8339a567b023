import Foundation
import DiploGraph
import DiploGraphText

/// Writes slices as DOT: nodes coloured by group, edges styled by kind, a legend and a title.
///
/// User text reaches the DOT only through ``/DiploGraphText/Escape/dotString(_:)`` (labels),
/// ``/DiploGraphText/Escape/dotEscString(_:)`` (tooltips) and ``/DiploGraphText/Escape/html(_:)`` (the HTML-like legend and
/// titles); node ids are generated (`n0`, `n1`, … by entity index), colours come from a
/// fixed palette or from validated `#rrggbb` values, styles from a closed set.
///
/// The legend is the graph's HTML-like label under the drawing, so that it is no obstacle
/// for edge routing (twenty legend nodes made every slice take a second).
public struct DiagramWriter: Sendable {
    /// The sliced events the writer draws.
    public let network: SlicedNetwork
    /// The groups the legend names, in order of first appearance, each with its colour; with
    /// more than ``maximumGroupColors`` groups, the largest keep colours and the rest share
    /// ``otherGroupsColor`` under one legend entry.
    public let groupColors: [(group: String, color: String)]
    /// How many groups share the "other groups" colour (0 when every group has its own).
    public let otherGroupCount: Int
    private let colorOfGroup: [String: String]
    private let shapeOfGroup: [String: String]
    /// The kinds that occur in the network's slices.
    public let kindsUsed: [Kind]
    /// The kinds the legend names, in declaration order: every kind used, or, with more than
    /// ``maximumLegendKinds``, the ones with the most events and one entry for the rest.
    public let legendKinds: [Kind]
    /// How many kinds the legend counts under one entry instead of naming (0 when it names all).
    public let otherKindCount: Int
    /// Whether some slice has a relay, whose first leg the legend then explains.
    public let hasRelayLegs: Bool
    /// The line pattern of each kind used, by kind id: each kind its own where there are enough.
    private let patternOfKind: [String: LinePattern]

    /// The line patterns edges are drawn in: width is left to the summed weight alone.
    enum LinePattern: CaseIterable {
        case solid, dashed, dotted, double, doubleDashed, doubleDotted

        /// The pattern a kind's declared style asks for (`bold`, which would mean width, asks
        /// for a double dashed line).
        init(_ style: Kind.LineStyle) {
            switch style {
            case .solid: self = .solid
            case .dashed: self = .dashed
            case .dotted: self = .dotted
            case .double: self = .double
            case .bold: self = .doubleDashed
            }
        }

        /// Graphviz's `style` for the pattern's strokes.
        var stroke: String {
            switch self {
            case .solid, .double: "solid"
            case .dashed, .doubleDashed: "dashed"
            case .dotted, .doubleDotted: "dotted"
            }
        }

        /// Whether the pattern is two parallel lines.
        var isDouble: Bool { self == .double || self == .doubleDashed || self == .doubleDotted }
    }

    /// The most characters of a note an edge's tooltip shows (the full note stays in the CSV
    /// and JSON output): Graphviz's lexer takes minutes over a note of megabytes.
    public static let tooltipNoteLimit = 500

    /// Fills for black labels that stay apart in greyscale: the first four (boxes) have CIE L*
    /// 49, 67, 83 and 100, the next four (ovals) 46, 64, 79 and 97, so that any two groups of
    /// one shape differ by at least 15 in lightness (blue, orange, yellow, white; purple, teal,
    /// light blue, cream: hues that colour-blind readers tell apart too).
    public static let palette = ["#4477aa", "#ee8866", "#eecc66", "#ffffff", "#aa4499", "#44aa99", "#88ccee", "#fdf4e3"]
    /// The node shape of each palette entry: a second shape where the fills' lightness repeats.
    public static let paletteShapes = ["box", "box", "box", "box", "ellipse", "ellipse", "ellipse", "ellipse"]
    /// The shape of the groups beyond ``maximumGroupColors``.
    public static let otherGroupsShape = "octagon"
    /// The most groups with a colour of their own (the palette's size): with more groups, the
    /// seven largest keep theirs and the rest share ``otherGroupsColor``.
    public static let maximumGroupColors = 8
    /// How many entities some slice draws.
    public var drawnEntityCount: Int { drawnEntities.count }
    /// The light grey fill of the groups beyond ``maximumGroupColors``, under one legend entry.
    public static let otherGroupsColor = "#dddddd"
    /// The most kinds the legend names: with more, the ones with the most events keep their
    /// entries and the rest are counted in one (Graphviz lays out an HTML table in time growing
    /// with the square of its rows: 4,000 kinds took 16 s, all in the legend).
    public static let maximumLegendKinds = 12
    /// The most ties of different kinds drawn between one pair: with more, the pair gets one
    /// edge labelled with the number of kinds (thousands of parallel edges fan out far past
    /// the page).
    public static let maximumParallelKinds = 6
    /// The colour of an edge that stands for the ties of many kinds between one pair.
    public static let manyKindsColor = "#777777"

    /// The most nodes one figure may hold: above it `render` and `report` stop before calling
    /// Graphviz (laying out 2,000 nodes takes Graphviz tens of seconds; 5,000 crashed it).
    public static let nodeLimit = 2_500
    /// Spline routing costs about (nodes² × edges) / 600,000 s (measured: 30 nodes and 60
    /// edges 0.09 s, 100 and 200 2.9 s, 200 and 400 27 s): above this product edges are straight.
    public static let splineBudget = 20_000.0

    /// A writer for `network`: assigns the group colours and finds the kinds and relays the
    /// legend explains.
    /// - Parameter network: the sliced events to draw.
    /// - Complexity: O(*e* + *E*) for *e* entities and the *E* events of all slices.
    public init(network: SlicedNetwork) {
        self.network = network
        var order: [String] = []
        var members: [String: Int] = [:]
        for entity in network.entities {
            if members[entity.group] == nil { order.append(entity.group) }
            members[entity.group, default: 0] += 1
        }
        var colored = order
        var others = 0
        if order.count > Self.maximumGroupColors {
            let kept = Set(order.enumerated().sorted { (members[$0.element]!, -$0.offset) > (members[$1.element]!, -$1.offset) }
                .prefix(Self.maximumGroupColors - 1).map(\.element))
            colored = order.filter(kept.contains)
            others = order.count - colored.count
        }
        var colorOfGroup: [String: String] = [:]
        var shapeOfGroup: [String: String] = [:]
        var groups: [(String, String)] = []
        for (index, group) in colored.enumerated() {
            colorOfGroup[group] = Self.palette[index % Self.palette.count]
            shapeOfGroup[group] = Self.paletteShapes[index % Self.paletteShapes.count]
            groups.append((group, Self.palette[index % Self.palette.count]))
        }
        self.groupColors = groups
        self.otherGroupCount = others
        self.colorOfGroup = colorOfGroup
        var eventsOfKind = [Int](repeating: 0, count: network.log.kinds.count)
        self.shapeOfGroup = shapeOfGroup
        var hasRelayLegs = false
        for slice in network.slices {
            for index in slice.eventIndices {
                let event = network.log.events[Int(index)]
                eventsOfKind[Int(event.kind)] += 1
                if !hasRelayLegs && network.relayOrigin(of: event) != nil { hasRelayLegs = true }
            }
        }
        let used = eventsOfKind.indices.filter { eventsOfKind[$0] > 0 }
        self.kindsUsed = used.map { network.log.kinds[KindIndex(unchecked: Int32($0))] }
        if used.count > Self.maximumLegendKinds {
            let kept = Set(used.sorted { (eventsOfKind[$0], -$0) > (eventsOfKind[$1], -$1) }.prefix(Self.maximumLegendKinds - 1))
            self.legendKinds = used.filter(kept.contains).map { network.log.kinds[KindIndex(unchecked: Int32($0))] }
            self.otherKindCount = used.count - kept.count
        } else {
            self.legendKinds = kindsUsed
            self.otherKindCount = 0
        }
        self.hasRelayLegs = hasRelayLegs
        // Each kind its declared pattern, unless an earlier kind has it: then the next free one.
        var patterns: [String: LinePattern] = [:]
        var taken = Set<LinePattern>()
        for kind in kindsUsed {
            var pattern = LinePattern(kind.style)
            if taken.contains(pattern), let free = LinePattern.allCases.first(where: { !taken.contains($0) }) { pattern = free }
            taken.insert(pattern)
            patterns[kind.id] = pattern
        }
        self.patternOfKind = patterns
        self.drawnEntities = network.entitiesInAnySlice()
    }

    private func color(of group: String) -> String { colorOfGroup[group] ?? Self.otherGroupsColor }

    /// The node shape of `group`'s actors: the shape of its palette entry, or
    /// ``otherGroupsShape`` for the groups that share the "other groups" fill.
    /// - Parameter group: a group of the network's entities.
    /// - Returns: a Graphviz shape name (`box`, `ellipse` or `octagon`).
    /// - Complexity: O(1) on average.
    public func shape(of group: String) -> String { shapeOfGroup[group] ?? Self.otherGroupsShape }

    /// The node shape of entity `entity` as a DOT attribute, left out for boxes (the default).
    private func shapeAttribute(_ entity: Int) -> [DOTAttribute] {
        let shape = shape(of: network.entities[entity].group)
        return shape == "box" ? [] : [.identifier("shape", shape)]
    }

    // MARK: - Preparation

    /// The entities drawn in some slice, in entity order (all of them get a place in the
    /// shared layout): ``/DiploGraph/SlicedNetwork/entitiesInAnySlice()``, found once.
    public let drawnEntities: [EntityIndex]

    /// The name of `entity`'s node in every DOT graph this writer writes (`n` and its
    /// position: generated, so that no user text reaches a node id). Look nodes up in
    /// Graphviz's results by this name; names are never parsed back into entities.
    ///
    /// - Parameter entity: an entity of ``network``.
    /// - Returns: the node's DOT id.
    /// - Complexity: O(1).
    public func nodeName(of entity: EntityIndex) -> String { "n\(entity.value)" }

    /// ``nodeName(of:)`` of the entity at raw position `entity`.
    private func name(_ entity: Int32) -> String { nodeName(of: EntityIndex(unchecked: entity)) }
    /// ``nodeName(of:)``, for the slices' typed nodes and ties.
    private func name(_ entity: EntityIndex) -> String { nodeName(of: entity) }

    /// The nodes of the grid figure: every slice's nodes (and absent ones with ghosts).
    /// - Parameter showsGhosts: whether absent entities are drawn faint in every panel.
    /// - Returns: every drawn entity once per slice with ghosts, else the sum of the slices' node counts.
    /// - Complexity: O(1) with ghosts, else O(*s*) for *s* slices.
    package func gridNodeCount(showsGhosts: Bool) -> Int {
        showsGhosts ? drawnEntityCount * network.slices.count : network.slices.reduce(0) { $0 + $1.nodes.count }
    }

    /// `options` with the label-size scale and the layouts fitted to the print width filled in.
    /// - Parameter options: the options as given.
    /// - Returns: `options` with ``DiagramOptions/sizeScale`` computed for ``DiagramOptions/sizeBy``
    ///   (unless it already is) and the layout's sizes fitted.
    /// - Complexity: that of ``SizeScale/init(network:measure:pathLength:)`` when the scale is
    ///   computed, plus O(*e*) for *e* entities.
    package func prepared(_ options: DiagramOptions) -> DiagramOptions {
        var options = options
        if let measure = options.sizeBy, options.sizeScale?.measure != measure {
            options.sizeScale = SizeScale(network: network, measure: measure, pathLength: options.pathLength)
        }
        guard let layout = options.layout else { return options }
        if options.single == nil {
            let sizes = layout.sizes.enumerated().map { index, size in
                size ?? estimatedSize(Int32(index), typography: .single, scale: options.sizeScale)
            }
            let width = drawingWidth(options.width)
            options.single = FittedLayout(layout: layout, sizes: sizes, width: width, maxHeight: 1.3 * width, gap: Self.gap)
        }
        if options.grid == nil {
            let sizes = (options.gridSizes ?? []).count == layout.sizes.count ? options.gridSizes! : layout.sizes.indices.map {
                estimatedSize(Int32($0), typography: .grid, scale: options.sizeScale)
            }
            let count = network.slices.count
            // The fewest columns (at most three) whose figure fits the width and stays within a
            // page's height (1.35 widths): wider panels leave edges room to pass between boxes.
            // When none does, the number of columns that gives the shortest figure.
            var chosen: (layout: FittedLayout, columns: Int)?
            var roomiest: (layout: FittedLayout, columns: Int)?
            var shortest = Double.infinity
            for columns in stride(from: min(3, max(count, 1)), through: 1, by: -1) {
                let panelWidth = (drawingWidth(options.width) - Double(columns - 1) * Self.panelGap) / Double(columns)
                let fit = FittedLayout(layout: layout, sizes: sizes, width: panelWidth, maxHeight: 0.9 * panelWidth, gap: Self.gap)
                let rows = Double((count + columns - 1) / columns)
                let height = rows * (fit.height + DiagramTypography.grid.subtitle * 1.3 + Self.panelGap) * (fit.fits ? 1 : 1e6)
                if height < shortest * 0.97 { (shortest, chosen) = (height, (fit, columns)) }
                if fit.fits && height <= 1.35 * options.width.points { roomiest = (fit, columns) }
            }
            options.grid = roomiest ?? chosen
        }
        return options
    }

    /// The width left for the drawing inside the canvas margins.
    private func drawingWidth(_ width: PrintWidth) -> Double { width.points - 2 * Self.margin }

    static let margin = 6.0
    /// Space kept between boxes: more than twice Graphviz's `esep` margin around obstacles
    /// (touching obstacles make it give up spline routing).
    static let gap = 6.0
    static let panelGap = 14.0

    /// A box size from the label's length, for layouts whose sizes Graphviz did not measure.
    private func estimatedSize(_ entity: Int32, typography: DiagramTypography, scale: SizeScale?) -> Size {
        var lines = labelLines(shownLabel(Int(entity), typography: typography), typography: typography)
        if scale != nil { lines[lines.count - 1] += " (000)" }
        let font = typography.label
        let longest = Double(lines.map(\.count).max() ?? 1)
        return Size(unchecked: longest * font * 0.62 + 8, Double(lines.count) * font * 1.2 + 5)
    }

    /// A label as the lines it is drawn in: long labels break at the space nearest their middle
    /// where the typography wraps.
    func labelLines(_ label: String, typography: DiagramTypography) -> [String] {
        guard typography.wrapsLabels, label.count > 14, !label.contains("\n") else { return [label] }
        let characters = Array(label)
        let middle = characters.count / 2
        let spaces = characters.indices.filter { characters[$0] == " " && $0 > 0 && $0 < characters.count - 1 }
        guard let split = spaces.min(by: { abs($0 - middle) < abs($1 - middle) }) else { return [label] }
        return [String(characters[..<split]), String(characters[(split + 1)...])]
    }

    /// The label entity `entity` shows at `typography`: its short label where space is tight
    /// (the grid, whose typography wraps labels) when the actors file gives one.
    private func shownLabel(_ entity: Int, typography: DiagramTypography) -> String {
        let entity = network.entities[entity]
        return typography.wrapsLabels ? (entity.shortLabel ?? entity.label) : entity.label
    }

    private func dotLabel(_ label: String, typography: DiagramTypography, number: String? = nil) -> String {
        var lines = labelLines(label, typography: typography)
        if let number { lines[lines.count - 1] += " (" + number + ")" }
        return lines.map(Escape.dotStringValue).joined(separator: "\\n")
    }

    /// The number beside a label: a whole number for counts, else two decimals.
    private func numberText(_ value: Double, scale: SizeScale) -> String {
        scale.isCount && abs(value) < 1e15 ? String(Int64(value.rounded())) : format(value)
    }

    /// The widest number each entity shows beside its label in any slice (for measuring boxes),
    /// by entity position; `nil` without a scale.
    /// - Complexity: O(*e* + *N*) for *e* entities and *N* nodes over all slices.
    private func widestNumbers(scale: SizeScale?) -> [String?] {
        var widest = [String?](repeating: nil, count: network.entities.count)
        guard let scale else { return widest }
        for slice in network.slices {
            for (local, node) in slice.nodes.enumerated() {
                let text = numberText(scale.value(local, in: slice), scale: scale)
                if text.count > (widest[node.position]?.count ?? -1) { widest[node.position] = text }
            }
        }
        return widest
    }

    /// The graph over every entity of every slice with all their ties, for a shared layout.
    ///
    /// Each node carries the label at the largest size it takes in any slice, so that the
    /// engine (and ``DiagramWriter``'s fitting) keeps room for its largest box.
    /// - Complexity: O(*e* + *M*) for *e* entities and the ties *M* of all slices.
    /// - Parameter sizeScale: the label-size scale, or `nil` for labels of one size.
    /// - Returns: DOT text of an undirected graph, one edge per linked pair.
    package func unionDOT(sizeScale: SizeScale? = nil) -> String {
        let drawn = drawnEntities
        var graph = DOTGraph(unchecked: "union", isDirected: false)
        // Graphviz's overlap removal is slow on large graphs; DiploGraph's own scaling separates boxes there.
        if drawn.count <= 300 { graph.attributes = [.identifier("overlap", "false"), .string("sep", "+4")] }
        graph.attributes += [.identifier("splines", "false"), .identifier("start", "1"), .identifier("outputorder", "edgesfirst")]
        graph.nodeDefaults = nodeDefaultAttributes
        let numbers = widestNumbers(scale: sizeScale)
        for node in drawn {
            graph.statements.append(.node(DOTNode(unchecked: nodeName(of: node), attributes: [
                .string("label", dotLabel(network.entities[node.position].label, typography: .single, number: numbers[node.position])),
                .identifier("fontsize", format(DiagramTypography.single.label))]
                + shapeAttribute(node.position))))
        }
        var pairs = Set<UInt64>()
        for slice in network.slices {
            for u in 0..<slice.graph.nodeCount {
                for v in slice.graph.successors(of: u) {
                    let a = slice.nodes[u], b = slice.nodes[Int(v)]
                    let key = UInt64(UInt32(min(a, b).value)) << 32 | UInt64(UInt32(max(a, b).value))
                    if pairs.insert(key).inserted {
                        graph.statements.append(.edge(DOTEdge(unchecked: name(min(a, b)), head: name(max(a, b)), attributes: [])))
                    }
                }
            }
        }
        return graph.dot
    }

    /// Every drawn entity's largest node at `typography`, all pinned at one point: lay it out
    /// with the pinned engine to measure the boxes (``DiagramOptions/gridSizes``).
    /// - Complexity: O(*e* × *s*) for *e* entities and *s* slices with a size scale, else O(*e*).
    /// - Parameters:
    ///   - typography: the figure's font sizes.
    ///   - sizeScale: the label-size scale, or `nil` for labels of one size.
    /// - Returns: DOT text with one pinned node per drawn entity.
    package func measuringDOT(typography: DiagramTypography, sizeScale: SizeScale?) -> String {
        var graph = DOTGraph(unchecked: "measure", isDirected: false)
        graph.attributes = [.identifier("notranslate", "true"), .identifier("splines", "false")]
        graph.nodeDefaults = nodeDefaultAttributes
        let numbers = widestNumbers(scale: sizeScale)
        for node in drawnEntities {
            graph.statements.append(.node(DOTNode(unchecked: nodeName(of: node), attributes: [
                .string("label", dotLabel(shownLabel(node.position, typography: typography), typography: typography, number: numbers[node.position])),
                .identifier("fontsize", format(typography.label)), .string("pos", "0,0!")] + shapeAttribute(node.position))))
        }
        return graph.dot
    }

    // MARK: - One slice

    /// Whether `slice`'s diagram routes its edges straight (too many nodes and edges for splines).
    /// - Parameters:
    ///   - slice: a slice of the network.
    ///   - options: the diagram's options (ghosts add nodes).
    /// - Returns: `true` when nodes² × edges exceeds ``splineBudget``.
    /// - Complexity: O(*t*) for the *t* typed ties of the slice.
    package func routesStraight(_ slice: Slice, options: DiagramOptions) -> Bool {
        routesStraight(slice, options: options, edgeCount: drawnTies(of: slice).count)
    }

    private func routesStraight(_ slice: Slice, options: DiagramOptions, edgeCount: Int) -> Bool {
        let ghosts = options.showsGhosts && options.layout != nil ? drawnEntityCount - slice.nodes.count : 0
        let nodes = Double(slice.nodes.count + ghosts + 3)
        return nodes * nodes * Double(edgeCount) > Self.splineBudget
    }

    /// The DOT of one slice: ``graph(for:options:)`` as text.
    ///
    /// - Parameters:
    ///   - slice: a slice of ``network``.
    ///   - options: what to draw.
    /// - Returns: the DOT text.
    /// - Throws: ``/DiploGraph/ValueError`` when `slice` is not a slice of ``network``.
    /// - Complexity: O(*n* + *m*) for the slice's nodes and ties (O(*e*) with ghosts).
    public func dot(for slice: Slice, options: DiagramOptions = DiagramOptions()) throws(ValueError) -> String {
        try graph(for: slice, options: options).dot
    }

    /// ``dot(for:options:)`` of a slice known to be ``network``'s.
    package func dot(forOwn slice: Slice, options: DiagramOptions = DiagramOptions()) -> String {
        graph(forOwn: slice, options: options).dot
    }

    /// One slice's graph, as DOT statements.
    ///
    /// With a layout, every node is pinned (`pos="x,y!"`) at the layout's place scaled to the
    /// print width, and two invisible corner points fix the canvas, so that all slices share
    /// positions and size; render such a graph with the `nop` engine. One edge is drawn per pair
    /// and kind, its width growing with the summed weight of that kind's events.
    ///
    /// - Parameters:
    ///   - slice: a slice of ``network``.
    ///   - options: what to draw.
    /// - Returns: the graph; its ``DOTGraph/dot`` is the slice's DOT text.
    /// - Throws: ``/DiploGraph/ValueError`` when `slice` is not a slice of ``network``.
    /// - Complexity: O(*n* + *m*) for the slice's nodes and ties (O(*e*) with ghosts).
    public func graph(for slice: Slice, options: DiagramOptions = DiagramOptions()) throws(ValueError) -> DOTGraph {
        guard network.owns(slice) else { throw ValueError("slice '\(slice.label)' is not a slice of the diagrams' network") }
        try checkLayout(of: options)
        return graph(forOwn: slice, options: options)
    }

    /// Refuses options whose shared layout is not one of ``network``'s: a layout places the
    /// entities by position, so one made for a network of another size would be read past its end.
    /// - Parameter options: the options to draw with.
    /// - Throws: ``/DiploGraph/ValueError`` when ``DiagramOptions/layout`` (or the grid's
    ///   measured sizes) holds another number of entities than ``network``.
    /// - Complexity: O(1).
    public func checkLayout(of options: DiagramOptions) throws(ValueError) {
        let count = network.entities.count
        if let layout = options.layout, layout.positions.count != count {
            throw ValueError("the layout places \(layout.positions.count) entities, but the network has \(count): a layout is made for one network")
        }
        if let sizes = options.gridSizes, options.layout != nil, sizes.count != count {
            throw ValueError("the grid's measured sizes are for \(sizes.count) entities, but the network has \(count)")
        }
    }

    /// ``graph(for:options:)`` of a slice known to be ``network``'s.
    package func graph(forOwn slice: Slice, options: DiagramOptions = DiagramOptions()) -> DOTGraph {
        let options = prepared(options)
        let ties = drawnTies(of: slice)
        let straight = routesStraight(slice, options: options, edgeCount: ties.count)
        var graph = DOTGraph(unchecked: "slice", isDirected: network.options.isDirected)
        graph.attributes = figureAttributes
        if options.layout != nil {
            graph.attributes += [.identifier("notranslate", "true"), .identifier("overlap", "true"), .string("esep", "+2")]
        }
        graph.attributes.append(.identifier("splines", straight ? "line" : "true"))
        if let dpi = options.rasterDPI { graph.attributes.append(.identifier("dpi", format(dpi))) }
        graph.nodeDefaults = nodeDefaultAttributes
        graph.edgeDefaults = [.identifier("arrowsize", "0.5")]
        let typography = DiagramTypography.single
        guard let fitted = options.single else {
            // No shared layout: the engine places the nodes; title and legend share the label.
            graph.attributes.append(.html("label", legendHTML(options: options, typography: typography, width: drawingWidth(options.width),
                                                               heading: (options.title, slice.label))))
            appendBody(to: &graph, slice: slice, ties: ties, options: options, typography: typography, positions: nil, offset: (0, 0), prefix: "")
            return graph
        }
        let canvasWidth = max(drawingWidth(options.width), fitted.width)
        if !fitted.fits { graph.attributes.append(.string("size", "\(format(options.width.points / 72)),1000")) }
        let composed = composedLegend(options: options, grid: false)
        if options.showsLegend && composed == nil {
            graph.attributes.append(.html("label", legendHTML(options: options, typography: typography, width: canvasWidth, heading: nil)))
        }
        let offset = ((canvasWidth - fitted.width) / 2, 0.0)
        appendBody(to: &graph, slice: slice, ties: ties, options: options, typography: typography, positions: fitted.positions, offset: offset, prefix: "",
                   routing: (fitted.sizes, 0.5), bounds: (offset.0, 0, offset.0 + fitted.width, fitted.height))
        // The title block and the canvas corners, identical in every slice.
        let titleHeight = headingHeight(options.title, typography: typography, width: canvasWidth)
        graph.statements.append(.comment("canvas corners, identical in every slice"))
        let top = fitted.height + Self.margin + titleHeight
        let bottom = -Self.margin - (composed.map { $0.height + 2 } ?? 0)
        appendCorners(to: &graph, bottomLeft: (-Self.margin, bottom), topRight: (canvasWidth + Self.margin, top))
        graph.statements.append(.node(DOTNode(unchecked: "title_block", attributes: headingAttributes + [
            .html("label", headingHTML(options.title, slice.label, typography: typography, width: canvasWidth)),
            pin(canvasWidth / 2, fitted.height + Self.margin / 2 + titleHeight / 2)])))
        return graph
    }

    /// The graph attributes every slice and the grid start with.
    private var figureAttributes: [DOTAttribute] {
        [.string("fontname", "Helvetica"), .identifier("outputorder", "edgesfirst"), .identifier("pad", "0"), .identifier("margin", "0"),
         .identifier("labelloc", "b"), .identifier("labeljust", "l")]
    }

    /// Every figure's node defaults. Square corners: Graphviz's rounded boxes cost a fifth of a
    /// slice's drawing time.
    private var nodeDefaultAttributes: [DOTAttribute] {
        [.identifier("shape", "box"), .identifier("style", "filled"), .string("fontname", "Helvetica"), .string("margin", "0.04,0.02"),
         .identifier("width", "0.05"), .identifier("height", "0.05"), .identifier("penwidth", "0.75")]
    }

    /// The first attributes of a heading node (the title block, a panel's title).
    private var headingAttributes: [DOTAttribute] { [.identifier("shape", "plaintext"), .string("style", ""), .identifier("margin", "0")] }

    /// `pos="x,y!"`: a pinned position.
    private func pin(_ x: Double, _ y: Double) -> DOTAttribute { .string("pos", format(x) + "," + format(y) + "!") }

    /// The two invisible points that fix the canvas.
    private func appendCorners(to graph: inout DOTGraph, bottomLeft: (Double, Double), topRight: (Double, Double)) {
        for (name, point) in [("corner_a", bottomLeft), ("corner_b", topRight)] {
            graph.statements.append(.node(DOTNode(unchecked: name, attributes: [
                .identifier("shape", "point"), .identifier("style", "invis"), .identifier("width", "0"), .string("label", ""), pin(point.0, point.1)])))
        }
    }

    /// Nodes and edges of one slice, at `positions` shifted by `offset`, named `prefix`n<entity>.
    private func appendBody(to graph: inout DOTGraph, slice: Slice, ties: [DrawnTie], options: DiagramOptions, typography: DiagramTypography,
                            positions: [Point?]?, offset: (Double, Double), prefix: String,
                            routing: (sizes: [Size?], arrowSize: Double)? = nil,
                            bounds: (minX: Double, minY: Double, maxX: Double, maxY: Double)? = nil) {
        let directed = network.options.isDirected
        graph.statements.reserveCapacity(graph.statements.count + slice.nodes.count + ties.count + 4)
        func append(_ entity: Int, _ attributes: inout [DOTAttribute]) {
            if let point = positions?[entity] { attributes.append(pin(point.x + offset.0, point.y + offset.1)) }
        }
        var isPresent = [Bool](repeating: false, count: network.entities.count)
        // With routing: every drawn box, an obstacle for the edges that do not join it.
        var obstacles: [EdgeRouter.Obstacle] = []
        var obstacleOf = [Int](repeating: -1, count: routing == nil ? 0 : network.entities.count)
        func addObstacle(_ entity: Int) {
            guard let routing, let point = positions?[entity] else { return }
            let size = routing.sizes[entity] ?? Size(unchecked: 60, 16)
            obstacleOf[entity] = obstacles.count
            obstacles.append(EdgeRouter.Obstacle(x: point.x + offset.0, y: point.y + offset.1, halfWidth: size.width / 2,
                                                 halfHeight: size.height / 2, isEllipse: shape(of: network.entities[entity].group) == "ellipse"))
        }
        for (local, node) in slice.nodes.enumerated() {
            isPresent[Int(node)] = true
            addObstacle(Int(node))
            let entity = network.entities[Int(node)]
            var tooltip = "\(entity.label) (\(entity.id), \(entity.group))"
            var number: String?
            if let scale = options.sizeScale {
                let value = scale.value(local, in: slice)
                number = numberText(value, scale: scale)
                tooltip += "; \(scale.measure.rawValue) \(NumberFormat.measure(value))"
            }
            // One label size: the measure is the number beside the name, not the type size.
            var attributes: [DOTAttribute] = [.string("label", dotLabel(shownLabel(Int(node), typography: typography), typography: typography, number: number)),
                                              .string("fillcolor", color(of: entity.group))] + shapeAttribute(Int(node))
            attributes.reserveCapacity(7)
            attributes.append(.identifier("fontsize", format(typography.label)))
            attributes.append(.string("tooltip", Escape.dotEscStringValue(tooltip)))
            append(Int(node), &attributes)
            graph.statements.append(.node(DOTNode(unchecked: prefix + name(node), attributes: attributes)))
        }
        if options.showsGhosts, positions != nil {
            for (index, entity) in network.entities.enumerated() where !isPresent[index] && positions?[index] != nil {
                var attributes: [DOTAttribute] = [
                    .string("label", dotLabel(shownLabel(index, typography: typography), typography: typography)), .identifier("fontsize", format(typography.label)),
                    .identifier("style", "dashed"), .string("color", "#bbbbbb"), .string("fontcolor", "#999999"),
                    .string("tooltip", Escape.dotEscStringValue("\(entity.label): no events in this slice"))] + shapeAttribute(index)
                append(index, &attributes)
                addObstacle(index)
                graph.statements.append(.node(DOTNode(unchecked: prefix + name(Int32(index)), attributes: attributes)))
            }
        }
        // Edges: one per ordered pair (unordered when undirected) and kind; relays' first legs
        // apart from acts, thin, dotted, with a hollow arrowhead.
        let log = network.log
        func aboutText(_ index: EventIndex) -> String? {
            guard let about = log[index].about else { return nil }
            return "about \(log.actors[about.first].label) | \(log.actors[about.second].label)"
        }
        // Routed figures: each edge's path around the boxes, parallel edges of a pair side by side.
        let router = routing.map { _ in EdgeRouter(obstacles: obstacles, bounds: bounds) }
        var lanes: [UInt64: (count: Int, next: Int)] = [:]
        func pairKey(_ tie: TypedTie) -> UInt64 {
            UInt64(UInt32(min(tie.source, tie.target).value)) << 32 | UInt64(UInt32(max(tie.source, tie.target).value))
        }
        if router != nil { for case .tie(let tie) in ties { lanes[pairKey(tie), default: (0, 0)].count += 1 } }
        for drawn in ties {
            let tie: TypedTie
            switch drawn {
            case .tie(let one): tie = one
            case .bundle(let bundle):
                appendBundle(bundle, to: &graph, typography: typography, prefix: prefix)
                continue
            }
            let kind = network.log.kinds[tie.kind]
            let from = network.entities[Int(tie.source)].label, to = network.entities[Int(tie.target)].label
            let events = "\(tie.eventCount) event\(tie.eventCount == 1 ? "" : "s"), weight \(NumberFormat.measure(tie.weight))"
            var tooltip = tie.isRelayLeg
                ? "\(from) \(directed ? "→" : "–") \(to): relay leg of \(kind.label.lowercased()) from the other side, \(events)"
                : "\(from) \(directed ? "→" : "–") \(to): \(kind.label), \(events)"
            for index in tie.events.prefix(6) {
                let note = Escape.truncated(network.log.notes[Int(index)], limit: Self.tooltipNoteLimit)
                let about = aboutText(index)
                if note.isEmpty && about == nil { continue }
                tooltip += "\n• "
                tooltip += note
                if let about { tooltip += (note.isEmpty ? "(" : " (") + about + ")" }
            }
            // A relay's first leg: its kind's line with a hollow arrowhead.
            var attributes = edgeStyle(kind, weight: tie.weight, directed: directed)
            if tie.isRelayLeg && directed { attributes.append(.identifier("arrowhead", "onormal")) }
            if let router, let routing {
                let a = obstacleOf[Int(tie.source)], b = obstacleOf[Int(tie.target)]
                if a >= 0 && b >= 0 && a != b {
                    let key = pairKey(tie)
                    let lane = lanes[key]!
                    lanes[key]!.next += 1
                    let offset = (Double(lane.next) - Double(lane.count - 1) / 2) * 5
                    let arrow = directed && !kind.isSymmetric ? 10 * routing.arrowSize : nil
                    attributes.append(.string("pos", router.pos(from: a, to: b, arrowLength: arrow, lane: offset)))
                }
            }
            attributes.append(.string("tooltip", Escape.dotEscStringValue(tooltip)))
            graph.statements.append(.edge(DOTEdge(unchecked: prefix + name(tie.source), head: prefix + name(tie.target), attributes: attributes)))
        }
    }

    /// What a slice's diagram draws of its ties: each tie, except that the ties of more than
    /// ``maximumParallelKinds`` kinds from one entity to another (relay legs aside) become one
    /// bundle, drawn where the first of them would be.
    private enum DrawnTie {
        case tie(TypedTie)
        case bundle([TypedTie])
    }

    /// The ties of `slice` as its diagram draws them (``DrawnTie``).
    /// - Complexity: O(*t*) expected for the slice's *t* typed ties.
    private func drawnTies(of slice: Slice) -> [DrawnTie] {
        let ties = network.typedTies(inOwn: slice, separatesRelayLegs: true)
        struct Pair: Hashable { let source: EntityIndex, target: EntityIndex }
        var kindsOfPair: [Pair: Int] = [:]
        for tie in ties where !tie.isRelayLeg { kindsOfPair[Pair(source: tie.source, target: tie.target), default: 0] += 1 }
        guard kindsOfPair.values.contains(where: { $0 > Self.maximumParallelKinds }) else { return ties.map { .tie($0) } }
        var bundles: [Pair: [TypedTie]] = [:]
        for tie in ties where !tie.isRelayLeg {
            let pair = Pair(source: tie.source, target: tie.target)
            if kindsOfPair[pair]! > Self.maximumParallelKinds { bundles[pair, default: []].append(tie) }
        }
        var drawn: [DrawnTie] = []
        for tie in ties {
            let pair = Pair(source: tie.source, target: tie.target)
            guard !tie.isRelayLeg, let bundle = bundles[pair] else {
                drawn.append(.tie(tie))
                continue
            }
            // The bundle goes where its first tie was; its other ties are in it.
            if bundle[0] == tie { drawn.append(.bundle(bundle)) }
        }
        return drawn
    }

    /// One edge for the ties of many kinds between one pair: grey, as wide as their summed
    /// weight, labelled with the number of kinds; its tooltip names the kinds with the most events.
    private func appendBundle(_ bundle: [TypedTie], to graph: inout DOTGraph, typography: DiagramTypography, prefix: String) {
        let first = bundle[0]
        let from = network.entities[Int(first.source)].label, to = network.entities[Int(first.target)].label
        let events = bundle.reduce(0) { $0 + $1.eventCount }
        let weight = bundle.reduce(0) { $0 + $1.weight }
        var tooltip = "\(from) \(network.options.isDirected ? "→" : "–") \(to): \(bundle.count) kinds, \(events) event\(events == 1 ? "" : "s"), weight \(NumberFormat.measure(weight))"
        let shown = bundle.enumerated().sorted { ($0.element.eventCount, -$0.offset) > ($1.element.eventCount, -$1.offset) }.prefix(6)
        for (_, tie) in shown {
            tooltip += "\n• \(network.log.kinds[tie.kind].label): \(tie.eventCount) event\(tie.eventCount == 1 ? "" : "s")"
        }
        if bundle.count > shown.count { tooltip += "\n• \(bundle.count - shown.count) other kinds" }
        let attributes: [DOTAttribute] = [
            .string("color", Self.manyKindsColor), .identifier("style", "solid"), .identifier("penwidth", format(Self.penWidth(weight: weight))),
            .string("label", "\(bundle.count) kinds"), .string("fontname", "Helvetica"), .identifier("fontsize", format(typography.legend)),
            .string("fontcolor", "#555555"), .string("tooltip", Escape.dotEscStringValue(tooltip))]
        graph.statements.append(.edge(DOTEdge(unchecked: prefix + name(first.source), head: prefix + name(first.target), attributes: attributes)))
    }

    /// The pen width of an edge of summed weight `weight`.
    /// At least 0.75 pt, so that the thinnest line prints.
    static func penWidth(weight: Double) -> Double { min(4, max(0.75, 0.9 + 0.9 * log2(max(weight, 1e-9)))) }

    /// Colour, pattern and width of a kind's edge: the width says the summed weight and nothing
    /// else, the pattern (``LinePattern``, one per kind) the kind; a symmetric kind (a meeting)
    /// has no arrowhead.
    func edgeStyle(_ kind: Kind, weight: Double, directed: Bool) -> [DOTAttribute] {
        let width = format(Self.penWidth(weight: weight))
        let pattern = patternOfKind[kind.id] ?? LinePattern(kind.style)
        var attributes: [DOTAttribute] = [.string("color", pattern.isDouble ? "\(kind.color):invis:\(kind.color)" : kind.color),
                                          .identifier("style", pattern.stroke), .identifier("penwidth", width)]
        if directed && kind.isSymmetric { attributes.append(.identifier("dir", "none")) }
        return attributes
    }

    // MARK: - Small multiples

    /// The grid of all slices as DOT text: ``gridGraph(options:)``'s ``DOTGraph/dot``.
    ///
    /// - Parameter options: what to draw.
    /// - Returns: the DOT text.
    /// - Throws: ``/DiploGraph/ValueError`` when the options' layout is not one of ``network``'s
    ///   (``checkLayout(of:)``).
    /// - Complexity: O(*N* + *M*) for the nodes and ties of all slices.
    public func gridDOT(options: DiagramOptions) throws(ValueError) -> String { try gridGraph(options: options).dot }

    /// Every slice side by side in one figure on the shared layout (small multiples): panels
    /// titled with their slice label, at most three to a row, one legend for all.
    ///
    /// Edges are straight: spline routing around every panel's nodes at once would cost
    /// seconds. Render it with the `nop` engine. Without a layout the figure is empty.
    ///
    /// - Parameter options: what to draw.
    /// - Returns: the graph.
    /// - Throws: ``/DiploGraph/ValueError`` when the options' layout is not one of ``network``'s
    ///   (``checkLayout(of:)``).
    /// - Complexity: O(*N* + *M*) for the nodes and ties of all slices.
    public func gridGraph(options: DiagramOptions) throws(ValueError) -> DOTGraph {
        try checkLayout(of: options)
        return gridGraph(checked: options)
    }

    /// ``gridGraph(options:)`` with options whose layout is ``network``'s.
    package func gridGraph(checked options: DiagramOptions) -> DOTGraph {
        let options = prepared(options)
        let typography = DiagramTypography.grid
        var graph = DOTGraph(unchecked: "grid", isDirected: network.options.isDirected)
        graph.attributes = figureAttributes + [.identifier("notranslate", "true"), .identifier("overlap", "true"), .identifier("splines", "line")]
        if let dpi = options.rasterDPI { graph.attributes.append(.identifier("dpi", format(dpi))) }
        guard let grid = options.grid else { return graph }
        let fitted = grid.layout
        let columns = grid.columns
        let (panelWidth, canvasWidth, fits) = gridCanvas(grid, width: options.width)
        if !fits { graph.attributes.append(.string("size", "\(format(options.width.points / 72)),1000")) }
        let composed = composedLegend(options: options, grid: true)
        if options.showsLegend && composed == nil {
            graph.attributes.append(.html("label", legendHTML(options: options, typography: typography, width: canvasWidth, heading: nil)))
        }
        graph.nodeDefaults = nodeDefaultAttributes
        graph.edgeDefaults = [.identifier("arrowsize", "0.4")]
        let panelTitle = typography.subtitle * 1.3
        let rowHeight = fitted.height + panelTitle + Self.panelGap
        let rows = (network.slices.count + columns - 1) / columns
        for (k, slice) in network.slices.enumerated() {
            let row = k / columns, column = k % columns
            let left = Double(column) * (panelWidth + Self.panelGap)
            let bottom = Double(rows - 1 - row) * rowHeight
            appendBody(to: &graph, slice: slice, ties: drawnTies(of: slice), options: options,
                       typography: typography, positions: fitted.positions,
                       offset: (left + (panelWidth - fitted.width) / 2, bottom), prefix: "p\(k)_", routing: (fitted.sizes, 0.4),
                       bounds: (left, bottom, left + panelWidth, bottom + fitted.height))
            graph.statements.append(.node(DOTNode(unchecked: "p\(k)_title", attributes: headingAttributes + [
                .html("label", "<b>\(Self.htmlText(slice.label))</b>"), .identifier("fontsize", format(typography.subtitle)),
                pin(left + panelWidth / 2, bottom + fitted.height + panelTitle / 2 + 1)])))
        }
        let top = Double(rows) * rowHeight - Self.panelGap
        let titleHeight = options.title == nil ? 0 : typography.title * 1.4
        let bottom = -Self.margin - (options.gridLegendInCell ? options.gridLegendOverflow : composed.map { $0.height + 2 } ?? 0)
        appendCorners(to: &graph, bottomLeft: (-Self.margin, bottom), topRight: (canvasWidth + Self.margin, top + Self.margin + titleHeight))
        if let title = options.title {
            graph.statements.append(.node(DOTNode(unchecked: "title_block", attributes: headingAttributes + [
                .html("label", headingHTML(title, nil, typography: typography, width: canvasWidth)),
                pin(canvasWidth / 2, top + Self.margin / 2 + titleHeight / 2)])))
        }
        return graph
    }

    /// The grid's panel and canvas widths, and whether the canvas fits the width.
    private func gridCanvas(_ grid: (layout: FittedLayout, columns: Int), width: PrintWidth) -> (panel: Double, canvas: Double, fits: Bool) {
        let columns = Double(grid.columns)
        let panelWidth = max((drawingWidth(width) - (columns - 1) * Self.panelGap) / columns, grid.layout.width)
        let canvasWidth = columns * panelWidth + (columns - 1) * Self.panelGap
        return (panelWidth, canvasWidth, canvasWidth <= drawingWidth(width) * (1 + 1e-9))
    }

    /// The empty cells after the grid's last panel, when there are any: their width and height
    /// and where their top left corner is, in points from the figure's top left corner. The
    /// room counts the gap before the cells and the figure's right margin.
    /// - Parameter options: the options the grid is drawn with (prepared here).
    /// - Returns: the cells' room, or `nil` when every cell holds a panel.
    /// - Complexity: O(1) once `options` is prepared.
    package func gridLegendCell(options: DiagramOptions) -> (width: Double, height: Double, x: Double, y: Double)? {
        let options = prepared(options)
        guard let grid = options.grid else { return nil }
        let count = network.slices.count, columns = grid.columns
        let column = count % columns
        guard column != 0 else { return nil }
        let (panelWidth, _, _) = gridCanvas(grid, width: options.width)
        let typography = DiagramTypography.grid
        let rowHeight = grid.layout.height + typography.subtitle * 1.3 + Self.panelGap
        let rows = Double((count + columns - 1) / columns)
        let top = rows * rowHeight - Self.panelGap + Self.margin + (options.title == nil ? 0 : typography.title * 1.4)
        let left = Double(column) * (panelWidth + Self.panelGap)
        let free = Double(columns - column)
        // The cells, the gap before them and the right margin: a legend of the grid's kinds
        // is often a little wider than one panel.
        return (free * panelWidth + free * Self.panelGap + Self.margin, rowHeight - Self.panelGap + Self.margin,
                left - Self.panelGap + Self.margin, top - (grid.layout.height + typography.subtitle * 1.3))
    }

    /// The legend to compose into a figure's SVG after Graphviz drew it: the options' composed
    /// legend when the figure leaves room for it (it fits the width); `nil` when the figure's
    /// DOT carries its legend itself, or has none.
    ///
    /// - Parameters:
    ///   - options: the options the figure is drawn with.
    ///   - grid: whether the figure is the grid of all slices.
    /// - Returns: the legend to compose, or `nil`.
    /// - Complexity: O(1) once `options` is prepared (``prepared(_:)``).
    package func composedLegend(options: DiagramOptions, grid: Bool) -> ComposedLegend? {
        let options = prepared(options)
        guard options.showsLegend else { return nil }
        if grid {
            guard let layout = options.grid, gridCanvas(layout, width: options.width).fits else { return nil }
            return options.composedGridLegend
        }
        guard options.single?.fits == true else { return nil }
        return options.composedLegend
    }

    /// The warning to give when the figure had to be scaled down below its label sizes to
    /// fit the width.
    ///
    /// - Parameters:
    ///   - options: the options the figures are drawn with.
    ///   - grid: whether the figure is the grid of all slices, rather than one slice's.
    /// - Returns: ``DiagramWarning/scaledDown(grid:neededWidth:labelSize:width:scaledLabelSize:)``,
    ///   or `nil` when the figure fits.
    /// - Throws: ``/DiploGraph/ValueError`` when the options' layout is not one of ``network``'s
    ///   (``checkLayout(of:)``).
    /// - Complexity: O(1) once `options` is prepared (`prepared(_:)`).
    public func legibilityWarning(options: DiagramOptions, grid: Bool) throws(ValueError) -> DiagramWarning? {
        try checkLayout(of: options)
        return legibilityWarning(checked: options, grid: grid)
    }

    /// ``legibilityWarning(options:grid:)`` with options whose layout is ``network``'s.
    package func legibilityWarning(checked options: DiagramOptions, grid: Bool) -> DiagramWarning? {
        let options = prepared(options)
        let typography = grid ? DiagramTypography.grid : .single
        guard let fitted = grid ? options.grid?.layout : options.single else { return nil }
        let columns = grid ? Double(options.grid!.columns) : 1
        let needed = columns * fitted.width + (columns - 1) * Self.panelGap + 2 * Self.margin
        guard needed > options.width.points * (1 + 1e-9) else { return nil }
        let shrink = options.width.points / needed
        return .scaledDown(grid: grid, neededWidth: needed, labelSize: typography.label, width: options.width,
                           scaledLabelSize: typography.label * shrink)
    }

    // MARK: - Titles and legend

    /// The legend alone, as the label of an empty graph: render it once with the pinned
    /// engine as SVG and pass it as ``DiagramOptions/composedLegend`` (or the grid's), so that
    /// no slice's drawing lays it out again (it took a quarter of each slice's time).
    /// - Parameters:
    ///   - options: the diagram's options (prepared here).
    ///   - grid: whether the legend is for the grid figure rather than one slice's.
    /// - Returns: DOT text of an empty graph whose label is the legend.
    /// - Complexity: O(*g* + *k*) for *g* groups and *k* kinds, plus ``prepared(_:)``.
    ///   - cellWidth: for the grid, the width of the empty cells it is to fit (``gridLegendCell(options:)``).
    ///   - breaksLines: whether texts longer than the width allows are broken into lines (for a
    ///     legend that does not fit the cells as it is).
    package func legendDOT(options: DiagramOptions, grid: Bool, cellWidth: Double? = nil, breaksLines: Bool = false) -> String {
        let options = prepared(options)
        let width = grid ? (cellWidth ?? drawingWidth(options.width)) : max(drawingWidth(options.width), options.single?.width ?? 0)
        return "graph \"legend\" {\n  graph [fontname=\"Helvetica\", pad=0, margin=0, labelloc=b, labeljust=l, notranslate=true"
            + ", label=<" + legendHTML(options: options, typography: grid ? .grid : .single, width: width, heading: nil,
                                       breaksLines: breaksLines) + ">];\n}\n"
    }

    private func headingHeight(_ title: String?, typography: DiagramTypography, width: Double) -> Double {
        (title == nil ? 0 : typography.title * 1.25 * Double(wrapped(title!, font: typography.title, width: width).count))
            + typography.subtitle * 1.3 + 4
    }

    /// Text broken into lines no wider than `width` (estimated from the font size).
    private func wrapped(_ text: String, font: Double, width: Double) -> [String] {
        Self.lines(of: text, perLine: max(20, Int(width / (font * 0.55))))
    }

    /// Text broken at spaces into lines of at most `perLine` characters (a longer word keeps a
    /// line of its own).
    private static func lines(of text: String, perLine: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            if !line.isEmpty && line.count + 1 + word.count > perLine { lines.append(line); line = "" }
            line += (line.isEmpty ? "" : " ") + word
        }
        lines.append(line)
        return lines
    }

    /// The title (bold, wrapped to the width) over the slice label, as HTML-like label content.
    private func headingHTML(_ title: String?, _ subtitle: String?, typography: DiagramTypography, width: Double) -> String {
        var parts: [String] = []
        if let title {
            parts.append("<font point-size=\"\(format(typography.title))\"><b>"
                         + wrapped(title, font: typography.title, width: width).map(Self.htmlText).joined(separator: "<br/>") + "</b></font>")
        }
        if let subtitle { parts.append("<font point-size=\"\(format(typography.subtitle))\"><b>\(Self.htmlText(subtitle))</b></font>") }
        return parts.isEmpty ? " " : parts.joined(separator: "<br/>")
    }

    /// `, label=<…>` with the legend as an HTML-like table (and a heading when there is no
    /// title node): groups, kinds of tie with their line patterns, line width, label sizes.
    private func legendHTML(options: DiagramOptions, typography: DiagramTypography, width: Double,
                            heading: (String?, String)?, breaksLines: Bool = false) -> String {
        let font = format(typography.legend)
        // With `breaksLines`, a text longer than the legend's width less its first column
        // (samples, marks and, in the grid, short names) is broken into lines: a narrow grid
        // cell holds the legend so.
        var perLine = Int.max
        if breaksLines {
            let shortNames = typography.wrapsLabels ? drawnEntities.compactMap { network.entities[$0.position].shortLabel } : []
            let firstColumn = max(30, Double(shortNames.map(\.count).max() ?? 0) * typography.legend * 0.6 + 8)
            perLine = max(16, Int((width - firstColumn - 8) / (typography.legend * 0.6)))
        }
        func lines(_ value: String) -> [String] { Self.lines(of: value, perLine: perLine) }
        func text(_ value: String, bold: Bool = false) -> String {
            let escaped = lines(value).map(Self.htmlText).joined(separator: "<br/>")
            return "<font point-size=\"\(font)\">\(bold ? "<b>\(escaped)</b>" : escaped)</font>"
        }
        /// A section: a title over rows of (sample cell, text cell), and its estimated width.
        struct Section { var title: String; var rows: [(String, String)]; var width: Double }
        func estimate(_ texts: [String]) -> Double {
            Double(texts.flatMap(lines).map(\.count).max() ?? 0) * typography.legend * 0.6 + 34
        }
        func swatch(_ color: String) -> String {
            "<td bgcolor=\"\(color)\" border=\"1\" color=\"#555555\" width=\"14\" height=\"7\" fixedsize=\"true\"></td>"
        }
        var sections: [Section] = []
        var groups = Section(title: network.options.mergesGroups ? "Groups (nodes)" : "Groups", rows: [], width: 0)
        var groupTexts = groupColors.map(\.group)
        func shapeNote(_ group: String?) -> String {
            switch group.map(shape(of:)) ?? Self.otherGroupsShape {
            case "box": return ""
            case "ellipse": return " (oval)"
            default: return " (octagon)"
            }
        }
        for entry in groupColors { groups.rows.append((swatch(entry.color), text(entry.group + shapeNote(entry.group)))) }
        groupTexts = groupColors.map { $0.group + shapeNote($0.group) }
        if otherGroupCount > 0 {
            let label = "\(otherGroupCount) other groups" + shapeNote(nil)
            groups.rows.append((swatch(Self.otherGroupsColor), text(label)))
            groupTexts.append(label)
        }
        groups.width = estimate(groupTexts + [groups.title])
        sections.append(groups)
        var kinds = Section(title: "Kinds of tie", rows: [], width: 0)
        var kindTexts: [String] = [kinds.title]
        func sample(_ color: String, pattern: LinePattern) -> String {
            let common = "width=\"26\" fixedsize=\"true\" color=\"\(color)\""
            let style = pattern.stroke == "solid" ? "" : " style=\"\(pattern.stroke)\""
            return pattern.isDouble ? "<td \(common) height=\"5\" sides=\"tb\" border=\"1\"\(style)></td>"
                                    : "<td \(common) height=\"7\" sides=\"b\" border=\"1\"\(style)></td>"
        }
        func glyph(_ value: String) -> String { "<td align=\"center\">\(text(value))</td>" }
        let directed = network.options.isDirected
        for kind in legendKinds {
            let label = kind.label + (directed && kind.isSymmetric ? " (no direction)" : "")
            kinds.rows.append((sample(kind.color, pattern: patternOfKind[kind.id] ?? LinePattern(kind.style)), text(label)))
            kindTexts.append(label)
        }
        if otherKindCount > 0 {
            let label = "\(otherKindCount) other kinds"
            kinds.rows.append((sample(Self.manyKindsColor, pattern: .solid), text(label)))
            kindTexts.append(label)
        }
        var marks: [(String, String)] = []
        if directed { marks.append(("→", "arrowhead: from the actor to the one acted on")) }
        if hasRelayLegs && directed { marks.append(("▷", relayLegendText)) }
        marks.append(("", "wider line: larger summed weight"))
        for (mark, words) in marks {
            kinds.rows.append((mark.isEmpty ? "<td></td>" : glyph(mark), text(words)))
            kindTexts.append(words)
        }
        kinds.width = estimate(kindTexts)
        sections.append(kinds)
        if typography.wrapsLabels {
            // Short labels of the grid's panels, with the full names.
            let shortened = drawnEntities.map { network.entities[$0.position] }.filter { $0.shortLabel != nil && $0.shortLabel != $0.label }
            if !shortened.isEmpty {
                var names = Section(title: "Short names", rows: [], width: 0)
                var texts: [String] = [names.title]
                for entity in shortened {
                    names.rows.append(("<td align=\"left\">\(text(entity.shortLabel!))</td>", text(entity.label)))
                    texts.append(entity.shortLabel! + "  " + entity.label)
                }
                names.width = estimate(texts) + 10
                sections.append(names)
            }
        }
        if let scale = options.sizeScale {
            let words = "\(scale.measure.rawValue) in that slice"
            let sizes = Section(title: "Number after a name", rows: [(glyph("(n)"), text(words))], width: estimate([words]) + 10)
            sections.append(sizes)
        }
        // Sections side by side when they fit the width, else in the columns of stacked
        // sections that fit it and make the legend shortest, else one under another.
        let spacer = 14.0
        let sideBySide = sections.map(\.width).reduce(0, +) + spacer * Double(sections.count - 1) <= width
        var stacks: [[Section]] = [sections]
        if !sideBySide && sections.count > 2 {
            var shortest = Double(sections.map { $0.rows.count + 1 }.reduce(0, +))
            // Every way to cut the sections, in order, into consecutive columns (at most 2ⁿ⁻¹ for n sections).
            for cuts in 1..<(1 << (sections.count - 1)) {
                var groups: [[Section]] = [[sections[0]]]
                for index in 1..<sections.count {
                    if cuts & (1 << (index - 1)) != 0 { groups.append([]) }
                    groups[groups.count - 1].append(sections[index])
                }
                let total = groups.map { $0.map(\.width).max() ?? 0 }.reduce(0, +) + spacer * Double(groups.count - 1)
                let height = Double(groups.map { $0.map { $0.rows.count + 1 }.reduce(0, +) }.max() ?? 0)
                if total <= width && height < shortest { (shortest, stacks) = (height, groups) }
            }
        }
        let columns = sideBySide ? 3 * sections.count - 1 : stacks.count > 1 ? 2 * stacks.count - 1 : 2
        var html = "<table border=\"0\" cellborder=\"0\" cellspacing=\"1\" cellpadding=\"1\">"
        if let heading {
            html += "<tr><td align=\"left\" colspan=\"\(columns)\">\(headingHTML(heading.0, heading.1, typography: typography, width: width))</td></tr>"
        }
        func titleCell(_ section: Section) -> String { "<td colspan=\"2\" align=\"left\">\(text(section.title, bold: true))</td>" }
        func cells(_ row: (String, String)?) -> String { row.map { "\($0.0)<td align=\"left\" balign=\"left\">\($0.1)</td>" } ?? "<td></td><td></td>" }
        if sideBySide {
            let gap = "<td width=\"\(Int(spacer))\"></td>"
            html += "<tr>" + sections.map(titleCell).joined(separator: gap) + "</tr>"
            for index in 0..<(sections.map(\.rows.count).max() ?? 0) {
                html += "<tr>" + sections.map { cells(index < $0.rows.count ? $0.rows[index] : nil) }.joined(separator: gap) + "</tr>"
            }
        } else if stacks.count > 1 {
            let gap = "<td width=\"\(Int(spacer))\"></td>"
            // Each column's sections one under another, row by row across the columns.
            let flat = stacks.map { stack in stack.flatMap { section in [titleCell(section)] + section.rows.map { cells($0) } } }
            for index in 0..<(flat.map(\.count).max() ?? 0) {
                html += "<tr>" + flat.map { index < $0.count ? $0[index] : "<td></td><td></td>" }.joined(separator: gap) + "</tr>"
            }
        } else {
            for section in sections {
                html += "<tr>\(titleCell(section))</tr>" + section.rows.map { "<tr>\(cells($0))</tr>" }.joined()
            }
        }
        return html + "</table>"
    }

    /// Text for an HTML-like label: XML-escaped, `]` as `&#93;`, and a no-break space where it
    /// would be empty (Graphviz rejects `<font></font>` and `<b></b>` as a syntax error, and
    /// 2.43 a text of only `]` characters: found by the FuzzDiagram target).
    static func htmlText(_ value: String) -> String {
        let escaped = Escape.html(value).replacingOccurrences(of: "]", with: "&#93;")
        return escaped.allSatisfy({ $0 == " " || $0 == "\n" || $0 == "\t" }) ? escaped + "&#160;" : escaped
    }

    /// What the legend says of a relay's first leg.
    private var relayLegendText: String { "hollow head: relay leg, side → mediator" }


    /// `value` with two decimals (`12.30`, `-0.05`), without Foundation's slow `String(format:)`.
    private func format(_ value: Double) -> String {
        guard value.isFinite, abs(value) < 1e12 else { return "0.00" }
        let hundredths = Int64((abs(value) * 100).rounded())
        let cents = hundredths % 100
        return (value < 0 && hundredths != 0 ? "-" : "") + String(hundredths / 100) + (cents < 10 ? ".0" : ".") + String(cents)
    }
}
