/// Any error of the family, for a function that can fail in more than one way: writing a file
/// can meet a refused value (``ValueError``) and a file it may not replace.
///
/// It shows itself, names its reason and words its lines exactly as ``base`` does; cast
/// ``base`` to react to one member (`error.base as? ValueError`).
public struct AnyDiploGraphError: DiploGraphError {
    /// The error that was thrown.
    public let base: any DiploGraphError

    /// `error`, or the error it wraps when it is itself an ``AnyDiploGraphError``.
    /// - Parameter error: an error of the family.
    /// - Complexity: O(1).
    public init(_ error: any DiploGraphError) {
        base = (error as? AnyDiploGraphError)?.base ?? error
    }

    /// ``base``'s reason.
    public var errorReason: ErrorReason { base.errorReason }

    /// ``base``'s lines.
    /// - Parameter phrase: a front end's words for each phrase.
    /// - Returns: ``base``'s lines, worded by `phrase`.
    /// - Complexity: as ``base``'s.
    public func lines(wording phrase: (LibraryMessage.Phrase) -> String) -> [String] { base.lines(wording: phrase) }

    /// ``base``'s description.
    public var description: String { base.description }

    /// The value `body` returns, or the error it throws wrapped.
    package static func wrapping<Value, Failure: DiploGraphError>(_ body: () throws(Failure) -> Value) throws(AnyDiploGraphError) -> Value {
        do { return try body() } catch { throw AnyDiploGraphError(error) }
    }
}
