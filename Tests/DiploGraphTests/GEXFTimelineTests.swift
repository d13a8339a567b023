import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import DiploGraph
import DiploGraphIO

// GEXF's timeline for every slicing, read back from the file by XMLParser and by networkx:
// no node, edge or attribute value has overlapping spells (Gephi refuses them), each slice's
// weight sits on the slice's own spell, and an edge's static weight counts each event once.

/// A GEXF file's timeline: spells per node, and per edge (`source>target kind`) its static
/// weight, spells and `slice_weight` values. Intervals are closed, as `(start, end)` text:
/// integer years or ISO dates, which order as text.
struct GEXFTimeline: Equatable {
    struct Edge: Equatable {
        var weight: Double
        var spells: [[String]] = []
        var sliceWeights: [SliceWeight] = []
    }
    struct SliceWeight: Equatable, CustomStringConvertible {
        let value: Double, start: String, end: String
        var description: String { "\(value)@\(start)...\(end)" }
    }
    var nodes: [String: [[String]]] = [:]
    var edges: [String: Edge] = [:]

    /// The timeline as XMLParser reads the document.
    static func parsing(_ document: String) throws -> GEXFTimeline {
        let reader = Reader()
        let parser = XMLParser(data: Data(document.utf8))
        parser.delegate = reader
        try #require(parser.parse(), "the GEXF does not parse: \(String(describing: parser.parserError))")
        return reader.timeline
    }

    /// The timeline as networkx's `read_gexf` reads the file.
    static func networkx(_ path: String) throws -> GEXFTimeline {
        let script = """
            import json, sys
            import networkx as nx
            g = nx.read_gexf(sys.argv[1])
            nodes = {str(n): [[str(s), str(e)] for s, e in d.get("spells", [])] for n, d in g.nodes(data=True)}
            edges = {f"{u}>{v} {d['kind']}": {"weight": float(d["weight"]),
                                             "spells": [[str(s), str(e)] for s, e in d.get("spells", [])],
                                             "slice_weight": [[float(w), str(s), str(e)] for w, s, e in d.get("slice_weight", [])]}
                     for u, v, d in g.edges(data=True)}
            print(json.dumps({"nodes": nodes, "edges": edges}))
            """
        let result = try GraphFilesReadBackTests.python(["-c", script, path])
        try #require(result.status == 0, "\(result.message)")
        let object = try #require(try JSONSerialization.jsonObject(with: result.output) as? [String: Any])
        var timeline = GEXFTimeline()
        timeline.nodes = try #require(object["nodes"] as? [String: [[String]]])
        for (key, value) in try #require(object["edges"] as? [String: [String: Any]]) {
            let values = try #require(value["slice_weight"] as? [[Any]]).map { row in
                SliceWeight(value: row[0] as? Double ?? .nan, start: row[1] as? String ?? "", end: row[2] as? String ?? "")
            }
            timeline.edges[key] = Edge(weight: try #require(value["weight"] as? Double),
                                       spells: try #require(value["spells"] as? [[String]]), sliceWeights: values)
        }
        return timeline
    }

    /// Where two closed intervals of one list overlap, as messages.
    static func overlaps(_ intervals: [[String]], of what: String) -> [String] {
        let sorted = intervals.sorted { $0[0] < $1[0] }
        var problems = intervals.filter { $0[0] > $0[1] }.map { "\(what): spell \($0) ends before it starts" }
        for (earlier, later) in zip(sorted, sorted.dropFirst()) where later[0] <= earlier[1] {
            problems.append("\(what): \(earlier) overlaps \(later)")
        }
        return problems
    }

    /// Every overlap among the spells of a node or edge and among the `slice_weight` values of an edge.
    var overlaps: [String] {
        nodes.flatMap { Self.overlaps($0.value, of: "node \($0.key)") }
            + edges.flatMap { edge in
                Self.overlaps(edge.value.spells, of: "edge \(edge.key)")
                    + Self.overlaps(edge.value.sliceWeights.map { [$0.start, $0.end] }, of: "slice_weight of \(edge.key)")
            }
    }

    private final class Reader: NSObject, XMLParserDelegate {
        var timeline = GEXFTimeline()
        private var node: String?
        private var edge: String?
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            switch name {
            case "node":
                node = attributes["id"]
                timeline.nodes[node ?? ""] = []
            case "edge":
                edge = "\(attributes["source"] ?? "")>\(attributes["target"] ?? "") \(attributes["kind"] ?? "")"
                timeline.edges[edge ?? ""] = Edge(weight: Double(attributes["weight"] ?? "") ?? .nan)
            case "spell":
                let interval = [attributes["start"] ?? "", attributes["end"] ?? ""]
                if let edge { timeline.edges[edge]?.spells.append(interval) } else if let node { timeline.nodes[node]?.append(interval) }
            case "attvalue" where attributes["for"] == "slice_weight":
                if let edge {
                    timeline.edges[edge]?.sliceWeights.append(SliceWeight(value: Double(attributes["value"] ?? "") ?? .nan,
                                                                          start: attributes["start"] ?? "", end: attributes["end"] ?? ""))
                }
            default: break
            }
        }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "node" { node = nil }
            if name == "edge" { edge = nil }
        }
    }
}

@Suite struct GEXFTimelineTests {
    /// Four events over three years: a→b in March 2016 (1) and March 2018 (4), b→c in March 2017 (2), summits; c→a in June 2018 (0.5), pressure..
    static func small(_ slicing: Slicing) throws -> SlicedNetwork {
        let log = try DatasetReader.readEvents(bytes: Array("""
            date,source,target,kind,weight
            2016-03,a,b,summit,1
            2017-03,b,c,summit,2
            2018-03,a,b,summit,4
            2018-06,c,a,pressure,0.5

            """.utf8), name: "small.events.csv")
        return try Slicer.slice(log, options: SliceOptions(slicing: slicing))
    }

    static func koreanPeninsula(_ slicing: Slicing) throws -> SlicedNetwork {
        let graphs = GraphFilesReadBackTests.root.appendingPathComponent("graphs").path + "/korean-peninsula"
        let log = try DatasetReader.readDataset(events: graphs + ".events.csv", actors: graphs + ".actors.csv", kinds: graphs + ".kinds.csv")
        return try Slicer.slice(log, options: SliceOptions(slicing: slicing))
    }

    /// The timelines of `network`'s GEXF as XMLParser and (when installed) networkx read it; both must agree.
    static func timelines(_ network: SlicedNetwork) throws -> GEXFTimeline {
        let document = try GraphExport.gexf(network)
        let parsed = try GEXFTimeline.parsing(document)
        if GraphFilesReadBackTests.hasNetworkx {
            let folder = try Folder()
            #expect(try GEXFTimeline.networkx(folder.file("t.gexf", document)) == parsed, "networkx reads another timeline")
        }
        #expect(parsed.overlaps == [])
        return parsed
    }

    static func year(_ y: Int) -> [String] { ["\(y)-01-01", "\(y)-12-31"] }
    static func weight(_ value: Double, _ y: Int) -> GEXFTimeline.SliceWeight { .init(value: value, start: "\(y)-01-01", end: "\(y)-12-31") }

    @Test func yearlySlicesHaveOneSpellEach() throws {
        let timeline = try Self.timelines(Self.small(.calendar(.year)))
        #expect(timeline.nodes == ["a": [["2016", "2016"], ["2018", "2018"]], "b": [["2016", "2016"], ["2017", "2017"], ["2018", "2018"]],
                                   "c": [["2017", "2017"], ["2018", "2018"]]])
        #expect(timeline.edges == [
            "a>b summit": .init(weight: 5, spells: [["2016", "2016"], ["2018", "2018"]],
                               sliceWeights: [.init(value: 1, start: "2016", end: "2016"), .init(value: 4, start: "2018", end: "2018")]),
            "b>c summit": .init(weight: 2, spells: [["2017", "2017"]], sliceWeights: [.init(value: 2, start: "2017", end: "2017")]),
            "c>a pressure": .init(weight: 0.5, spells: [["2018", "2018"]], sliceWeights: [.init(value: 0.5, start: "2018", end: "2018")]),
        ])
    }

    /// Windows 2016..2017 and 2017..2018 are shown at their last year; each keeps its whole weight.
    @Test func slidingWindowsAreShownAtTheirLastStep() throws {
        let timeline = try Self.timelines(Self.small(try .window(unit: .year, width: 2, step: 1)))
        #expect(timeline.nodes == ["a": [Self.year(2017), Self.year(2018)], "b": [Self.year(2017), Self.year(2018)], "c": [Self.year(2017), Self.year(2018)]])
        #expect(timeline.edges == [
            "a>b summit": .init(weight: 5, spells: [Self.year(2017), Self.year(2018)], sliceWeights: [Self.weight(1, 2017), Self.weight(4, 2018)]),
            "b>c summit": .init(weight: 2, spells: [Self.year(2017), Self.year(2018)], sliceWeights: [Self.weight(2, 2017), Self.weight(2, 2018)]),
            "c>a pressure": .init(weight: 0.5, spells: [Self.year(2018)], sliceWeights: [Self.weight(0.5, 2018)]),
        ])
    }

    /// Windows that do not overlap (a step of at least the width) are shown whole, gaps left open.
    @Test func disjointWindowsAreShownWhole() throws {
        let timeline = try Self.timelines(Self.small(try .window(unit: .year, width: 1, step: 2)))
        #expect(timeline.nodes == ["a": [Self.year(2016), Self.year(2018)], "b": [Self.year(2016), Self.year(2018)], "c": [Self.year(2018)]])
        #expect(timeline.edges["a>b summit"] == .init(weight: 5, spells: [Self.year(2016), Self.year(2018)],
                                                   sliceWeights: [Self.weight(1, 2016), Self.weight(4, 2018)]))
        #expect(timeline.edges["b>c summit"] == nil)
        // Quarterly windows of two quarters, one apart: the last, 2018-Q1..2018-Q2, at its second quarter.
        let quarters = try Self.timelines(Self.small(try .window(unit: .quarter, width: 2, step: 1)))
        #expect(quarters.edges["c>a pressure"] == .init(weight: 0.5, spells: [["2018-04-01", "2018-06-30"]],
                                                        sliceWeights: [.init(value: 0.5, start: "2018-04-01", end: "2018-06-30")]))
        // The first window, 2016-Q1..2016-Q2, is shown at 2016-Q2: nothing is shown before it.
        #expect(quarters.edges["a>b summit"] == .init(weight: 5, spells: [["2016-04-01", "2016-06-30"],
                                                                          ["2018-01-01", "2018-03-31"], ["2018-04-01", "2018-06-30"]],
                                                      sliceWeights: [.init(value: 1, start: "2016-04-01", end: "2016-06-30"),
                                                                     .init(value: 4, start: "2018-01-01", end: "2018-03-31"),
                                                                     .init(value: 4, start: "2018-04-01", end: "2018-06-30")]))
    }

    /// Cumulative slices are shown at their last year: a tie from its first event on, with the weight so far.
    @Test func cumulativeSlicesAreShownAtTheirLastPeriod() throws {
        let timeline = try Self.timelines(Self.small(try .cumulative(.year)))
        #expect(timeline.nodes["a"] == [Self.year(2016), Self.year(2017), Self.year(2018)])
        #expect(timeline.nodes["c"] == [Self.year(2017), Self.year(2018)])
        #expect(timeline.edges == [
            "a>b summit": .init(weight: 5, spells: [Self.year(2016), Self.year(2017), Self.year(2018)],
                               sliceWeights: [Self.weight(1, 2016), Self.weight(1, 2017), Self.weight(5, 2018)]),
            "b>c summit": .init(weight: 2, spells: [Self.year(2017), Self.year(2018)], sliceWeights: [Self.weight(2, 2017), Self.weight(2, 2018)]),
            "c>a pressure": .init(weight: 0.5, spells: [Self.year(2018)], sliceWeights: [Self.weight(0.5, 2018)]),
        ])
    }

    /// On the article's events, for every slicing: no overlaps, each edge's static weight is the
    /// weight of its events over the whole file (each slicing here covers every year), and each
    /// slice's weight sits on the year it is shown at. Trump→Kim `talks` is two events.
    @Test(arguments: ["yearly", "windows", "cumulative"])
    func koreanPeninsulaForEverySlicing(_ name: String) throws {
        let slicing: Slicing = switch name {
        case "windows": try .window(unit: .year, width: 2, step: 1)
        case "cumulative": try .cumulative(.year)
        default: .calendar(.year)
        }
        let network = try Self.koreanPeninsula(slicing)
        let timeline = try Self.timelines(network)
        #expect(timeline.edges["trump>kim-jong-un talks"]?.weight == 2, "\(name)")
        let whole = try Self.koreanPeninsula(.calendar(.all))
        let all = try whole.typedTies(in: whole.slices[0])
        #expect(timeline.edges.count == all.count, "\(name)")
        for tie in all {
            let key = "\(whole.entities[tie.source.position].id)>\(whole.entities[tie.target.position].id) \(whole.log.kinds[tie.kind].id)"
            #expect(timeline.edges[key]?.weight == tie.weight, "\(name): \(key)")
        }
        var expected: [String: [GEXFTimeline.SliceWeight]] = [:]
        for slice in network.slices {
            let shown = slice.periods.upperBound - 1
            let (start, end) = name == "yearly" ? ("\(shown)", "\(shown)") : ("\(shown)-01-01", "\(shown)-12-31")
            for tie in try network.typedTies(in: slice) {
                let key = "\(network.entities[tie.source.position].id)>\(network.entities[tie.target.position].id) \(network.log.kinds[tie.kind].id)"
                expected[key, default: []].append(.init(value: tie.weight, start: start, end: end))
            }
        }
        #expect(timeline.edges.mapValues(\.sliceWeights) == expected, "\(name)")
        #expect(timeline.edges.mapValues(\.spells) == expected.mapValues { $0.map { [$0.start, $0.end] } }, "\(name)")
    }
}
