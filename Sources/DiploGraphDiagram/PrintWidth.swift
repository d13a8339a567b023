import Foundation
import DiploGraph
import DiploGraphText

/// A physical width for diagrams: `6.5in`, `17cm`, `165mm`, `468pt` or `800px` (96 px to the inch).
public struct PrintWidth: Sendable, Equatable, CustomStringConvertible {
    /// The width in points (1/72 in).
    public let points: Double
    /// Whether it was given in pixels (PNGs are then drawn at 96 dpi, pixel for pixel).
    public let isPixels: Bool
    /// The width as it was given, e.g. `6.5in`.
    public let description: String

    /// The default: the text width of a US Letter or A4 page with one-inch margins.
    public static let page = PrintWidth(checked: 468, isPixels: false, description: "6.5in")

    /// The narrowest and widest widths accepted, in points (1 in and 100 in).
    public static let accepted: ClosedRange<Double> = 72...7200

    private init(checked points: Double, isPixels: Bool, description: String) {
        self.points = points
        self.isPixels = isPixels
        self.description = description
    }

    /// A width of `points` points (1/72 in).
    ///
    /// - Parameter points: the width, within ``accepted``.
    /// - Throws: ``/DiploGraph/ValueError`` when `points` is not finite or outside ``accepted``.
    /// - Complexity: O(1).
    public init(points: Double) throws(ValueError) {
        guard points.isFinite, Self.accepted.contains(points) else {
            throw ValueError("a width of \(points) pt: must be between 72 pt (1 in) and 7200 pt (100 in)")
        }
        self.init(checked: points, isPixels: false, description: "\(NumberFormat.measure(points))pt")
    }

    /// Parses a length with its unit: `in`, `cm`, `mm`, `pt` or `px`.
    ///
    /// - Parameter text: the length, e.g. `6.5in` or `800px`.
    /// - Throws: ``/DiploGraph/ValueError`` for anything else, or a width outside ``accepted``.
    /// - Complexity: O(*n*) in the length of `text`.
    public init(_ text: String) throws(ValueError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        let units: [(String, Double)] = [("in", 72), ("cm", 72 / 2.54), ("mm", 72 / 25.4), ("pt", 1), ("px", 0.75)]
        guard let (unit, factor) = units.first(where: { trimmed.hasSuffix($0.0) }),
              let number = Double(trimmed.dropLast(unit.count).trimmingCharacters(in: .whitespaces)),
              number.isFinite, PrintWidth.accepted.contains(number * factor)
        else {
            throw ValueError("'\(text)' is not a width between 1in and 100in with a unit, e.g. 6.5in, 17cm, 165mm, 468pt or 800px")
        }
        self.init(checked: number * factor, isPixels: unit == "px", description: text.trimmingCharacters(in: .whitespaces))
    }
}
