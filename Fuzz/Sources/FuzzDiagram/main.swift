import DiploGraph
import DiploGraphIO
import DiploGraphviz

/// The DOT writer and Graphviz's parser on arbitrary text: bytes become actor labels, groups
/// (legend entries), kind labels (legend), notes (edge tooltips, with a relay's `about`) and a
/// weight; the DOT DiploGraph writes must always parse, keep exactly the nodes it declared, and
/// render to SVG that XML 1.0 can carry, and every table must format, text tables without
/// terminal controls. Inputs of odd size add more kinds between two actors than the diagrams
/// draw apart (one bundled edge, a legend that counts the rest).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let parts = text.split(separator: "\u{1F}", maxSplits: 7, omittingEmptySubsequences: false).map(String.init)
    func part(_ i: Int) -> String { i < parts.count ? parts[i] : "" }
    var actors = ActorTable(isDeclared: true)
    // Library input is checked: invalid values are refused with an error, never a trap.
    guard let a = try? Actor(id: "a", label: part(0), group: part(1).isEmpty ? "g" : part(1)),
          let b = try? Actor(id: "b", label: part(2), group: part(7).isEmpty ? "other" : part(7)),
          let c = try? Actor(id: "c", label: "c", group: part(1).isEmpty ? "g" : part(1)) else { return 0 }
    guard let ia = actors.declare(a), let ib = actors.declare(b), let ic = actors.declare(c) else { return 0 }
    var kinds = KindTable()
    guard let kind = try? Kind(id: "k", polarity: .cooperative, label: part(3), color: part(5).isEmpty ? nil : part(5)) else { return 0 }
    kinds.declare(kind)
    // On inputs of odd size, more kinds between a and b than one edge or the legend shows:
    // their labels reach the bundled edge's tooltip, and the legend counts the rest.
    let manyKinds = size % 2 == 1 ? max(DiagramWriter.maximumLegendKinds, DiagramWriter.maximumParallelKinds) + 1 : 0
    for k in 0..<manyKinds {
        guard let extra = try? Kind(id: "x\(k)", polarity: .conflictual, label: part(3) + "\(k)") else { return 0 }
        kinds.declare(extra)
    }
    let weight = Double(part(6)) ?? 1
    guard let first = try? Event(date: try! EventDate(year: 2018), source: ia, target: ib, kind: kinds.index(of: "k")!, weight: weight),
          let second = try? Event(date: try! EventDate(year: 2018), source: ic, target: ib, kind: kinds.index(of: "k")!, weight: weight),
          // A relay: c mediates towards b about a|b (a legend entry and a tooltip with `about`).
          let relay = try? Event(date: try! EventDate(year: 2018), source: ic, target: ib, kind: kinds.index(of: "mediation")!, weight: 1,
                                 about: Relationship(ia, ib)) else { return 0 }
    var events = [first, second, relay], notes = [part(4), part(0), part(4) + part(3)]
    for k in 0..<manyKinds {
        guard let event = try? Event(date: try! EventDate(year: 2018), source: ia, target: ib, kind: kinds.index(of: "x\(k)")!, weight: 1) else { return 0 }
        events.append(event)
        notes.append(part(4))
    }
    guard let log = try? EventLog(file: "fuzz", actors: actors, kinds: kinds, events: events, notes: notes) else { return 0 }
    // Weights whose sums overflow are refused by slicing; nothing else may be.
    guard let network = try? Slicer.slice(log, options: SliceOptions()) else {
        precondition(!(weight * 2).isFinite, "slicing two good events failed")
        return 0
    }
    let table = CentralityTable(network: network, measures: Measure.allCases, pathLength: .inverseWeight)
    for format in CentralityTable.Format.allCases {
        guard let text = try? table.formatted(as: format) else { fatalError("\(format) formatting failed") }
        precondition(format != .table || !text.unicodeScalars.contains(where: { $0 != "\n" && isTerminalControl($0) }), "a control character in a text table")
        precondition(format != .table || text.split(separator: "\n", omittingEmptySubsequences: false).count == table.rows.count + 3,
                     "a text table row on more than one line")
        // CSV holds only the ids a, b, c, the slice and numbers.
        precondition(format != .csv || (!text.contains("inf") && !text.contains("nan")), "non-finite number in CSV")
    }
    // As the tool draws: positions pinned from a shared layout, rendered by the `nop` engine.
    let layout = try! DiagramLayout(entityCount: 3, positions: [EntityIndex(0): try! Point(x: 0, y: 0), EntityIndex(1): try! Point(x: 240, y: 120),
                                                                EntityIndex(2): try! Point(x: 0, y: 200)])
    let writer = DiagramWriter(network: network)
    for dot in [try! writer.dot(for: network.slices[0], options: (try! DiagramOptions(layout: layout, showsGhosts: true, sizeBy: .degree))),
                try! writer.dot(for: network.slices[0])] {
        do {
            let nodes = try Graphviz.shared.nodeAttributes(dot: dot, names: ["label"])
            precondition(nodes["n0"] != nil && nodes["n1"] != nil && nodes["n2"] != nil, "the actors' nodes are missing")
            precondition(nodes.keys.allSatisfy { ["n0", "n1", "n2"].contains($0) || $0.hasPrefix("title_") || $0.hasPrefix("corner_") },
                         "data created nodes: \(nodes.keys.sorted())")
        } catch {
            fatalError("DOT written by DiploGraph was rejected: \(error)\n\(dot)")
        }
    }
    do {
        // Kind and group labels reach the HTML-like legend, actor labels and notes the tooltips.
        let dot = try writer.dot(for: network.slices[0], options: (try! DiagramOptions(layout: layout, showsGhosts: true, sizeBy: .degree)))
        let svg = String(decoding: try Graphviz.shared.render(dot: dot, engine: .pinned, format: .svg).bytes, as: UTF8.self)
        // `render` builds the same graph through cgraph's API instead of parsing the text: same SVG.
        let graph = try writer.graph(for: network.slices[0], options: (try! DiagramOptions(layout: layout, showsGhosts: true, sizeBy: .degree)))
        let built = String(decoding: try Graphviz.shared.render(graph: graph, engine: .pinned, format: .svg).bytes, as: UTF8.self)
        precondition(built == svg, "the graph built through cgraph's API draws differently from its DOT text")
        let forbidden = svg.unicodeScalars.filter { !Escape.isXMLCharacter($0) }
        precondition(forbidden.isEmpty, "characters XML 1.0 forbids in the SVG: \(forbidden.map(\.value))")
        // Every XML export too.
        for format in [GraphExport.Format.gexf, .graphml] {
            let text = try GraphExport.render(network, as: format)
            precondition(text.unicodeScalars.allSatisfy(Escape.isXMLCharacter), "characters XML 1.0 forbids in \(format)")
        }
        // Tooltips are verbatim (no \N, \G … expansion) for text without control characters.
        let label = part(0), group = part(1).isEmpty ? "g" : part(1)
        // (Characters XML cannot carry, such as U+FFFE, are dropped on purpose: not verbatim.)
        let plain = (label + group).unicodeScalars.allSatisfy { $0.value >= 0x20 && !(0x7F..<0xA0).contains($0.value) && Escape.isXMLCharacter($0) }
        if plain && !label.isEmpty {
            var expected = ""
            var previous: Unicode.Scalar = "x"
            for scalar in "\(label) (a, \(group))".unicodeScalars {
                defer { previous = scalar }
                // Graphviz's SVG writer keeps runs of spaces visible: every space after a space is a no-break space.
                if scalar == " " && previous == " " { expected += "&#160;"; continue }
                switch scalar {
                case "&": expected += "&amp;"
                case "<": expected += "&lt;"
                case ">": expected += "&gt;"
                case "\"": expected += "&quot;"
                case "-": expected += "&#45;"
                case "'": expected += "&#39;"
                default: expected.unicodeScalars.append(scalar)
                }
            }
            precondition(svg.contains("xlink:title=\"\(expected)"), "tooltip of a is not verbatim: \(label.debugDescription)")
        }
    } catch {
        fatalError("Graphviz could not draw DOT written by DiploGraph: \(error)")
    }
    // Messages: cut text stays within its limit, terminal text holds no control.
    let cut = Escape.truncated(part(4), limit: 10)
    precondition(cut == part(4) || cut.hasPrefix(String(part(4).prefix(10))) && cut.hasSuffix(")"), "truncation lost its prefix")
    precondition(!Escape.terminal(text).unicodeScalars.contains(where: isTerminalControl), "a control character survived Escape.terminal")
    // A layout made for another network (of another size) is refused, never read past its end.
    if let foreign = try? DiagramLayout(entityCount: 2 + text.utf8.count % 3 * 2, positions: [:]),
       foreign.positions.count != network.entities.count {
        let options = try! DiagramOptions(layout: foreign)
        precondition((try? writer.dot(for: network.slices[0], options: options)) == nil, "a foreign layout was drawn")
        precondition((try? writer.gridGraph(options: options)) == nil, "a foreign layout was drawn as a grid")
        precondition((try? writer.legibilityWarning(options: options, grid: true)) == nil, "a foreign layout was measured")
    }
    return 0
}

/// Control characters a terminal acts on: all of C0 (line feed and tab included: a cell or a
/// message is one line), DEL and C1.
func isTerminalControl(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    return value < 0x20 || value == 0x7F || (0x80..<0xA0).contains(value)
}
