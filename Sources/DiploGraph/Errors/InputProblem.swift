/// A problem in an input file, located by file and line.
///
/// Its description is the one-line form it is shown in:
/// `FILE:LINE: what is wrong` (or `FILE: what is wrong` for problems of the whole file).
public struct InputProblem: DiploGraphError, Equatable {
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

    /// ``ErrorReason/malformedInput(file:line:)`` at ``file`` and ``line``.
    public var errorReason: ErrorReason { .malformedInput(file: file, line: line) }

    /// The problem as one line (``description(wording:)``).
    /// - Parameter phrase: a front end's words for each phrase of ``content``.
    /// - Returns: one line.
    /// - Complexity: O(*n*) for *n* characters.
    public func lines(wording phrase: (LibraryMessage.Phrase) -> String) -> [String] { [description(wording: phrase)] }

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
