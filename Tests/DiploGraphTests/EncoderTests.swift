import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import DiploGraph
import DiploGraphIO

// The encoders' public behaviour, through the public API only: the XML writer, GEXF and
// GraphML read back by networkx, the Markdown report's template, the import's file writing,
// the staged export and the diagram budget.

/// A scratch folder removed when the value goes away.
final class Folder {
    let path: String
    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("diplograph-encoders-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(atPath: path) }
    func file(_ name: String, _ text: String) throws -> String {
        let file = path + "/" + name
        try text.write(toFile: file, atomically: false, encoding: .utf8)
        return file
    }
    func read(_ name: String) throws -> String { try String(contentsOfFile: path + "/" + name, encoding: .utf8) }
}

/// What XMLParser reads: each element's name, attributes and text, in document order.
private final class Collector: NSObject, XMLParserDelegate {
    var elements: [(name: String, attributes: [String: String])] = []
    var text: [String: String] = [:]
    private var open: [String] = []
    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        elements.append((name, attributes))
        open.append(name)
    }
    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) { open.removeLast() }
    func parser(_ parser: XMLParser, foundCharacters string: String) { text[open.last ?? "", default: ""] += string }

    static func parse(_ document: String) -> Collector? {
        let parser = XMLParser(data: Data(document.utf8))
        let collector = Collector()
        parser.delegate = collector
        return parser.parse() ? collector : nil
    }
}

/// `text` without the characters XML 1.0 cannot carry.
private func carried(_ text: String) -> String {
    String(String.UnicodeScalarView(text.unicodeScalars.filter(Escape.isXMLCharacter)))
}

@Suite struct XMLWriterTests {
    @Test func writesBlocksInlineElementsAndEscapedText() throws {
        var xml = XMLWriter()
        try xml.comment("Written by a test")
        try xml.startElement("root", attributes: [("xmlns", "urn:x"), ("a", "1 & <2> \"q\" 'p'")], layout: .block)
        try xml.startElement("inner", layout: .block)
        try xml.element("empty", attributes: [("v", "tab\there\nline\rcr")])
        try xml.element("blank", text: "")
        try xml.endElement()
        try xml.startElement("line")
        try xml.element("b", text: "x\r\ny < z")
        try xml.element("c", text: "\u{1}bell\u{7}\u{FFFE}")
        try xml.endElement()
        try xml.endElement()
        #expect(try xml.document() == """
            <?xml version="1.0" encoding="UTF-8"?>
            <!-- Written by a test -->
            <root xmlns="urn:x" a="1 &amp; &lt;2&gt; &quot;q&quot; &#39;p&#39;">
              <inner>
                <empty v="tab&#9;here&#10;line&#13;cr"/>
                <blank></blank>
              </inner>
              <line><b>x&#13;
            y &lt; z</b><c>bell</c></line>
            </root>

            """)
    }

    /// Whatever the text, the document parses and gives the text back, less the characters
    /// XML 1.0 cannot carry.
    @Test func anyTextParsesBackAsWritten() throws {
        let pieces = ["plain", "a&b", "<tag>", "\"'", "]]>", "tab\t", "new\nline", "cr\r", "crlf\r\n", "\u{0}\u{1}\u{8}\u{B}\u{C}\u{1F}",
                      "\u{7F}\u{80}\u{9F}", "\u{D7FF}\u{E000}\u{FFFD}\u{FFFE}\u{FFFF}", "\u{10000}\u{10FFFF}", "é e\u{301}", "&amp;", " lead", "trail "]
        var rng = SystemRandomNumberGenerator()
        for round in 0..<50 {
            let value = (0..<6).map { _ in pieces.randomElement(using: &rng)! }.joined()
            var xml = XMLWriter()
            try xml.startElement("doc", attributes: [("value", value)], layout: .block)
            try xml.element("text", text: value)
            try xml.endElement()
            let document = try xml.document()
            let parsed = try #require(Collector.parse(document), "round \(round): \(document.debugDescription)")
            #expect(parsed.elements.first?.attributes["value"] == carried(value), "\(value.debugDescription)")
            #expect(parsed.text["text", default: ""] == carried(value), "\(value.debugDescription)")
        }
    }

    @Test func escapingFunctionsMatchTheWriter() {
        #expect(XMLWriter.escapedAttribute("a\t\"b\"\n") == "a&#9;&quot;b&quot;&#10;")
        #expect(XMLWriter.escapedText("a\t\"b\"\n\u{FFFF}") == "a\t&quot;b&quot;\n")
    }

    @Test func misuseIsAnErrorNotAMalformedDocument() throws {
        var xml = XMLWriter()
        #expect(throws: ValueError.self) { try xml.document() }
        #expect(throws: ValueError.self) { try xml.endElement() }
        #expect(throws: ValueError.self) { try xml.text("loose") }
        #expect(throws: ValueError.self) { try xml.startElement("1st") }
        #expect(throws: ValueError.self) { try xml.startElement("a b") }
        #expect(throws: ValueError.self) { try xml.startElement("") }
        #expect(throws: ValueError.self) { try xml.startElement("a", attributes: [("x", "1"), ("x", "2")]) }
        #expect(throws: ValueError.self) { try xml.startElement("a", attributes: [("x=\"1\" y", "2")]) }
        #expect(throws: ValueError.self) { try xml.comment("a -- b") }
        #expect(throws: ValueError.self) { try xml.comment("ends-") }
        #expect(throws: ValueError.self) { try xml.comment("bell\u{7}") }
        try xml.startElement("root", layout: .block)
        #expect(throws: ValueError.self) { try xml.text("text in a block") }
        #expect(throws: ValueError.self) { try xml.document() }
        try xml.endElement()
        #expect(throws: ValueError.self) { try xml.startElement("second") }
        #expect(try xml.document() == "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<root>\n</root>\n")
        var bare = XMLWriter(declaration: false)
        try bare.element("x:y-z.1", attributes: [("é", "1")])
        #expect(try bare.document() == "<x:y-z.1 é=\"1\"/>\n")
    }
}

/// A small network whose labels and groups hold markup, quotes, tabs, line breaks and
/// characters XML cannot carry.
private func hostileNetwork(_ folder: Folder, slicing: Slicing = .calendar(.year)) throws -> SlicedNetwork {
    let actors = try folder.file("h.actors.csv", "id,label,group\n"
        + "a,\"A <&> \"\"q\"\" 'p'\ttab\nline\rcr\u{1B}[31m\u{FFFE}\",\"G|1\u{7}\"\n"
        + "b,B,\"G 2\"\nc,C,G3\n")
    let events = try folder.file("h.events.csv", "date,source,target,kind,weight\n"
        + "2018,a,b,summit,1\n2018,a,b,summit,2.5\n2018,b,c,pressure,1\n2019,c,a,summit,1\n")
    let log = try DatasetReader.readEvents(path: events, actors: DatasetReader.readActors(path: actors))
    return try Slicer.slice(log, options: SliceOptions(slicing: slicing))
}

@Suite struct GraphFilesReadBackTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Runs `python3` with the checkout's test packages on its path: status, stdout and stderr.
    static func python(_ arguments: [String]) throws -> (status: Int32, output: Data, message: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["PYTHONPATH"] = root.appendingPathComponent(".build/python-test").path + (environment["PYTHONPATH"].map { ":" + $0 } ?? "")
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, data, message)
    }

    static let hasNetworkx = (try? python(["-c", "import networkx"]).status) == 0

    /// networkx's view of a GEXF or GraphML file: nodes with label and group, edges with their data.
    static func networkx(_ path: String, reader: String) throws -> [String: Any]? {
        let script = """
            import json, sys
            import networkx as nx
            g = nx.\(reader)(sys.argv[1])
            nodes = {str(n): {"label": d.get("label"), "group": d.get("group")} for n, d in g.nodes(data=True)}
            edges = sorted([str(u), str(v), d.get("kind"), d.get("slice"), float(d.get("weight", 0))] for u, v, d in g.edges(data=True))
            print(json.dumps({"nodes": nodes, "edges": edges}))
            """
        let result = try python(["-c", script, path])
        try #require(result.status == 0, "\(result.message)")
        return try JSONSerialization.jsonObject(with: result.output) as? [String: Any]
    }

    @Test(.enabled(if: hasNetworkx, "needs python3 with networkx (make test-deps installs it)"))
    func graphMLReadsBackAsTheNetwork() throws {
        let folder = try Folder()
        let network = try hostileNetwork(folder)
        let file = try folder.file("h.graphml", GraphExport.graphML(network))
        let graph = try #require(try Self.networkx(file, reader: "read_graphml"))
        let nodes = try #require(graph["nodes"] as? [String: [String: String]])
        #expect(nodes.count == 3)
        for entity in network.entities {
            #expect(nodes[entity.id] == ["label": carried(entity.label), "group": carried(entity.group)], "\(entity.id)")
        }
        #expect(nodes["a"]?["label"] == "A <&> \"q\" 'p'\ttab\nline\rcr[31m")
        let rows = try #require(graph["edges"] as? [[Any]])
        let edges = rows.map { "\($0[0])>\($0[1]) \($0[2]) \($0[3]) \($0[4])" }
        #expect(edges == ["a>b summit 2018 3.5", "b>c pressure 2018 1.0", "c>a summit 2019 1.0"])
    }

    @Test(.enabled(if: hasNetworkx, "needs python3 with networkx (make test-deps installs it)"))
    func gexfReadsBackAsTheNetwork() throws {
        let folder = try Folder()
        let network = try hostileNetwork(folder)
        let file = try folder.file("h.gexf", GraphExport.gexf(network))
        let graph = try #require(try Self.networkx(file, reader: "read_gexf"))
        let nodes = try #require(graph["nodes"] as? [String: [String: String]])
        for entity in network.entities {
            #expect(nodes[entity.id] == ["label": carried(entity.label), "group": carried(entity.group)], "\(entity.id)")
        }
        // GEXF has one edge per pair and kind over all slices, weighted by the total.
        let rows = try #require(graph["edges"] as? [[Any]])
        let edges = rows.map { "\($0[0])>\($0[1]) \($0[2]) \($0[4])" }
        #expect(edges == ["a>b summit 3.5", "b>c pressure 1.0", "c>a summit 1.0"])
        #expect(Collector.parse(try GraphExport.gexf(hostileNetwork(folder, slicing: .calendar(.all)))) != nil)
    }

    @Test func exportIsStagedAndReplacesOnlyItsOwnFiles() throws {
        let folder = try Folder()
        let network = try hostileNetwork(folder)
        let foreign = try folder.file("notes.graphml", "<mine/>\n")
        #expect { try GraphExport.write(network, as: .graphml, toFile: foreign) } throws: { error in
            (error as? AnyDiploGraphError)?.base is OutputError && (error as? AnyDiploGraphError)?.errorReason == .outputConflict(.foreignFile)
        }
        #expect(try folder.read("notes.graphml") == "<mine/>\n")
        try GraphExport.write(network, as: .graphml, toFile: foreign, force: true)
        #expect(try folder.read("notes.graphml") == GraphExport.graphML(network))
        // Written by DiploGraph: replaced without force, in another format's text of the same kind.
        try GraphExport.write(network, as: .graphml, toFile: foreign)
        try GraphExport.write(network, as: .json, toFile: folder.path + "/n.json")
        #expect(try folder.read("n.json") == GraphExport.nodeLinkJSON(network))
    }
}

@Suite struct MarkdownReportTests {
    /// report.md through its template: headings, escaped data, the roles table and a table per slice.
    @Test func reportMarkdownFollowsTheTemplate() throws {
        let folder = try Folder()
        let network = try hostileNetwork(folder)
        let a = try network.entityIndex(of: "a"), b = try network.entityIndex(of: "b")
        let roles = try ThirdPartyRoles(network: network, dyad: (a, b), rule: .min)
        let output = try StagedDirectory(path: folder.path + "/out")
        let options = Report.Options(measures: [.degree, .inDegree], roles: (roles, ("a", "b|x"), .min), title: "Title *with* | markup")
        _ = try Report.write(network: network, options: options, to: output) { _, _ in "<svg xmlns=\"http://www.w3.org/2000/svg\"/>" }
        try output.commit()
        let markdown = try String(contentsOfFile: folder.path + "/out/report.md", encoding: .utf8)
        let label = Escape.markdownCell(network.entities[a.position].label)
        #expect(markdown.hasPrefix("""
            # Title \\*with\\* \\| markup

            Events: `\(network.log.file)`, 4 events; 2 slices (directed).

            ## Third-party roles towards a – b\\|x (rule: min)

            \(roles.markdown(dyadLabels: ("a", "b|x")))
            ## 2018

            ![2018](2018.svg)

            3 events, 3 actors, 2 ties.

            | actor | degree | in_degree |
            |---|---:|---:|
            | \(label) | 1 | 0 |
            | B | 2 | 1 |
            | C | 1 | 1 |

            ## 2019

            ![2019](2019.svg)

            1 event, 2 actors, 1 tie.

            | actor | degree | in_degree |
            |---|---:|---:|
            | \(label) | 1 | 1 |
            | C | 1 | 0 |

            ## Glossary

            """), "\(markdown)")
        // The glossary closes the report: one line per measure, each with its reference.
        let glossary = markdown.components(separatedBy: "## Glossary\n\n").last ?? ""
        #expect(glossary.split(separator: "\n").count >= 10 && glossary.split(separator: "\n").allSatisfy { $0.hasPrefix("- **") && $0.hasSuffix(")") })
        // DiploGraph's own sentences, as written: an ampersand stays one (no HTML entity, no
        // backslash), and nothing in them is Markdown markup that would need escaping.
        #expect(glossary.contains("(Gould & Fernandez 1989, Sociological Methodology 19)"), "\(glossary)")
        #expect(!glossary.contains("&amp;") && !glossary.contains("\\"), "\(glossary)")
        #expect(glossary.split(separator: "\n").allSatisfy { $0.dropFirst(2).filter { "|*_`[]<>#!".contains($0) } == "****" }, "\(glossary)")
        #expect(label.contains("\\<&amp;\\>"))
    }
}

@Suite struct EventImportTests {
    static func fixture(_ name: String) -> String {
        Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures")!.path
    }

    @Test func writesTheEventsAndActorsFiles() throws {
        let folder = try Folder()
        let events = folder.path + "/k.events.csv"
        let actors = try EventImport.actorsPath(besideEvents: events)
        #expect(actors == folder.path + "/k.actors.csv")
        let summary = try EventImport(source: .icews, path: Self.fixture("icews-sample.tab")).write(eventsTo: events, actorsTo: actors)
        #expect(summary.imported == 9 && summary.rows == 12)
        #expect(try folder.read("k.actors.csv") == "id,label,group\nUnited States,United States,United States\nNorth Korea,North Korea,North Korea\nSouth Korea,South Korea,South Korea\n")
        let lines = try folder.read("k.events.csv").split(separator: "\n")
        #expect(lines.count == 10)
        #expect(lines.first.map(String.init) == String(EventImport.eventsHeader.dropLast()))
        #expect(lines[1] == "2017-08-08,United States,North Korea,pressure,1,Threaten with military force: Donald Trump → North Korea,138,26001")
        // What the import wrote, it replaces; the files read back as a dataset.
        _ = try EventImport(source: .icews, path: Self.fixture("icews-sample.tab")).write(eventsTo: events, actorsTo: actors)
        let log = try DatasetReader.readEvents(path: events, actors: DatasetReader.readActors(path: actors))
        #expect(log.events.count == 9)
    }

    @Test func anEventsFileNameMustEndInEventsCSV() {
        #expect(throws: ValueError.self) { try EventImport.actorsPath(besideEvents: "korea.csv") }
        #expect(throws: ValueError.self) { try EventImport.actorsPath(besideEvents: ".events.csv") }
        #expect(throws: ValueError.self) { try EventImport.actorsPath(besideEvents: "dir/.events.csv") }
        #expect((try? EventImport.actorsPath(besideEvents: "a/b.events.csv")) == "a/b.actors.csv")
    }

    @Test func filesItDidNotWriteStayAsTheyWere() throws {
        let folder = try Folder()
        let mine = "id,label,group\nx,Mine,y\n"
        let actors = try folder.file("k.actors.csv", mine)
        let source = EventImport(source: .icews, path: Self.fixture("icews-sample.tab"))
        do {
            _ = try source.write(eventsTo: folder.path + "/k.events.csv", actorsTo: actors)
            Issue.record("an actors file DiploGraph did not write was replaced")
        } catch {
            let refusal = try #require(error.base as? OutputError)
            #expect(refusal.kind == .foreignFile && refusal.path == actors)
        }
        #expect(try folder.read("k.actors.csv") == mine)
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/k.events.csv"))
        // A malformed file stops the import before anything is put in place.
        let bad = try folder.file("bad.tsv", "not\tgdelt\n")
        #expect { try EventImport(source: .gdelt, path: bad).write(eventsTo: folder.path + "/g.events.csv", actorsTo: folder.path + "/g.actors.csv")
        } throws: { ($0 as? AnyDiploGraphError)?.base is InputProblems }
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/g.events.csv"))
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/g.actors.csv"))
    }
}

@Suite struct DiagramBudgetTests {
    @Test func tooManySlicesAreRefusedBeforeDrawing() throws {
        let folder = try Folder()
        let events = try folder.file("m.events.csv", "date,source,target,kind\n1800-01,a,b,summit\n1990-01,a,b,summit\n")
        let network = try Slicer.slice(DatasetReader.readEvents(path: events), options: SliceOptions(slicing: .calendar(.month)))
        #expect(throws: DiagramBudget.Exceeded.tooManyDiagrams(slices: 2281)) { try DiagramBudget.check(network) }
        #expect("\(DiagramBudget.Exceeded.tooManyDiagrams(slices: 2281))" == "2281 slices would make 2281 diagrams, over the limit of 2000")
        let small = try hostileNetwork(folder)
        try DiagramBudget.check(small)
        #expect(DiagramBudget.estimatedBytes(of: small) > 0)
    }
}

@Suite struct JSONOutputTests {
    /// JSON goes through JSONEncoder: strings escaped as JSON, no number but finite ones.
    @Test func nonFiniteNumbersAreErrorsAndMissingOnesNull() throws {
        for value in [Double.infinity, -.infinity, .nan] {
            #expect(throws: ValueError.self) { try JSONValue.array([.number(value)]).text() }
        }
        let text = try JSONValue.object([("b", .number(nil)), ("a", .string("\"</x>\u{1}\n"))]).text()
        let decoded = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        #expect(decoded?["a"] as? String == "\"</x>\u{1}\n")
        #expect(decoded?["b"] is NSNull)
        #expect(text.hasSuffix("}\n") && !text.contains("inf"))
    }
}
