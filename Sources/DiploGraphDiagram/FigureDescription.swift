import DiploGraph
import DiploGraphText

extension DiagramWriter {
    /// What a figure shows, in words: its accessible name and description.
    ///
    /// - Parameters:
    ///   - figure: the slice's diagram or the grid.
    ///   - options: the options it is drawn with (title, ghosts, the number after each name).
    /// - Returns: a short title and a sentence or two saying what is drawn.
    /// - Complexity: O(*s*) for *s* slices (the slice is looked up by label).
    package func accessibleText(of figure: DiagramFigure, options: DiagramOptions) -> (title: String, description: String) {
        let level = network.options.mergesGroups ? "groups" : "actors"
        var channels = "Nodes are \(level), filled and shaped by group; lines are ties, one pattern per kind of tie, "
            + "wider for a larger summed weight" + (network.options.isDirected ? ", arrowheads pointing at the one acted on" : "") + "."
        if let measure = options.sizeBy { channels += " The number after a name is its \(measure.rawValue) in that slice." }
        if options.showsGhosts { channels += " \(level.prefix(1).uppercased() + level.dropFirst()) absent from a slice are drawn faint, with dashed borders." }
        let prefix = options.title.map { $0 + ": " } ?? ""
        switch figure {
        case .slice(let label):
            let slice = network.slice(labelled: label)
            let ties = slice.map { network.typedTies(inOwn: $0, separatesRelayLegs: true).count } ?? 0
            let nodes = slice?.nodes.count ?? 0
            return (prefix + label, "The network of \(label): \(nodes) \(level) with events and \(ties) ties. " + channels)
        case .grid:
            let labels = network.slices.map(\.label)
            let span = labels.count > 1 ? "\(labels.first!) to \(labels.last!)" : (labels.first ?? "")
            return (prefix + "every slice, " + span,
                    "Small multiples: one panel per slice (\(labels.count) panels, \(span)), every node at the same place in every panel. " + channels)
        }
    }

    /// A Graphviz SVG with `role="img"`, a `<title>` and a `<desc>` (``accessibleText(of:options:)``)
    /// at the start of its root element.
    ///
    /// - Parameters:
    ///   - svg: the figure's UTF-8 bytes.
    ///   - figure: which figure it is.
    ///   - options: the options it is drawn with.
    /// - Returns: the SVG with its accessible name; `svg` unchanged when it has no `<svg` element
    ///   in its first kilobytes.
    /// - Complexity: O(*n*) in the length of `svg`.
    package func accessibleSVG(_ svg: [UInt8], figure: DiagramFigure, options: DiagramOptions) -> [UInt8] {
        let head = svg.prefix(4096)
        let open = Array("<svg ".utf8)
        guard let start = head.indices.first(where: { $0 + open.count <= head.endIndex && head[$0..<($0 + open.count)].elementsEqual(open) }),
              let close = head[start...].firstIndex(of: UInt8(ascii: ">")) else { return svg }
        let text = accessibleText(of: figure, options: options)
        var out: [UInt8] = []
        out.reserveCapacity(svg.count + 512)
        out += svg[..<close]
        out += " role=\"img\"".utf8
        out += svg[close...close]
        out += "\n<title>\(Escape.html(text.title))</title>\n<desc>\(Escape.html(text.description))</desc>".utf8
        out += svg[(close + 1)...]
        return out
    }
}
