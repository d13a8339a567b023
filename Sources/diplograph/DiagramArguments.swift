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

/// A line on stderr that is neither an error nor a warning: what the tool chose and why.
func note(_ message: String) {
    Messages.write(line: "note: \(message)")
}
