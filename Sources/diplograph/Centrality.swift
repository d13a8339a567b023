import ArgumentParser
import DiploGraph
import DiploGraphIO

struct Centrality: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Centrality and brokerage of every actor in every slice.",
        discussion: """
        Measures: \(Measure.allCases.map(\.rawValue).joined(separator: ", ")).
        Values follow networkx (degree to eigenvector), igraph (constraint) and R sna::brokerage
        (Gould–Fernandez roles and their _z scores).
        """)

    @OptionGroup var dataset: DatasetOptions

    @Option(name: .long, help: "Measures, comma-separated (default: \(Measure.defaults.map(\.rawValue).joined(separator: ","))).")
    var measures: String?

    @Option(name: .long, help: "Output format: table, csv, json or markdown.")
    var format: CentralityTable.Format = .table

    @Option(name: .customLong("path-length"), help: "Path length for betweenness, closeness, harmonic: hops or inverse-weight.")
    var pathLength: PathLength = .hops

    @OptionGroup var budget: BudgetOptions

    func run() throws {
        let chosen = try parseMeasures(measures, defaults: Measure.defaults)
        let network = try dataset.load()
        let estimate = try budget.checkMeasures(chosen, on: network, pathLength: pathLength, command: "centrality")
        let progress = ProgressLine.standardError()
        progress.start("centrality", total: network.slices.count, unit: "slices", estimate: estimate.seconds)
        let table = CentralityTable(network: network, measures: chosen, pathLength: pathLength, progress: progress.advance)
        progress.finish()
        for warning in table.warnings { warn(warning) }
        printOut(try table.formatted(as: format))
    }
}
