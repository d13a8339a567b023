/// A problem in an input file, located by file and line.
///
/// Its description is the one-line form it is shown in:
/// `FILE:LINE: what is wrong` (or `FILE: what is wrong` for problems of the whole file).
public struct InputProblem: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file as the user named it.
    public var file: String
    /// The 1-based physical line where the record starts, or `nil` for the whole file.
    public var line: Int?
    /// What is wrong, in a few words, with its phrases naming a choice of options kept apart
    /// (a front end shows them in its own words, ``LibraryMessage/worded(_:)``).
    public var content: LibraryMessage

    /// What is wrong, in a few words: ``content`` in the library's words.
    public var message: String {
        get { content.description }
        set { content = LibraryMessage(newValue) }
    }

    /// A problem at `line` of `file` (`nil`: the whole file) whose message has phrases
    /// naming a choice of options.
    /// - Complexity: O(1).
    /// - Parameters:
    ///   - file: the file as the user named it.
    ///   - line: the 1-based physical line where the record starts, or `nil` for the whole file.
    ///   - content: what is wrong, in a few words.
    public init(file: String, line: Int?, content: LibraryMessage) {
        self.file = file
        self.line = line
        self.content = content
    }

    /// A problem at `line` of `file` (`nil`: the whole file).
    /// - Complexity: O(1).
    /// - Parameters:
    ///   - file: the file as the user named it.
    ///   - line: the 1-based physical line where the record starts, or `nil` for the whole file.
    ///   - message: what is wrong, in a few words.
    public init(file: String, line: Int?, message: String) {
        self.init(file: file, line: line, content: LibraryMessage(message))
    }

    /// `FILE:LINE: message`, or `FILE: message` for the whole file.
    public var description: String { description(wording: \.text) }

    /// `FILE:LINE: message` (or `FILE: message`) with each phrase of the message in the words
    /// `phrase` gives.
    /// - Parameter phrase: a front end's words for each phrase of ``content``.
    /// - Returns: the problem as one line.
    /// - Complexity: O(*n*) for *n* characters.
    public func description(wording phrase: (LibraryMessage.Phrase) -> String) -> String {
        let message = content.worded(phrase)
        if let line { return "\(file):\(line): \(message)" }
        return "\(file): \(message)"
    }
}

/// All the problems found in one or more input files, in the order they were found.
///
/// Readers collect problems up to ``InputProblems/limit`` before stopping, so that one
/// run shows the user everything to fix rather than only the first mistake.
public struct InputProblems: Error, Sendable, CustomStringConvertible {
    /// How many problems a reader collects before it stops reading.
    public static let limit = 50

    /// The problems, in the order they were found.
    public var problems: [InputProblem]
    /// Whether reading stopped at ``limit`` with more problems possibly left.
    public var isTruncated: Bool

    /// Problems to report together.
    /// - Complexity: O(1).
    /// - Parameters:
    ///   - problems: the problems, in the order they were found.
    ///   - isTruncated: whether reading stopped at ``limit`` with more problems possibly left.
    public init(_ problems: [InputProblem], isTruncated: Bool = false) {
        self.problems = problems
        self.isTruncated = isTruncated
    }

    /// The lines of ``description``: one per problem, and a last one when reading stopped at
    /// the limit. Show each as one line: a file name or a message may hold a line feed from
    /// the data, which a terminal must be shown escaped (DiploGraphIO's `Escape.terminal`).
    /// - Complexity: O(*p*) for *p* problems.
    public var lines: [String] { lines(wording: \.text) }

    /// ``lines`` with each phrase of the problems' messages in the words `phrase` gives.
    /// - Parameter phrase: a front end's words for each phrase (``LibraryMessage/Phrase``).
    /// - Returns: one line per problem, and a last one when reading stopped at the limit.
    /// - Complexity: O(*p*) for *p* problems.
    public func lines(wording phrase: (LibraryMessage.Phrase) -> String) -> [String] {
        var lines = problems.map { $0.description(wording: phrase) }
        if isTruncated, let file = problems.last?.file {
            lines.append("\(file): stopped after \(problems.count) problems")
        }
        return lines
    }

    /// One problem a line, and a last line when reading stopped at the limit.
    public var description: String { lines.joined(separator: "\n") }
}

/// Collects problems for one file, up to ``InputProblems/limit``.
package struct ProblemCollector {
    package let file: String
    package private(set) var problems: [InputProblem] = []
    package private(set) var isFull = false

    package init(file: String) { self.file = file }

    package mutating func add(line: Int?, _ message: String) {
        add(line: line, LibraryMessage(message))
    }

    package mutating func add(line: Int?, _ message: LibraryMessage) {
        guard !isFull else { return }
        problems.append(InputProblem(file: file, line: line, content: message))
        if problems.count >= InputProblems.limit { isFull = true }
    }

    /// Throws the collected problems, if any.
    package func throwIfAny() throws(InputProblems) {
        if !problems.isEmpty { throw InputProblems(problems, isTruncated: isFull) }
    }
}

/// A value a public initialiser or function refused: a weight that is not positive and finite,
/// an index out of range, a colour that is not `#rrggbb`, a window of width zero, ...
///
/// Library callers get this instead of a trap, so that no value of the input can crash a
/// program built on DiploGraph.
public struct ValueError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What was refused and why, e.g. `weight -1: must be positive and finite`.
    public var message: String

    /// A refusal saying `message`.
    /// - Complexity: O(1).
    /// - Parameter message: what was refused and why.
    public init(_ message: String) { self.message = message }

    /// The message.
    public var description: String { message }

    /// Checks that `weight` is a positive, finite number.
    static func checkWeight(_ weight: Double) throws(ValueError) {
        guard weight > 0, weight.isFinite else { throw ValueError("weight \(weight): must be a positive, finite number") }
    }

    /// Checks that `color` is `#rrggbb`.
    static func checkColor(_ color: String) throws(ValueError) {
        let bytes = Array(color.utf8)
        guard bytes.count == 7, bytes[0] == UInt8(ascii: "#"),
              bytes.dropFirst().allSatisfy({ (48...57).contains($0) || (97...102).contains($0) || (65...70).contains($0) }) else {
            throw ValueError("colour '\(color)': expected #rrggbb, e.g. #1b7837")
        }
    }
}
