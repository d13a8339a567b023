/// Names in a list of measures that are no measures (``Measure/parseList(_:)``).
public struct MeasureListError: DiploGraphError, Equatable {
    /// The names that are not measures.
    public let unknown: [String]

    /// The names `unknown`, none of them a measure (an empty list: no measure was named).
    /// - Parameter unknown: the names that are not measures.
    /// - Complexity: O(1).
    public init(unknown: [String]) { self.unknown = unknown }
    /// ``ErrorReason/invalidValue``.
    public var errorReason: ErrorReason { .invalidValue }

    /// `unknown measure 'x'; known measures: degree, …`.
    public var description: String {
        "unknown measure\(unknown.count == 1 ? "" : "s") \(unknown.map { "'\($0)'" }.joined(separator: ", ")); known measures: "
            + Measure.allCases.map(\.rawValue).joined(separator: ", ")
    }
}
