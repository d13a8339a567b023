/// Krippendorff's alpha for nominal data: α = 1 − D_o / D_e over the pairable values.
///
/// Values are compared for equality only. A unit coded by fewer than two coders is not
/// pairable and does not count. D_o is the observed share of disagreeing pairs within units,
/// D_e the share expected from the values' overall frequencies (from the coincidence matrix).
///
/// Krippendorff, K. (2004). *Content Analysis: An Introduction to Its Methodology*, 2nd ed.,
/// ch. 11. Hayes, A. F. & Krippendorff, K. (2007). Answering the call for a standard
/// reliability measure for coding data. *Communication Methods and Measures* 1(1), 77–89.
/// Equals the Python package `krippendorff` 0.9, `alpha(reliability_data=…,
/// level_of_measurement="nominal")`, to 10⁻⁹ (the tests' fixtures).
public enum KrippendorffAlpha {
    /// Alpha over `data[coder][unit]`, `nil` for a value a coder did not give.
    /// - Parameter data: one row per coder, each with one entry per unit.
    /// - Returns: alpha, or `nil` when it is undefined: fewer than two pairable values, or
    ///   one value only (no expected disagreement).
    /// - Throws: ``ValueError`` when the coders' rows have different lengths.
    /// - Complexity: O(*c*² *u* + *v*) for *c* coders, *u* units and *v* distinct values.
    public static func nominal<Value: Hashable>(_ data: [[Value?]]) throws(ValueError) -> Double? {
        guard let units = data.first?.count else { return nil }
        guard data.allSatisfy({ $0.count == units }) else { throw ValueError("every coder needs one entry per unit (\(units))") }
        var index: [Value: Int] = [:]
        var coincidence: [[Double]] = []
        func slot(_ value: Value) -> Int {
            if let i = index[value] { return i }
            index[value] = coincidence.count
            for row in coincidence.indices { coincidence[row].append(0) }
            coincidence.append([Double](repeating: 0, count: coincidence.count + 1))
            return coincidence.count - 1
        }
        for unit in 0..<units {
            let values = data.compactMap { $0[unit] }.map(slot)
            guard values.count >= 2 else { continue }
            let share = 1 / Double(values.count - 1)
            for i in values.indices { for j in values.indices where i != j { coincidence[values[i]][values[j]] += share } }
        }
        let marginals = coincidence.map { $0.reduce(0, +) }
        let n = marginals.reduce(0, +)
        guard n > 1 else { return nil }
        var observed = 0.0, expected = 0.0
        for c in coincidence.indices {
            for k in coincidence.indices where c != k {
                observed += coincidence[c][k]
                expected += marginals[c] * marginals[k]
            }
        }
        guard expected > 0 else { return nil }
        return 1 - (n - 1) * observed / expected
    }
}
