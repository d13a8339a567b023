import DiploGraph
import DiploGraphviz

/// The DOT writer and Graphviz's parser on arbitrary text: bytes become actor labels, groups,
/// kind labels and notes; the DOT DiploGraph writes must always parse, keep exactly the
/// nodes it declared, and render.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let parts = text.split(separator: "\u{1F}", maxSplits: 4, omittingEmptySubsequences: false).map(String.init)
    func part(_ i: Int) -> String { i < parts.count ? parts[i] : "" }
    var actors = ActorTable(isDeclared: true)
    _ = actors.declare(Actor(id: "a", label: part(0), group: part(1).isEmpty ? "g" : part(1)))
    _ = actors.declare(Actor(id: "b", label: part(2), group: "other"))
    var kinds = KindTable()
    kinds.declare(Kind(id: "k", polarity: .cooperative, label: part(3)))
    let event = Event(date: EventDate(year: 2018)!, source: 0, target: 1, kind: kinds.index(of: "k")!, weight: 1)
    let log = EventLog(file: "fuzz", actors: actors, kinds: kinds, events: [event], notes: [part(4)])
    guard let network = try? Slicer.slice(log, options: SliceOptions()) else { fatalError("slicing one good event failed") }
    // As the tool draws: positions pinned from a shared layout, rendered by the `nop` engine.
    let layout = DiagramLayout(entityCount: 2, positionsByNodeName: ["n0": .init(x: 0, y: 0), "n1": .init(x: 240, y: 120)])
    let writer = DiagramWriter(network: network)
    for dot in [writer.dot(for: network.slices[0], options: DiagramOptions(layout: layout, showsGhosts: true, sizeBy: .degree)),
                writer.dot(for: network.slices[0])] {
        do {
            let nodes = try Graphviz.shared.nodeAttributes(dot: dot, names: ["label"])
            precondition(nodes["n0"] != nil && nodes["n1"] != nil, "the actors' nodes are missing")
            precondition(nodes.keys.allSatisfy { $0 == "n0" || $0 == "n1" || $0.hasPrefix("legend_") || $0.hasPrefix("corner_") },
                         "data created nodes: \(nodes.keys.sorted())")
        } catch {
            fatalError("DOT written by DiploGraph was rejected: \(error)\n\(dot)")
        }
    }
    do {
        let dot = writer.dot(for: network.slices[0], options: DiagramOptions(layout: layout, showsGhosts: true, sizeBy: .degree))
        _ = try Graphviz.shared.render(dot: dot, engine: .pinned, format: .svg)
    } catch {
        fatalError("Graphviz could not draw DOT written by DiploGraph: \(error)")
    }
    return 0
}
