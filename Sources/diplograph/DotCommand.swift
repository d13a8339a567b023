import ArgumentParser
import Foundation
import DiploGraph
import DiploGraphReading
import DiploGraphviz
import DiploGraphOutput
import DiploGraphDiagram
import DiploGraphReport
import DiploGraphText

/// `error` in the command line's words: a figure that cannot be drawn as the overload for `DiagramError`
/// words it, any other error as it is.
func commandLineError(_ error: AnyDiploGraphError) -> Error {
    (error.base as? DiagramError).map(commandLineError) ?? error
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
