import ArgumentParser
import DiploGraph
import Foundation
import DiploGraphReading

/// The options only `import plover|polecat` takes, and the import itself.
struct PloverCLI: ParsableArguments {
    static let discussion = """
        PLOVER and POLECAT: PLOVER JSON records (a JSON array, trailing commas allowed, or JSON Lines) and POLECAT tab-separated files, zip archives of them, or a folder of either. Default mapping (--mapping FILE with header event,mode,context,kind; an empty mode or context matches any; the most specific row wins): CONSULT with mode third-party and context diplomatic → mediation (a relay when the record has two actors' countries and one recipient country apart from both, else summit); CONSULT with mode visit, third-party or multilateral → summit; CONSULT otherwise → talks; AGREE SUPPORT COOPERATE AID CONCEDE → cooperation; THREATEN SANCTION COERCE ASSAULT ACCUSE REJECT PROTEST MOBILIZE → pressure; REQUEST and RETREAT are not mapped. --compound pairs (every actor × every recipient; actors only: each pair of them), first, or skip; same-country pairs are skipped. Writes OUT, OUT's .actors.csv (id,label,group,sector) and .kinds.csv (talks and cooperation). Every record is counted on stderr by reason.
        """

    @Option(name: .long, help: "plover/polecat: compound actors: pairs (every actor × recipient), first, or skip.")
    var compound: PloverConverter.Compound?

    @Option(name: .customLong("actors-by"), help: "plover/polecat: actor ids are countries (USA) or country/sector (USA/GOV).")
    var actorsBy: PloverConverter.ActorLevel?

    @Flag(name: .long, help: "plover/polecat: merge reports of one event (same date, actors, event type and mode) into one row with a count.")
    var dedupe = false

    func validateUnused() throws {
        if compound != nil || actorsBy != nil || dedupe {
            throw ValidationError("--compound, --actors-by and --dedupe are for plover and polecat only")
        }
    }

    /// The mapping `--mapping` names (or the default) and the kinds `--kinds-file` declares beyond the built-in ones.
    static func loadMapping(_ mapping: MappingOptions) throws -> (PloverMapping, [(id: String, polarity: String, label: String)]) {
        let declared = try mapping.kindsFile.map { try DatasetReader.readKinds(path: $0) }
        let builtIn = Set(Kind.builtIn.map(\.id))
        let userKinds = (declared?.kinds ?? []).filter { !builtIn.contains($0.id) }.map {
            (id: $0.id, polarity: $0.polarity == .cooperative ? "+1" : $0.polarity == .conflictual ? "-1" : "0", label: $0.label)
        }
        let known = builtIn.union(PloverMapping.extraKinds.map(\.id)).union(userKinds.map(\.id))
        return (try mapping.mapping.map { try PloverMapping.read(path: $0, kinds: known) } ?? .standard, userKinds)
    }

    /// `sql plover|polecat`: the query.
    func query(format: PloverImport.Format, dialect: SQLDialect, mapping: MappingOptions, slice: SQLQuery.Slice, from: String?) throws -> String {
        let (rules, _) = try Self.loadMapping(mapping)
        let query = PloverSQL(format: format, dialect: dialect, mapping: rules, compound: compound ?? .pairs, level: actorsBy ?? .country,
                              dedupes: dedupe, slice: slice, input: from.map { PloverSQL.input($0, format: format) })
        do {
            return try query.text()
        } catch {
            throw UserError(error.description + (dialect == .bigquery ? " (--from PROJECT.DATASET.TABLE)" : ""))
        }
    }

    func runImport(format: PloverImport.Format, file: String, out: String, mapping: MappingOptions, skipBadRows: Bool, force: Bool) throws {
        let (rules, userKinds) = try Self.loadMapping(mapping)
        var job = PloverImport(format: format, path: file, mapping: rules, compound: compound ?? .pairs, level: actorsBy ?? .country,
                               dedupes: dedupe, skipsBadRecords: skipBadRows)
        job.extraKinds = userKinds + PloverMapping.extraKinds
        let isTerminal = isatty(STDERR_FILENO) == 1
        let summary = try job.write(eventsTo: out, force: force) { records in
            if isTerminal { FileHandle.standardError.write(Data("\rread \(records) records".utf8)) }
        }
        if isTerminal && summary.records >= 100_000 { FileHandle.standardError.write(Data("\r".utf8)) }
        FileHandle.standardError.write(Data("\(file): \(summary)\n".utf8))
    }
}
