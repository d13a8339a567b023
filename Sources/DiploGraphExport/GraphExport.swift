import Foundation
import DiploGraph
import DiploGraphText
import DiploGraphOutput

/// Graph files for Gephi, networkx, igraph and R: the slices' typed ties with their weights.
///
/// Every format carries, per tie, its slice, kind and summed weight in the slice, and per
/// node its label and group. Text is escaped for the format (XML, JSON, CSV). GraphML,
/// JSON and CSV have a row per slice, so with overlapping slices (windows, cumulative) an
/// event counts in each slice that holds it; GEXF's static edge weight counts it once.
public enum GraphExport {
    /// The formats ``GraphExport`` writes: GEXF 1.3, GraphML, networkx node-link JSON and a CSV edge list.
    public enum Format: String, Sendable, CaseIterable {
        /// `gexf`: GEXF 1.3 (Gephi); `graphml`: GraphML; `json`: networkx node-link JSON; `csv`:
        /// an edge list; `rem`: events in time order for relational event models (``rem(_:)``);
        /// `spells`: networkDynamic edge spells with a vertex table beside them (``spells(_:)``).
        case gexf, graphml, json, csv, rem, spells
    }

    /// Text every file DiploGraph writes in `format` holds in its first kilobyte: an existing
    /// file without it is not replaced (see ``/DiploGraphOutput/StagedFile``).
    /// - Parameter format: the file format.
    /// - Returns: the text (a creator element, a comment, a JSON field or the CSV header).
    /// - Complexity: O(1).
    public static func signature(of format: Format) -> String {
        switch format {
        case .gexf: "<creator>DiploGraph</creator>"
        case .graphml: "<!-- Written by DiploGraph -->"
        case .json: "\"generator\" : \"DiploGraph\""
        case .csv: "slice,source,target,kind,weight,events\n"
        case .rem: remHeader
        case .spells: spellsHeader
        }
    }

    /// The signatures of every format ``GraphExport`` writes: an export replaces a file an
    /// earlier export wrote in any of its formats (a CSV export over a JSON one, say),
    /// and no other file (see ``/DiploGraphOutput/StagedFile``).
    ///
    /// The CSV headers (csv, rem, spells) and the GraphML comment must start the file; the GEXF creator element
    /// and the JSON generator field must be in its first kilobyte.
    public static let signatures: [FileSignature] = Format.allCases.map { format in
        switch format {
        case .gexf, .json: FileSignature(known: signature(of: format), at: .firstKilobyte)
        case .graphml: FileSignature(known: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + signature(of: format), at: .start)
        case .csv, .rem, .spells: FileSignature(known: signature(of: format), at: .start)
        }
    }

    /// `network` in `format`: ``gexf(_:)``, ``graphML(_:)``, ``nodeLinkJSON(_:)`` or ``csv(_:)``.
    /// - Parameters:
    ///   - network: the sliced events.
    ///   - format: the file format.
    /// - Returns: the file's text.
    /// - Throws: ``/DiploGraph/ValueError`` only if a weight is not finite or the XML could not be
    ///   written, which slicing and the fixed element names rule out; for `rem` and `spells`,
    ///   when there is no selected event.
    /// - Complexity: O(*e* + *t*) for *e* entities and the *t* typed ties of all slices.
    public static func render(_ network: SlicedNetwork, as format: Format) throws(ValueError) -> String {
        switch format {
        case .gexf: try gexf(network)
        case .graphml: try graphML(network)
        case .json: try nodeLinkJSON(network)
        case .csv: csv(network)
        case .rem: try rem(network)
        case .spells: try spells(network)
        }
    }

    /// Writes `network` in `format` to the file at `path`, staged: the file appears (or is
    /// replaced, keeping its permissions) only when the whole text was written.
    ///
    /// An existing file is replaced only if it carries one of ``signatures`` (an earlier
    /// export wrote it, in any format), or when `force` is set (see ``/DiploGraphOutput/StagedFile``).
    /// - Parameters:
    ///   - network: the sliced events.
    ///   - format: the file format.
    ///   - path: the file to write; a symbolic link is written through.
    ///   - force: replace an existing file DiploGraph did not write.
    /// - Throws: ``/DiploGraph/AnyDiploGraphError`` holding ``/DiploGraph/ValueError`` as
    ///   ``render(_:as:)`` does, or ``/DiploGraphOutput/OutputError`` when the file may not be
    ///   replaced or cannot be written.
    /// - Complexity: O(*e* + *t*) for *e* entities and the *t* typed ties of all slices, plus
    ///   writing the file.
    public static func write(_ network: SlicedNetwork, as format: Format, toFile path: String,
                             force: Bool = false) throws(AnyDiploGraphError) {
        let file = try AnyDiploGraphError.wrapping { () throws(OutputError) in try StagedFile(path: path, signatures: signatures, force: force) }
        if format == .spells {
            // Both files are staged before either appears.
            let verticesPath = spellVerticesPath(besideSpells: path)
            let vertices = try AnyDiploGraphError.wrapping { () throws(OutputError) in
                try StagedFile(path: verticesPath, signatures: [FileSignature(known: spellVerticesHeader, at: .start)], force: force)
            }
            let texts = try AnyDiploGraphError.wrapping { () throws(ValueError) in
                (vertices: try spellVertices(network), spells: try render(network, as: format))
            }
            try AnyDiploGraphError.wrapping { () throws(OutputError) in
                try vertices.write(texts.vertices)
                try file.write(texts.spells)
                try vertices.commit()
                try file.commit()
            }
            return
        }
        let text = try AnyDiploGraphError.wrapping { () throws(ValueError) in try render(network, as: format) }
        try AnyDiploGraphError.wrapping { () throws(OutputError) in
            try file.write(text)
            try file.commit()
        }
    }

    // MARK: - GEXF

    /// GEXF 1.3, dynamic: one spell per slice on nodes and edges, spells that never overlap,
    /// one edge per pair and kind (GEXF's `kind` on parallel typed edges), with the weight in
    /// each slice as a dynamic `slice_weight` attribute and the total weight of the tie's
    /// distinct events as the edge's `weight`.
    ///
    /// Gephi refuses overlapping intervals, and sliding windows and cumulative slices overlap
    /// in time, so each slice is shown on the timeline by the periods it adds to the
    /// previous one (see ``timelinePeriods(of:slicing:)``): a calendar slice by its period, a
    /// window by its last `step` periods (all of it when `step` is at least its width), a
    /// cumulative slice by its last period. At every time the timeline shows the latest slice
    /// ending there, and `slice_weight` is that slice's weight: a window's attribute value is the
    /// weight of the tie's events in the whole window. An event in several slices counts once
    /// in `weight`.
    ///
    /// Spells are closed intervals, which Gephi and networkx both read: yearly slices as
    /// integer years (`start="2018" end="2018"`), finer slices, windows and cumulative slices
    /// as dates from the first to the last day they are shown; `all` makes a static graph.
    /// Written through ``XMLWriter``: text is escaped and characters XML 1.0 cannot carry are dropped.
    /// - Parameter network: the sliced events.
    /// - Returns: the GEXF document.
    /// - Throws: ``/DiploGraph/ValueError`` only if the document could not be written as XML, which the
    ///   writer's checks on names (all fixed here) rule out.
    /// - Complexity: O(*s* + *t*) for *s* node appearances and *t* typed ties over all slices,
    ///   plus O(*v*) expected for the *v* events the ties hold.
    public static func gexf(_ network: SlicedNetwork) throws(ValueError) -> String {
        enum Time { case none, integer, date }
        let unit = network.options.slicing.unit
        let time: Time
        switch (network.options.slicing.mode, unit) {
        case (_, .all): time = .none
        case (.calendar, .year): time = .integer
        default: time = .date
        }
        func interval(_ slice: Slice) -> [(name: String, value: String)] {
            let periods = timelinePeriods(of: slice, slicing: network.options.slicing)
            switch time {
            case .none: return []
            case .integer: return [("start", String(periods.lowerBound)), ("end", String(periods.upperBound - 1))]
            case .date: return [("start", periodStart(periods.lowerBound, unit)), ("end", periodEnd(periods.upperBound - 1, unit))]
            }
        }
        let isDynamic = time != .none
        var xml = XMLWriter()
        try xml.startElement("gexf", attributes: [
            ("xmlns", "http://gexf.net/1.3"), ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            ("xsi:schemaLocation", "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd"), ("version", "1.3"),
        ], layout: .block)
        try xml.startElement("meta")
        try xml.element("creator", text: "DiploGraph")
        try xml.element("description", text: "Events from \(network.log.file)")
        try xml.endElement()
        var graphAttributes: [(name: String, value: String)] = [
            ("defaultedgetype", network.options.isDirected ? "directed" : "undirected"), ("mode", isDynamic ? "dynamic" : "static"),
        ]
        switch time {
        case .none: break
        case .integer: graphAttributes += [("timeformat", "integer"), ("timerepresentation", "interval")]
        case .date: graphAttributes += [("timeformat", "date"), ("timerepresentation", "interval")]
        }
        try xml.startElement("graph", attributes: graphAttributes, layout: .block)
        var declared: [(forClass: String, mode: String, id: String, type: String)] = [("node", "static", "group", "string"), ("edge", "static", "kind", "string")]
        if isDynamic { declared.append(("edge", "dynamic", "slice_weight", "double")) }
        for attribute in declared {
            try xml.startElement("attributes", attributes: [("class", attribute.forClass), ("mode", attribute.mode)], layout: .block)
            try xml.element("attribute", attributes: [("id", attribute.id), ("title", attribute.id), ("type", attribute.type)])
            try xml.endElement()
        }
        func spells(_ slices: [Int]) throws(ValueError) {
            guard isDynamic else { return }
            try xml.startElement("spells")
            for slice in slices { try xml.element("spell", attributes: interval(network.slices[slice])) }
            try xml.endElement()
        }
        try xml.startElement("nodes", layout: .block)
        var slicesOf = [[Int]](repeating: [], count: network.entities.count)
        for (s, slice) in network.slices.enumerated() { for node in slice.nodes { slicesOf[Int(node)].append(s) } }
        for entity in network.entitiesInAnySlice() {
            let e = network.entities[entity.position]
            try xml.startElement("node", attributes: [("id", e.id), ("label", e.label)], layout: .block)
            try xml.startElement("attvalues")
            try xml.element("attvalue", attributes: [("for", "group"), ("value", e.group)])
            try xml.endElement()
            try spells(slicesOf[entity.position])
            try xml.endElement()
        }
        try xml.endElement()
        try xml.startElement("edges", layout: .block)
        // One edge per (source, target, kind) over all slices.
        struct Key: Hashable { let source: EntityIndex, target: EntityIndex, kind: KindIndex }
        var order: [Key] = []
        var appearances: [Key: [(slice: Int, weight: Double)]] = [:]
        // The weight of each tie's distinct events: slices may share events (windows, cumulative).
        var totals: [Key: Double] = [:]
        var counted: [Key: Set<EventIndex>] = [:]
        for (s, slice) in network.slices.enumerated() {
            for tie in network.typedTies(inOwn: slice) {
                let key = Key(source: tie.source, target: tie.target, kind: tie.kind)
                if appearances[key] == nil { order.append(key) }
                appearances[key, default: []].append((s, tie.weight))
                let seen = counted[key, default: []]
                // An event may enter one tie twice in a slice (a relay's leg and act between
                // merged groups): it counts as often as it does in the slice.
                for event in tie.events where !seen.contains(event) {
                    totals[key, default: 0] += network.log[event].weight
                }
                counted[key, default: []].formUnion(tie.events)
            }
        }
        for (index, key) in order.enumerated() {
            let slices = appearances[key]!
            let kind = network.log.kinds[key.kind].id
            let total = totals[key, default: 0]
            try xml.startElement("edge", attributes: [
                ("id", "e\(index)"), ("source", network.entities[Int(key.source)].id), ("target", network.entities[Int(key.target)].id),
                ("kind", kind), ("weight", NumberFormat.exact(total)),
            ], layout: .block)
            try xml.startElement("attvalues")
            try xml.element("attvalue", attributes: [("for", "kind"), ("value", kind)])
            if isDynamic {
                for (s, weight) in slices {
                    try xml.element("attvalue", attributes: [("for", "slice_weight"), ("value", NumberFormat.exact(weight))] + interval(network.slices[s]))
                }
            }
            try xml.endElement()
            try spells(slices.map(\.slice))
            try xml.endElement()
        }
        try xml.endElement()
        try xml.endElement()
        try xml.endElement()
        return try xml.document()
    }

    /// The periods `slice` stands for on a timeline where slices never overlap: what it adds
    /// to the slice before it.
    ///
    /// A calendar slice stands for its period; a window for its last `step` periods (all of
    /// it when `step` is at least its width); a cumulative slice for its last period. The
    /// ranges of consecutive slices are disjoint and in order, and each lies in its slice.
    /// - Parameters:
    ///   - slice: a slice made with `slicing`.
    ///   - slicing: how the slices were made.
    /// - Returns: a non-empty range within `slice.periods`.
    /// - Complexity: O(1).
    public static func timelinePeriods(of slice: Slice, slicing: Slicing) -> Range<Int> {
        let periods = slice.periods
        switch slicing.mode {
        case .calendar: return periods
        case .window(_, let step): return max(periods.lowerBound, periods.upperBound - step)..<periods.upperBound
        case .cumulative: return (periods.upperBound - 1)..<periods.upperBound
        }
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
    /// edge per slice, pair and kind (a multigraph when a pair has several), `weight` being
    /// the tie's weight in that slice.
    ///
    /// Written through ``XMLWriter``: text is escaped and characters XML 1.0 cannot carry are dropped.
    /// - Parameter network: the sliced events.
    /// - Returns: the GraphML document.
    /// - Throws: ``/DiploGraph/ValueError`` only if the document could not be written as XML, which the
    ///   writer's checks on names (all fixed here) rule out.
    /// - Complexity: O(*n* + *t*) for *n* entities and *t* typed ties over all slices.
    public static func graphML(_ network: SlicedNetwork) throws(ValueError) -> String {
        var xml = XMLWriter()
        try xml.comment("Written by DiploGraph")
        try xml.startElement("graphml", attributes: [
            ("xmlns", "http://graphml.graphdrawing.org/xmlns"), ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            ("xsi:schemaLocation", "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"),
        ], layout: .block)
        let keys = [("label", "node", "string"), ("group", "node", "string"), ("slice", "edge", "string"),
                    ("kind", "edge", "string"), ("weight", "edge", "double")]
        for (id, domain, type) in keys {
            try xml.element("key", attributes: [("id", id), ("for", domain), ("attr.name", id), ("attr.type", type)])
        }
        try xml.startElement("graph", attributes: [("id", "G"), ("edgedefault", network.options.isDirected ? "directed" : "undirected")],
                             layout: .block)
        for entity in network.entitiesInAnySlice() {
            let e = network.entities[entity.position]
            try xml.startElement("node", attributes: [("id", e.id)])
            try xml.element("data", attributes: [("key", "label")], text: e.label)
            try xml.element("data", attributes: [("key", "group")], text: e.group)
            try xml.endElement()
        }
        var index = 0
        for slice in network.slices {
            for tie in network.typedTies(inOwn: slice) {
                try xml.startElement("edge", attributes: [("id", "e\(index)"), ("source", network.entities[Int(tie.source)].id),
                                                          ("target", network.entities[Int(tie.target)].id)])
                try xml.element("data", attributes: [("key", "slice")], text: slice.label)
                try xml.element("data", attributes: [("key", "kind")], text: network.log.kinds[tie.kind].id)
                try xml.element("data", attributes: [("key", "weight")], text: NumberFormat.exact(tie.weight))
                try xml.endElement()
                index += 1
            }
        }
        try xml.endElement()
        try xml.endElement()
        return try xml.document()
    }

    // MARK: - node-link JSON

    /// networkx node-link JSON (`nx.node_link_graph(data, edges="links")`): a multigraph with
    /// `label`, `group` on nodes and `slice`, `kind`, `weight` on links, `weight` being the
    /// tie's weight in that slice.
    /// - Throws: ``/DiploGraph/ValueError`` only if a weight is not finite, which slicing rules out.
    /// - Parameter network: the sliced events.
    /// - Returns: the JSON text, keys sorted.
    /// - Complexity: O(*e* + *t*) for *e* entities and the *t* typed ties of all slices.
    public static func nodeLinkJSON(_ network: SlicedNetwork) throws(ValueError) -> String {
        let nodes: [JSONValue] = network.entitiesInAnySlice().map { entity in
            let e = network.entities[entity.position]
            return .object([("id", .string(e.id)), ("label", .string(e.label)), ("group", .string(e.group))])
        }
        var links: [JSONValue] = []
        var keyOfPair: [String: Int] = [:]
        for slice in network.slices {
            for tie in network.typedTies(inOwn: slice) {
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
    ///
    /// One row per typed tie of each slice: its summed `weight` and the number of `events` it sums.
    /// - Parameter network: the sliced events.
    /// - Returns: the CSV text, with a header row.
    /// - Complexity: O(*t*) for the *t* typed ties of all slices.
    public static func csv(_ network: SlicedNetwork) -> String {
        var out = "slice,source,target,kind,weight,events\n"
        for slice in network.slices {
            for tie in network.typedTies(inOwn: slice) {
                out += [Escape.csv(slice.label), Escape.csv(network.entities[Int(tie.source)].id), Escape.csv(network.entities[Int(tie.target)].id),
                        Escape.csv(network.log.kinds[tie.kind].id), NumberFormat.exact(tie.weight), String(tie.eventCount)].joined(separator: ",") + "\n"
            }
        }
        return out
    }
}
