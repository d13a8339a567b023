/// Benjamini–Hochberg adjusted p-values (q-values), controlling the false discovery rate over
/// many tests: sort the *m* p-values ascending, q₍ᵢ₎ = min over j ≥ i of p₍ⱼ₎·m/j, capped at 1.
///
/// Benjamini, Y. & Hochberg, Y. (1995). Controlling the false discovery rate. *Journal of the
/// Royal Statistical Society B* 57(1), 289–300.
public enum BenjaminiHochberg {
    /// The q-value of each p-value, in the same order; `nil` p-values are not tests (they stay
    /// `nil` and do not count in *m*).
    /// - Parameter pValues: p-values in [0, 1], or `nil`.
    /// - Returns: one q-value per p-value.
    /// - Throws: ``ValueError`` for a p-value outside [0, 1] or not a number.
    /// - Complexity: O(*m* log *m*).
    public static func adjusted(_ pValues: [Double?]) throws(ValueError) -> [Double?] {
        var tests: [(p: Double, index: Int)] = []
        for (index, p) in pValues.enumerated() {
            guard let p else { continue }
            guard p >= 0, p <= 1 else { throw ValueError("p-value \(p) at position \(index): must be in [0, 1]") }
            tests.append((p, index))
        }
        tests.sort { ($0.p, $0.index) < ($1.p, $1.index) }
        var q = [Double?](repeating: nil, count: pValues.count)
        let m = Double(tests.count)
        var running = 1.0
        for rank in stride(from: tests.count, through: 1, by: -1) {
            running = Swift.min(running, tests[rank - 1].p * m / Double(rank))
            q[tests[rank - 1].index] = running
        }
        return q
    }
}
