import DiploGraph
import DiploGraphIO

extension DiagramBudget {
    /// ``DiagramBudget/check(_:)`` for `render` and `report`, with what to change on the
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
