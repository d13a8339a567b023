import ArgumentParser
import DiploGraph
import Foundation
import DiploGraphOutput
import DiploGraphReading
import DiploGraphExport

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Turn ICEWS, GDELT, PLOVER or POLECAT event files into an events file and an actors file.",
        discussion: """
        ICEWS and GDELT: actors are countries: ICEWS Source/Target Country as written, GDELT Actor1/Actor2 CountryCode. Rows without both countries, domestic rows and CAMEO codes the mapping does not cover are skipped and counted on stderr. Default mapping: mediation 038 039 045 046; summit 036 042 043 044 057; pressure 10 111 12 13 161 163 17 (prefixes, the longest match wins). Writes OUT (e.g. korea.events.csv) and, beside it, korea.actors.csv.

        \(PloverCLI.discussion)
        """)

    @Argument(help: "The dataset: icews, gdelt, plover or polecat.")
    var source: ImportDataset

    @Argument(help: "The event file (tab-separated; PLOVER: JSON; POLECAT: a file, zip archive or folder).")
    var file: String

    @OptionGroup var plover: PloverCLI

    @Option(name: .long, help: "The events file to write, ending in .events.csv.")
    var out: String

    @OptionGroup var cameo: MappingOptions

    @Flag(name: .customLong("skip-bad-rows"), help: "Count malformed rows instead of stopping at them.")
    var skipBadRows = false

    @Flag(name: .long, help: "Replace the output files even if DiploGraph did not write them.")
    var force = false

    func validate() throws {
        do {
            _ = try EventImport.actorsPath(besideEvents: out)
        } catch {
            throw ValidationError("--out must end in .events.csv (the actors file goes beside it)")
        }
        if source.eventSource != nil { try plover.validateUnused() }
    }

    func run() throws {
        guard let source = source.eventSource else {
            try plover.runImport(format: self.source == .plover ? .plover : .polecat, file: file, out: out, mapping: cameo,
                                 skipBadRows: skipBadRows, force: force)
            return
        }
        let actorsPath = try EventImport.actorsPath(besideEvents: out)
        let isTerminal = isatty(STDERR_FILENO) == 1
        let summary: ImportSummary
        do {
            summary = try EventImport(source: source, path: file, mapping: cameo.load(), skipsBadRows: skipBadRows)
                .write(eventsTo: out, actorsTo: actorsPath, force: force) { rows in
                    if isTerminal { FileHandle.standardError.write(Data("\rread \(rows) rows".utf8)) }
                }
        } catch let error as AnyDiploGraphError where (error.base as? OutputError).map({ $0.kind == .foreignFile && $0.path == actorsPath }) ?? false {
            throw OutputError(path: actorsPath, reason: "the file exists beside the events file to write, and DiploGraph did not write it (or it was edited); name another --out",
                              kind: .foreignFile)
        }
        if isTerminal && summary.rows >= 100_000 { FileHandle.standardError.write(Data("\r".utf8)) }
        Messages.write(line: "\(file): \(summary)")
    }
}
