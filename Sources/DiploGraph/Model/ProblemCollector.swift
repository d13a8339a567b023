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
