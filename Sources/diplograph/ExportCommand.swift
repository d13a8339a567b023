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

extension SQLDialect: ExpressibleByArgument {}

extension SQLQuery.Slice: ExpressibleByArgument {}
