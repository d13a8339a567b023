import ArgumentParser
import Foundation
import DiploGraph
import DiploGraphReading
import DiploGraphviz
import DiploGraphOutput
import DiploGraphDiagram
import DiploGraphReport
import DiploGraphText

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
            do throws(AnyDiploGraphError) {
                try renderer.draw(network.slices) { slice, drawing throws(AnyDiploGraphError) in
                    show(drawing.warnings)
                    try AnyDiploGraphError.wrapping { () throws(OutputError) in
                        try staged.write("\(Report.fileName(for: slice.label)).\(format.rawValue)", bytes: drawing.bytes)
                    }
                    progress.advance()
                }
            } catch {
                throw commandLineError(error)
            }
        }
        show(renderer.legibilityWarning(grid: grid).map { [$0] } ?? [])
        try staged.commit()
    }
}
