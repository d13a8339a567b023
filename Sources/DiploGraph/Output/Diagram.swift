import Foundation

/// Where every entity sits, shared by all slices' diagrams so that readers can compare them.
public struct DiagramLayout: Sendable {
    /// The position of each entity in points (y up), by entity index; `nil` for entities never drawn.
    public var positions: [Point?]
    /// The box every slice's diagram spans, legend excluded.
    public var bounds: (minX: Double, minY: Double, maxX: Double, maxY: Double)

    public struct Point: Sendable, Equatable {
        public var x: Double
        public var y: Double
        public init(x: Double, y: Double) { self.x = x; self.y = y }
    }

    /// A layout from positions keyed by the node names ``DiagramWriter`` gives (`n<entity>`).
    public init(entityCount: Int, positionsByNodeName: [String: Point]) {
        var positions = [Point?](repeating: nil, count: entityCount)
        for (name, point) in positionsByNodeName where name.hasPrefix("n") {
            if let index = Int(name.dropFirst()), index >= 0, index < entityCount { positions[index] = point }
        }
        var minX = Double.infinity, minY = Double.infinity, maxX = -Double.infinity, maxY = -Double.infinity
        for point in positions.compactMap({ $0 }) {
            minX = min(minX, point.x); maxX = max(maxX, point.x)
            minY = min(minY, point.y); maxY = max(maxY, point.y)
        }
        if minX > maxX { (minX, minY, maxX, maxY) = (0, 0, 0, 0) }
        self.positions = positions
        self.bounds = (minX, minY, maxX, maxY)
    }
}

/// What a diagram shows and how.
public struct DiagramOptions: Sendable {
    /// Shared positions; without them the engine lays each slice out on its own.
    public var layout: DiagramLayout?
    /// Draw the entities absent from the slice, faint, at their places.
    public var showsGhosts = false
    /// The measure that scales node labels (e.g. betweenness), computed per slice.
    public var sizeBy: Measure?
    /// Path length for a path-based `sizeBy` measure.
    public var pathLength: PathLength = .hops
    public var showsLegend = true

    public init(layout: DiagramLayout? = nil, showsGhosts: Bool = false, sizeBy: Measure? = nil, pathLength: PathLength = .hops,
                showsLegend: Bool = true) {
        self.layout = layout
        self.showsGhosts = showsGhosts
        self.sizeBy = sizeBy
        self.pathLength = pathLength
        self.showsLegend = showsLegend
    }
}

/// Writes slices as DOT: nodes coloured by group, edges styled by kind, a legend and a title.
///
/// User text reaches the DOT only through ``Escape/dotString(_:)`` and only in `label` and
/// `tooltip`; node ids are generated (`n0`, `n1`, … by entity index), colours come from a
/// fixed palette or from validated `#rrggbb` values, styles from a closed set.
public struct DiagramWriter: Sendable {
    public let network: SlicedNetwork
    /// The groups in order of first appearance, each with its colour.
    public let groupColors: [(group: String, color: String)]
    private let colorOfGroup: [String: String]
    /// The kinds that occur in the network's slices.
    public let kindsUsed: [Kind]
    /// Whether some slice has a relay, whose first leg the legend then explains.
    public let hasRelayLegs: Bool

    /// The most characters of a note an edge's tooltip shows (the full note stays in the CSV
    /// and JSON output): Graphviz's lexer takes minutes over a note of megabytes.
    public static let tooltipNoteLimit = 500

    /// Colour-blind-safe fills, light enough for black labels.
    public static let palette = ["#9ecae1", "#fdae6b", "#a1d99b", "#d4b9da", "#fdd0a2", "#c7e9c0", "#bcbddc", "#fcbba1", "#d9d9d9", "#ffffb2"]

    public init(network: SlicedNetwork) {
        self.network = network
        var groups: [(String, String)] = []
        var colorOfGroup: [String: String] = [:]
        for entity in network.entities where colorOfGroup[entity.group] == nil {
            let color = Self.palette[groups.count % Self.palette.count]
            colorOfGroup[entity.group] = color
            groups.append((entity.group, color))
        }
        self.groupColors = groups
        self.colorOfGroup = colorOfGroup
        var used = Set<Int32>()
        var hasRelayLegs = false
        for slice in network.slices {
            for index in slice.eventIndices {
                let event = network.log.events[Int(index)]
                used.insert(event.kind)
                if !hasRelayLegs && network.relayOrigin(of: event) != nil { hasRelayLegs = true }
            }
        }
        self.kindsUsed = used.sorted().map { network.log.kinds[$0] }
        self.hasRelayLegs = hasRelayLegs
    }

    /// The graph over every entity of every slice with all their ties, for a shared layout.
    public func unionDOT() -> String {
        var out = "graph \"union\" {\n  graph [overlap=false, sep=\"+16\", splines=false, start=1, outputorder=edgesfirst];\n"
        out += "  node [\(nodeDefaults)];\n"
        var drawn = Set<Int32>()
        var pairs = Set<UInt64>()
        for slice in network.slices {
            for node in slice.nodes where drawn.insert(node).inserted {
                out += "  n\(node) [label=\"\(Escape.dotString(network.entities[Int(node)].label))\"];\n"
            }
            for u in 0..<slice.graph.nodeCount {
                for v in slice.graph.successors(of: u) {
                    let a = slice.nodes[u], b = slice.nodes[Int(v)]
                    let key = UInt64(UInt32(min(a, b))) << 32 | UInt64(UInt32(max(a, b)))
                    if pairs.insert(key).inserted { out += "  n\(min(a, b)) -- n\(max(a, b));\n" }
                }
            }
        }
        return out + "}\n"
    }

    private var nodeDefaults: String {
        "shape=box, style=\"rounded,filled\", fontname=\"Helvetica\", fontsize=11, margin=\"0.12,0.06\", penwidth=0.8"
    }

    /// The DOT of one slice.
    ///
    /// With a layout, every node is pinned (`pos="x,y!"`) and two invisible corner points fix
    /// the canvas, so that all slices share positions and size; render such DOT with the
    /// `nop` engine. One edge is drawn per pair and kind, its width growing with the summed
    /// weight of that kind's events.
    public func dot(for slice: Slice, options: DiagramOptions = DiagramOptions()) -> String {
        let directed = network.options.isDirected
        let arrow = directed ? "->" : "--"
        var out = "\(directed ? "digraph" : "graph") \"slice\" {\n"
        out += "  graph [label=\"\(Escape.dotString(slice.label))\", labelloc=t, fontname=\"Helvetica\", fontsize=18, outputorder=edgesfirst, pad=0.3"
        if options.layout != nil { out += ", notranslate=true, splines=true, overlap=true" }
        out += "];\n  node [\(nodeDefaults)];\n  edge [fontname=\"Helvetica\", fontsize=9, arrowsize=0.7];\n"

        var sizeOfNode: [Double]?
        if let measure = options.sizeBy {
            let values = MeasureTable(network: network, slice: slice, measures: [measure], pathLength: options.pathLength)
                .columns[0].map { $0.flatMap { $0.isFinite ? $0 : nil } ?? 0 }
            let largest = values.max() ?? 0
            sizeOfNode = values.map { largest > 0 ? $0 / largest : 0 }
        }
        // Nodes.
        var isPresent = [Bool](repeating: false, count: network.entities.count)
        for (local, node) in slice.nodes.enumerated() {
            isPresent[Int(node)] = true
            let entity = network.entities[Int(node)]
            var attributes = "label=\"\(Escape.dotString(entity.label))\", fillcolor=\"\(colorOfGroup[entity.group]!)\""
            attributes += ", tooltip=\"\(Escape.dotString("\(entity.label) (\(entity.id), \(entity.group))"))\""
            if let sizeOfNode {
                let scale = sizeOfNode[local]
                attributes += ", fontsize=\(format(11 + 9 * scale)), penwidth=\(format(0.8 + 2.2 * scale))"
            }
            if let position = options.layout?.positions[Int(node)] { attributes += ", pos=\"\(format(position.x)),\(format(position.y))!\"" }
            out += "  n\(node) [\(attributes)];\n"
        }
        if options.showsGhosts, let layout = options.layout {
            for (index, entity) in network.entities.enumerated() where !isPresent[index] {
                guard let position = layout.positions[index] else { continue }
                out += "  n\(index) [label=\"\(Escape.dotString(entity.label))\", style=\"rounded,dashed\", color=\"#cccccc\", fontcolor=\"#bbbbbb\", "
                out += "tooltip=\"\(Escape.dotString("\(entity.label): no events in this slice"))\", pos=\"\(format(position.x)),\(format(position.y))!\"];\n"
            }
        }
        // Edges: one per ordered pair (unordered when undirected) and kind; relays' first legs
        // apart from acts, thin, dotted, with a hollow arrowhead.
        let log = network.log
        func aboutText(_ index: Int32) -> String? {
            guard let about = log.events[Int(index)].about else { return nil }
            return "about \(log.actors[about.first].label) | \(log.actors[about.second].label)"
        }
        for tie in network.typedTies(in: slice, separatesRelayLegs: true) {
            let kind = network.log.kinds[tie.kind]
            let width = min(7, max(1, 1.2 + 1.5 * log2(tie.weight)))
            let from = network.entities[Int(tie.source)].label, to = network.entities[Int(tie.target)].label
            let events = "\(tie.eventCount) event\(tie.eventCount == 1 ? "" : "s"), weight \(NumberFormat.readable(tie.weight))"
            var tooltip = tie.isRelayLeg
                ? "\(from) \(directed ? "→" : "–") \(to): relay leg of \(kind.label.lowercased()) from the other side, \(events)"
                : "\(from) \(directed ? "→" : "–") \(to): \(kind.label), \(events)"
            for index in tie.events.prefix(6) {
                let note = Escape.truncated(network.log.notes[Int(index)], limit: Self.tooltipNoteLimit)
                let line = [note.isEmpty ? nil : note, aboutText(index).map { "(\($0))" }].compactMap { $0 }.joined(separator: " ")
                if !line.isEmpty { tooltip += "\n• " + line }
            }
            out += "  n\(tie.source) \(arrow) n\(tie.target) [color=\"\(kind.color)\", "
            out += tie.isRelayLeg ? "style=dotted, penwidth=0.9, arrowhead=onormal, " : "style=\(kind.style.rawValue), penwidth=\(format(width)), "
            out += "tooltip=\"\(Escape.dotString(tooltip))\"];\n"
        }
        if let layout = options.layout {
            out += canvasAndLegend(layout: layout, options: options)
        } else if options.showsLegend {
            out += clusterLegend(options: options)
        }
        return out + "}\n"
    }

    /// Invisible corners fixing the canvas, and a legend pinned to its right.
    private func canvasAndLegend(layout: DiagramLayout, options: DiagramOptions) -> String {
        let b = layout.bounds
        let margin = 60.0
        var out = "  // canvas corners, identical in every slice\n"
        out += "  corner_a [shape=point, style=invis, width=0, label=\"\", pos=\"\(format(b.minX - margin)),\(format(b.minY - margin / 2))!\"];\n"
        out += "  corner_b [shape=point, style=invis, width=0, label=\"\", pos=\"\(format(b.maxX + margin)),\(format(b.maxY + margin / 2))!\"];\n"
        guard options.showsLegend else { return out }
        let x = b.maxX + margin + 40
        var y = b.maxY + margin / 2
        let step = 26.0
        // Legend text sits in boxes of one fixed size, left-justified (`\l`), so that every label
        // starts where it is placed whatever Graphviz measures its width to be, and no two legend
        // boxes touch (touching nodes make Graphviz give up routing splines).
        var texts = ["Groups", "Kinds of tie", "Line width: summed weight"] + groupColors.map(\.group) + kindsUsed.map(\.label)
        if hasRelayLegs { texts.append(relayLegendText) }
        if let sizeBy = options.sizeBy { texts.append("Label size: \(sizeBy.rawValue)") }
        let textWidth = Double(texts.map(\.count).max() ?? 0) * 12 * 0.62 + 12
        func textNode(_ name: String, _ text: String, left: Double, bold: Bool = false) -> String {
            "  \(name) [shape=plaintext, style=\"\", fixedsize=true, width=\(format(textWidth / 72)), height=0.2, margin=0, "
                + "label=\"\(Escape.dotString(text))\\l\", fontsize=\(bold ? 12 : 10), fontname=\"\(bold ? "Helvetica-Bold" : "Helvetica")\", "
                + "pos=\"\(format(left + textWidth / 2)),\(format(y))!\"];\n"
        }
        out += "  // legend\n"
        out += textNode("legend_groups", "Groups", left: x, bold: true)
        y -= step
        for (index, entry) in groupColors.enumerated() {
            out += "  legend_g\(index)s [label=\"\", fillcolor=\"\(entry.color)\", width=0.35, height=0.22, fixedsize=true, pos=\"\(format(x + 12)),\(format(y))!\"];\n"
            out += textNode("legend_g\(index)", entry.group, left: x + 36)
            y -= step
        }
        y -= step / 3
        out += textNode("legend_kinds", "Kinds of tie", left: x, bold: true)
        y -= step
        let arrow = network.options.isDirected ? "->" : "--"
        for (index, kind) in kindsUsed.enumerated() {
            out += "  legend_k\(index)a [shape=point, width=0.02, style=invis, label=\"\", pos=\"\(format(x)),\(format(y))!\"];\n"
            out += "  legend_k\(index)b [shape=point, width=0.02, style=invis, label=\"\", pos=\"\(format(x + 26)),\(format(y))!\"];\n"
            out += "  legend_k\(index)a \(arrow) legend_k\(index)b [color=\"\(kind.color)\", style=\(kind.style.rawValue), penwidth=1.6];\n"
            out += textNode("legend_k\(index)t", kind.label, left: x + 36)
            y -= step
        }
        if hasRelayLegs {
            out += "  legend_ra [shape=point, width=0.02, style=invis, label=\"\", pos=\"\(format(x)),\(format(y))!\"];\n"
            out += "  legend_rb [shape=point, width=0.02, style=invis, label=\"\", pos=\"\(format(x + 26)),\(format(y))!\"];\n"
            out += "  legend_ra \(arrow) legend_rb [color=\"\(relayColor)\", style=dotted, penwidth=0.9, arrowhead=onormal];\n"
            out += textNode("legend_rt", relayLegendText, left: x + 36)
            y -= step
        }
        y -= step / 3
        out += textNode("legend_width", "Line width: summed weight", left: x)
        if let sizeBy = options.sizeBy {
            y -= step
            out += textNode("legend_size", "Label size: \(sizeBy.rawValue)", left: x)
        }
        return out
    }

    /// A legend as a cluster, for layouts the engine makes itself.
    private func clusterLegend(options: DiagramOptions) -> String {
        var out = "  subgraph cluster_legend {\n    label=\"Legend\"; fontsize=11; color=\"#999999\";\n"
        for (index, entry) in groupColors.enumerated() {
            out += "    legend_g\(index) [label=\"\(Escape.dotString(entry.group))\", fillcolor=\"\(entry.color)\", fontsize=10];\n"
        }
        let arrow = network.options.isDirected ? "->" : "--"
        for (index, kind) in kindsUsed.enumerated() {
            out += "    legend_k\(index)a [shape=point, width=0.02, style=invis, label=\"\"];\n"
            out += "    legend_k\(index)b [shape=plaintext, style=\"\", label=\"\(Escape.dotString(kind.label))\", fontsize=10];\n"
            out += "    legend_k\(index)a \(arrow) legend_k\(index)b [color=\"\(kind.color)\", style=\(kind.style.rawValue), penwidth=1.6];\n"
        }
        if hasRelayLegs {
            out += "    legend_ra [shape=point, width=0.02, style=invis, label=\"\"];\n"
            out += "    legend_rb [shape=plaintext, style=\"\", label=\"\(Escape.dotString(relayLegendText))\", fontsize=10];\n"
            out += "    legend_ra \(arrow) legend_rb [color=\"\(relayColor)\", style=dotted, penwidth=0.9, arrowhead=onormal];\n"
        }
        return out + "  }\n"
    }

    /// What the legend says of a relay's first leg.
    private var relayLegendText: String { "Relay leg: other side → mediator" }

    /// The colour of relay legs: the mediation kind's.
    private var relayColor: String { network.log.kinds.index(of: "mediation").map { network.log.kinds[$0].color } ?? Kind.builtIn[0].color }

    private func format(_ value: Double) -> String { String(format: "%.2f", value) }

}
