import ArgumentParser
import DiploGraph
import Foundation
import DiploGraphReading
import DiploGraphExport

/// The options every subcommand shares: the dataset and how it is sliced.
struct DatasetOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("The events file (CSV: date,source,target,kind[,weight,note,about]).",
                                 discussion: "about: the relationship an act bears on, A|B (two actor ids); a mediation act with about is a relay from the other side through the mediator."))
    var events: String

    @Option(name: .long, help: "Actors file (id,label,group): labels, groups, and the list of valid ids.")
    var actors: String?

    @Option(name: .customLong("kinds-file"), help: "Kinds file (id,polarity,label[,color,style]) declaring kinds beyond mediation, summit, pressure.")
    var kindsFile: String?

    @Option(name: .long, help: ArgumentHelp("Only these kinds, comma-separated (e.g. mediation,summit; quote an id holding a comma as in CSV).",
                                            discussion: "cooperative, conflictual and neutral stand for every kind of that polarity, unless a kind has that id."))
    var kinds: String?

    @Option(name: .long, help: "Slice unit: year, quarter, month or all.")
    var slice: SliceUnit = .year

    @Option(name: .long, help: "Sliding windows of this width, e.g. 2y, 6m, 2q (with --step).")
    var window: Checked<Slicing.Span>?

    @Option(name: .long, help: "How far each window moves, e.g. 1y (default: one unit).")
    var step: Checked<Slicing.Span>?

    @Flag(name: .long, help: "Cumulative slices: each from the first event to the end of its period.")
    var cumulative = false

    @Option(name: .long, help: "Nodes are actors, or groups (actors merged into their groups first).")
    var by: NodeLevel = .actor

    @Flag(name: .long, help: "Ignore direction: (a,b) and (b,a) become one tie, weights summed.")
    var undirected = false

    @Option(name: .long, help: "Nodes of each slice: active (actors with events in it) or all known actors.")
    var roster: Roster = .active

    func validate() throws {
        if cumulative && window != nil { throw ValidationError("--cumulative and --window cannot be combined") }
        if step != nil && window == nil { throw ValidationError("--step needs --window") }
        if (window != nil || cumulative) && slice == .all { throw ValidationError("--window and --cumulative need a slice unit other than all") }
    }

    /// The slicing these options describe.
    func slicing() throws -> Slicing {
        if cumulative { return try Slicing.cumulative(slice) }
        guard let window else { return .calendar(slice) }
        func span(_ option: String) -> (Slicing.Span.Problem) -> String { { "\(option) '\($0.text)': \($0.reason)" } }
        let width = try window.value(span("--window"))
        guard let step else { return try Slicing.window(width: width) }
        let stepSpan = try step.value(span("--step"))
        guard width.unit == stepSpan.unit else { throw UserError("--window and --step must use the same unit (\(window.text), \(step.text))") }
        return try Slicing.window(width: width, step: stepSpan)
    }

    /// Reads the files and slices them.
    func load() throws -> SlicedNetwork {
        let log = try DatasetReader.readDataset(events: events, actors: actors, kinds: kindsFile)
        // CSV quoting for a kind id that holds a comma; empty entries (`a,,b`) are ignored.
        let kindSet = try kinds.map { text throws -> Set<String> in
            let fields: [String]
            do throws(ValueError) { fields = try CSVReader.fields(ofRecord: text) } catch { throw UserError("--kinds \(error.message)") }
            return log.kinds.expandingLayers(Set(fields.filter { !$0.isEmpty }))
        }
        // An unknown kind in --kinds is a mistake on the command line, not in a file.
        let unknownKinds = (kindSet ?? []).filter { log.kinds.index(of: $0) == nil }.sorted()
        if !unknownKinds.isEmpty {
            throw UserError("--kinds: unknown kind\(unknownKinds.count == 1 ? "" : "s") \(unknownKinds.map { "'\($0)'" }.joined(separator: ", ")) (known kinds: \(log.kinds.knownIDs))")
        }
        let options = SliceOptions(slicing: try slicing(), kinds: kindSet, isDirected: !undirected, roster: roster, mergesGroups: by == .group)
        return try Slicer.slice(log, options: options)
    }
}

extension DatasetOptions {
    /// A second coding of these events: the network of `secondEvents` (read with these
    /// options) and its agreement with `first`, rows matched by their quotes' overlap in the
    /// source `text` when one is given, else by their fields (`agreement`, `report
    /// --second-coding`).
    func secondCoding(_ secondEvents: String, of first: SlicedNetwork, text: String?) throws
        -> (network: SlicedNetwork, agreement: CodingAgreement, matchedByQuotes: Bool) {
        var other = self
        other.events = secondEvents
        let second = try other.load()
        var spans: ([Range<Int>], [Range<Int>])?
        if let text {
            let source: String
            do { source = try String(contentsOfFile: text, encoding: .utf8) } catch { throw UserError("\(text): cannot be read as UTF-8 text") }
            spans = (try DatasetReader.quoteSpans(events: events, text: source, textName: text),
                     try DatasetReader.quoteSpans(events: secondEvents, text: source, textName: text))
        }
        let agreement = try CodingAgreement(a: first.log, b: second.log, spansA: spans?.0, spansB: spans?.1)
        return (second, agreement, spans != nil)
    }
}
