extension Slicing {
    /// A length of time counted in periods of one slice unit: the width or the step of sliding
    /// windows, written `2y`, `3q` or `6m`.
    ///
    /// A span is at least one period and at most 9,999 years of its unit
    /// (``Slicing/maximumPeriods(of:)``: 9999y, 39996q, 119988m), the limit ``Slicing/window(unit:width:step:)``
    /// checks.
    public struct Span: Sendable, Hashable, CustomStringConvertible {
        /// The unit periods are counted in: year, quarter or month (never `all`).
        public let unit: SliceUnit
        /// How many periods, 1...``Slicing/maximumPeriods(of:)`` of ``unit``.
        public let count: Int

        /// Why a text or a count is no span.
        public enum Problem: DiploGraphError, Equatable {
            /// The text is not a positive count followed by `y`, `q` or `m`.
            case malformed(String)
            /// The text names more than 9,999 years: at most `limit` periods of `unit`.
            case tooLong(String, limit: Int, unit: SliceUnit)

            /// The text as written.
            public var text: String {
                switch self {
                case let .malformed(text), let .tooLong(text, _, _): text
                }
            }

            /// Why the text is no span, without the text: `expected a positive count and a unit,
            /// such as 2y, 3q or 6m`, or `longer than 9,999 years (at most 9999y)`.
            public var reason: String {
                switch self {
                case .malformed: "expected a positive count and a unit, such as 2y, 3q or 6m"
                case let .tooLong(_, limit, unit): "longer than 9,999 years (at most \(limit)\(Span.letter(of: unit)))"
                }
            }

            /// ``ErrorReason/invalidValue``.
            public var errorReason: ErrorReason { .invalidValue }

            /// `span 'TEXT': ` and the ``reason``.
            public var description: String { "span '\(text)': \(reason)" }
        }

        /// `count` periods of `unit`.
        /// - Parameters:
        ///   - unit: year, quarter or month.
        ///   - count: how many periods, 1...``Slicing/maximumPeriods(of:)`` of `unit`.
        /// - Throws: ``Problem/malformed(_:)`` when `unit` is `all` or `count` is below 1,
        ///   ``Problem/tooLong(_:limit:unit:)`` when it spans more than 9,999 years.
        /// - Complexity: O(1).
        public init(unit: SliceUnit, count: Int) throws(Problem) {
            let written = "\(count)\(unit == .all ? "" : Self.letter(of: unit))"
            guard unit != .all, count >= 1 else { throw .malformed(written) }
            let limit = Slicing.maximumPeriods(of: unit)
            guard count <= limit else { throw .tooLong(written, limit: limit, unit: unit) }
            self.unit = unit
            self.count = count
        }

        /// Parses `2y`, `3q` or `6m`: a positive count and the unit's letter.
        /// - Parameter text: the span as written.
        /// - Throws: ``Problem/malformed(_:)`` for anything else, ``Problem/tooLong(_:limit:unit:)``
        ///   for more than 9,999 years.
        /// - Complexity: O(*n*) for *n* characters.
        public init(_ text: String) throws(Problem) {
            let units: [Character: SliceUnit] = ["y": .year, "q": .quarter, "m": .month]
            guard let last = text.last, let unit = units[last], let count = Int(text.dropLast()), count > 0 else {
                throw .malformed(text)
            }
            let limit = Slicing.maximumPeriods(of: unit)
            guard count <= limit else { throw .tooLong(text, limit: limit, unit: unit) }
            self.unit = unit
            self.count = count
        }

        /// `2y`, `3q` or `6m`.
        public var description: String { "\(count)\(Self.letter(of: unit))" }

        /// The letter that writes `unit` in a span.
        static func letter(of unit: SliceUnit) -> String {
            switch unit {
            case .year: "y"
            case .quarter: "q"
            case .month: "m"
            case .all: ""
            }
        }
    }

    /// Sliding windows `width` wide, starting every `step` (one period of `width`'s unit when
    /// `nil`).
    /// - Parameters:
    ///   - width: how long each window is.
    ///   - step: how far each window starts after the previous one, in the same unit as `width`.
    /// - Returns: the slicing.
    /// - Throws: ``ValueError`` when `step` is counted in another unit than `width`.
    /// - Complexity: O(1).
    public static func window(width: Span, step: Span? = nil) throws(ValueError) -> Slicing {
        if let step, step.unit != width.unit {
            throw ValueError("window \(width) and step \(step): the same unit is needed for both")
        }
        return try window(unit: width.unit, width: width.count, step: step?.count ?? 1)
    }
}
