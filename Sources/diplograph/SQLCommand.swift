import ArgumentParser
import DiploGraph
import Foundation
import DiploGraphOutput
import DiploGraphReading
import DiploGraphExport

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
