import Foundation
import DiploGraph
import DiploGraphText

/// Font sizes, in points at print size, for one kind of figure.
public struct DiagramTypography: Sendable, Equatable {
    /// Node labels (the smallest, when labels are sized by a measure).
    public var label: Double
    /// The largest node label when labels are sized by a measure.
    public var largestLabel: Double
    /// Legend text.
    public var legend: Double
    /// The figure's title line.
    public var title: Double
    /// The slice label under the title, or above each panel of a grid.
    public var subtitle: Double
    /// Whether long labels are broken into two lines (small multiples).
    public var wrapsLabels: Bool

    /// One slice per figure.
    public static let single = DiagramTypography(label: 8, largestLabel: 8, legend: 7, title: 10, subtitle: 14, wrapsLabels: false)
    /// Small multiples: every slice in one figure.
    public static let grid = DiagramTypography(label: 7, largestLabel: 7, legend: 7, title: 10, subtitle: 9, wrapsLabels: true)
}
