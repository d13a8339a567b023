import ArgumentParser
import DiploGraph
import Foundation
import DiploGraphOutput
import DiploGraphReading
import DiploGraphExport

extension GraphExport.Format: ExpressibleByArgument {}
extension EventSource: ExpressibleByArgument {}

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the slices as GEXF 1.3 (dynamic), GraphML, networkx node-link JSON or a CSV edge list; or the events in time order (rem, spells).",
        discussion: """
        Every format has one tie per slice, pair and kind with its summed weight in that slice,
        and each node's label and group. GEXF keeps all slices in one dynamic graph (a spell
        per slice, never overlapping: a window is shown at its last step, a cumulative slice at
        its last period) with each edge weighted by its distinct events, each counted once;
        read JSON in networkx with nx.node_link_graph(data, edges="links").

        rem and spells follow time order instead of slices (slicing options are ignored): rem
        writes one row per event, time,source,target,kind,weight,line,precision, time = days
        since the first event's first day, ties in file order, precision = day, month or year
        (for R remify/relevent, goldfish, eventnet). spells writes networkDynamic edge spells
        onset,terminus,tail,head, half-open [onset, terminus) in days since the first event,
        vertex ids 1..n, and the vertex table vertex.id,actor,label,group beside OUT
        (spells.csv -> spells.vertices.csv).
        """)

    @OptionGroup var dataset: DatasetOptions

    @Option(name: .long, help: "Format: gexf, graphml, json, csv, rem or spells.")
    var to: GraphExport.Format

    @Option(name: .long, help: "Output file; replaced only when the run succeeds, and only if DiploGraph wrote it.")
    var out: String

    @Flag(name: .long, help: "Replace the output file even if DiploGraph did not write it.")
    var force = false

    func run() throws {
        var options = dataset
        if to == .rem || to == .spells {
            // Time order runs across the file: any date precision will do.
            options.slice = .all
            options.window = nil
            options.step = nil
            options.cumulative = false
        }
        let network = try options.load()
        try GraphExport.write(network, as: to, toFile: out, force: force)
    }
}

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
        } catch let error as OutputError where error.kind == .foreignFile && error.path == actorsPath {
            throw OutputError(path: actorsPath, reason: "the file exists beside the events file to write, and DiploGraph did not write it (or it was edited); name another --out",
                              kind: .foreignFile)
        }
        if isTerminal && summary.rows >= 100_000 { FileHandle.standardError.write(Data("\r".utf8)) }
        Messages.write(line: "\(file): \(summary)")
    }
}

extension SQLDialect: ExpressibleByArgument {}
extension SQLQuery.Slice: ExpressibleByArgument {}

struct SQLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sql",
        abstract: "Print one SQL query that does what import does (ICEWS, GDELT, PLOVER, POLECAT), aggregated per slice, for DuckDB, Spark or BigQuery.",
        discussion: """
        The query maps CAMEO codes to kinds with the same mapping and rules as import --skip-bad-rows (generated from the mapping, never written per code) and returns rows date,source,target,kind,weight,events: events that centrality, report and the rest read as they are.

        plover and polecat: the PLOVER mapping (--mapping event,mode,context,kind; the most specific row wins), --compound, --actors-by and --dedupe as in import; rows date,source,target,kind,weight,events,about,count (about: A|B for mediation relays; count: the reports merged). --from for plover: JSON Lines files (a path or glob with /, * or ?, or ending in .json, .jsonl, .ndjson; Spark needs 4.0 or later), Parquet (.parquet or /) or a table whose columns are the record's fields; for polecat: tab-separated files in the published column order, Parquet or a table with the header's names. Without --from: *.jsonl or *.txt (BigQuery needs --from). On Spark, text holding ${ is refused. README.md ("Event data: PLOVER and POLECAT") says what is equal to import and what differs.

        --from names tab-separated files (a path or glob with /, * or ?, or ending in .csv, .tsv, .tab, .txt), Parquet files (ending in .parquet, or a directory ending in /) or a table (anything else; dots separate qualified parts). Tables and Parquet files use GDELT's column names (as in gdelt-bq.gdeltv2.events) or the ICEWS header's. Without --from, DuckDB and Spark read *.export.CSV (GDELT) or *.tab (ICEWS) in the working directory, and BigQuery reads gdelt-bq.gdeltv2.events (ICEWS needs --from). Rows are kept and skipped on the same bytes as import --skip-bad-rows (bytes that are not UTF-8 make a row bad; so does a NUL byte in the date, a country or the code; the same whitespace is trimmed around countries); import also brings countries to Unicode NFC, which the queries do not. Spark replaces ${…} in a query's text: its query writes $ in literals as \\u0024, and a --from holding ${ is refused. The BigQuery query has not been run against the service. README.md ("When the data outgrows one machine") shows how to run each query and save its rows as an events file.

        Examples:
          diplograph sql gdelt --dialect bigquery --slice month > gdelt.sql
          diplograph sql gdelt --dialect spark --from 's3a://bucket/gdelt/'
          diplograph sql icews --dialect duckdb --mapping my-cameo.csv > icews.sql
          diplograph sql plover --dialect duckdb --from 'plover/*.jsonl' --dedupe > plover.sql
        """)

    @Argument(help: "The dataset: icews, gdelt, plover or polecat.")
    var source: ImportDataset

    @Option(name: .long, help: "The SQL dialect: duckdb, spark or bigquery.")
    var dialect: SQLDialect

    @OptionGroup var cameo: MappingOptions

    @OptionGroup var plover: PloverCLI

    @Option(name: .long, help: "The slice each row's date is cut to: year (2018) or month (2018-06).")
    var slice: SQLQuery.Slice = .year

    @Option(name: .long, help: "Table, Parquet path, tab-separated files or (plover) JSON Lines files to read (default: see below).")
    var from: String?

    func validate() throws {
        if source.eventSource != nil { try plover.validateUnused() }
    }

    func run() throws {
        guard let source = source.eventSource else {
            printOut(try plover.query(format: self.source == .plover ? .plover : .polecat, dialect: dialect, mapping: cameo, slice: slice, from: from))
            return
        }
        let cameo = try self.cameo.load()
        let query = SQLQuery(source: source, dialect: dialect, mapping: cameo, slice: slice, input: from.map(SQLInput.init))
        do {
            printOut(try query.text())
        } catch {
            switch error.cause {
            case .needsTable: throw UserError(error.description + " (--from PROJECT.DATASET.TABLE)")
            case .substitutedInput: throw UserError("--from: " + error.description)
            }
        }
    }
}

/// `--mapping` and `--kinds-file`, shared by `import` and `sql`.
struct MappingOptions: ParsableArguments {
    @Option(name: .long, help: "Mapping file: CAMEO (cameo,kind; prefixes, the longest match wins) or, for plover and polecat, event,mode,context,kind.")
    var mapping: String?

    @Option(name: .customLong("kinds-file"), help: "Kinds file declaring kinds the mapping uses beyond the built-in three.")
    var kindsFile: String?

    /// The mapping file's mapping, or the interface's default.
    func load() throws -> CAMEOMapping {
        let kinds = try kindsFile.map { try DatasetReader.readKinds(path: $0) } ?? KindTable()
        return try mapping.map { try CAMEOMapping.read(path: $0, kinds: kinds) } ?? .standard
    }
}
