/// The one family of errors DiploGraph's modules throw: each names its ``errorReason`` and
/// shows itself as lines, the phrases of library messages in a front end's words.
///
/// Catch the family in one place and render it by its reason:
///
/// ```swift
/// do {
///     try run()
/// } catch let error as any DiploGraphError {
///     for line in error.lines(wording: \.text) { print(line) }
/// }
/// ```
///
/// Every public throwing function of the library throws one concrete member of the family,
/// named in its `throws(…)` clause and its documentation.
public protocol DiploGraphError: Error, Sendable, CustomStringConvertible {
    /// What kind of failure this is, for a program to react to and a front end to render.
    var errorReason: ErrorReason { get }

    /// The error as the lines a user is shown, each phrase naming a choice of options
    /// (``LibraryMessage/Phrase``) in the words `phrase` gives.
    ///
    /// Most errors are one line, their `description`; ``InputProblems`` is one line per
    /// problem. A line may hold control characters from the data (an id, a file name): escape
    /// them before showing it on a terminal.
    /// - Parameter phrase: a front end's words for each phrase (`\.text`: the library's).
    /// - Returns: the lines, at least one.
    /// - Complexity: O(*n*) for *n* characters.
    func lines(wording phrase: (LibraryMessage.Phrase) -> String) -> [String]
}

extension DiploGraphError {
    /// The `description` as one line (its messages have no phrases to word).
    /// - Parameter phrase: unused: the message has no phrases.
    /// - Returns: `description`.
    /// - Complexity: O(1).
    public func lines(wording phrase: (LibraryMessage.Phrase) -> String) -> [String] { [description] }
}
