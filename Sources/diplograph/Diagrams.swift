import ArgumentParser
import Foundation
import DiploGraph
import DiploGraphIO
import DiploGraphviz

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
        if let width, PrintWidth(width) == nil {
            throw ValidationError("--width: '\(width)' is not a width between 1in and 100in with a unit, e.g. 6.5in, 17cm, 165mm, 468pt or 800px")
        }
    }

    /// Lays out all slices together once, so that every slice's diagram shares positions.
    ///
    /// Refuses, before any layout, a network with more than ``DiagramWriter/nodeLimit`` actors to draw.
    /// - Parameter composesLegend: render the legend once and compose it into each SVG
    ///   (`render`, `report`), rather than write it into each figure's DOT (`dot`, PNG, PDF).
    func diagramOptions(for network: SlicedNetwork, pathLength: PathLength, title: String? = nil,
                        format: OutputFormat = .svg, composesLegend: Bool = true) throws -> DiagramOptions {
        let writer = DiagramWriter(network: network)
        let drawn = writer.drawnEntities.count
        if drawn > DiagramWriter.nodeLimit {
            let level = network.options.mergesGroups ? "groups" : "actors"
            let groups = Set(network.entities.map(\.group)).count
            throw UserError("\(drawn) \(level) to draw: diagrams hold at most \(DiagramWriter.nodeLimit) nodes (Graphviz takes minutes or crashes beyond). "
                            + (network.options.mergesGroups ? "Draw fewer kinds (--kinds) or shorter periods." : "Draw groups with --by group (\(groups) groups), or fewer kinds with --kinds."))
        }
        let printWidth = width.flatMap(PrintWidth.init) ?? .page
        var options = DiagramOptions(showsGhosts: ghosts, sizeBy: sizeBy.flatMap(Measure.init(rawValue:)), pathLength: pathLength,
                                     showsLegend: !noLegend, width: printWidth, title: title)
        options = writer.prepared(options)
        let boxes = try Graphviz.shared.boxes(dot: writer.unionDOT(sizeScale: options.sizeScale), engine: engine)
        options.layout = DiagramLayout(entityCount: network.entities.count, boxesByNodeName: boxes.mapValues {
            (DiagramLayout.Point(x: $0.x, y: $0.y), DiagramLayout.Size(width: $0.width, height: $0.height))
        })
        let gridBoxes = try Graphviz.shared.boxes(dot: writer.measuringDOT(typography: .grid, sizeScale: options.sizeScale), engine: .pinned)
        var gridSizes = [DiagramLayout.Size?](repeating: nil, count: network.entities.count)
        for (name, box) in gridBoxes where name.hasPrefix("n") {
            if let index = Int(name.dropFirst()), index >= 0, index < gridSizes.count { gridSizes[index] = DiagramLayout.Size(width: box.width, height: box.height) }
        }
        options.gridSizes = gridSizes
        if format == .png { options.rasterDPI = printWidth.isPixels ? 96 : 192 }
        options = writer.prepared(options)
        if format == .svg && options.showsLegend && composesLegend {
            // Drawn once, composed into every SVG: no figure lays its legend out again.
            func legend(grid: Bool) throws -> ComposedLegend? {
                let svg = try Graphviz.shared.render(dot: writer.legendDOT(options: options, grid: grid), engine: .pinned, format: .svg)
                return ComposedLegend(svg: String(decoding: svg.bytes, as: UTF8.self))
            }
            options.composedLegend = try legend(grid: false)
            options.composedGridLegend = try legend(grid: true)
        }
        return options
    }
}

/// Draws DOT with the pinned engine; Graphviz's warnings for one figure go to stderr on one line.
func drawPinned(_ dot: String, format: OutputFormat, figure: String, options: DiagramOptions) throws -> [UInt8] {
    let rendering = try Graphviz.shared.render(dot: dot, engine: .pinned, format: format)
    if !rendering.warnings.isEmpty { warn("Graphviz, \(figure): \(rendering.warnings.joined(separator: "; "))") }
    if format == .png, let dpi = options.rasterDPI { return PNGResolution.setting(dpi, in: rendering.bytes) }
    if format == .svg {
        let legend = figure == "grid" ? options.composedGridLegend : options.composedLegend
        if legend != nil { return Array(DiagramWriter.composing(legend, into: String(decoding: rendering.bytes, as: UTF8.self)).utf8) }
    }
    return rendering.bytes
}

/// Says once that some slices' edges are drawn straight.
func noteStraightEdges(_ writer: DiagramWriter, _ slices: [Slice], options: DiagramOptions) {
    let straight = slices.filter { writer.routesStraight($0, options: options) }
    guard !straight.isEmpty else { return }
    let names = straight.prefix(5).map(\.label).joined(separator: ", ") + (straight.count > 5 ? ", …" : "")
    note("edges drawn straight in \(straight.count) of \(slices.count) slices (\(names)): routing curves around that many nodes would take seconds per slice")
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
        let options = try diagram.diagramOptions(for: network, pathLength: pathLength, title: title, composesLegend: false)
        printOut(DiagramWriter(network: network).dot(for: slice, options: options))
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

    func run() throws {
        try Graphviz.shared.checkPlugins()
        let network = try dataset.load()
        guard !network.slices.isEmpty else { throw UserError("\(dataset.events): no events to draw (check --kinds)") }
        try DiagramBudget.check(network, command: "render")
        let writer = DiagramWriter(network: network)
        if grid, writer.gridNodeCount(showsGhosts: diagram.ghosts) > DiagramWriter.nodeLimit {
            throw UserError("--grid: \(writer.gridNodeCount(showsGhosts: diagram.ghosts)) nodes in \(network.slices.count) panels: one figure holds at most "
                            + "\(DiagramWriter.nodeLimit) nodes. Use longer slices (--slice year), --by group or --kinds.")
        }
        let options = try diagram.diagramOptions(for: network, pathLength: pathLength, title: title, format: format)
        let output = try StagedDirectory(path: out, force: force)
        if grid {
            let bytes = try drawPinned(writer.gridDOT(options: options), format: format, figure: "grid", options: options)
            try output.write("grid.\(format.rawValue)", bytes: bytes)
        } else {
            noteStraightEdges(writer, network.slices, options: options)
            for slice in network.slices {
                let bytes = try drawPinned(writer.dot(for: slice, options: options), format: format, figure: "slice \(slice.label)", options: options)
                try output.write("\(Report.fileName(for: slice.label)).\(format.rawValue)", bytes: bytes)
            }
        }
        if let message = writer.legibilityWarning(options: options, grid: grid) { warn(message) }
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

    @Option(name: .long, help: "Third-party roles towards this relationship: A,B.")
    var dyad: String?

    @Option(name: .long, help: "Only this third party in the roles table.")
    var third: String?

    @Option(name: .long, help: "roles.csv's rule: min, balance or stance; the report shows a tone rule (min, or this one) beside stance.")
    var rule: RoleRule = .min

    @Option(name: .customLong("roles-by"), help: "Roles over actors or groups (default: as --by).")
    var rolesBy: NodeLevel?

    @Option(name: .long, help: "The report's title.")
    var title: String = "DiploGraph report"

    func validate() throws {
        if third != nil && dyad == nil { throw ValidationError("--third needs --dyad") }
    }

    func run() throws {
        let chosen = try parseMeasures(measures, defaults: Report.defaultMeasures)
        try Graphviz.shared.checkPlugins()
        let network = try dataset.load()
        guard !network.slices.isEmpty else { throw UserError("\(dataset.events): no events to report (check --kinds)") }
        try DiagramBudget.check(network, command: "report")
        let focusIndex = try focus.map { try network.entity($0, option: "--focus") }
        var roles: (table: ThirdPartyRoles, dyad: (String, String), rule: RoleRule)?
        var compared: (tone: ThirdPartyRoles, toneRule: RoleRule, stance: ThirdPartyRoles)?
        if let dyad {
            var rolesNetwork = network
            if let rolesBy, (rolesBy == .group) != network.options.mergesGroups {
                var options = network.options
                options.mergesGroups = rolesBy == .group
                rolesNetwork = try Slicer.slice(network.log, options: options)
            }
            let (a, b) = try parseDyad(dyad, in: rolesNetwork)
            let thirdIndex = try third.map { try rolesNetwork.entity($0, option: "--third") }
            roles = (try ThirdPartyRoles(network: rolesNetwork, dyad: (a, b), third: thirdIndex, rule: rule),
                     (rolesNetwork.entities[Int(a)].id, rolesNetwork.entities[Int(b)].id), rule)
            let toneRule: RoleRule = rule.isTone ? rule : .min
            compared = (try ThirdPartyRoles(network: rolesNetwork, dyad: (a, b), third: thirdIndex, rule: toneRule), toneRule,
                        try ThirdPartyRoles(network: rolesNetwork, dyad: (a, b), third: thirdIndex, rule: .stance))
        }
        let diagramOptions = try diagram.diagramOptions(for: network, pathLength: pathLength, title: title)
        let writer = DiagramWriter(network: network)
        let drawsGrid = writer.gridNodeCount(showsGhosts: diagram.ghosts) <= DiagramWriter.nodeLimit
        if !drawsGrid { note("no grid of all slices: \(network.slices.count) panels would hold more than \(DiagramWriter.nodeLimit) nodes") }
        noteStraightEdges(writer, network.slices, options: diagramOptions)
        let output = try StagedDirectory(path: out, force: force)
        var options = Report.Options(measures: chosen, pathLength: pathLength, focus: focusIndex, roles: roles,
                                     diagram: diagramOptions, title: title, rolesCompared: compared)
        options.drawsGrid = drawsGrid
        let warnings = try Report.write(network: network, options: options, to: output) { figure, dot in
            String(decoding: try drawPinned(dot, format: .svg, figure: figure, options: diagramOptions), as: UTF8.self)
        }
        try output.commit()
        if let message = writer.legibilityWarning(options: diagramOptions, grid: false) { warn(message) }
        for warning in warnings { warn(warning) }
    }
}

/// A line on stderr that is neither an error nor a warning: what the tool chose and why.
func note(_ message: String) {
    FileHandle.standardError.write(Data("note: \(message)\n".utf8))
}
