import Foundation
import DiploGraph

/// Graph files for Gephi, networkx, igraph and R: the slices' typed ties with their weights.
///
/// Every format carries, per tie, its slice, kind and summed weight, and per node its
/// label and group. Text is escaped for the format (XML, JSON, CSV).
public enum GraphExport {
    /// The formats `diplograph export --to` writes.
    public enum Format: String, Sendable, CaseIterable {
        case gexf, graphml, json, csv
    }

    /// Text every file DiploGraph writes in `format` holds in its first kilobyte: an existing
    /// file without it is not replaced (see ``StagedFile``).
    public static func signature(of format: Format) -> String {
        switch format {
        case .gexf: "<creator>DiploGraph</creator>"
        case .graphml: "<!-- Written by DiploGraph -->"
        case .json: "\"generator\" : \"DiploGraph\""
        case .csv: "slice,source,target,kind,weight,events\n"
        }
    }

    public static func render(_ network: SlicedNetwork, as format: Format) throws(ValueError) -> String {
        switch format {
        case .gexf: gexf(network)
        case .graphml: graphML(network)
        case .json: try nodeLinkJSON(network)
        case .csv: csv(network)
        }
    }

    /// The entities that appear in at least one slice, in entity order.
    static func drawnEntities(_ network: SlicedNetwork) -> [Int32] {
        var present = [Bool](repeating: false, count: network.entities.count)
        for slice in network.slices { for node in slice.nodes { present[Int(node)] = true } }
        return (0..<Int32(network.entities.count)).filter { present[Int($0)] }
    }

    /// XML text and attribute values: ``Escape/html(_:)``, which also drops the control
    /// characters XML 1.0 cannot carry.
    private static func xml(_ text: String) -> String { Escape.html(text) }

    // MARK: - GEXF

    /// GEXF 1.3, dynamic: one spell per slice on nodes and edges, one edge per pair and kind
    /// (GEXF's `kind` on parallel typed edges), with the weight in each slice as a dynamic
    /// `slice_weight` attribute and the total as the edge's `weight`.
    ///
    /// Spells are closed intervals, which Gephi and networkx both read: yearly slices as
    /// integer years (`start="2018" end="2018"`), finer slices, windows and cumulative slices
    /// as dates from the first to the last day they cover; `all` makes a static graph.
    public static func gexf(_ network: SlicedNetwork) -> String {
        enum Time { case none, integer, date }
        let unit = network.options.slicing.unit
        let time: Time
        switch (network.options.slicing.mode, unit) {
        case (_, .all): time = .none
        case (.calendar, .year): time = .integer
        default: time = .date
        }
        func interval(_ slice: Slice) -> String {
            switch time {
            case .none: return ""
            case .integer: return "start=\"\(slice.periods.lowerBound)\" end=\"\(slice.periods.upperBound - 1)\""
            case .date: return "start=\"\(periodStart(slice.periods.lowerBound, unit))\" end=\"\(periodEnd(slice.periods.upperBound - 1, unit))\""
            }
        }
        func spell(_ slice: Slice) -> String { "<spell \(interval(slice))/>" }
        func stamp(_ slice: Slice) -> String { " " + interval(slice) }
        let isDynamic = time != .none
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
        out += "xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" version=\"1.3\">\n"
        out += "  <meta><creator>DiploGraph</creator><description>\(xml("Events from \(network.log.file)"))</description></meta>\n"
        out += "  <graph defaultedgetype=\"\(network.options.isDirected ? "directed" : "undirected")\" mode=\"\(isDynamic ? "dynamic" : "static")\""
        switch time {
        case .none: break
        case .integer: out += " timeformat=\"integer\" timerepresentation=\"interval\""
        case .date: out += " timeformat=\"date\" timerepresentation=\"interval\""
        }
        out += ">\n"
        out += "    <attributes class=\"node\" mode=\"static\">\n      <attribute id=\"group\" title=\"group\" type=\"string\"/>\n    </attributes>\n"
        out += "    <attributes class=\"edge\" mode=\"static\">\n      <attribute id=\"kind\" title=\"kind\" type=\"string\"/>\n    </attributes>\n"
        if isDynamic {
            out += "    <attributes class=\"edge\" mode=\"dynamic\">\n      <attribute id=\"slice_weight\" title=\"slice_weight\" type=\"double\"/>\n    </attributes>\n"
        }
        out += "    <nodes>\n"
        var slicesOf = [[Int]](repeating: [], count: network.entities.count)
        for (s, slice) in network.slices.enumerated() { for node in slice.nodes { slicesOf[Int(node)].append(s) } }
        for entity in drawnEntities(network) {
            let e = network.entities[Int(entity)]
            out += "      <node id=\"\(xml(e.id))\" label=\"\(xml(e.label))\">\n"
            out += "        <attvalues><attvalue for=\"group\" value=\"\(xml(e.group))\"/></attvalues>\n"
            if isDynamic { out += "        <spells>" + slicesOf[Int(entity)].map { spell(network.slices[$0]) }.joined() + "</spells>\n" }
            out += "      </node>\n"
        }
        out += "    </nodes>\n    <edges>\n"
        // One edge per (source, target, kind) over all slices.
        struct Key: Hashable { let source: EntityIndex, target: EntityIndex, kind: KindIndex }
        var order: [Key] = []
        var appearances: [Key: [(slice: Int, weight: Double)]] = [:]
        for (s, slice) in network.slices.enumerated() {
            for tie in network.typedTies(in: slice) {
                let key = Key(source: tie.source, target: tie.target, kind: tie.kind)
                if appearances[key] == nil { order.append(key) }
                appearances[key, default: []].append((s, tie.weight))
            }
        }
        for (index, key) in order.enumerated() {
            let slices = appearances[key]!
            let kind = network.log.kinds[key.kind].id
            let total = slices.reduce(0) { $0 + $1.weight }
            out += "      <edge id=\"e\(index)\" source=\"\(xml(network.entities[Int(key.source)].id))\" target=\"\(xml(network.entities[Int(key.target)].id))\" kind=\"\(xml(kind))\" weight=\"\(NumberFormat.exact(total))\">\n"
            out += "        <attvalues><attvalue for=\"kind\" value=\"\(xml(kind))\"/>"
            if isDynamic {
                for (s, weight) in slices { out += "<attvalue for=\"slice_weight\" value=\"\(NumberFormat.exact(weight))\"\(stamp(network.slices[s]))/>" }
            }
            out += "</attvalues>\n"
            if isDynamic { out += "        <spells>" + slices.map { spell(network.slices[$0.slice]) }.joined() + "</spells>\n" }
            out += "      </edge>\n"
        }
        return out + "    </edges>\n  </graph>\n</gexf>\n"
    }

    static func periodStart(_ period: Int, _ unit: SliceUnit) -> String {
        switch unit {
        case .year, .all: return String(format: "%04d-01-01", period)
        case .quarter: return String(format: "%04d-%02d-01", period / 4, (period % 4) * 3 + 1)
        case .month: return String(format: "%04d-%02d-01", period / 12, period % 12 + 1)
        }
    }

    static func periodEnd(_ period: Int, _ unit: SliceUnit) -> String {
        let (year, month): (Int, Int)
        switch unit {
        case .year, .all: (year, month) = (period, 12)
        case .quarter: (year, month) = (period / 4, (period % 4) * 3 + 3)
        case .month: (year, month) = (period / 12, period % 12 + 1)
        }
        return String(format: "%04d-%02d-%02d", year, month, EventDate.daysIn(month: month, year: year))
    }

    // MARK: - GraphML

    /// GraphML with `label` and `group` on nodes and `slice`, `kind`, `weight` on edges: one
    /// edge per slice, pair and kind (a multigraph when a pair has several).
    public static func graphML(_ network: SlicedNetwork) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<!-- Written by DiploGraph -->\n"
        out += "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
        out += "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
        out += "  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
        out += "  <key id=\"group\" for=\"node\" attr.name=\"group\" attr.type=\"string\"/>\n"
        out += "  <key id=\"slice\" for=\"edge\" attr.name=\"slice\" attr.type=\"string\"/>\n"
        out += "  <key id=\"kind\" for=\"edge\" attr.name=\"kind\" attr.type=\"string\"/>\n"
        out += "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n"
        out += "  <graph id=\"G\" edgedefault=\"\(network.options.isDirected ? "directed" : "undirected")\">\n"
        for entity in drawnEntities(network) {
            let e = network.entities[Int(entity)]
            out += "    <node id=\"\(xml(e.id))\"><data key=\"label\">\(xml(e.label))</data><data key=\"group\">\(xml(e.group))</data></node>\n"
        }
        var index = 0
        for slice in network.slices {
            for tie in network.typedTies(in: slice) {
                out += "    <edge id=\"e\(index)\" source=\"\(xml(network.entities[Int(tie.source)].id))\" target=\"\(xml(network.entities[Int(tie.target)].id))\">"
                out += "<data key=\"slice\">\(xml(slice.label))</data><data key=\"kind\">\(xml(network.log.kinds[tie.kind].id))</data>"
                out += "<data key=\"weight\">\(NumberFormat.exact(tie.weight))</data></edge>\n"
                index += 1
            }
        }
        return out + "  </graph>\n</graphml>\n"
    }

    // MARK: - node-link JSON

    /// networkx node-link JSON (`nx.node_link_graph(data, edges="links")`): a multigraph with
    /// `label`, `group` on nodes and `slice`, `kind`, `weight` on links.
    /// - Throws: ``ValueError`` only if a weight is not finite, which slicing rules out.
    public static func nodeLinkJSON(_ network: SlicedNetwork) throws(ValueError) -> String {
        let nodes: [JSONValue] = drawnEntities(network).map { entity in
            let e = network.entities[Int(entity)]
            return .object([("id", .string(e.id)), ("label", .string(e.label)), ("group", .string(e.group))])
        }
        var links: [JSONValue] = []
        var keyOfPair: [String: Int] = [:]
        for slice in network.slices {
            for tie in network.typedTies(in: slice) {
                let source = network.entities[Int(tie.source)].id, target = network.entities[Int(tie.target)].id
                let pair = source + "\u{0}" + target
                let key = keyOfPair[pair, default: 0]
                keyOfPair[pair] = key + 1
                links.append(.object([("source", .string(source)), ("target", .string(target)), ("key", .integer(key)),
                                      ("slice", .string(slice.label)), ("kind", .string(network.log.kinds[tie.kind].id)),
                                      ("weight", .number(tie.weight))]))
            }
        }
        return try JSONValue.object([
            ("directed", .bool(network.options.isDirected)), ("multigraph", .bool(true)),
            ("graph", .object([("generator", .string("DiploGraph")), ("source", .string(network.log.file))])),
            ("nodes", .array(nodes)), ("links", .array(links)),
        ]).text()
    }

    // MARK: - CSV

    /// An edge list: `slice,source,target,kind,weight,events`.
    public static func csv(_ network: SlicedNetwork) -> String {
        var out = "slice,source,target,kind,weight,events\n"
        for slice in network.slices {
            for tie in network.typedTies(in: slice) {
                out += [Escape.csv(slice.label), Escape.csv(network.entities[Int(tie.source)].id), Escape.csv(network.entities[Int(tie.target)].id),
                        Escape.csv(network.log.kinds[tie.kind].id), NumberFormat.exact(tie.weight), String(tie.eventCount)].joined(separator: ",") + "\n"
            }
        }
        return out
    }
}
