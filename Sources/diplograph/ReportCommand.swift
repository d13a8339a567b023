import ArgumentParser
import Foundation
import DiploGraph
import DiploGraphReading
import DiploGraphviz
import DiploGraphOutput
import DiploGraphDiagram
import DiploGraphReport
import DiploGraphText

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Diagrams, centrality tables, roles and report.html / report.md in DIR.",
        discussion: """
        Writes DIR/<slice>.svg and .dot, grid.svg and .dot (every slice side by side),
        brokerage.svg (with --focus), centrality.csv and .md, roles.csv (with --dyad),
        report.html (self-contained) and report.md. DIR is replaced as a whole only when the
        run succeeds.
        The report opens with its findings, year by year, each with how firm it is: the events
        each role verdict rests on (the fewest whose removal changes it, as roles --fragility),
        the focus's measures without any one event (as centrality --influence, the chart's
        whiskers) and q-values against --null (as centrality --null: values with q < 0.05 are
        marked). --second-coding adds the coder agreement (as agreement; with --text, rows
        are matched by their quotes in the source text, otherwise on date, source, target
        and kind, and only about is compared).
        """)

    @OptionGroup var dataset: DatasetOptions
    @OptionGroup var diagram: DiagramArguments

    @OptionGroup var output: OutputOptions

    @Option(name: .long, help: "Measures for the tables, comma-separated, or --measures once per measure (default: \(Report.defaultMeasures.map(\.rawValue).joined(separator: ","))).")
    var measures: [Checked<MeasureList>] = []

    @OptionGroup var paths: PathLengthOption

    @Option(name: .long, help: "Chart this actor's brokerage over the slices.")
    var focus: String?

    @Option(name: .long, help: "Third-party roles towards this relationship: A,B (quote an id holding a comma as in CSV: \"Korea, Republic of\",DPRK).")
    var dyad: String?

    @Option(name: .long, help: "Only this third party in the roles table.")
    var third: String?

    @Option(name: .long, help: "roles.csv's rule: min, balance or stance; the report shows a tone rule (min, or this one) beside stance.")
    var rule: RoleRule = .min

    @Option(name: .customLong("roles-by"), help: "Roles over actors or groups (default: as --by).")
    var rolesBy: NodeLevel?

    @Option(name: .long, help: "The null model for the q-values the report marks: edges, degree or groups.")
    var null: NullModel = .edges

    @Option(name: .long, parsing: .unconditional, help: "Draws from the null model per slice, at least 1.")
    var permutations: Int = 1000

    @Option(name: .long, parsing: .unconditional, help: "The seed of the null model's draws, an integer (default 1).")
    var seed: String?

    @Option(name: .customLong("second-coding"), help: "A second coding of the same source (an events file): the report gives the coder agreement.")
    var secondCoding: String?

    @Option(name: .long, help: "The source text both codings quote (with --second-coding): match rows by their quotes' overlap.")
    var text: String?

    @OptionGroup var budget: BudgetOptions

    func validate() throws {
        if third != nil && dyad == nil { throw ValidationError("--third needs --dyad") }
        guard permutations >= 1 else { throw ValidationError("--permutations \(permutations): must be at least 1") }
        _ = try nullModelSeed(seed)
        if text != nil && secondCoding == nil { throw ValidationError("--text: only with --second-coding") }
    }

    func run() throws {
        let chosen = try measures.measures(defaults: Report.defaultMeasures)
        let pathLength = paths.pathLength
        let title = output.title ?? Report.defaultTitle
        try Graphviz.shared.checkPlugins()
        let network = try dataset.load()
        guard !network.slices.isEmpty else { throw UserError("\(dataset.events): no events to report (check --kinds)") }
        try DiagramBudget.check(network, command: "report")
        _ = try budget.checkMeasures(chosen, on: network, pathLength: pathLength, command: "report")
        var options = Report.Options(measures: chosen, pathLength: pathLength, focus: try focus.map { try network.entity($0, option: "--focus") },
                                     title: title)
        let seedValue = try nullModelSeed(seed)
        var evidence: ReportEvidence
        do throws(ValueError) { evidence = try ReportEvidence(null: null, permutations: permutations, seed: seedValue) } catch { throw UserError(error.message) }
        if null == .groups && !network.log.actors.isDeclared {
            throw UserError("--null groups permutes the actors' groups, and there are none: give --actors with a group column")
        }
        if let secondCoding {
            let (_, agreement, matchedByQuotes) = try dataset.secondCoding(secondCoding, of: network, text: text)
            evidence.secondCoding = .init(file: secondCoding, agreement: agreement, matchedByQuotes: matchedByQuotes)
        }
        options.evidence = evidence
        if let dyad {
            // Roles over actors or groups, whatever the diagrams' level.
            let rolesNetwork = try Report.Options.rolesNetwork(for: network, mergesGroups: rolesBy.map { $0 == .group })
            try options.setRoles(in: rolesNetwork, dyad: try parseDyad(dyad, in: rolesNetwork),
                                 third: try third.map { try rolesNetwork.entity($0, option: "--third") }, rule: rule,
                                 fragilityDepth: evidence.fragilityDepth)
        }
        let renderer = try diagram.renderer(for: network, pathLength: pathLength, title: title, budget: budget.budget, command: "report")
        options.diagram = renderer.options
        let drawsGrid = renderer.drawsGrid
        if !drawsGrid { note("no grid of all slices: \(network.slices.count) panels would hold more than \(DiagramWriter.nodeLimit) nodes") }
        show(renderer.straightEdgesWarning.map { [$0] } ?? [])
        let staged = try StagedDirectory(path: output.out, force: output.force)
        options.drawsGrid = drawsGrid
        let progress = ProgressLine.standardError()
        progress.start("report: drawing", total: network.slices.count + (drawsGrid ? 1 : 0), unit: "figures")
        defer { progress.finish() }
        let warnings: [LibraryMessage]
        do throws(AnyDiploGraphError) {
            warnings = try Report.write(network: network, options: options, to: staged) { figure, dot throws(AnyDiploGraphError) in
                defer { progress.advance() }
                let drawing = try AnyDiploGraphError.wrapping { () throws(DiagramError) in try renderer.draw(dot: dot, figure: figure) }
                show(drawing.warnings)
                return drawing.svg ?? ""
            }
        } catch {
            throw commandLineError(error)
        }
        try staged.commit()
        show(renderer.legibilityWarning(grid: false).map { [$0] } ?? [])
        for warning in warnings { warn(warning) }
    }
}
