import ArgumentParser
import DiploGraph
import DiploGraphOutput
import DiploGraphExport

struct Centrality: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Centrality and brokerage of every actor in every slice.",
        discussion: """
        Measures: \(Measure.allCases.map(\.rawValue).joined(separator: ", ")).
        Values follow networkx (degree to eigenvector), igraph (constraint) and R sna::brokerage
        (Gould–Fernandez roles and their _z scores).
        --null edges|degree|groups --permutations N [--seed S] adds m_p (Monte-Carlo upper
        tail, (1 + #{null >= observed}) / (N + 1)) and m_q (Benjamini–Hochberg over every row of
        that measure) for each measure m. edges: random graphs with the slice's node and tie
        counts (R sna rgnm); degree: in- and out-degrees kept (10·m double edge swaps); groups:
        the actors' groups permuted (needs --actors). Tie weights are shuffled over the drawn
        ties. The same seed gives the same output on any number of cores.
        --influence adds m_min and m_max: the least and greatest value of the actor's measure
        when any single event of its slice is removed (an actor the removal takes out of the
        slice counts as an isolate added to it; a slice too large to remeasure once per event
        is refused, naming it).
        """)

    @OptionGroup var dataset: DatasetOptions

    @Option(name: .long, help: "Measures, comma-separated, or --measures once per measure (default: \(Measure.defaults.map(\.rawValue).joined(separator: ","))).")
    var measures: [Checked<MeasureList>] = []

    @Option(name: .long, help: "Output format: table, csv, json or markdown.")
    var format: CentralityTable.Format = .table

    @OptionGroup var paths: PathLengthOption

    @OptionGroup var budget: BudgetOptions

    @Flag(name: .long, help: "Add m_min and m_max: each measure's range when any one event of the slice is removed.")
    var influence = false

    @Option(name: .long, help: "A null model for p- and q-values: edges, degree or groups.")
    var null: NullModel?

    @Option(name: .long, parsing: .unconditional, help: "Draws from the null model per slice (with --null, at least 1).")
    var permutations: Int?

    @Option(name: .long, parsing: .unconditional, help: "The seed of the null model's draws, an integer (default 1).")
    var seed: String?

    func validate() throws {
        if null == nil, permutations != nil || seed != nil { throw ValidationError("--permutations and --seed: only with --null") }
        if null != nil {
            guard let permutations else { throw ValidationError("--null: give --permutations N") }
            guard permutations >= 1 else { throw ValidationError("--permutations \(permutations): must be at least 1") }
        }
        _ = try nullModelSeed(seed)
    }

    func run() throws {
        let chosen = try measures.measures(defaults: Measure.defaults)
        let pathLength = paths.pathLength
        let network = try dataset.load()
        let estimate = try budget.checkMeasures(chosen, on: network, pathLength: pathLength, command: "centrality")
        let progress = ProgressLine.standardError()
        progress.start("centrality", total: network.slices.count, unit: "slices", estimate: estimate.seconds)
        let table = CentralityTable(network: network, measures: chosen, pathLength: pathLength, progress: progress.advance)
        progress.finish()
        for warning in table.warnings { warn(warning) }
        var columns: [EvidenceColumn] = []
        if influence {
            do {
                columns += EvidenceColumn.columns(of: try MeasureInfluence(network: network, measures: chosen, pathLength: pathLength))
            } catch {
                throw UserError("--influence: \(error.description)")
            }
        }
        guard let null, let permutations else {
            printOut(columns.isEmpty ? try table.formatted(as: format) : try table.formatted(as: format, adding: columns))
            return
        }
        let seedValue = try nullModelSeed(seed)
        let test: PermutationTest
        do {
            test = try PermutationTest(network: network, measures: chosen, pathLength: pathLength, model: null, permutations: permutations, seed: seedValue)
        } catch {
            throw UserError("--null \(null.rawValue): \(error.description)")
        }
        printOut(try table.formatted(as: format, adding: columns + EvidenceColumn.columns(of: test)))
    }
}
