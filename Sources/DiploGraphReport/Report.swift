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
        /// How firm the findings are, shown first; `nil` for a report without evidence.
        public var evidence: ReportEvidence?
        /// The fragility of ``rolesCompared``'s verdicts (set by
        /// ``setRoles(in:dyad:third:rule:fragilityDepth:)`` with a depth).
        public var rolesFragility: (tone: RoleFragility, stance: RoleFragility)?

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
        ///   - fragilityDepth: with a depth, also sets ``rolesFragility``: how many events each
        ///     tone and stance verdict rests on (``/DiploGraph/RoleFragility``).
        /// - Throws: ``/DiploGraph/ValueError`` as ``/DiploGraph/ThirdPartyRoles`` does for sides or a
        ///   third party that are not entities of `network`, or two equal sides, and as
        ///   ``/DiploGraph/RoleFragility`` does for a depth below 1.
        /// - Complexity: three passes over the network's events (see ``/DiploGraph/ThirdPartyRoles``),
        ///   plus the fragility search with a depth.
        public mutating func setRoles(in network: SlicedNetwork, dyad: (EntityIndex, EntityIndex), third: EntityIndex? = nil,
                                      rule: RoleRule = .min, fragilityDepth: Int? = nil) throws(ValueError) {
            let table = try ThirdPartyRoles(network: network, dyad: dyad, third: third, rule: rule)
            let labels = (network.entities[dyad.0.position].id, network.entities[dyad.1.position].id)
            let toneRule: RoleRule = rule.isTone ? rule : .min
            roles = (table, labels, rule)
            let tone = try ThirdPartyRoles(network: network, dyad: dyad, third: third, rule: toneRule)
            let stance = try ThirdPartyRoles(network: network, dyad: dyad, third: third, rule: .stance)
            rolesCompared = (tone, toneRule, stance)
            if let fragilityDepth {
                rolesFragility = (try RoleFragility(roles: tone, network: network, dyad: dyad, rule: toneRule, depth: fragilityDepth),
                                  try RoleFragility(roles: stance, network: network, dyad: dyad, rule: .stance, depth: fragilityDepth))
            } else {
                rolesFragility = nil
            }
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
    ///     does, with the options' composed legends); its first argument says which figure. It
    ///     throws errors of the family, wrapped (`throw AnyDiploGraphError(error)`).
    /// - Returns: warnings to show the user (``/DiploGraph/LibraryMessage/worded(_:)`` words
    ///   their phrases as a front end names its options).
    /// - Throws: ``/DiploGraph/AnyDiploGraphError`` wrapping ``/DiploGraphOutput/OutputError``
    ///   when a file cannot be written, ``/DiploGraph/InputProblems`` from
    ///   ``brokerageSeries(network:focus:pathLength:)`` with a focus, ``/DiploGraph/ValueError``
    ///   for a focus that is not an entity of `network`, a layout made for another network or
    ///   templates that do not parse, and whatever `render` throws (its ``/DiploGraph/AnyDiploGraphError/base``
    ///   is the error `render` wrapped).
    /// - Complexity: that of the centrality table (``/DiploGraphExport/CentralityTable``) and of `render` for
    ///   each figure, plus O(*r* + *e*) for *r* table rows and *e* events behind the roles.
    public static func write(network: SlicedNetwork, options: Options, to output: StagedDirectory,
                             render: (DiagramFigure, String) throws(AnyDiploGraphError) -> String) throws(AnyDiploGraphError) -> [LibraryMessage] {
        do {
            return try writeFiles(network: network, options: options, to: output, render: render)
        } catch let error as any DiploGraphError {
            throw AnyDiploGraphError(error)
        } catch {
            // Every call in writeFiles throws a member of the family (OutputError, ValueError,
            // InputProblems, AnyDiploGraphError); should one ever not, its text is kept.
            throw AnyDiploGraphError(ValueError("report: \(error)"))
        }
    }

    /// ``write(network:options:to:render:)``'s work, each call throwing its own member of the family.
    private static func writeFiles(network: SlicedNetwork, options: Options, to output: StagedDirectory,
                                   render: (DiagramFigure, String) throws(AnyDiploGraphError) -> String) throws -> [LibraryMessage] {
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
        var warnings = table.warnings
        // The evidence: q-values of the tables' measures (and the focus's) under the null model,
        // and the focus's measures without each single event.
        let focusMeasures: [Measure] = [.mediation, .brokerage, .betweenness]
        var test: PermutationTest?
        var influence: MeasureInfluence?
        if let evidence = options.evidence {
            var tested = options.measures
            if options.focus != nil { for measure in focusMeasures where !tested.contains(measure) { tested.append(measure) } }
            test = try PermutationTest(network: network, measures: tested, pathLength: options.pathLength, model: evidence.null,
                                       permutations: evidence.permutations, seed: evidence.seed)
            if options.focus != nil {
                do throws(ValueError) {
                    influence = try MeasureInfluence(network: network, measures: focusMeasures, pathLength: options.pathLength)
                } catch {
                    warnings.append("the report has no influence ranges: \(error.message)")
                }
            }
        }
        /// The q-value of `measure` for node `node` of slice `slice`, or `nil`.
        func qValue(_ measure: Measure, slice: Int, node: Int) -> Double? {
            guard let test, let c = test.measures.firstIndex(of: measure) else { return nil }
            return test.qValues[slice][c][node]
        }
        /// The range of `measure` for node `node` of slice `slice` without any one event, or `nil`.
        func range(_ measure: Measure, slice: Int, node: Int) -> (Double?, Double?)? {
            guard let influence, let c = influence.measures.firstIndex(of: measure) else { return nil }
            return (influence.minimum[slice][c][node], influence.maximum[slice][c][node])
        }
        var focusView: ReportView.Focus?
        var focusFindings: [String: [ReportView.FindingItem]] = [:]
        var markedFocusValues: [String] = []
        if let focus = options.focus {
            var series = try brokerageSeries(network: network, focus: focus, pathLength: options.pathLength)
            let entity = network.entities[Int(focus)]
            let level = network.options.mergesGroups ? "groups" : "actors"
            let group = entity.group
            func cell(_ value: Double?) -> String { value.map { NumberFormat.measure($0) } ?? "absent" }
            // Per slice: the focus's local index, its ranges (for the chart's whiskers) and q-values.
            let locals = network.slices.map { $0.nodes.firstIndex(of: focus) }
            for (s, local) in locals.enumerated() {
                guard let local, s < series.count else { continue }
                if let r = range(.mediation, slice: s, node: local), let low = r.0, let high = r.1 { series[s].mediationRange = low...high }
                if let r = range(.brokerage, slice: s, node: local), let low = r.0, let high = r.1 { series[s].brokerageRange = low...high }
            }
            let chart = try BrokerageChart.svg(series: series, actorLabel: entity.label, group: group, level: level,
                                               axis: BrokerageChart.axisTitle(for: network.options.slicing), width: options.diagram.width)
            try output.write("brokerage.svg", text: chart)
            let reachRows = try Self.reachRows(network: network, focus: focus)
            func evidenceCell(_ measure: Measure, _ value: Double?, _ s: Int) -> String {
                guard options.evidence != nil, let local = locals[s] else { return cell(value) }
                return ReportEvidence.valueWithRange(value, range: range(measure, slice: s, node: local), q: qValue(measure, slice: s, node: local))
            }
            focusView = ReportView.Focus(
                label: entity.label, group: group, level: level, chart: chart,
                explanation: Self.headlineExplanation(label: entity.label, group: group, level: level),
                rows: series.enumerated().map { s, point in
                    ReportView.FocusRow(slice: point.slice, mediation: evidenceCell(.mediation, point.mediation, s), layer: cell(point.mediationLayerBrokerage),
                                        brokerage: evidenceCell(.brokerage, point.brokerage, s), betweenness: evidenceCell(.betweenness, point.betweenness, s))
                },
                reach: reachRows, hasReach: !reachRows.isEmpty, hasEvidence: options.evidence != nil)
            do {
                for (s, point) in series.enumerated() {
                    guard let local = locals[s] else {
                        focusFindings[point.slice] = [ReportView.FindingItem(subject: entity.label, verdict: "absent from the slice", restsOn: nil, firmClass: "")]
                        continue
                    }
                    var items: [ReportView.FindingItem] = []
                    for (measure, noun, value) in [(Measure.mediation, "relationships mediated", point.mediation), (.brokerage, "Gould–Fernandez brokerage", point.brokerage)] {
                        guard let value else { continue }
                        let q = qValue(measure, slice: s, node: local)
                        var firmness = ""
                        if let r = range(measure, slice: s, node: local), let low = r.0, let high = r.1 {
                            firmness = low == high ? "the same without any one event" : "\(NumberFormat.measure(low)) to \(NumberFormat.measure(high)) without any one event"
                        }
                        let beats = q.map { $0 < ReportEvidence.significance } ?? false
                        let stable = range(measure, slice: s, node: local).map { $0.0 == $0.1 } ?? false
                        if let q { firmness += (firmness.isEmpty ? "" : "; ") + (beats ? "above chance (q = \(NumberFormat.measure(q)))" : "not above chance (q = \(NumberFormat.measure(q)))") }
                        if beats { markedFocusValues.append("\(point.slice) \(noun)") }
                        items.append(ReportView.FindingItem(subject: "\(entity.label), \(noun)", verdict: NumberFormat.measure(value),
                                                            restsOn: firmness.isEmpty ? nil : firmness,
                                                            firmClass: options.evidence == nil ? "" : stable && beats ? "firm" : "fragile"))
                    }
                    focusFindings[point.slice] = items
                }
            }
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
            let sliceIndex = sliceCards.count
            // A missing value: a dash on the page, an empty cell in Markdown; a value whose
            // q-value is below 0.05 is marked.
            func actorRows(missing: String) -> [ReportView.ActorRow] {
                rows.enumerated().map { node, row in
                    ReportView.ActorRow(actor: row.actor.label, group: row.actor.group,
                                        values: zip(options.measures, row.values).map { measure, value in
                                            let marked = value != nil && (qValue(measure, slice: sliceIndex, node: node).map { $0 < ReportEvidence.significance } ?? false)
                                            return ReportView.ActorRow.Value(value: value.map { NumberFormat.measure($0) } ?? missing, marked: marked)
                                        })
                }
            }
            let counts = [counted(slice.eventIndices.count, "event"), counted(slice.graph.nodeCount, "actor"), counted(slice.graph.edgeCount, "tie")]
            sliceCards.append(ReportView.SliceCard(label: slice.label, anchor: "slice-" + name, file: name, svg: inlineSVG(svg),
                                                   counts: counts.joined(separator: " · "), rows: actorRows(missing: "–")))
            markdownSlices.append(ReportView.MarkdownSlice(label: slice.label, file: name, counts: counts.joined(separator: ", "),
                                                           rows: actorRows(missing: "")))
        }
        var rolesView: (html: ReportView.RolesTable, markdown: ReportView.MarkdownRoles)?
        if let roles = options.roles, options.rolesCompared == nil {
            let (a, b) = roles.dyad, rule = roles.rule.rawValue
            rolesView = (ReportView.RolesTable(a: a, b: b, rule: rule, rows: roles.table.rows.map { row in
                             ReportView.RoleRow(slice: row.slice.label, third: row.thirdID, role: row.role.rawValue,
                                                score: NumberFormat.measure(row.score),
                                                sigmaA: row.stanceTowardsA.map(NumberFormat.measure) ?? "–",
                                                sigmaB: row.stanceTowardsB.map(NumberFormat.measure) ?? "–",
                                                events: row.eventsWithA + row.eventsWithB)
                         }),
                         ReportView.MarkdownRoles(a: a, b: b, rule: rule, table: roles.table.markdown(dyadLabels: roles.dyad)))
        }
        var comparedView: (html: ReportView.ComparedRoles, markdown: ReportView.MarkdownComparedRoles)?
        if let roles = options.roles, let compared = options.rolesCompared {
            comparedView = (rolesComparisonView(compared, dyad: roles.dyad, network: network, fragility: options.rolesFragility,
                                                depth: options.evidence?.fragilityDepth ?? 3),
                            rolesComparisonMarkdown(compared, dyad: roles.dyad))
        }
        // The findings, slice by slice: the roles under both rules, then the focus's measures.
        var findings: [ReportView.Finding] = []
        var firmLines: [ReportView.Firmness.Line] = [], fragileLines: [ReportView.Firmness.Line] = []
        let depth = options.evidence?.fragilityDepth ?? 0
        for slice in network.slices {
            var items: [ReportView.FindingItem] = []
            if let roles = options.roles, let compared = options.rolesCompared {
                let rules = [("tone (rule \(compared.toneRule.rawValue): its dealings with \(roles.dyad.0) and \(roles.dyad.1))", compared.tone, options.rolesFragility?.tone, "no events with both \(roles.dyad.0) and \(roles.dyad.1)"),
                             ("stance (its acts about \(roles.dyad.0) – \(roles.dyad.1))", compared.stance, options.rolesFragility?.stance, "no acts about \(roles.dyad.0) – \(roles.dyad.1)")]
                var thirds: [String] = []
                for (_, table, _, _) in rules { for row in table.rows where row.slice.label == slice.label && !thirds.contains(row.thirdID) { thirds.append(row.thirdID) } }
                for third in thirds {
                    for (name, table, fragility, none) in rules {
                        guard let i = table.rows.firstIndex(where: { $0.slice.label == slice.label && $0.thirdID == third }) else {
                            items.append(ReportView.FindingItem(subject: "\(third), \(name)", verdict: "no verdict", restsOn: none, firmClass: ""))
                            continue
                        }
                        let row = table.rows[i]
                        let verdict = fragility.map { $0.verdicts[i] }
                        let firmness = verdict.map { ReportEvidence.restsOn($0, depth: depth) }
                        let firm = verdict.map { $0.fragility.map { $0 > 1 } ?? true }
                        items.append(ReportView.FindingItem(subject: "\(third), \(name)", verdict: row.role.rawValue, restsOn: firmness,
                                                            firmClass: firm.map { $0 ? "firm" : "fragile" } ?? ""))
                        if let firm {
                            let line = ReportView.Firmness.Line(text: "\(slice.label), \(third), \(name): \(row.role.rawValue); \(firmness ?? "").")
                            if firm { firmLines.append(line) } else { fragileLines.append(line) }
                        }
                    }
                }
            }
            items += focusFindings[slice.label] ?? []
            if !items.isEmpty { findings.append(ReportView.Finding(slice: slice.label, items: items)) }
        }
        var firmness: ReportView.Firmness?
        if let evidence = options.evidence {
            let nullWords = "the \(evidence.null.rawValue) null model (\(counted(evidence.permutations, "permutation")), seed \(evidence.seed))"
            let marked = test.map { test in
                test.qValues.enumerated().reduce(0) { sum, slice in
                    sum + slice.element.enumerated().reduce(0) { inner, column in
                        inner + (options.measures.contains(test.measures[column.offset]) ? column.element.filter { ($0 ?? 1) < ReportEvidence.significance }.count : 0)
                    }
                }
            } ?? 0
            var chance = "Against \(nullWords), \(marked == 0 ? "no value" : counted(marked, "value")) of the centrality tables \(marked <= 1 ? "has" : "have") q < 0.05 (marked *)"
            if options.focus != nil {
                chance += markedFocusValues.isEmpty ? "; none of the focus's yearly figures is above chance." : "; the focus's figures above chance: \(markedFocusValues.joined(separator: ", "))."
            } else {
                chance += "."
            }
            var agreement: ReportView.Firmness.Agreement?
            if let second = evidence.secondCoding {
                let coding = second.agreement
                let fields = zip(CodingAgreement.fieldNames, coding.fields).filter { second.matchedByQuotes || $0.0 == "about" }.map {
                    ReportView.Firmness.Field(name: $0.0, alpha: $0.1.alpha.map { NumberFormat.measure($0) } ?? "undefined (one value throughout)")
                }
                let how = second.matchedByQuotes ? "matched by the overlap of their quotes in the source text"
                    : "matched on date, source, target and kind (so those fields agree by construction; give the source text to match by quotes)"
                agreement = ReportView.Firmness.Agreement(
                    file: second.file,
                    summary: "\(counted(coding.matches.count, "row")) \(how); \(coding.onlyA.count) only in this coding, \(coding.onlyB.count) only in the second. Krippendorff's alpha (nominal) over the matched rows:",
                    fields: fields)
            }
            firmness = ReportView.Firmness(
                firm: firmLines, fragile: fragileLines, hasFirm: !firmLines.isEmpty, hasFragile: !fragileLines.isEmpty, chance: chance,
                influence: "Ranges in brackets and the chart's whiskers: the least and greatest value when any single event of the year is removed from the file.",
                agreement: agreement, hasAgreement: agreement != nil)
        }
        // Both pages put the findings, then the roles and the headline before the grid and the slices.
        let page = ReportView.HTMLPage(header: header, focus: focusView, roles: rolesView?.html, compared: comparedView?.html,
                                       grid: gridSVG, slices: sliceCards, findings: findings, firmness: firmness, glossary: glossary)
        let markdown = ReportView.MarkdownPage(header: header, focus: focusView, roles: rolesView?.markdown,
                                               compared: comparedView?.markdown, grid: gridSVG, slices: markdownSlices,
                                               findings: findings, firmness: firmness, glossary: glossary)
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
    /// - Throws: ``/DiploGraph/AnyDiploGraphError`` holding ``/DiploGraph/ValueError`` when `focus`
    ///   is not an entity of `network`, or ``/DiploGraph/InputProblems`` when a relay is no relay between groups (naming its line).
    /// - Complexity: O(*s* *n* *m*) for betweenness over *s* slices of *n* nodes and *m* edges,
    ///   plus re-slicing the log's *e* events once for the mediation layer.
    public static func brokerageSeries(network: SlicedNetwork, focus: EntityIndex,
                                       pathLength: PathLength) throws(AnyDiploGraphError) -> [BrokerageChart.Point] {
        guard network.entity(at: focus) != nil else {
            throw AnyDiploGraphError(ValueError("focus: entity index \(focus) is out of range (\(network.entities.count) entities)"))
        }
        var layerOptions = network.options
        layerOptions.kinds = [Kind.mediation.id]
        layerOptions.mergesGroups = true
        let layer = try AnyDiploGraphError.wrapping { () throws(InputProblems) in try Slicer.slice(network.log, options: layerOptions, alignedWith: network) }
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
                                    dyad: (String, String), network: SlicedNetwork,
                                    fragility: (tone: RoleFragility, stance: RoleFragility)? = nil, depth: Int = 3) -> ReportView.ComparedRoles {
        // What each verdict rests on, by slice and third party.
        var restsOn: [Bool: [String: String]] = [true: [:], false: [:]]
        if let fragility {
            for (tone, table, evidence) in [(true, compared.tone, fragility.tone), (false, compared.stance, fragility.stance)] {
                for (row, verdict) in zip(table.rows, evidence.verdicts) {
                    restsOn[tone]![row.slice.label + "\u{0}" + row.thirdID] = ReportEvidence.restsOn(verdict, depth: depth)
                }
            }
        }
        let log = network.log
        func eventLine(_ index: EventIndex) -> String {
            let event = log[index]
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
            if let rests = restsOn[tone]?[row.slice.label + "\u{0}" + row.thirdID] { detail += "; " + rests }
            let lines = row.events.map(eventLine)
            return ReportView.RoleCell(present: true, role: row.role.rawValue, detail: detail, title: lines.joined(separator: "\n"),
                                       notes: lines.map { ReportView.RoleCell.Note(text: $0) })
        }
        let order = Dictionary(uniqueKeysWithValues: network.entities.enumerated().map { ($1.id, $0) })
        var slices: [ReportView.ComparedSlice] = []
        for slice in network.slices {
            let tone = compared.tone.rows.filter { $0.slice.label == slice.label }
            let stance = compared.stance.rows.filter { $0.slice.label == slice.label }
            var thirds: [String] = []
            for row in tone + stance where !thirds.contains(row.thirdID) { thirds.append(row.thirdID) }
            thirds.sort { order[$0, default: 0] < order[$1, default: 0] }
            guard !thirds.isEmpty else { continue }
            slices.append(ReportView.ComparedSlice(slice: slice.label, rows: thirds.map { third in
                ReportView.ComparedRow(third: third, tone: cell(tone.first { $0.thirdID == third }, tone: true),
                                       stance: cell(stance.first { $0.thirdID == third }, tone: false))
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
        for row in compared.tone.rows + compared.stance.rows where !keys.contains(where: { $0 == (row.slice.label, row.thirdID) }) {
            keys.append((row.slice.label, row.thirdID))
        }
        let sliceOrder = Dictionary((compared.tone.rows + compared.stance.rows).enumerated().map { ($1.slice.label, $0) }, uniquingKeysWith: min)
        keys.sort { (sliceOrder[$0.0]!, $0.1) < (sliceOrder[$1.0]!, $1.1) }
        let rows = keys.map { slice, third in
            let tone = compared.tone.rows.first { $0.slice.label == slice && $0.thirdID == third }
            let stance = compared.stance.rows.first { $0.slice.label == slice && $0.thirdID == third }
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
