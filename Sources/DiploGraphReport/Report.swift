import Foundation
import Mustache
import DiploGraph
import DiploGraphText
import DiploGraphOutput
import DiploGraphExport
import DiploGraphDiagram

/// A report of a sliced network: centrality tables, diagrams, the focus's brokerage over time
/// and third parties' roles, as report.html, report.md and CSV files (the `report` command's
/// output).
///
/// The report is assembled here and its figures are drawn by a closure the caller passes in,
/// so this library stays free of Graphviz: DiploGraphviz's `DiagramRenderer` draws them.
public struct Report {
    /// What the report shows and how.
    public struct Options {
        /// The columns of every slice's centrality table (usually ``Report/defaultMeasures``).
        public var measures: [Measure]
        /// How path-based measures (betweenness, harmonic) count a path's length.
        public var pathLength: PathLength
        /// The actor (or group) whose brokerage is charted over time.
        public var focus: EntityIndex?
        /// The roles of third parties towards a dyad, computed by the caller (perhaps over groups).
        public var roles: (table: ThirdPartyRoles, dyad: (String, String), rule: RoleRule)?
        /// How the diagrams are drawn (layout, legends, sizes).
        public var diagram: DiagramOptions
        /// The page's heading (and report.md's).
        public var title: String
        /// The tone rule and the stance rule over the same dyad, shown side by side slice by
        /// slice (the events behind each cell come from the network's log).
        public var rolesCompared: (tone: ThirdPartyRoles, toneRule: RoleRule, stance: ThirdPartyRoles)?
        /// Whether to draw every slice in one figure (`grid.svg`), shown first under "All slices".
        public var drawsGrid = true

        /// Options for a report; the grid is drawn (``drawsGrid``) when `diagram` has a layout.
        ///
        /// - Parameters:
        ///   - measures: the columns of every slice's table.
        ///   - pathLength: how path-based measures count a path's length.
        ///   - focus: the actor (or group) whose brokerage opens the report, or `nil` for none.
        ///   - roles: third parties' roles towards a dyad (with the dyad's labels and the rule),
        ///     shown as one table when `rolesCompared` is `nil`, and written to roles.csv.
        ///   - diagram: how the diagrams are drawn.
        ///   - title: the report's heading.
        ///   - rolesCompared: the tone and stance tables over `roles`'s dyad, shown side by side
        ///     instead of `roles`'s table.
        /// - Complexity: O(1).
        public init(measures: [Measure], pathLength: PathLength = .hops, focus: EntityIndex? = nil,
                    roles: (table: ThirdPartyRoles, dyad: (String, String), rule: RoleRule)? = nil,
                    diagram: DiagramOptions = DiagramOptions(), title: String,
                    rolesCompared: (tone: ThirdPartyRoles, toneRule: RoleRule, stance: ThirdPartyRoles)? = nil) {
            self.measures = measures
            self.pathLength = pathLength
            self.focus = focus
            self.roles = roles
            self.diagram = diagram
            self.title = title
            self.rolesCompared = rolesCompared
        }

        /// Sets ``roles`` and ``rolesCompared`` for the third parties of `network` towards
        /// `dyad`: the table under `rule` (written to roles.csv), and a tone rule (`rule`, or
        /// ``/DiploGraph/RoleRule/min`` when `rule` is stance) beside stance, slice by slice.
        ///
        /// `network` may be the report's network or the same log sliced at another level
        /// (actors merged into groups, say), whose entities the indices name.
        /// - Parameters:
        ///   - network: the network the roles are computed over.
        ///   - dyad: the relationship's two sides, entities of `network`.
        ///   - third: only this third party, or `nil` for every other entity.
        ///   - rule: the rule of the roles table.
        /// - Throws: ``/DiploGraph/ValueError`` as ``/DiploGraph/ThirdPartyRoles`` does for sides or a
        ///   third party that are not entities of `network`, or two equal sides.
        /// - Complexity: three passes over the network's events (see ``/DiploGraph/ThirdPartyRoles``).
        public mutating func setRoles(in network: SlicedNetwork, dyad: (EntityIndex, EntityIndex), third: EntityIndex? = nil,
                                      rule: RoleRule = .min) throws(ValueError) {
            let table = try ThirdPartyRoles(network: network, dyad: dyad, third: third, rule: rule)
            let labels = (network.entities[dyad.0.position].id, network.entities[dyad.1.position].id)
            let toneRule: RoleRule = rule.isTone ? rule : .min
            roles = (table, labels, rule)
            rolesCompared = (try ThirdPartyRoles(network: network, dyad: dyad, third: third, rule: toneRule), toneRule,
                             try ThirdPartyRoles(network: network, dyad: dyad, third: third, rule: .stance))
        }
    }

    /// The measures a report's centrality tables have when the caller names none (the `report`
    /// command's default): degree, strength, betweenness (Brandes 2001), harmonic, PageRank
    /// (Page et al. 1999), constraint (Burt 1992) and the Gould–Fernandez (1989) brokerage roles.
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
    ///   - render: turns a figure's DOT into SVG text (DiploGraphviz's `DiagramRenderer`
    ///     does, with the options' composed legends); its first argument says which figure.
    /// - Returns: warnings to show the user.
    /// - Throws: ``/DiploGraphOutput/OutputError`` when a file cannot be written, ``/DiploGraph/InputProblems``
    ///   from ``brokerageSeries(network:focus:pathLength:)`` with a focus, ``/DiploGraph/ValueError``
    ///   for a focus that is not an entity of `network`, a layout made for another network or
    ///   templates that do not parse, and whatever `render` throws.
    /// - Complexity: that of the centrality table (``/DiploGraphExport/CentralityTable``) and of `render` for
    ///   each figure, plus O(*r* + *e*) for *r* table rows and *e* events behind the roles.
    public static func write(network: SlicedNetwork, options: Options, to output: StagedDirectory,
                             render: (DiagramFigure, String) throws -> String) throws -> [String] {
        let table = CentralityTable(network: network, measures: options.measures, pathLength: options.pathLength)
        let writer = DiagramWriter(network: network)
        try writer.checkLayout(of: options.diagram)
        try output.write("centrality.csv", text: table.csv())
        try output.write("centrality.md", text: table.markdown())
        if let roles = options.roles { try output.write("roles.csv", text: roles.table.csv()) }

        // What both templates show at the top; each adds its own views.
        let header = ReportView.Header(
            title: options.title, file: network.log.file,
            eventCount: counted(network.log.events.count, "event"), sliceCount: counted(network.slices.count, "slice"),
            direction: network.options.isDirected ? "directed" : "undirected",
            measures: options.measures.map { ReportView.MeasureName(name: $0.rawValue) })
        let warnings = table.warnings
        var focusView: ReportView.Focus?
        if let focus = options.focus {
            let series = try brokerageSeries(network: network, focus: focus, pathLength: options.pathLength)
            let entity = network.entities[Int(focus)]
            let level = network.options.mergesGroups ? "groups" : "actors"
            let group = entity.group
            func cell(_ value: Double?) -> String { value.map { NumberFormat.measure($0) } ?? "absent" }
            let chart = try BrokerageChart.svg(series: series, actorLabel: entity.label, group: group, level: level)
            try output.write("brokerage.svg", text: chart)
            let reachRows = try Self.reachRows(network: network, focus: focus)
            focusView = ReportView.Focus(
                label: entity.label, group: group, level: level, chart: chart,
                explanation: Self.headlineExplanation(label: entity.label, group: group, level: level),
                rows: series.map {
                    ReportView.FocusRow(slice: $0.slice, mediation: cell($0.mediation), layer: cell($0.mediationLayerBrokerage),
                                        brokerage: cell($0.brokerage), betweenness: cell($0.betweenness))
                },
                reach: reachRows, hasReach: !reachRows.isEmpty)
        }
        var gridSVG: String?
        // The .dot files are whole figures, legend included, for drawing with `neato -n`; the
        // SVGs are drawn from the same DOT without the legend, which is composed in afterwards.
        var standalone = options.diagram
        standalone.composedLegend = nil
        standalone.composedGridLegend = nil
        if options.drawsGrid && options.diagram.layout != nil {
            try output.write("grid.dot", text: try writer.gridDOT(options: standalone))
            let svg = try render(.grid, try writer.gridDOT(options: options.diagram))
            try output.write("grid.svg", text: svg)
            gridSVG = inlineSVG(svg)
        }
        var sliceCards: [ReportView.SliceCard] = []
        var markdownSlices: [ReportView.MarkdownSlice] = []
        for slice in network.slices {
            let name = fileName(for: slice.label)
            try output.write("\(name).dot", text: writer.dot(forOwn: slice, options: standalone))
            let svg = try render(.slice(slice.label), options.diagram.composedLegend == nil ? writer.dot(forOwn: slice, options: standalone)
                                                                                                 : writer.dot(forOwn: slice, options: options.diagram))
            try output.write("\(name).svg", text: svg)
            let rows = table.rows.filter { $0.slice == slice.label }
            // A missing value: a dash on the page, an empty cell in Markdown.
            func actorRows(missing: String) -> [ReportView.ActorRow] {
                rows.map { row in
                    ReportView.ActorRow(actor: row.actor.label, group: row.actor.group,
                                        values: row.values.map { ReportView.ActorRow.Value(value: $0.map { NumberFormat.measure($0) } ?? missing) })
                }
            }
            let counts = [counted(slice.eventIndices.count, "event"), counted(slice.graph.nodeCount, "actor"), counted(slice.graph.edgeCount, "tie")]
            sliceCards.append(ReportView.SliceCard(label: slice.label, anchor: "slice-" + name, svg: inlineSVG(svg),
                                                   counts: counts.joined(separator: " · "), rows: actorRows(missing: "–")))
            markdownSlices.append(ReportView.MarkdownSlice(label: slice.label, file: name, counts: counts.joined(separator: ", "),
                                                           rows: actorRows(missing: "")))
        }
        var rolesView: (html: ReportView.RolesTable, markdown: ReportView.MarkdownRoles)?
        if let roles = options.roles, options.rolesCompared == nil {
            let (a, b) = roles.dyad, rule = roles.rule.rawValue
            rolesView = (ReportView.RolesTable(a: a, b: b, rule: rule, rows: roles.table.rows.map { row in
                             ReportView.RoleRow(slice: row.slice, third: row.third, role: row.role.rawValue,
                                                score: NumberFormat.measure(row.score),
                                                sigmaA: row.stanceTowardsA.map(NumberFormat.measure) ?? "–",
                                                sigmaB: row.stanceTowardsB.map(NumberFormat.measure) ?? "–",
                                                events: row.eventsWithA + row.eventsWithB)
                         }),
                         ReportView.MarkdownRoles(a: a, b: b, rule: rule, table: roles.table.markdown(dyadLabels: roles.dyad)))
        }
        var comparedView: (html: ReportView.ComparedRoles, markdown: ReportView.MarkdownComparedRoles)?
        if let roles = options.roles, let compared = options.rolesCompared {
            comparedView = (rolesComparisonView(compared, dyad: roles.dyad, network: network),
                            rolesComparisonMarkdown(compared, dyad: roles.dyad))
        }
        // Both pages put the headline and the roles before the grid and the slices.
        let page = ReportView.HTMLPage(header: header, focus: focusView, roles: rolesView?.html, compared: comparedView?.html,
                                       grid: gridSVG, slices: sliceCards)
        let markdown = ReportView.MarkdownPage(header: header, focus: focusView, roles: rolesView?.markdown,
                                               compared: comparedView?.markdown, grid: gridSVG, slices: markdownSlices)
        let library = try ReportTemplate.library.get()
        // Mustache escapes markup but keeps characters XML 1.0 forbids: drop them from the page.
        try output.write("report.html", text: Escape.xmlCharacters(library.render(page, withTemplate: "report") ?? ""))
        try output.write("report.md", text: library.render(markdown, withTemplate: "report.md") ?? "")
        return warnings
    }

    /// `1 event`, `2 events`.
    static func counted(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }

    /// A slice label as a file name: letters, digits, `-`, `_` and `.` kept, anything else `_`.
    ///
    /// - Parameter label: the slice's label.
    /// - Returns: the name without extension; `_` put in front of a name that would start
    ///   with `.` or be empty.
    /// - Complexity: O(*n*) for *n* characters of `label`.
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

    /// The focal entity's brokerage in each slice; `nil` where it is absent from the slice.
    ///
    /// Per slice: the `mediation` measure (relationships mediated); Gould–Fernandez brokerage
    /// (total) on the mediation layer by group, computed on a re-slice of the log with only
    /// Who `focus` could reach in time order (``/DiploGraph/TemporalReach``, no start date):
    /// per year, the entities first reached then, possibly and certainly, by label.
    static func reachRows(network: SlicedNetwork, focus: EntityIndex) throws -> [ReportView.ReachRow] {
        let reach = TemporalReach(network: network)
        let possible = try reach.arrivals(from: focus, reading: .possible)
        let certain = try reach.arrivals(from: focus, reading: .certain)
        var byYear: [Int: (possible: [String], certain: [String])] = [:]
        for index in network.entities.indices {
            let entity = EntityIndex(unchecked: Int32(index))
            if let date = possible.arrivalDate(at: entity) { byYear[date.year, default: ([], [])].possible.append(network.entities[index].label) }
            if let date = certain.arrivalDate(at: entity) { byYear[date.year, default: ([], [])].certain.append(network.entities[index].label) }
        }
        return byYear.keys.sorted().map { year in
            let (could, surely) = byYear[year]!
            return ReportView.ReachRow(year: String(year), possible: could.isEmpty ? "–" : could.joined(separator: ", "),
                                       certain: surely.isEmpty ? "–" : surely.joined(separator: ", "))
        }
    }

    /// `mediation` events and actors merged into groups, for the focus's group (0 where that
    /// group has no mediation tie in a slice where the focus is present); and Gould–Fernandez
    /// brokerage and betweenness on the full slice graph.
    /// - Parameters:
    ///   - network: the sliced events.
    ///   - focus: the focal entity of `network`.
    ///   - pathLength: how betweenness counts a path's length.
    /// - Returns: one point per slice of `network`, in order.
    /// - Throws: ``/DiploGraph/ValueError`` when `focus` is not an entity of `network`;
    ///   ``/DiploGraph/InputProblems`` when a relay is no relay between groups (naming its line).
    /// - Complexity: O(*s* *n* *m*) for betweenness over *s* slices of *n* nodes and *m* edges,
    ///   plus re-slicing the log's *e* events once for the mediation layer.
    public static func brokerageSeries(network: SlicedNetwork, focus: EntityIndex, pathLength: PathLength) throws -> [BrokerageChart.Point] {
        guard network.entity(at: focus) != nil else {
            throw ValueError("focus: entity index \(focus) is out of range (\(network.entities.count) entities)")
        }
        var layerOptions = network.options
        layerOptions.kinds = ["mediation"]
        layerOptions.mergesGroups = true
        let layer = try Slicer.slice(network.log, options: layerOptions, alignedWith: network)
        let group = network.entities[Int(focus)].group
        let focusGroup = try? layer.entityIndex(of: group)
        return zip(network.slices, layer.slices).map { slice, layerSlice in
            guard let local = slice.nodes.firstIndex(of: focus) else {
                return BrokerageChart.Point(slice: slice.label, brokerage: nil, betweenness: nil)
            }
            let table = MeasureTable(network: network, slice: slice, measures: [.brokerage, .betweenness, .mediation], pathLength: pathLength)
            var layerBrokerage = 0.0
            if let focusGroup, let layerLocal = layerSlice.nodes.firstIndex(of: focusGroup) {
                let brokerage = layerSlice.graph.brokerage(validGroups: layer.groupIndices(ofOwn: layerSlice))
                layerBrokerage = brokerage.counts[BrokerageRole.total.rawValue][layerLocal]
            }
            return BrokerageChart.Point(slice: slice.label, brokerage: table.columns[0][local], betweenness: table.columns[1][local],
                                        mediation: table.columns[2][local], mediationLayerBrokerage: layerBrokerage)
        }
    }

    /// The sentence under the headline chart: what each series measures and why they differ.
    static func headlineExplanation(label: String, group: String, level: String) -> String {
        "Relationships mediated: the number of distinct pairs of sides {A, B} whose relationship \(label)'s mediation acts "
            + "(with about) bore on in the slice. Gould–Fernandez brokerage on the mediation layer by group: the ordered pairs of "
            + "other groups (i, k) joined through \(group) by mediation ties (relay legs included) with no direct mediation tie "
            + "from i to k. Gould–Fernandez brokerage on the full graph (\(level)): the same count over every kind of tie between "
            + "\(level). They differ because brokerage counts only open two-paths: when two sides also meet directly (i → k), "
            + "structural brokerage between them on the full graph is 0 by definition, however much was mediated."
    }

    /// The tone and stance tables side by side, slice by slice, for the HTML template.
    ///
    /// - Complexity: O(*s* · *r* + *e* + *v*) for *s* slices, *r* rows of both tables, *e*
    ///   entities and *v* events behind the rows (with a handful of third parties per slice).
    static func rolesComparisonView(_ compared: (tone: ThirdPartyRoles, toneRule: RoleRule, stance: ThirdPartyRoles),
                                    dyad: (String, String), network: SlicedNetwork) -> ReportView.ComparedRoles {
        let log = network.log
        func eventLine(_ index: Int32) -> String {
            let event = log.events[Int(index)]
            var line = "\(event.date) \(log.actors[event.source].label) → \(log.actors[event.target].label), \(log.kinds[event.kind].label)"
            if let about = event.about { line += " (about \(log.actors[about.first].label) | \(log.actors[about.second].label))" }
            let note = log.notes[Int(index)]
            return note.isEmpty ? line : line + ": " + note
        }
        func cell(_ row: ThirdPartyRoles.Row?, tone: Bool) -> ReportView.RoleCell {
            guard let row else { return .absent }
            var detail = "score \(NumberFormat.measure(row.score))"
            if tone {
                detail += "; σ(T, \(dyad.0)) \((row.stanceTowardsA.map(NumberFormat.measure) ?? "–")), σ(T, \(dyad.1)) \((row.stanceTowardsB.map(NumberFormat.measure) ?? "–"))"
            }
            detail += "; \(counted(row.events.count, tone ? "event" : "act"))"
            let lines = row.events.map(eventLine)
            return ReportView.RoleCell(present: true, role: row.role.rawValue, detail: detail, title: lines.joined(separator: "\n"),
                                       notes: lines.map { ReportView.RoleCell.Note(text: $0) })
        }
        let order = Dictionary(uniqueKeysWithValues: network.entities.enumerated().map { ($1.id, $0) })
        var slices: [ReportView.ComparedSlice] = []
        for slice in network.slices {
            let tone = compared.tone.rows.filter { $0.slice == slice.label }
            let stance = compared.stance.rows.filter { $0.slice == slice.label }
            var thirds: [String] = []
            for row in tone + stance where !thirds.contains(row.third) { thirds.append(row.third) }
            thirds.sort { order[$0, default: 0] < order[$1, default: 0] }
            guard !thirds.isEmpty else { continue }
            slices.append(ReportView.ComparedSlice(slice: slice.label, rows: thirds.map { third in
                ReportView.ComparedRow(third: third, tone: cell(tone.first { $0.third == third }, tone: true),
                                       stance: cell(stance.first { $0.third == third }, tone: false))
            }))
        }
        return ReportView.ComparedRoles(a: dyad.0, b: dyad.1, toneRule: compared.toneRule.rawValue, slices: slices, hasSlices: !slices.isEmpty)
    }

    /// The tone and stance tables side by side, one row per slice and third party, for the
    /// Markdown template.
    ///
    /// - Complexity: O(*k*² + *k* · *r*) for *r* rows of both tables and *k* (slice, third) pairs.
    static func rolesComparisonMarkdown(_ compared: (tone: ThirdPartyRoles, toneRule: RoleRule, stance: ThirdPartyRoles),
                                        dyad: (String, String)) -> ReportView.MarkdownComparedRoles {
        var keys: [(String, String)] = []
        for row in compared.tone.rows + compared.stance.rows where !keys.contains(where: { $0 == (row.slice, row.third) }) {
            keys.append((row.slice, row.third))
        }
        let sliceOrder = Dictionary((compared.tone.rows + compared.stance.rows).enumerated().map { ($1.slice, $0) }, uniquingKeysWith: min)
        keys.sort { (sliceOrder[$0.0]!, $0.1) < (sliceOrder[$1.0]!, $1.1) }
        let rows = keys.map { slice, third in
            let tone = compared.tone.rows.first { $0.slice == slice && $0.third == third }
            let stance = compared.stance.rows.first { $0.slice == slice && $0.third == third }
            return ReportView.MarkdownComparedRow(
                slice: slice, third: third,
                toneRole: tone?.role.rawValue ?? "–", toneScore: tone.map { NumberFormat.measure($0.score) } ?? "",
                toneEvents: tone.map { String($0.events.count) } ?? "",
                stanceRole: stance?.role.rawValue ?? "–", stanceScore: stance.map { NumberFormat.measure($0.score) } ?? "",
                stanceActs: stance.map { String($0.events.count) } ?? "")
        }
        return ReportView.MarkdownComparedRoles(a: dyad.0, b: dyad.1, toneRule: compared.toneRule.rawValue, rows: rows)
    }
}

/// A small inline SVG line chart of one actor's brokerage over slices.
public enum BrokerageChart {
    /// The focus in one slice; `nil` values where it is absent from the slice.
    public struct Point: Sendable {
        /// The slice's label.
        public let slice: String
        /// Gould–Fernandez total on the full slice graph.
        public let brokerage: Double?
        /// Betweenness on the full slice graph.
        public let betweenness: Double?
        /// Relationships mediated (the `mediation` measure).
        public var mediation: Double? = nil
        /// Gould–Fernandez total of the focus's group on the mediation layer by group.
        public var mediationLayerBrokerage: Double? = nil

        /// The focus's values in one slice (``BrokerageChart/svg(series:actorLabel:group:level:)``
        /// checks them).
        /// - Parameters:
        ///   - slice: the slice's label.
        ///   - brokerage: Gould–Fernandez total on the full slice graph; `nil` where absent.
        ///   - betweenness: betweenness on the full slice graph; `nil` where absent.
        ///   - mediation: relationships mediated; `nil` where absent.
        ///   - mediationLayerBrokerage: the group's total on the mediation layer; `nil` where absent.
        /// - Complexity: O(1).
        public init(slice: String, brokerage: Double?, betweenness: Double?, mediation: Double? = nil, mediationLayerBrokerage: Double? = nil) {
            self.slice = slice
            self.brokerage = brokerage
            self.betweenness = betweenness
            self.mediation = mediation
            self.mediationLayerBrokerage = mediationLayerBrokerage
        }
    }

    /// The largest value a chart shows (in magnitude): its axis counts in whole numbers, and
    /// brokerage and betweenness of any network that can be drawn stay far below it.
    public static let largestValue = 1e15

    /// One line of a panel.
    struct Series {
        let name: String
        let values: [Double?]
        let color: String
        let dash: String?
    }

    /// Two panels side by side, one point per slice, gaps where absent: the relationships
    /// mediated; Gould–Fernandez brokerage on the mediation layer by group and on the full graph.
    ///
    /// - Parameters:
    ///   - series: one point per slice, in order.
    ///   - actorLabel: the focus's label, for the full-graph line's key and the chart's name.
    ///   - group: the focus's group, for the mediation layer's key.
    ///   - level: `actors` or `groups`, what the full graph's nodes are.
    /// - Returns: a standalone SVG document (also inlined in report.html).
    /// - Throws: ``/DiploGraph/ValueError`` for a value that is not finite or is larger in
    ///   magnitude than ``largestValue`` (the axis counts in whole numbers).
    /// - Complexity: O(*s*) for *s* points.
    public static func svg(series: [Point], actorLabel: String, group: String, level: String) throws(ValueError) -> String {
        for point in series {
            for value in [point.mediation, point.mediationLayerBrokerage, point.brokerage, point.betweenness] {
                if let value, !(value.isFinite && abs(value) <= largestValue) {
                    throw ValueError("brokerage chart, slice '\(point.slice)': the value \(value) is not a finite number of at most \(Int(largestValue))")
                }
            }
        }
        let panels: [(title: String, axis: String, lines: [Series])] = [
            ("Relationships mediated", "relationships", [Series(name: "mediation", values: series.map(\.mediation), color: "#0072b2", dash: nil)]),
            ("Gould–Fernandez brokerage (total)", "brokerage (count)", [
                Series(name: "mediation layer, \(group) among groups", values: series.map(\.mediationLayerBrokerage), color: "#0072b2", dash: nil),
                Series(name: "full graph, \(actorLabel) among \(level)", values: series.map(\.brokerage), color: "#d55e00", dash: "5,3"),
            ]),
        ]
        let panelWidth = 340.0, height = 250.0, left = 48.0, right = 12.0, top = 28.0, bottom = 86.0
        let width = Double(panels.count) * panelWidth + 20 * Double(panels.count - 1)
        // Fills the card's width (the viewBox keeps the proportions); the file alone is as wide as its viewBox.
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"100%\" style=\"max-width: \(Int(width) * 2)px\" "
        out += "viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"\(Escape.html("Brokerage of \(actorLabel) per slice"))\">\n"
        let font = "font-family=\"Helvetica, Arial, sans-serif\""
        for (index, panel) in panels.enumerated() {
            let x0 = Double(index) * (panelWidth + 20)
            let plotWidth = panelWidth - left - right, plotHeight = height - top - bottom
            // Both panels count things: whole-number ticks, 0 to a round maximum, at most five.
            let largest = max(panel.lines.flatMap { $0.values.compactMap { $0 } }.max() ?? 0, 0)
            let step = max(1, Int((ceil(largest) / 4).rounded(.up)))
            let niceMax = Double(max(step, Int(ceil(largest / Double(step))) * step))
            func x(_ i: Int) -> Double { x0 + left + (series.count > 1 ? Double(i) / Double(series.count - 1) * plotWidth : plotWidth / 2) }
            func y(_ v: Double) -> Double { top + plotHeight * (1 - v / niceMax) }
            out += "<text x=\"\(f(x0 + left))\" y=\"16\" font-size=\"12\" font-weight=\"bold\" \(font)>\(Escape.html(panel.title))</text>\n"
            out += "<line x1=\"\(f(x0 + left))\" y1=\"\(f(top + plotHeight))\" x2=\"\(f(x0 + left + plotWidth))\" y2=\"\(f(top + plotHeight))\" stroke=\"#888\"/>\n"
            out += "<line x1=\"\(f(x0 + left))\" y1=\"\(f(top))\" x2=\"\(f(x0 + left))\" y2=\"\(f(top + plotHeight))\" stroke=\"#888\"/>\n"
            for tick in stride(from: 0, through: Int(niceMax), by: step) {
                let value = Double(tick)
                out += "<line x1=\"\(f(x0 + left - 3))\" y1=\"\(f(y(value)))\" x2=\"\(f(x0 + left))\" y2=\"\(f(y(value)))\" stroke=\"#888\"/>\n"
                out += "<text x=\"\(f(x0 + left - 5))\" y=\"\(f(y(value) + 4))\" font-size=\"10\" text-anchor=\"end\" \(font)>\(tick)</text>\n"
            }
            // Axis titles.
            out += "<text transform=\"translate(\(f(x0 + 12)),\(f(top + plotHeight / 2))) rotate(-90)\" font-size=\"10\" text-anchor=\"middle\" \(font)>\(Escape.html(panel.axis))</text>\n"
            out += "<text x=\"\(f(x0 + left + plotWidth / 2))\" y=\"\(f(top + plotHeight + 30))\" font-size=\"10\" text-anchor=\"middle\" \(font)>slice</text>\n"
            for (i, point) in series.enumerated() {
                out += "<text x=\"\(f(x(i)))\" y=\"\(f(top + plotHeight + 15))\" font-size=\"10\" text-anchor=\"middle\" \(font)>\(Escape.html(point.slice))</text>\n"
            }
            for (lineIndex, line) in panel.lines.enumerated() {
                // The key under the plot.
                let keyY = top + plotHeight + 50 + 16 * Double(lineIndex)
                let dash = line.dash.map { " stroke-dasharray=\"\($0)\"" } ?? ""
                out += "<line x1=\"\(f(x0 + left))\" y1=\"\(f(keyY - 4))\" x2=\"\(f(x0 + left + 22))\" y2=\"\(f(keyY - 4))\" stroke=\"\(line.color)\" stroke-width=\"2\"\(dash)/>\n"
                out += "<text x=\"\(f(x0 + left + 28))\" y=\"\(f(keyY))\" font-size=\"10\" \(font)>\(Escape.html(line.name))</text>\n"
                // Runs of consecutive present values as polylines, every present value as a dot.
                var run: [String] = []
                func flush() {
                    if run.count > 1 { out += "<polyline fill=\"none\" stroke=\"\(line.color)\" stroke-width=\"2\"\(dash) points=\"\(run.joined(separator: " "))\"/>\n" }
                    run = []
                }
                for (i, value) in line.values.enumerated() {
                    guard let value else { flush(); continue }
                    run.append("\(f(x(i))),\(f(y(value)))")
                    out += "<circle cx=\"\(f(x(i)))\" cy=\"\(f(y(value)))\" r=\"3.5\" fill=\"\(line.color)\"><title>\(Escape.html("\(series[i].slice), \(line.name): \(NumberFormat.measure(value))"))</title></circle>\n"
                }
                flush()
            }
        }
        return out + "</svg>"
    }

    private static func f(_ value: Double) -> String { String(format: "%.1f", value) }
}
