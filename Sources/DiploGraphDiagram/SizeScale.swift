import Foundation
import DiploGraph
import DiploGraphText

/// One label-size scale for all slices: a value gets the same label size in every slice.
public struct SizeScale: Sendable {
    /// The measure whose values size the labels.
    public let measure: Measure
    /// The smallest value over all slices, or 0 when it is positive (so that label size grows
    /// in proportion to the value); it gets ``DiagramTypography/label``.
    public let lowest: Double
    /// The largest value over all slices (0 when no slice has a value); it gets
    /// ``DiagramTypography/largestLabel``.
    public let highest: Double
    /// Whether every value is a whole number (a count), for the legend's reference values.
    public let isCount: Bool
    private let valuesBySlice: [String: [Double]]

    /// Computes `measure` in every slice of `network`; missing or non-finite values count as the lowest.
    /// - Parameters:
    ///   - network: the sliced events.
    ///   - measure: the measure that sizes labels.
    ///   - pathLength: path length for a path-based measure (betweenness, closeness, harmonic).
    /// - Complexity: that of `measure` on every slice (O(*n* *m*) per slice for betweenness on
    ///   *n* nodes and *m* edges), plus O(*N*) for the *N* nodes of all slices.
    public init(network: SlicedNetwork, measure: Measure, pathLength: PathLength) {
        var values: [String: [Double?]] = [:]
        var low = Double.infinity, high = -Double.infinity
        var isCount = true
        for slice in network.slices {
            let column = MeasureTable(network: network, slice: slice, measures: [measure], pathLength: pathLength).columns[0]
                .map { $0.flatMap { $0.isFinite ? $0 : nil } }
            for value in column.compactMap({ $0 }) {
                low = min(low, value); high = max(high, value)
                if value != value.rounded() { isCount = false }
            }
            values[slice.label] = column
        }
        if low > high { (low, high) = (0, 0) }
        // Non-negative measures start from 0, so that label size grows in proportion to the value.
        let lowest = min(low, 0)
        self.measure = measure
        self.lowest = lowest
        self.highest = high
        self.isCount = isCount
        self.valuesBySlice = values.mapValues { $0.map { $0 ?? lowest } }
    }

    /// Where `value` sits between the lowest and highest value, 0…1.
    /// - Parameter value: a value of the measure.
    /// - Returns: 0 for ``lowest`` (and below, and for a non-finite value or when all values
    ///   are equal), 1 for ``highest`` and above, linear between.
    /// - Complexity: O(1).
    public func fraction(_ value: Double) -> Double {
        guard highest > lowest, value.isFinite else { return 0 }
        return min(1, max(0, (value - lowest) / (highest - lowest)))
    }

    /// The value of local node `local` of `slice`.
    /// - Parameters:
    ///   - local: the node's position in `slice` (its index in `slice.nodes`).
    ///   - slice: a slice of the network the scale was computed on.
    /// - Returns: the measure's value, or ``lowest`` when it is missing, not finite, or the
    ///   slice or node is unknown.
    /// - Complexity: O(1) on average (a dictionary look-up by slice label).
    package func value(_ local: Int, in slice: Slice) -> Double {
        valuesBySlice[slice.label].flatMap { local < $0.count ? $0[local] : nil } ?? lowest
    }

    /// The label size for `value`.
    /// - Parameters:
    ///   - value: a value of the measure.
    ///   - typography: the figure's font sizes.
    /// - Returns: points between `typography.label` (at ``lowest``) and
    ///   `typography.largestLabel` (at ``highest``), linear in ``fraction(_:)``.
    /// - Complexity: O(1).
    package func fontSize(_ value: Double, _ typography: DiagramTypography) -> Double {
        typography.label + (typography.largestLabel - typography.label) * fraction(value)
    }

    /// Two or three values the legend shows at their sizes: the lowest, a middle one, the highest.
    public var references: [Double] {
        guard highest > lowest else { return [highest] }
        var middle = (lowest + highest) / 2
        if isCount { middle = middle.rounded(.down) }
        var result = [lowest]
        if middle > lowest && middle < highest { result.append(middle) }
        result.append(highest)
        return result
    }
}
