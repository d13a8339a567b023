import ArgumentParser
import Foundation
import DiploGraph
import DiploGraphReading
import DiploGraphviz
import DiploGraphOutput
import DiploGraphDiagram
import DiploGraphReport
import DiploGraphText

/// The engines users choose; `nop` (pinned positions) is DiploGraph's own second pass.
extension LayoutEngine: ExpressibleByArgument {
    public init?(argument: String) {
        guard let engine = LayoutEngine(rawValue: argument), engine != .pinned else { return nil }
        self = engine
    }

    public static var allValueStrings: [String] { allCases.filter { $0 != .pinned }.map(\.rawValue) }
}
extension OutputFormat: ExpressibleByArgument {}

/// How diagrams are drawn: shared by `dot`, `render` and `report`.
struct DiagramArguments: ParsableArguments {
    @Option(name: .long, help: "Layout engine for the shared positions: dot, neato, fdp, sfdp or circo.")
    var engine: LayoutEngine = .neato

    @Flag(name: .long, help: ArgumentHelp(
        "Draw actors absent from a slice, faint, at their places (the default).",
        discussion: "Without --ghosts or --no-ghosts, ghosts are left out of a dataset whose grid of all slices would then hold too many nodes."))
    var ghosts = false

    @Flag(name: .customLong("no-ghosts"), help: "Leave actors absent from a slice out of its figure.")
    var noGhosts = false

    @Option(name: .customLong("size-by"), help: ArgumentHelp(
        "Show a measure (e.g. betweenness, brokerage, pagerank) as a number after each name.",
        discussion: "Labels keep one size: the value is the number in brackets after each name, which the legend explains."))
    var sizeBy: Checked<Measure>?

    @Flag(name: .customLong("no-legend"), help: "Leave the legend out.")
    var noLegend = false

    @Option(name: .long, help: ArgumentHelp(
        "The figure's physical width: 6.5in (default, a page's text width), 17cm, 165mm, 468pt or 800px.",
        discussion: "Labels are at least 7 pt and legend text 6 pt at this width (a figure too large to fit is scaled down, with a warning giving its label size); PDF and PNG have the same size (PNG at 192 dpi, or 96 dpi for px widths)."))
    var width: String?

    func validate() throws {
        if ghosts && noGhosts { throw ValidationError("--ghosts and --no-ghosts: give one of them") }
        if let sizeBy, case let .failure(problem) = sizeBy.parsed {
            throw ValidationError("--size-by: \(problem)")
        }
        if let width {
            do { _ = try PrintWidth(width) } catch { throw ValidationError("--width: \(error.message)") }
        }
    }

    /// Whether figures draw absent actors: yes unless `--no-ghosts`, or, by default, when the
    /// grid of all slices could not hold them.
    /// - Parameter network: the sliced events to draw.
    func showsGhosts(in network: SlicedNetwork) -> Bool {
        if noGhosts { return false }
        return ghosts || DiagramWriter(network: network).gridNodeCount(showsGhosts: true) <= DiagramWriter.nodeLimit
    }

    /// The library's renderer for these arguments: one shared layout, measured boxes, legends
    /// (see `DiagramRenderer`); its errors in the command line's words.
    /// - Parameter composesLegend: render the legend once and compose it into each SVG
    ///   (`render`, `report`), rather than write it into each figure's DOT (`dot`, PNG, PDF).
    func renderer(for network: SlicedNetwork, pathLength: PathLength, title: String? = nil,
                  format: OutputFormat = .svg, composesLegend: Bool = true, budget: Double, command: String) throws -> DiagramRenderer {
        let options = try DiagramOptions(showsGhosts: showsGhosts(in: network), sizeBy: try sizeBy?.value(\.description), pathLength: pathLength,
                                         showsLegend: !noLegend, width: width.map(PrintWidth.init) ?? .page, title: title)
        let progress = ProgressLine.standardError()
        progress.start("\(command): laying out", estimate: DiagramRenderer.estimate(network: network, options: options, engine: engine).seconds)
        defer { progress.finish() }
        do {
            return try DiagramRenderer(network: network, options: options, engine: engine, format: format, composesLegend: composesLegend,
                                       budget: budget)
        } catch {
            throw commandLineError(error)
        }
    }
}

/// `error` in the command line's words (naming its options).
func commandLineError(_ error: DiagramError) -> Error {
    switch error {
    case let .tooManyNodes(count, limit, mergesGroups, groupCount):
        return UserError("\(count) \(mergesGroups ? "groups" : "actors") to draw: diagrams hold at most \(limit) nodes (Graphviz takes minutes or crashes beyond). "
                         + (mergesGroups ? "Draw fewer kinds (--kinds) or shorter periods." : "Draw groups with --by group (\(groupCount) groups), or fewer kinds with --kinds."))
    case let .gridTooLarge(nodes, panels, limit):
        return UserError("--grid: \(nodes) nodes in \(panels) panels: one figure holds at most \(limit) nodes. Use longer slices (--slice year), --by group or --kinds.")
    case .unsupportedEngine, .foreignSlice, .foreignLayout:
        return UserError(error.description)
    case let .overBudget(exceeded, engine):
        return UserError(overBudgetMessage(exceeded, engine: engine))
    case let .graphviz(graphviz):
        return graphviz
    }
}

/// Shows what the library warned about: notes for choices it made, warnings for defects, in
/// the command line's words.
func show(_ warnings: [DiagramWarning]) {
    for warning in warnings {
        switch warning {
        case .straightEdges:
            note(warning.description)
        case let .scaledDown(grid, needed, label, width, scaled):
            warn("\(grid ? "the grid" : "the diagrams") need \(NumberFormat.measure(needed / 72)) in for \(NumberFormat.measure(label)) pt labels; "
                 + "at --width \(width) labels are \(NumberFormat.measure(scaled)) pt. Use a larger --width, --by group or --kinds.")
        case .graphviz:
            warn(warning.description)
        }
    }
}

/// Draws with `renderer`, showing Graphviz's warnings; its errors in the command line's words.
func drawn(_ draw: () throws(DiagramError) -> Drawing) throws -> Drawing {
    do {
        let drawing = try draw()
        show(drawing.warnings)
        return drawing
    } catch {
        throw commandLineError(error)
    }
}

/// What `--out` accepts, for `render` and `report`.
let outFolderDiscussion = """
    DiploGraph marks its output folders with a .diplograph-output file listing what it wrote. \
    A new or empty folder is created or filled; a folder DiploGraph wrote before has its \
    previous output replaced as a whole, only when the run succeeds; any other folder holding \
    files is refused unless --force. Files DiploGraph did not write are never deleted.
    """

struct DotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dot",
        abstract: "Print the DOT text of one slice (positions pinned as in `render`; draw it with `neato -n`).")

    @OptionGroup var dataset: DatasetOptions
    @OptionGroup var diagram: DiagramArguments

    @Option(name: .customLong("slice-label"), help: "The slice to print, e.g. 2018 (default: the only slice).")
    var sliceLabel: String?

    @OptionGroup var paths: PathLengthOption

    @Option(name: .long, help: "A title drawn above the slice label.")
    var title: String?

    @OptionGroup var budget: BudgetOptions

    func run() throws {
        try Graphviz.shared.checkPlugins()
        let network = try dataset.load()
        let slice: Slice
        if let sliceLabel {
            guard let found = network.slice(labelled: sliceLabel) else {
                throw UserError("--slice-label: no slice '\(sliceLabel)' (slices: \(listed(network.slices.map(\.label))))")
            }
            slice = found
        } else {
            guard network.slices.count == 1 else {
                throw UserError("--slice-label is needed: the data have \(network.slices.count) slices (\(listed(network.slices.map(\.label))))")
            }
            slice = network.slices[0]
        }
        let renderer = try diagram.renderer(for: network, pathLength: paths.pathLength, title: title, composesLegend: false, budget: budget.budget, command: "dot")
        printOut(try renderer.dot(for: slice))
    }
}

struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Draw every slice into DIR/<slice>.<format> (or all in DIR/grid.<format>), every actor at the same place in every slice.")

    @OptionGroup var dataset: DatasetOptions
    @OptionGroup var diagram: DiagramArguments

    @OptionGroup var output: OutputOptions

    @Option(name: .long, help: "Output format: svg, png or pdf.")
    var format: OutputFormat = .svg

    @OptionGroup var paths: PathLengthOption

    @Flag(name: .long, help: ArgumentHelp(
        "Draw every slice side by side in one figure, DIR/grid.<format> (small multiples), instead of one file per slice.",
        discussion: "Panels share the layout and one legend, at most three to a row; edges are straight."))
    var grid = false

    @OptionGroup var budget: BudgetOptions

    func run() throws {
        try Graphviz.shared.checkPlugins()
        let network = try dataset.load()
        guard !network.slices.isEmpty else { throw UserError("\(dataset.events): no events to draw (check --kinds)") }
        try DiagramBudget.check(network, command: "render")
        if grid {
            do { try DiagramRenderer.checkGrid(of: network, showsGhosts: diagram.showsGhosts(in: network)) } catch { throw commandLineError(error) }
        }
        let renderer = try diagram.renderer(for: network, pathLength: paths.pathLength, title: output.title, format: format, budget: budget.budget,
                                            command: "render")
        let staged = try StagedDirectory(path: output.out, force: output.force)
        if grid {
            try staged.write("grid.\(format.rawValue)", bytes: try drawn(renderer.drawGrid).bytes)
        } else {
            show(renderer.straightEdgesWarning.map { [$0] } ?? [])
            let progress = ProgressLine.standardError()
            progress.start("render: drawing", total: network.slices.count, unit: "figures")
            defer { progress.finish() }
            for slice in network.slices {
                let drawing = try drawn { () throws(DiagramError) in try renderer.draw(slice) }
                try staged.write("\(Report.fileName(for: slice.label)).\(format.rawValue)", bytes: drawing.bytes)
                progress.advance()
            }
        }
        show(renderer.legibilityWarning(grid: grid).map { [$0] } ?? [])
        try staged.commit()
    }
}

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
        if let seed, UInt64(seed) == nil && Int64(seed) == nil { throw ValidationError("--seed '\(seed)': expected an integer") }
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
        let seedValue = seed.map { UInt64($0) ?? UInt64(bitPattern: Int64($0)!) } ?? 1
        var evidence: ReportEvidence
        do throws(ValueError) { evidence = try ReportEvidence(null: null, permutations: permutations, seed: seedValue) } catch { throw UserError(error.message) }
        if null == .groups && !network.log.actors.isDeclared {
            throw UserError("--null groups permutes the actors' groups, and there are none: give --actors with a group column")
        }
        if let secondCoding {
            var other = dataset
            other.events = secondCoding
            let second = try other.load()
            var spans: ([Range<Int>], [Range<Int>])?
            if let text {
                let source: String
                do { source = try String(contentsOfFile: text, encoding: .utf8) } catch { throw UserError("\(text): cannot be read as UTF-8 text") }
                spans = (try DatasetReader.quoteSpans(events: dataset.events, text: source, textName: text),
                         try DatasetReader.quoteSpans(events: secondCoding, text: source, textName: text))
            }
            let agreement = try CodingAgreement(a: network.log, b: second.log, spansA: spans?.0, spansB: spans?.1)
            evidence.secondCoding = .init(file: secondCoding, agreement: agreement, matchedByQuotes: spans != nil)
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
        let warnings = try Report.write(network: network, options: options, to: staged) { figure, dot in
            defer { progress.advance() }
            return try drawn { () throws(DiagramError) in try renderer.draw(dot: dot, figure: figure) }.svg ?? ""
        }
        try staged.commit()
        show(renderer.legibilityWarning(grid: false).map { [$0] } ?? [])
        for warning in warnings { warn(warning) }
    }
}

/// A line on stderr that is neither an error nor a warning: what the tool chose and why.
func note(_ message: String) {
    Messages.write(line: "note: \(message)")
}
