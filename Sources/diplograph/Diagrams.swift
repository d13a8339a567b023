import ArgumentParser
import DiploGraph
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

    @Option(name: .customLong("size-by"), help: "Scale labels by a measure (e.g. betweenness, brokerage, pagerank).")
    var sizeBy: String?

    @Flag(name: .customLong("no-legend"), help: "Leave the legend out.")
    var noLegend = false

    func validate() throws {
        if let sizeBy, Measure(rawValue: sizeBy) == nil {
            throw ValidationError("--size-by: unknown measure '\(sizeBy)'; known measures: \(Measure.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    /// Lays out all slices together once, so that every slice's diagram shares positions.
    func diagramOptions(for network: SlicedNetwork, pathLength: PathLength) throws -> DiagramOptions {
        let writer = DiagramWriter(network: network)
        let positions = try Graphviz.shared.positions(dot: writer.unionDOT(), engine: engine)
        let layout = DiagramLayout(entityCount: network.entities.count,
                                   positionsByNodeName: positions.mapValues { DiagramLayout.Point(x: $0.x, y: $0.y) })
        return DiagramOptions(layout: layout, showsGhosts: ghosts, sizeBy: sizeBy.flatMap(Measure.init(rawValue:)),
                              pathLength: pathLength, showsLegend: !noLegend)
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
        let options = try diagram.diagramOptions(for: network, pathLength: pathLength)
        printOut(DiagramWriter(network: network).dot(for: slice, options: options))
    }
}

struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Draw every slice into DIR/<slice>.<format>, every actor at the same place in every slice.")

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

    func run() throws {
        try Graphviz.shared.checkPlugins()
        let network = try dataset.load()
        guard !network.slices.isEmpty else { throw UserError("\(dataset.events): no events to draw (check --kinds)") }
        try DiagramBudget.check(network, command: "render")
        let options = try diagram.diagramOptions(for: network, pathLength: pathLength)
        let writer = DiagramWriter(network: network)
        let output = try StagedDirectory(path: out, force: force)
        for slice in network.slices {
            let dot = writer.dot(for: slice, options: options)
            let rendering = try Graphviz.shared.render(dot: dot, engine: .pinned, format: format)
            for message in rendering.warnings { warn("Graphviz, slice \(slice.label): \(message)") }
            try output.write("\(Report.fileName(for: slice.label)).\(format.rawValue)", bytes: rendering.bytes)
        }
        try output.commit()
    }
}

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Diagrams, centrality tables, roles and report.html / report.md in DIR.",
        discussion: """
        Writes DIR/<slice>.svg and .dot, centrality.csv and .md, roles.csv (with --dyad),
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
        let diagramOptions = try diagram.diagramOptions(for: network, pathLength: pathLength)
        let output = try StagedDirectory(path: out, force: force)
        let options = Report.Options(measures: chosen, pathLength: pathLength, focus: focusIndex, roles: roles,
                                     diagram: diagramOptions, title: title, rolesCompared: compared)
        let warnings = try Report.write(network: network, options: options, to: output) { dot in
            let rendering = try Graphviz.shared.render(dot: dot, engine: .pinned, format: .svg)
            for message in rendering.warnings { warn("Graphviz: \(message)") }
            return String(decoding: rendering.bytes, as: UTF8.self)
        }
        try output.commit()
        for warning in warnings { warn(warning) }
    }
}
