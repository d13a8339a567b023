import ArgumentParser
import DiploGraph
import Foundation
import DiploGraphReading
import DiploGraphExport

struct Agreement: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "How far two codings of one source agree: Krippendorff's alpha per field, and per slice their ties, roles and measures.",
        discussion: """
        With --text (and a quote column in both files, a verbatim span of the text), rows whose
        quotes overlap in the text are one unit (one to one, greatest overlap first); without,
        rows are matched on date, source, target and kind. csv: field,alpha,matched,only_a,only_b,
        one row per field date, source, target, kind, about (Krippendorff's alpha, nominal, over
        the matched rows). json adds per slice the Jaccard similarity of the two slice graphs'
        ties, both codings' roles (with --dyad and --third) and the focus's measures (--focus).
        Example: diplograph agreement a.events.csv b.events.csv --text source.txt --actors ACTORS --format json
        """)

    @OptionGroup var dataset: DatasetOptions

    @Argument(help: "The second coding's events file (the first is the events file above).")
    var second: String

    @Option(name: .long, help: "The source text both codings quote: match rows by their quotes' overlap.")
    var text: String?

    @Option(name: .long, help: "The relationship for the roles in JSON, as A,B.")
    var dyad: String?

    @Option(name: .long, help: "Only this third party's roles (with --dyad).")
    var third: String?

    @Option(name: .long, help: "The rule for the roles: min, balance or stance.")
    var rule: RoleRule = .min

    @Option(name: .long, help: "An actor (or group) whose measures JSON shows per slice.")
    var focus: String?

    @Option(name: .long, help: "Output format: table, csv, json or markdown.")
    var format: CentralityTable.Format = .table

    func run() throws {
        let first = try dataset.load()
        let (secondNetwork, agreement, _) = try dataset.secondCoding(second, of: first, text: text)
        var dyadIDs: (a: String, b: String, third: String?)?
        if let dyad {
            let parts = dyad.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, parts[0] != parts[1] else { throw UserError("--dyad '\(dyad)': expected two different ids, A,B") }
            dyadIDs = (parts[0], parts[1], third)
        }
        printOut(try agreement.formatted(as: format, networks: (first, secondNetwork), dyad: dyadIDs, rule: rule, focus: focus))
    }
}
