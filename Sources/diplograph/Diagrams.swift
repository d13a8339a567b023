import ArgumentParser
import Foundation
import DiploGraph
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

    @Flag(name: .long, help: "Draw actors absent from a slice, faint, at their places.")
    var ghosts = false

    @Option(name: .customLong("size-by"), help: ArgumentHelp(
        "Scale labels by a measure (e.g. betweenness, brokerage, pagerank), on one scale for all slices.",
        discussion: "The scale runs from 0 (or the lowest value) to the largest value in any slice; the legend shows two or three reference sizes."))
    var sizeBy: String?

    @Flag(name: .customLong("no-legend"), help: "Leave the legend out.")
    var noLegend = false

    @Option(name: .long, help: ArgumentHelp(
        "The figure's physical width: 6.5in (default, a page's text width), 17cm, 165mm, 468pt or 800px.",
        discussion: "Labels are at least 7 pt and legend text 6 pt at this width (a figure too large to fit is scaled down, with a warning giving its label size); PDF and PNG have the same size (PNG at 192 dpi, or 96 dpi for px widths)."))
    var width: String?

    func validate() throws {
        if let sizeBy, Measure(rawValue: sizeBy) == nil {
            throw ValidationError("--size-by: unknown measure '\(sizeBy)'; known measures: \(Measure.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if let width {
            do { _ = try PrintWidth(width) } catch { throw ValidationError("--width: \(error.message)") }
        }
    }

    /// The library's renderer for these arguments: one shared layout, measured boxes, legends
    /// (see `DiagramRenderer`); its errors in the command line's words.
    /// - Parameter composesLegend: render the legend once and compose it into each SVG
    ///   (`render`, `report`), rather than write it into each figure's DOT (`dot`, PNG, PDF).
    func renderer(for network: SlicedNetwork, pathLength: PathLength, title: String? = nil,
                  format: OutputFormat = .svg, composesLegend: Bool = true, budget: Double, command: String) throws -> DiagramRenderer {
        let options = try DiagramOptions(showsGhosts: ghosts, sizeBy: sizeBy.flatMap(Measure.init(rawValue:)), pathLength: pathLength,
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

    @Option(name: .customLong("path-length"), help: "Path length for --size-by measures: hops or inverse-weight.")
    var pathLength: PathLength = .hops

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
        let renderer = try diagram.renderer(for: network, pathLength: pathLength, title: title, composesLegend: false, budget: budget.budget, command: "dot")
        printOut(try renderer.dot(for: slice))
    }
}

struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Draw every slice into DIR/<slice>.<format> (or all in DIR/grid.<format>), every actor at the same place in every slice.")

    @OptionGroup var dataset: DatasetOptions
    @OptionGroup var diagram: DiagramArguments

    @Option(name: .long, help: ArgumentHelp("Output folder: new, empty, or one DiploGraph wrote before.", discussion: outFolderDiscussion))
    var out: String

    @Flag(name: .long, help: "Write into a folder that holds other files: replace only files with the names DiploGraph writes.")
    var force = false

    @Option(name: .long, help: "Output format: svg, png or pdf.")
    var format: OutputFormat = .svg

    @Option(name: .customLong("path-length"), help: "Path length for --size-by measures: hops or inverse-weight.")
    var pathLength: PathLength = .hops

    @Option(name: .long, help: "A title drawn above each figure (the slice label goes under it).")
    var title: String?

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
            do { try DiagramRenderer.checkGrid(of: network, showsGhosts: diagram.ghosts) } catch { throw commandLineError(error) }
        }
        let renderer = try diagram.renderer(for: network, pathLength: pathLength, title: title, format: format, budget: budget.budget,
                                            command: "render")
        let output = try StagedDirectory(path: out, force: force)
        if grid {
            try output.write("grid.\(format.rawValue)", bytes: try drawn(renderer.drawGrid).bytes)
        } else {
            show(renderer.straightEdgesWarning.map { [$0] } ?? [])
            let progress = ProgressLine.standardError()
            progress.start("render: drawing", total: network.slices.count, unit: "figures")
            defer { progress.finish() }
            for slice in network.slices {
                let drawing = try drawn { () throws(DiagramError) in try renderer.draw(slice) }
                try output.write("\(Report.fileName(for: slice.label)).\(format.rawValue)", bytes: drawing.bytes)
                progress.advance()
            }
        }
        show(renderer.legibilityWarning(grid: grid).map { [$0] } ?? [])
        try output.commit()
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
        """)

    @OptionGroup var dataset: DatasetOptions
    @OptionGroup var diagram: DiagramArguments

    @Option(name: .long, help: ArgumentHelp("Output folder: new, empty, or one DiploGraph wrote before.", discussion: outFolderDiscussion))
    var out: String

    @Flag(name: .long, help: "Write into a folder that holds other files: replace only files with the names DiploGraph writes.")
    var force = false

    @Option(name: .long, help: "Measures for the tables (default: \(Report.defaultMeasures.map(\.rawValue).joined(separator: ","))).")
    var measures: String?

    @Option(name: .customLong("path-length"), help: "Path length for betweenness, closeness, harmonic: hops or inverse-weight.")
    var pathLength: PathLength = .hops

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

    @Option(name: .long, help: "The report's title.")
    var title: String = "DiploGraph report"

    @OptionGroup var budget: BudgetOptions

    func validate() throws {
        if third != nil && dyad == nil { throw ValidationError("--third needs --dyad") }
    }

    func run() throws {
        let chosen = try parseMeasures(measures, defaults: Report.defaultMeasures)
        try Graphviz.shared.checkPlugins()
        let network = try dataset.load()
        guard !network.slices.isEmpty else { throw UserError("\(dataset.events): no events to report (check --kinds)") }
        try DiagramBudget.check(network, command: "report")
        _ = try budget.checkMeasures(chosen, on: network, pathLength: pathLength, command: "report")
        var options = Report.Options(measures: chosen, pathLength: pathLength, focus: try focus.map { try network.entity($0, option: "--focus") },
                                     title: title)
        if let dyad {
            // Roles over actors or groups, whatever the diagrams' level.
            var rolesNetwork = network
            if let rolesBy, (rolesBy == .group) != network.options.mergesGroups {
                var sliceOptions = network.options
                sliceOptions.mergesGroups = rolesBy == .group
                rolesNetwork = try Slicer.slice(network.log, options: sliceOptions)
            }
            try options.setRoles(in: rolesNetwork, dyad: try parseDyad(dyad, in: rolesNetwork),
                                 third: try third.map { try rolesNetwork.entity($0, option: "--third") }, rule: rule)
        }
        let renderer = try diagram.renderer(for: network, pathLength: pathLength, title: title, budget: budget.budget, command: "report")
        options.diagram = renderer.options
        let drawsGrid = renderer.drawsGrid
        if !drawsGrid { note("no grid of all slices: \(network.slices.count) panels would hold more than \(DiagramWriter.nodeLimit) nodes") }
        show(renderer.straightEdgesWarning.map { [$0] } ?? [])
        let output = try StagedDirectory(path: out, force: force)
        options.drawsGrid = drawsGrid
        let progress = ProgressLine.standardError()
        progress.start("report: drawing", total: network.slices.count + (drawsGrid ? 1 : 0), unit: "figures")
        defer { progress.finish() }
        let warnings = try Report.write(network: network, options: options, to: output) { figure, dot in
            defer { progress.advance() }
            return try drawn { () throws(DiagramError) in try renderer.draw(dot: dot, figure: figure) }.svg ?? ""
        }
        try output.commit()
        show(renderer.legibilityWarning(grid: false).map { [$0] } ?? [])
        for warning in warnings { warn(warning) }
    }
}

/// A line on stderr that is neither an error nor a warning: what the tool chose and why.
func note(_ message: String) {
    Messages.write(line: "note: \(message)")
}
