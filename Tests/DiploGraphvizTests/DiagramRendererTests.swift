import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import DiploGraph
import DiploGraphIO
import DiploGraphviz

/// The diagram API as a library user sees it: plain imports, public API only.
@Suite struct DiagramRendererTests {
    /// The checkout's default dataset, `graphs/korean-peninsula.*.csv`, sliced by year.
    static func defaultNetwork() throws -> SlicedNetwork {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let base = root.appendingPathComponent("graphs/korean-peninsula").path
        let kinds = try DatasetReader.readKinds(path: base + ".kinds.csv")
        let actors = try DatasetReader.readActors(path: base + ".actors.csv")
        let log = try DatasetReader.readEvents(path: base + ".events.csv", actors: actors, kinds: kinds)
        return try Slicer.slice(log, options: SliceOptions())
    }

    /// Parses `svg` as XML, collecting the text of its `<text>` elements and its groups' classes.
    final class SVGReader: NSObject, XMLParserDelegate {
        var texts: [String] = []
        var classes: Set<String> = []
        private var inText = false

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            if name == "text" { inText = true; texts.append("") }
            if let value = attributes["class"] { classes.insert(value) }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "text" { inText = false }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if inText { texts[texts.count - 1] += string }
        }

        /// Whether `svg` is well-formed XML (the reader then holds its texts and classes).
        func read(_ svg: String) -> Bool {
            let parser = XMLParser(data: Data(svg.utf8))
            parser.delegate = self
            return parser.parse()
        }
    }

    @Test func renders2018OfTheDefaultDatasetToSVG() throws {
        let network = try Self.defaultNetwork()
        let options = try DiagramOptions(sizeBy: .brokerage, title: "The US, Moon Jae-in and the two Koreas")
        let renderer = try DiagramRenderer(network: network, options: options)
        let slice = try #require(network.slice(labelled: "2018"))
        let drawing = try renderer.draw(slice)
        #expect(drawing.warnings.isEmpty, "\(drawing.warnings)")
        let svg = try #require(drawing.svg)
        let reader = SVGReader()
        #expect(reader.read(svg), "not well-formed XML")
        // Graphviz writes runs of spaces as no-break spaces: the same visible text.
        let texts = Set(reader.texts.map { $0.replacingOccurrences(of: "\u{A0}", with: " ") })
        for node in slice.nodes {
            let label = network.entities[Int(node)].label
            // One label size; the brokerage is the number after the name.
            #expect(texts.contains { $0.hasPrefix(label + " (") && $0.hasSuffix(")") }, "no label \(label)")
        }
        #expect(reader.classes.contains("legend"), "no legend group")
        #expect(texts.contains("Kinds of tie") && texts.contains("Number after a name"), "legend text missing")
        #expect(texts.contains("2018"))
    }

    @Test func everySliceSharesOneCanvasAndTheGridDraws() throws {
        let network = try Self.defaultNetwork()
        let renderer = try DiagramRenderer(network: network, engine: .fdp)
        func viewBox(_ svg: String) -> Substring? {
            svg.range(of: "viewBox=\"").flatMap { start in svg[start.upperBound...].split(separator: "\"").first }
        }
        let boxes = try network.slices.map { try viewBox(#require(renderer.draw($0).svg)) }
        #expect(Set(boxes).count == 1, "\(boxes)")
        let grid = try renderer.drawGrid()
        #expect(grid.figure == .grid && grid.warnings.isEmpty)
        #expect(try #require(grid.svg).contains("class=\"legend\""))
    }

    @Test func pngAndPDFComeAsBytes() throws {
        let network = try Self.defaultNetwork()
        let png = try DiagramRenderer(network: network, format: .png).draw(network.slices[0])
        #expect(png.svg == nil && Array(png.bytes.prefix(4)) == [0x89, 0x50, 0x4E, 0x47])
        #expect(png.bytes.count > 33 && String(decoding: png.bytes[33..<200], as: UTF8.self).contains("pHYs"), "no resolution chunk")
        let pdf = try DiagramRenderer(network: network, format: .pdf).draw(network.slices[0])
        #expect(String(decoding: pdf.bytes.prefix(5), as: UTF8.self) == "%PDF-")
    }

    @Test func theStandaloneDOTCarriesItsLegendAndNamesNodesByEntity() throws {
        let network = try Self.defaultNetwork()
        let renderer = try DiagramRenderer(network: network, composesLegend: false)
        let slice = network.slices[0]
        let dot = try renderer.dot(for: slice)
        #expect(dot.contains("Kinds of tie"))
        let entity = try EntityIndex(Int(slice.nodes[0]))
        #expect(dot.contains("  \(renderer.writer.nodeName(of: entity)) ["))
        let nodes = try Graphviz.shared.nodeAttributes(dot: dot, names: ["label"])
        #expect(nodes[renderer.writer.nodeName(of: entity)]?["label"] == network.entities[entity.position].label)
    }

    /// Drawing many slices, graphs built ahead on another core, gives every slice's own drawing
    /// byte for byte and in order, also when there are more slices than one block ahead; a
    /// slice of another network is refused before anything is drawn, and an error of the
    /// receiver ends the run with that error.
    @Test func drawingManySlicesEqualsDrawingEach() throws {
        let network = try Self.defaultNetwork()
        let renderer = try DiagramRenderer(network: network)
        // Every slice four times over: more than twice the block built ahead.
        let slices = Array(repeating: network.slices, count: 4).flatMap { $0 }
        #expect(slices.count > 2 * DiagramRenderer.aheadCount)
        var drawings: [Drawing] = []
        try renderer.draw(slices) { slice, drawing in
            #expect(drawing.figure == .slice(slice.label))
            drawings.append(drawing)
        }
        #expect(drawings.count == slices.count)
        for (slice, drawing) in zip(slices, drawings) {
            let alone = try renderer.draw(slice)
            #expect(drawing.figure == alone.figure && drawing.bytes == alone.bytes, "\(slice.label)")
        }
        let foreign = try #require(try Self.defaultNetwork().slice(labelled: "2018"))
        var received = 0
        do {
            try renderer.draw(network.slices + [foreign]) { _, _ in received += 1 }
            Issue.record("a foreign slice was drawn")
        } catch {
            #expect(error.base as? DiagramError == .foreignSlice(label: "2018"))
        }
        #expect(received == 0)
        do {
            try renderer.draw(slices) { _, _ throws(AnyDiploGraphError) in
                received += 1
                if received == 10 { throw AnyDiploGraphError(ValueError("enough")) }
            }
            Issue.record("the receiver's error was lost")
        } catch {
            #expect(error.base as? ValueError == ValueError("enough"))
        }
        #expect(received == 10)
    }

    /// A slice of another network (here: the same file sliced again, and the network by
    /// groups) is refused, not drawn with the wrong indices or trapped on.
    @Test func aSliceOfAnotherNetworkIsRefused() throws {
        let network = try Self.defaultNetwork()
        let renderer = try DiagramRenderer(network: network)
        for other in [try Self.defaultNetwork(), try network.mergingGroups()] {
            let foreign = try #require(other.slice(labelled: "2018"))
            #expect(throws: DiagramError.foreignSlice(label: "2018")) { try renderer.draw(foreign) }
            #expect(throws: DiagramError.foreignSlice(label: "2018")) { try renderer.dot(for: foreign) }
            #expect(throws: ValueError("slice '2018' is not a slice of the diagrams' network")) {
                try renderer.writer.graph(for: foreign)
            }
        }
        #expect(try PrintWidth(" 6.5in ").description == "6.5in")
    }

    /// A layout made for another network (here: the network by groups, and sizes around the
    /// network's) is refused by every call that draws with it, instead of trapping ("Index out
    /// of range") when read past its end.
    @Test func aLayoutOfAnotherNetworkIsRefused() throws {
        let network = try Self.defaultNetwork()
        let byGroup = try network.mergingGroups()
        let groupLayout = try DiagramRenderer(network: byGroup).options.layout!
        let count = network.entities.count
        let slice = try #require(network.slice(labelled: "2018"))
        let writer = DiagramWriter(network: network)
        for layout in [groupLayout, try DiagramLayout(entityCount: count + 1, positions: [:]), try DiagramLayout(entityCount: 0, positions: [:]),
                       try DiagramLayout(entityCount: count - 1, positions: [EntityIndex(0): try Point(x: 1, y: 2)])] {
            let options = try DiagramOptions(layout: layout)
            let placed = layout.positions.count
            let message = "the layout places \(placed) entities, but the network has \(count): a layout is made for one network"
            #expect(throws: DiagramError.foreignLayout(placed: placed, entities: count)) { _ = try DiagramRenderer(network: network, options: options) }
            #expect(throws: DiagramError.foreignLayout(placed: placed, entities: count)) {
                _ = try DiagramRenderer(network: network, options: options, engine: .pinned)
            }
            #expect(throws: ValueError(message)) { try writer.checkLayout(of: options) }
            #expect(throws: ValueError(message)) { try writer.dot(for: slice, options: options) }
            #expect(throws: ValueError(message)) { try writer.graph(for: slice, options: options) }
            #expect(throws: ValueError(message)) { try writer.gridGraph(options: options) }
            #expect(throws: ValueError(message)) { try writer.gridDOT(options: options) }
            #expect(throws: ValueError(message)) { try writer.legibilityWarning(options: options, grid: true) }
            #expect(throws: ValueError(message)) { try writer.legibilityWarning(options: options, grid: false) }
            #expect(DiagramError.foreignLayout(placed: placed, entities: count).description == message)
        }
        // The network's own layout draws.
        let own = try DiagramRenderer(network: network)
        try writer.checkLayout(of: own.options)
        #expect(try writer.gridDOT(options: own.options).hasPrefix("digraph"))
    }

    @Test func thePinnedEngineCannotMakeTheSharedLayout() throws {
        let network = try Self.defaultNetwork()
        #expect(throws: DiagramError.unsupportedEngine(.pinned)) { _ = try DiagramRenderer(network: network, engine: .pinned) }
    }

    // MARK: - Validation of user values

    @Test func printWidthsAreValidated() throws {
        #expect(try PrintWidth("6.5in").points == 468)
        #expect(try PrintWidth("800px").isPixels)
        #expect(throws: ValueError.self) { _ = try PrintWidth("6.5") }
        #expect(throws: ValueError.self) { _ = try PrintWidth("0.5in") }
        #expect(throws: ValueError.self) { _ = try PrintWidth("nanin") }
        #expect(try PrintWidth(points: 300).points == 300)
        #expect(throws: ValueError.self) { _ = try PrintWidth(points: 10) }
        #expect(throws: ValueError.self) { _ = try PrintWidth(points: .infinity) }
    }

    @Test func diagramOptionsRefuseAnUnusableResolution() throws {
        #expect(try DiagramOptions(rasterDPI: 300).rasterDPI == 300)
        #expect(throws: ValueError.self) { _ = try DiagramOptions(rasterDPI: 0) }
        #expect(throws: ValueError.self) { _ = try DiagramOptions(rasterDPI: .nan) }
    }

    @Test func layoutsRefuseEntitiesOutsideTheNetworkAndNonFiniteValues() throws {
        let layout = try DiagramLayout(entityCount: 2, positions: [EntityIndex(1): try Point(x: 3, y: 4)])
        #expect(try layout.positions == [nil, Point(x: 3, y: 4)])
        #expect(throws: ValueError.self) { _ = try DiagramLayout(entityCount: 2, positions: [EntityIndex(2): try Point(x: 0, y: 0)]) }
        #expect(throws: ValueError("the point (nan, 0.0): coordinates must be finite")) { _ = try Point(x: .nan, y: 0) }
        #expect(throws: ValueError.self) { _ = try Point(x: 0, y: -.infinity) }
        #expect(throws: ValueError("the size -1.0 × 5.0: sides must be finite and not negative")) { _ = try Size(width: -1, height: 5) }
        #expect(throws: ValueError.self) { _ = try Size(width: 1, height: .nan) }
        #expect(throws: ValueError.self) { _ = try DiagramLayout(entityCount: -1, positions: [:]) }
    }
}
