import ArgumentParser
import DiploGraph
import DiploGraphviz
import DiploGraphDiagram

extension DiagramBudget {
    /// ``/DiploGraphDiagram/DiagramBudget/check(_:)`` for `render` and `report`, with what to change on the
    /// command line when a network is over a limit.
    static func check(_ network: SlicedNetwork, command: String) throws {
        do {
            try check(network)
        } catch {
            let hint = switch error {
            case .tooManyDiagrams: "use a coarser --slice, or --kinds; `centrality` has no such limit"
            case .tooManyBytes: "use --by group, --kinds or a coarser --slice"
            }
            throw UserError("\(command): \(error) (\(hint))")
        }
    }
}

/// `--budget`: the most time a run may be estimated to take before it starts.
struct BudgetOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The most seconds of computing the measures and the layout may be estimated to take.",
        discussion: "Costs are estimated from the slices' sizes before anything starts; a run estimated over the budget is refused with the estimate and what to change. Work estimated at a second or more shows a progress line when stderr is a terminal."))
    var budget: Double = WorkBudget.defaultSeconds

    func validate() throws {
        guard budget.isFinite, budget > 0 else { throw ValidationError("--budget must be a positive number of seconds") }
    }

    /// Refuses `measures` on `network` when they are estimated over the budget; returns the estimate.
    func checkMeasures(_ measures: [Measure], on network: SlicedNetwork, pathLength: PathLength, command: String) throws -> WorkEstimate {
        let estimate = WorkBudget.estimate(measures, on: network, pathLength: pathLength)
        do {
            try WorkBudget.check(estimate, budget: budget)
        } catch {
            let paths = measures.filter(\.usesPathLength).map(\.rawValue)
            let advice = paths.isEmpty ? "use --by group, --kinds or a shorter --slice"
                : "leave \(paths.joined(separator: ", ")) out of --measures, or use --by group, --kinds or a shorter --slice"
            throw UserError("\(command): the measures \(error) (\(advice); --budget SECONDS raises the budget)")
        }
        return estimate
    }
}

/// The message for diagrams estimated over the budget, naming the options that change it.
func overBudgetMessage(_ exceeded: WorkBudget.Exceeded, engine: LayoutEngine) -> String {
    let nodes = engine.nodeBudget(seconds: exceeded.budget)
    let engineAdvice = engine == .neato ? "" : "--engine neato, "
    return "the diagrams \(exceeded) (\(engine.rawValue) lays out about \(nodes) nodes within the budget: use \(engineAdvice)--by group or --kinds, "
        + "or leave out --size-by; --budget SECONDS raises the budget)"
}
