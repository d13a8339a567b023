import ArgumentParser
import DiploGraph
import Foundation
import DiploGraphExport

extension ReachTable.Format: ExpressibleByArgument {}

struct ReachCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reach",
        abstract: "Who could reach whom through dated events, in time order: earliest arrival from an actor.",
        discussion: """
        A time-respecting path is a run of events, each event's target the next one's source, in
        time order (same-day events may follow each other). A date is a span (a day, a month,
        a year): possible = some placement of the events inside their spans keeps the path in
        order (an event can be taken on day t if its span ends on or after t, and arrives on
        the later of t and its first day); certain = every placement does (an event can be
        taken on day t if its span starts on or after t, and arrives on its last day). A
        mediation relay about A|B also carries news from the other side to the mediator, as in
        slice graphs. Cells are empty (- in the table) where no such path exists. Slicing
        options are ignored: time order runs across the whole file.

        Example:
          diplograph reach graphs/korean-peninsula.events.csv --actors graphs/korean-peninsula.actors.csv --from trump --start 2018
        """)

    @OptionGroup var dataset: DatasetOptions

    @Option(name: .long, help: "The actor (or group, with --by group) news starts from; several, comma-separated, add a from column.")
    var from: String

    @Option(name: .long, help: "The date news starts on (YYYY, YYYY-MM or YYYY-MM-DD); default: no earliest day.")
    var start: String?

    @Flag(name: .long, help: "Name one path achieving each arrival: the events' line numbers, ;-joined.")
    var via = false

    @Option(name: .long, help: "Output format: table, csv or json.")
    var format: ReachTable.Format = .table

    func run() throws {
        var startDate: EventDate?
        if let start {
            guard let date = EventDate(start) else {
                throw UserError("--start '\(start)': not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
            }
            startDate = date
        }
        var reachOptions = dataset
        reachOptions.slice = .all
        reachOptions.window = nil
        reachOptions.step = nil
        reachOptions.cumulative = false
        let network = try reachOptions.load()
        guard network.slices.contains(where: { !$0.eventIndices.isEmpty }) else {
            throw UserError("\(dataset.events): no events\(dataset.kinds == nil ? "" : " of the kinds in --kinds"): nothing to put in time order")
        }
        let sources = try from.split(separator: ",", omittingEmptySubsequences: false)
            .map { try network.entity(String($0).trimmingCharacters(in: .whitespaces), option: "--from") }
        let table = try ReachTable(network: network, sources: sources, start: startDate, includesPaths: via)
        printOut(try table.formatted(as: format))
    }
}
