/// All the problems found in one or more input files, in the order they were found.
///
/// Readers collect problems up to ``InputProblems/limit`` before stopping, so that one
/// run shows the user everything to fix rather than only the first mistake.
public struct InputProblems: DiploGraphError {
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

    /// ``ErrorReason/malformedInput(file:line:)`` at the first problem's file and line.
    public var errorReason: ErrorReason { .malformedInput(file: problems.first?.file, line: problems.first?.line) }

    /// One problem a line, and a last line when reading stopped at the limit.
    public var description: String { lines.joined(separator: "\n") }
}
