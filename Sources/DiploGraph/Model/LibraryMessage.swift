/// A message of the library (a problem, a warning) whose phrases naming a choice of options
/// (``SliceOptions``, ``PathLength``) are kept apart from its text.
///
/// ``description`` shows the message in the library's words. A front end that offers those
/// choices under other names (a command line's flags) shows it with
/// ``worded(_:)``, giving its own words for each ``Phrase``: no message is rewritten by
/// searching its text.
///
/// Written as a string literal, with `\(phrase:)` for a phrase:
/// `"unknown kind 'x' \(phrase: .inSelectedKinds)"`.
public struct LibraryMessage: Sendable, Hashable, CustomStringConvertible, ExpressibleByStringInterpolation {
    /// A phrase that names a choice of the library's options.
    public enum Phrase: Sendable, Hashable, CaseIterable {
        /// After an unknown kind id: that it was among ``SliceOptions/kinds``.
        case inSelectedKinds
        /// After a count of node rows: that every entity is a node (``Roster/all``).
        case rosterAll
        /// What to change when slicing makes too many node rows, with the active roster.
        case tooLargeAdvice
        /// What to change when slicing makes too many node rows, with ``Roster/all``.
        case tooLargeAdviceAll
        /// After a relay's `about`: that its sides were taken as groups
        /// (``SliceOptions/mergesGroups``).
        case groupLevel
        /// After a path measure's name: that its path length is ``PathLength/inverseWeight``.
        case inverseWeight

        /// The phrase in the library's words.
        public var text: String {
            switch self {
            case .inSelectedKinds: "in the selected kinds"
            case .rosterAll: "(roster all)"
            case .tooLargeAdvice: "(use a coarser slice unit, shorter windows or fewer kinds)"
            case .tooLargeAdviceAll: "(use a coarser slice unit, shorter windows, fewer kinds, or the active roster)"
            case .groupLevel: "at the group level (actors merged into groups)"
            case .inverseWeight: "with inverse-weight path lengths"
            }
        }
    }

    /// A run of a message: text, or a phrase naming a choice of options.
    public enum Part: Sendable, Hashable {
        /// Text shown as it is.
        case text(String)
        /// A phrase, shown in the library's words or a front end's.
        case phrase(Phrase)
    }

    /// The message's runs, in order.
    public var parts: [Part]

    /// A message of `parts`.
    /// - Parameter parts: the message's runs, in order.
    /// - Complexity: O(1).
    public init(parts: [Part]) { self.parts = parts }

    /// A message of plain text.
    /// - Parameter text: the message.
    /// - Complexity: O(1).
    public init(_ text: String) { parts = [.text(text)] }

    /// A message of plain text.
    /// - Parameter value: the message.
    /// - Complexity: O(1).
    public init(stringLiteral value: String) { self.init(value) }

    /// The message a string literal with interpolations builds.
    /// - Parameter stringInterpolation: the literal's runs.
    /// - Complexity: O(1).
    public init(stringInterpolation: StringInterpolation) { parts = stringInterpolation.parts }

    /// The runs of a message written as a string literal.
    public struct StringInterpolation: StringInterpolationProtocol {
        var parts: [Part] = []

        /// Room for a literal of about `literalCapacity` characters and `interpolationCount`
        /// interpolations.
        /// - Parameters:
        ///   - literalCapacity: the characters of the literal's text.
        ///   - interpolationCount: the number of interpolations.
        public init(literalCapacity: Int, interpolationCount: Int) {
            parts.reserveCapacity(2 * interpolationCount + 1)
        }

        /// Adds the literal's text `literal`.
        /// - Parameter literal: text of the literal.
        public mutating func appendLiteral(_ literal: String) { append(literal) }

        /// Adds `value` as text.
        /// - Parameter value: any value, shown as `String(describing:)` shows it.
        public mutating func appendInterpolation(_ value: some Any) { append(String(describing: value)) }

        /// Adds `message`'s runs, its phrases kept apart.
        /// - Parameter message: a message.
        public mutating func appendInterpolation(_ message: LibraryMessage) {
            for part in message.parts {
                switch part {
                case let .text(text): append(text)
                case .phrase: parts.append(part)
                }
            }
        }

        /// Adds `phrase`.
        /// - Parameter phrase: a phrase naming a choice of options.
        public mutating func appendInterpolation(phrase: Phrase) { parts.append(.phrase(phrase)) }

        private mutating func append(_ text: String) {
            guard !text.isEmpty else { return }
            if case let .text(previous)? = parts.last {
                parts[parts.count - 1] = .text(previous + text)
            } else {
                parts.append(.text(text))
            }
        }
    }

    /// `first` followed by `second`.
    /// - Parameters:
    ///   - first: the start of the message.
    ///   - second: the rest of the message.
    /// - Returns: the joined message.
    /// - Complexity: O(*p*) for *p* parts.
    public static func + (first: LibraryMessage, second: LibraryMessage) -> LibraryMessage {
        "\(first)\(second)"
    }

    /// The message with each phrase in the words `phrase` gives.
    /// - Parameter phrase: a front end's words for each phrase.
    /// - Returns: the message's text.
    /// - Complexity: O(*n*) for *n* characters.
    public func worded(_ phrase: (Phrase) -> String) -> String {
        parts.map { part in
            switch part {
            case let .text(text): text
            case let .phrase(p): phrase(p)
            }
        }.joined()
    }

    /// The message in the library's words.
    public var description: String { worded(\.text) }
}
