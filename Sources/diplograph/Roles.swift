import ArgumentParser
import DiploGraph
import Foundation
import DiploGraphReading
import DiploGraphExport

struct Roles: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Is a third party facilitating or spoiling a relationship? One row per slice and third party.",
        discussion: """
        Tone: σ(T,X) = Σ polarity·weight / Σ weight over the slice's events between T and X
        (both directions). Rule min: score = min(σ(T,A), σ(T,B)), so a third party facilitates
        only when it cooperates with both sides (Obstfeld's tertius iungens). Rule balance:
        score = σ(T,A)·σ(T,B) (Heider). Rule stance: score = Σ polarity·weight / Σ weight over
        T's acts whose about is A|B (their groups with --by group), whatever their target:
        what T does about the relationship itself (Stedman's spoilers); no row without such an
        act. Role: facilitating above +0.1, spoiling below −0.1.
        --fragility adds support (events entering the score), fragility (the fewest events
        whose removal from the file changes the slice's role or removes its row; >K when no set
        of up to K = --fragility-depth events does; exact) and pivotal (the lines of the events
        whose removal alone changes it).
        Example: diplograph roles EVENTS --actors ACTORS --by group --dyad ROK,DPRK --third US --rule stance
        """)

    @OptionGroup var dataset: DatasetOptions

    @Option(name: .long, help: "The relationship, as two actor ids (or groups with --by group): A,B (quote an id holding a comma as in CSV: \"Korea, Republic of\",DPRK).")
    var dyad: String

    @Option(name: .long, help: "Only this third party (default: every other actor or group).")
    var third: String?

    @Option(name: .long, help: "The rule: min or balance (tone of T's events with each side), or stance (T's acts whose about is the dyad).")
    var rule: RoleRule = .min

    @Option(name: .long, help: "Output format: table, csv, json or markdown.")
    var format: CentralityTable.Format = .table

    @Flag(name: .long, help: "Add support, fragility and pivotal columns: how many events each verdict rests on.")
    var fragility = false

    @Option(name: .customLong("fragility-depth"), parsing: .unconditional, help: "The largest set of events removed together for --fragility (default 3).")
    var fragilityDepth: Int?

    func validate() throws {
        if let fragilityDepth {
            guard fragility else { throw ValidationError("--fragility-depth: only with --fragility") }
            guard fragilityDepth >= 1 else { throw ValidationError("--fragility-depth \(fragilityDepth): must be at least 1") }
        }
    }

    func run() throws {
        let network = try dataset.load()
        let (a, b) = try parseDyad(dyad, in: network)
        let thirdIndex = try third.map { try network.entity($0, option: "--third") }
        let roles = try ThirdPartyRoles(network: network, dyad: (a, b), third: thirdIndex, rule: rule)
        let labels = (network.entities[Int(a)].id, network.entities[Int(b)].id)
        if fragility {
            let evidence = try RoleFragility(roles: roles, network: network, dyad: (a, b), rule: rule, depth: fragilityDepth ?? 3)
            printOut(try roles.formatted(as: format, dyadLabels: labels, fragility: evidence))
        } else {
            printOut(try roles.formatted(as: format, dyadLabels: labels))
        }
    }
}

/// Parses `A,B` into two different entities of `network`.
func parseDyad(_ text: String, in network: SlicedNetwork) throws -> (EntityIndex, EntityIndex) {
    // CSV quoting for an id holding a comma: "Korea, Republic of",DPRK.
    let parts: [String]
    do throws(ValueError) { parts = try CSVReader.fields(ofRecord: text) } catch { throw UserError("--dyad \(error.message)") }
    guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
        throw UserError("--dyad '\(text)': expected two ids, A,B (quote an id that holds a comma: \"Korea, Republic of\",DPRK)")
    }
    guard parts[0] != parts[1] else { throw UserError("--dyad '\(text)': the two sides must differ") }
    return (try network.entity(parts[0], option: "--dyad"), try network.entity(parts[1], option: "--dyad"))
}
