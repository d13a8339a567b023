import ArgumentParser
import DiploGraph
import DiploGraphText

/// A value an option's text is parsed into, or the library's typed reason why it is none.
protocol CheckedArgument: Sendable {
    /// Why a text is no value.
    associatedtype Problem: Error
    /// The value `text` names.
    init(checking text: String) throws(Problem)
}

/// An option's value, parsed when the argument is read and kept with its text.
///
/// The argument parser refuses a text that is no value with its own words; a `Checked` option
/// keeps the library's reason until the command asks for the value, and the command refuses it
/// naming its option as DiploGraph's messages do (`--window '2x': expected …`).
struct Checked<Value: CheckedArgument>: ExpressibleByArgument, Sendable where Value.Problem: Sendable {
    /// The text as written.
    let text: String
    /// The value, or why the text is none.
    let parsed: Result<Value, Value.Problem>

    init(argument: String) {
        text = argument
        do { parsed = .success(try Value(checking: argument)) } catch { parsed = .failure(error) }
    }

    var defaultValueDescription: String { text }

    /// The value, or a ``UserError`` saying `message(problem)`.
    func value(_ message: (Value.Problem) -> String) throws(UserError) -> Value {
        switch parsed {
        case let .success(value): return value
        case let .failure(problem): throw UserError(message(problem))
        }
    }
}

extension Slicing.Span: CheckedArgument {
    init(checking text: String) throws(Problem) { try self.init(text) }
}

extension Measure: ExpressibleByArgument {}

extension Measure: CheckedArgument {
    init(checking text: String) throws(MeasureListError) {
        guard let measure = Measure(argument: text) else { throw MeasureListError(unknown: [text]) }
        self = measure
    }
}

/// The measures one `--measures` names, comma-separated.
struct MeasureList: CheckedArgument {
    let measures: [Measure]
    init(checking text: String) throws(MeasureListError) { measures = try Measure.parseList(text) }
}

extension [Checked<MeasureList>] {
    /// The measures every `--measures` names, in order and each once, or `defaults` when
    /// there is no `--measures`.
    func measures(defaults: [Measure]) throws(UserError) -> [Measure] {
        guard !isEmpty else { return defaults }
        var chosen: [Measure] = []
        for option in self {
            for measure in try option.value({ "--measures: \($0.description)" }).measures where !chosen.contains(measure) {
                chosen.append(measure)
            }
        }
        return chosen
    }
}

/// `--path-length`, for every command that computes path measures.
struct PathLengthOption: ParsableArguments {
    @Option(name: .customLong("path-length"), help: "Path length for betweenness, closeness, harmonic: hops or inverse-weight.")
    var pathLength: PathLength = .hops
}

/// `--out`, `--force` and `--title`: the folder `render` and `report` write, and the title
/// they draw.
struct OutputOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Output folder: new, empty, or one DiploGraph wrote before.", discussion: outFolderDiscussion))
    var out: String

    @Flag(name: .long, help: "Write into a folder that holds other files: replace only files with the names DiploGraph writes.")
    var force = false

    @Option(name: .long, help: "A title drawn above each figure (report: also the report's title, default DiploGraph report).")
    var title: String?
}

/// The seed `--seed` gives the null model's draws: an integer, a negative one taken by its bit
/// pattern; 1 without `--seed` (`centrality --null`, `report`).
/// - Throws: `ValidationError` naming `--seed` when the text is no integer.
func nullModelSeed(_ seed: String?) throws -> UInt64 {
    guard let seed else { return 1 }
    if let value = UInt64(seed) { return value }
    if let value = Int64(seed) { return UInt64(bitPattern: value) }
    throw ValidationError("--seed '\(seed)': expected an integer")
}
