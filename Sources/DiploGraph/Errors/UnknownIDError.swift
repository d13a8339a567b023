import Synchronization

/// An id that names nothing of what was searched: no actor, group or kind has it.
public struct UnknownIDError: DiploGraphError, Equatable {
    /// What the id was meant to name.
    public enum Subject: String, Sendable {
        /// An actor id.
        case actor
        /// A group name (entities of a network with actors merged into groups).
        case group
        /// A kind id.
        case kind
    }

    /// The id as given.
    public let id: String
    /// What it was meant to name.
    public let what: Subject
    /// The ids that are known, in index order.
    public let known: [String]

    /// An unknown `id` of `what`, among `known`.
    /// - Complexity: O(1).
    /// - Parameters:
    ///   - id: the id as given.
    ///   - what: what it was meant to name.
    ///   - known: the ids that are known, in index order (the message lists them).
    public init(id: String, what: Subject, known: [String]) {
        self.id = id
        self.what = what
        self.known = known
    }

    /// ``ErrorReason/unknownID(_:)`` of ``what``.
    public var errorReason: ErrorReason { .unknownID(what) }

    /// `unknown actor 'x' (known: a, b, c)`, listing at most 20 known ids.
    public var description: String {
        "unknown \(what.rawValue) '\(id)' (known: \(LibraryWording.listed(known)))"
    }
}
