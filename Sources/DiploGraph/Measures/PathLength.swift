/// What the length of a path is, for the path-based measures.
public enum PathLength: String, Sendable, CaseIterable {
    /// Every edge has length 1: paths count edges.
    case hops
    /// An edge's length is 1/weight: stronger ties are shorter.
    case inverseWeight = "inverse-weight"
}

extension SliceGraph {
    /// Whether two path lengths are the same up to rounding (relative 1e-10).
    ///
    /// Sums of reciprocals such as 1/3 + 1/3 + 1/3 and 1 must count as equal, or equally
    /// short paths are missed (a known source of mismatches between libraries).
    @inlinable static func isSameLength(_ a: Double, _ b: Double) -> Bool {
        abs(a - b) <= 1e-10 * max(abs(a), abs(b))
    }
}
