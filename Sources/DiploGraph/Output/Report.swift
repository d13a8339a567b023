import Foundation
import Mustache

/// Everything `diplograph report` writes, built from a sliced network.
///
/// The report is assembled here and rendered by a closure, so this library stays free of
/// Graphviz: the command line passes the one Graphviz owner's renderer in.
public struct Report {
    public struct Options {
        public var measures: [Measure]
        public var pathLength: PathLength
        /// The actor (or group) whose brokerage is charted over time.
        public var focus: Int32?
        /// The roles of third parties towards a dyad, computed by the caller (perhaps over groups).
        public var roles: (table: ThirdPartyRoles, dyad: (String, String), rule: RoleRule)?
        public var diagram: DiagramOptions
        public var title: String

        public init(measures: [Measure], pathLength: PathLength = .hops, focus: Int32? = nil,
                    roles: (table: ThirdPartyRoles, dyad: (String, String), rule: RoleRule)? = nil,
                    diagram: DiagramOptions = DiagramOptions(), title: String) {
            self.measures = measures
            self.pathLength = pathLength
            self.focus = focus
            self.roles = roles
            self.diagram = diagram
            self.title = title
        }
    }

    public static let defaultMeasures: [Measure] = [
        .degree, .strength, .betweenness, .harmonic, .pagerank, .constraint,
        .coordinator, .itinerant, .representative, .gatekeeper, .liaison, .brokerage,
    ]

    /// Writes the report's files into `output`.
    ///
    /// - Parameters:
    ///   - network: the sliced events.
    ///   - options: what to include.
    ///   - output: where the files go (committed by the caller).
    ///   - render: turns a slice's DOT into SVG text.
    /// - Returns: warnings to show the user.
    public static func write(network: SlicedNetwork, options: Options, to output: StagedDirectory,
                             render: (String) throws -> String) throws -> [String] {
        let table = CentralityTable(network: network, measures: options.measures, pathLength: options.pathLength)
        let writer = DiagramWriter(network: network)
        try output.write("centrality.csv", text: table.csv())
        try output.write("centrality.md", text: table.markdown())
        if let roles = options.roles { try output.write("roles.csv", text: roles.table.csv()) }

        var sliceViews: [[String: Any]] = []
        var markdown = "# \(Escape.markdownCell(options.title))\n\n"
        markdown += "Events: `\(Escape.markdownCell(network.log.file))`, \(counted(network.log.events.count, "event")); "
        markdown += "\(counted(network.slices.count, "slice")) (\(network.options.isDirected ? "directed" : "undirected")).\n\n"
        let warnings = table.warnings
        for slice in network.slices {
            let name = fileName(for: slice.label)
            let dot = writer.dot(for: slice, options: options.diagram)
            try output.write("\(name).dot", text: dot)
            let svg = try render(dot)
            try output.write("\(name).svg", text: svg)
            let rows = table.rows.filter { $0.slice == slice.label }
            sliceViews.append([
                "label": slice.label,
                "anchor": "slice-" + name,
                "svg": inlineSVG(svg),
                "counts": "\(counted(slice.eventIndices.count, "event")) · \(counted(slice.graph.nodeCount, "actor")) · \(counted(slice.graph.edgeCount, "tie"))",
                "rows": rows.map { row in
                    ["actor": row.actor.label, "group": row.actor.group,
                     "values": row.values.map { ["value": $0.map { NumberFormat.readable($0) } ?? "–"] }] as [String: Any]
                },
            ])
            markdown += "## \(Escape.markdownCell(slice.label))\n\n![\(Escape.markdownCell(slice.label))](\(name).svg)\n\n"
            markdown += "\(counted(slice.eventIndices.count, "event")), \(counted(slice.graph.nodeCount, "actor")), \(counted(slice.graph.edgeCount, "tie")).\n\n"
            var sliceTable = "| actor | " + options.measures.map(\.rawValue).joined(separator: " | ") + " |\n|---|"
            sliceTable += String(repeating: "---:|", count: options.measures.count) + "\n"
            for row in rows {
                sliceTable += "| \(Escape.markdownCell(row.actor.label)) | " + row.values.map { $0.map { NumberFormat.readable($0) } ?? "" }.joined(separator: " | ") + " |\n"
            }
            markdown += sliceTable + "\n"
        }
        var focusView: [String: Any]?
        if let focus = options.focus {
            let series = brokerageSeries(network: network, focus: focus, pathLength: options.pathLength)
            let entity = network.entities[Int(focus)]
            focusView = ["label": entity.label, "chart": BrokerageChart.svg(series: series, actorLabel: entity.label),
                         "rows": series.map { ["slice": $0.slice, "brokerage": $0.brokerage.map { NumberFormat.readable($0) } ?? "absent",
                                               "betweenness": $0.betweenness.map { NumberFormat.readable($0) } ?? "absent"] }]
            markdown += "## Brokerage of \(Escape.markdownCell(entity.label)) per slice\n\n| slice | brokerage (G–F total) | betweenness |\n|---|---:|---:|\n"
            for point in series {
                markdown += "| \(Escape.markdownCell(point.slice)) | \(point.brokerage.map { NumberFormat.readable($0) } ?? "absent") | \(point.betweenness.map { NumberFormat.readable($0) } ?? "absent") |\n"
            }
            markdown += "\n"
        }
        var rolesView: [String: Any]?
        if let roles = options.roles {
            rolesView = ["a": roles.dyad.0, "b": roles.dyad.1, "rule": roles.rule.rawValue,
                         "rows": roles.table.rows.map { row in
                             ["slice": row.slice, "third": row.third, "role": row.role.rawValue,
                              "score": NumberFormat.readable(row.score, digits: 3),
                              "sigmaA": NumberFormat.readable(row.stanceTowardsA, digits: 3),
                              "sigmaB": NumberFormat.readable(row.stanceTowardsB, digits: 3),
                              "events": row.eventsWithA + row.eventsWithB] as [String: Any]
                         }]
            markdown += "## Third-party roles towards \(Escape.markdownCell(roles.dyad.0)) – \(Escape.markdownCell(roles.dyad.1)) (rule: \(roles.rule.rawValue))\n\n"
            markdown += roles.table.markdown(dyadLabels: roles.dyad) + "\n"
        }
        let context: [String: Any] = [
            "title": options.title,
            "file": network.log.file,
            "eventCount": counted(network.log.events.count, "event"),
            "sliceCount": counted(network.slices.count, "slice"),
            "direction": network.options.isDirected ? "directed" : "undirected",
            "measures": options.measures.map { ["name": $0.rawValue] },
            "slices": sliceViews,
            "focus": focusView as Any,
            "hasFocus": focusView != nil,
            "roles": rolesView as Any,
            "hasRoles": rolesView != nil,
        ]
        let template = try MustacheTemplate(string: ReportTemplate.html)
        try output.write("report.html", text: template.render(context))
        try output.write("report.md", text: markdown)
        return warnings
    }

    /// `1 event`, `2 events`.
    static func counted(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }

    /// A slice label as a file name: letters, digits, `-`, `_` and `.` kept, anything else `_`.
    public static func fileName(for label: String) -> String {
        let mapped = String(label.unicodeScalars.map { scalar -> Character in
            let ok = ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_" || scalar == "."
            return ok ? Character(scalar) : "_"
        })
        return mapped.hasPrefix(".") || mapped.isEmpty ? "_" + mapped : mapped
    }

    /// SVG text from Graphviz without its XML prologue, ready to sit inside HTML.
    static func inlineSVG(_ svg: String) -> String {
        guard let start = svg.range(of: "<svg") else { return "" }
        return String(svg[start.lowerBound...])
    }

    /// The focal entity's Gould–Fernandez total and betweenness in each slice; `nil` where it is absent.
    public static func brokerageSeries(network: SlicedNetwork, focus: Int32, pathLength: PathLength) -> [BrokerageChart.Point] {
        network.slices.map { slice in
            guard let local = slice.nodes.firstIndex(of: focus) else {
                return BrokerageChart.Point(slice: slice.label, brokerage: nil, betweenness: nil)
            }
            let table = MeasureTable(slice: slice, of: network, measures: [.brokerage, .betweenness], pathLength: pathLength)
            return BrokerageChart.Point(slice: slice.label, brokerage: table.columns[0][local], betweenness: table.columns[1][local])
        }
    }
}

/// A small inline SVG line chart of one actor's brokerage over slices.
public enum BrokerageChart {
    public struct Point: Sendable {
        public let slice: String
        public let brokerage: Double?
        public let betweenness: Double?
    }

    /// Two panels side by side (G–F total, betweenness), one point per slice, gaps where absent.
    public static func svg(series: [Point], actorLabel: String) -> String {
        let panelWidth = 320.0, height = 200.0, left = 44.0, right = 12.0, top = 28.0, bottom = 36.0
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"\(Int(2 * panelWidth + 20))\" height=\"\(Int(height))\" "
        out += "viewBox=\"0 0 \(Int(2 * panelWidth + 20)) \(Int(height))\" role=\"img\" aria-label=\"\(Escape.html("Brokerage of \(actorLabel) per slice"))\">\n"
        let panels: [(String, [Double?], String)] = [
            ("Gould–Fernandez brokerage (total)", series.map(\.brokerage), "#2166ac"),
            ("Betweenness (normalised)", series.map(\.betweenness), "#b2182b"),
        ]
        for (index, panel) in panels.enumerated() {
            let x0 = Double(index) * (panelWidth + 20)
            let plotWidth = panelWidth - left - right, plotHeight = height - top - bottom
            let largest = max(panel.1.compactMap { $0 }.max() ?? 0, 1e-12)
            let niceMax = largest >= 1 ? ceil(largest) : largest
            func x(_ i: Int) -> Double { x0 + left + (series.count > 1 ? Double(i) / Double(series.count - 1) * plotWidth : plotWidth / 2) }
            func y(_ v: Double) -> Double { top + plotHeight * (1 - v / niceMax) }
            out += "<text x=\"\(f(x0 + left))\" y=\"16\" font-size=\"12\" font-weight=\"bold\" font-family=\"Helvetica, Arial, sans-serif\">\(Escape.html(panel.0))</text>\n"
            out += "<line x1=\"\(f(x0 + left))\" y1=\"\(f(top + plotHeight))\" x2=\"\(f(x0 + left + plotWidth))\" y2=\"\(f(top + plotHeight))\" stroke=\"#888\"/>\n"
            out += "<line x1=\"\(f(x0 + left))\" y1=\"\(f(top))\" x2=\"\(f(x0 + left))\" y2=\"\(f(top + plotHeight))\" stroke=\"#888\"/>\n"
            for tick in [0.0, niceMax / 2, niceMax] {
                out += "<text x=\"\(f(x0 + left - 4))\" y=\"\(f(y(tick) + 4))\" font-size=\"10\" text-anchor=\"end\" font-family=\"Helvetica, Arial, sans-serif\">\(NumberFormat.readable(tick, digits: 3))</text>\n"
            }
            for (i, point) in series.enumerated() {
                out += "<text x=\"\(f(x(i)))\" y=\"\(f(top + plotHeight + 16))\" font-size=\"10\" text-anchor=\"middle\" font-family=\"Helvetica, Arial, sans-serif\">\(Escape.html(point.slice))</text>\n"
            }
            // Runs of consecutive present values as polylines, every present value as a dot.
            var run: [String] = []
            func flush() {
                if run.count > 1 { out += "<polyline fill=\"none\" stroke=\"\(panel.2)\" stroke-width=\"2\" points=\"\(run.joined(separator: " "))\"/>\n" }
                run = []
            }
            for (i, value) in panel.1.enumerated() {
                guard let value else { flush(); continue }
                run.append("\(f(x(i))),\(f(y(value)))")
                out += "<circle cx=\"\(f(x(i)))\" cy=\"\(f(y(value)))\" r=\"3.5\" fill=\"\(panel.2)\"><title>\(Escape.html("\(series[i].slice): \(NumberFormat.readable(value))"))</title></circle>\n"
            }
            flush()
        }
        return out + "</svg>"
    }

    private static func f(_ value: Double) -> String { String(format: "%.1f", value) }
}
