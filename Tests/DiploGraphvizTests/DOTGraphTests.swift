import Foundation
import Testing
import DiploGraph
import DiploGraphIO
import DiploGraphviz

/// The DOT model (`DOTGraph`) as a library user sees it: plain imports, public API only.
@Suite struct DOTGraphTests {
    /// A network whose labels, groups and notes hold quotes, backslashes, HTML specials,
    /// control characters and non-ASCII text.
    static func hostileNetwork() throws -> SlicedNetwork {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dotgraph-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let actors = """
        id,label,group
        a,"Say ""hi"" \\ <b>&amp;</b> ]]","G""<1>"" x"
        b,"back\\\\slash\\N end\\",Gé日本
        c,"tab\there\u{7}bell & ok","G""<1>"" x"
        d,"   ",Ω

        """
        let events = """
        date,source,target,kind,weight,note
        2020,a,b,mediation,2,"note with ""quotes"" and \\ and <tag> &amp; \\N\\G"
        2020,b,c,summit,1,"line one
        line two\r\nline three \u{1} ctrl"
        2020,c,a,pressure,3,trailing backslash \\
        2021,a,d,summit,1,"日本語 ]] > <"
        2021,d,b,mediation,1,

        """
        try actors.write(to: folder.appendingPathComponent("actors.csv"), atomically: true, encoding: .utf8)
        try events.write(to: folder.appendingPathComponent("events.csv"), atomically: true, encoding: .utf8)
        let table = try DatasetReader.readActors(path: folder.appendingPathComponent("actors.csv").path)
        let log = try DatasetReader.readEvents(path: folder.appendingPathComponent("events.csv").path, actors: table, kinds: KindTable())
        return try Slicer.slice(log, options: SliceOptions())
    }

    /// Every figure of `network` drawn from the statements and from their DOT text: the same bytes.
    static func expectSameDrawings(_ network: SlicedNetwork, options: DiagramOptions) throws {
        let renderer = try DiagramRenderer(network: network, options: options)
        for slice in network.slices {
            let graph = try renderer.writer.graph(for: slice, options: renderer.options)
            #expect(try graph.dot == renderer.writer.dot(for: slice, options: renderer.options))
            let built = try renderer.draw(graph, figure: .slice(slice.label))
            let parsed = try renderer.draw(dot: graph.dot, figure: .slice(slice.label))
            #expect(built.bytes == parsed.bytes, "slice \(slice.label)")
            #expect(built.warnings == parsed.warnings)
            let standalone = try renderer.writer.graph(for: slice, options: renderer.standaloneOptions)
            #expect(try Graphviz.shared.render(graph: standalone, engine: .pinned).bytes
                    == Graphviz.shared.render(dot: standalone.dot, engine: .pinned).bytes, "standalone slice \(slice.label)")
        }
        let grid = try renderer.writer.gridGraph(options: renderer.options)
        #expect(try renderer.draw(grid, figure: .grid).bytes == renderer.draw(dot: grid.dot, figure: .grid).bytes)
    }

    @Test func theDefaultDatasetDrawsTheSameBuiltAsParsed() throws {
        let network = try DiagramRendererTests.defaultNetwork()
        try Self.expectSameDrawings(network, options: try DiagramOptions(sizeBy: .brokerage, title: "The US, Moon Jae-in and the two Koreas"))
    }

    @Test func hostileTextDrawsTheSameBuiltAsParsed() throws {
        let network = try Self.hostileNetwork()
        try Self.expectSameDrawings(network, options: try DiagramOptions(showsGhosts: true, sizeBy: .degree, title: "\"Quotes\" \\ <b> & é"))
        // Without a shared layout the legend and heading are the graph's label.
        let writer = DiagramWriter(network: network)
        for slice in network.slices {
            let graph = try writer.graph(for: slice)
            #expect(try Graphviz.shared.render(graph: graph, engine: .neato).bytes == Graphviz.shared.render(dot: graph.dot, engine: .neato).bytes)
        }
    }

    @Test func theEncodingWritesEachFormAndStatement() throws {
        var graph = try DOTGraph(name: "a \"b\"", isDirected: true)
        graph.attributes = [try DOTAttribute("label", try DOTValue(html: "<b>x</b>")), try DOTAttribute("pad", try DOTValue(identifier: "0"))]
        graph.edgeDefaults = [try DOTAttribute("arrowsize", try DOTValue(identifier: "0.5"))]
        graph.statements = [
            .node(try DOTNode(name: "n0", attributes: [try DOTAttribute("tooltip", try DOTValue(string: "say \"hi\" \\\\ ok"))])),
            .comment("two\nlines"),
            .edge(try DOTEdge(tail: "n0", head: "n1")),
        ]
        #expect(graph.dot == """
            digraph "a \\"b\\"" {
              graph [label=<<b>x</b>>, pad=0];
              edge [arrowsize=0.5];
              n0 [tooltip="say \\"hi\\" \\\\ ok"];
              // two
              // lines
              n0 -> n1;
            }

            """)
        // Graphviz reads the text back to the same values.
        let attributes = try Graphviz.shared.nodeAttributes(dot: graph.dot, names: ["tooltip"])
        #expect(attributes["n0"]?["tooltip"] == "say \"hi\" \\\\ ok")
    }

    @Test func valuesDOTCannotWriteAreRefused() {
        for text in ["", "1a", "a-b", "node", "Graph", "a b", "é", "--1", "1.2.3", "."] {
            #expect(throws: ValueError.self, "\(text)") { try DOTValue(identifier: text) }
        }
        for text in ["a", "_x9", "-1.5", ".5", "8.00", "12"] { #expect(throws: Never.self) { try DOTValue(identifier: text) } }
        for text in ["ends \\", "lone \\\" quote", "nul \u{0}", "join \\\nlines"] {
            #expect(throws: ValueError.self, "\(text)") { try DOTValue(string: text) }
        }
        for text in ["", "even \\\\", "\\\\\" quote", "x\\ny"] { #expect(throws: Never.self) { try DOTValue(string: text) } }
        for text in ["<b", "a>b", "<<b>", "nul \u{0}"] { #expect(throws: ValueError.self, "\(text)") { try DOTValue(html: text) } }
        #expect(throws: Never.self) { try DOTValue(html: "<b>x</b> &amp;") }
    }

    @Test func namesDOTCannotWriteAreRefused() throws {
        let value = try DOTValue(identifier: "1")
        #expect(throws: ValueError.self) { try DOTAttribute("1x", value) }
        #expect(throws: ValueError.self) { try DOTAttribute("12", value) }
        #expect(throws: ValueError.self) { try DOTAttribute("font name", value) }
        #expect(throws: ValueError.self) { try DOTNode(name: "n 0") }
        #expect(throws: ValueError.self) { try DOTNode(name: "edge") }
        #expect(throws: ValueError.self) { try DOTEdge(tail: "n0", head: "\"n1\"") }
        #expect(throws: ValueError.self) { try DOTEdge(tail: "", head: "n1") }
        #expect(throws: ValueError.self) { try DOTGraph(name: "ends \\", isDirected: false) }
    }
}
