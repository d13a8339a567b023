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

/// Where every entity sits, shared by all slices' diagrams so that readers can compare them.
///
/// It holds the positions the layout engine gave (in its points) and, for each entity, the
/// largest box it takes in any slice, as Graphviz measured it. ``DiagramWriter`` scales the
/// positions to the print width, never closer than the boxes allow.
public struct DiagramLayout: Sendable {
    /// The position of each entity in points (y up), by entity position; `nil` for entities never drawn.
    public private(set) var positions: [Point?]
    /// The largest box each entity takes in any slice, in points; `nil` where unknown.
    public private(set) var sizes: [Size?]
    /// The box every slice's diagram spans (node centres), legend excluded.
    public private(set) var bounds: (minX: Double, minY: Double, maxX: Double, maxY: Double)

    /// A layout from positions alone (box sizes are then estimated from the labels).
    ///
    /// - Parameters:
    ///   - entityCount: the number of entities of the network drawn (``/DiploGraph/SlicedNetwork/entities``).
    ///   - positions: where each placed entity sits, in points.
    /// - Throws: ``/DiploGraph/ValueError`` for an entity outside `0..<entityCount` or a coordinate that is not finite.
    /// - Complexity: O(*n* + *p*) for *n* entities and *p* positions.
    public init(entityCount: Int, positions: [EntityIndex: Point]) throws(ValueError) {
        try self.init(entityCount: entityCount, placed: positions.mapValues { ($0, nil) })
    }

    /// A layout from the boxes Graphviz laid out: each entity's centre and measured size.
    ///
    /// - Parameters:
    ///   - entityCount: the number of entities of the network drawn (``/DiploGraph/SlicedNetwork/entities``).
    ///   - boxes: each placed entity's box, in points.
    /// - Throws: ``/DiploGraph/ValueError`` for an entity outside `0..<entityCount`, or a coordinate or
    ///   size that is not finite (or a negative size).
    /// - Complexity: O(*n* + *b*) for *n* entities and *b* boxes.
    public init(entityCount: Int, boxes: [EntityIndex: Box]) throws(ValueError) {
        try self.init(entityCount: entityCount, placed: boxes.mapValues { ($0.center, $0.size) })
    }

    private init(entityCount: Int, placed: [EntityIndex: (Point, Size?)]) throws(ValueError) {
        guard entityCount >= 0 else { throw ValueError("a layout of \(entityCount) entities: the count must not be negative") }
        var positions = [Point?](repeating: nil, count: entityCount)
        var sizes = [Size?](repeating: nil, count: entityCount)
        for (entity, (point, size)) in placed {
            guard entity.position < entityCount else {
                throw ValueError("entity \(entity) is not among the \(entityCount) entities of the layout")
            }
            guard point.x.isFinite, point.y.isFinite else { throw ValueError("entity \(entity): its position is not finite") }
            if let size, !(size.width.isFinite && size.height.isFinite && size.width >= 0 && size.height >= 0) {
                throw ValueError("entity \(entity): its box size must be finite and not negative")
            }
            positions[entity.position] = point
            sizes[entity.position] = size
        }
        var minX = Double.infinity, minY = Double.infinity, maxX = -Double.infinity, maxY = -Double.infinity
        for point in positions.compactMap({ $0 }) {
            minX = min(minX, point.x); maxX = max(maxX, point.x)
            minY = min(minY, point.y); maxY = max(maxY, point.y)
        }
        if minX > maxX { (minX, minY, maxX, maxY) = (0, 0, 0, 0) }
        self.positions = positions
        self.sizes = sizes
        self.bounds = (minX, minY, maxX, maxY)
    }
}

/// A layout scaled for print: node centres in final points, boxes that never overlap.
struct FittedLayout: Sendable {
    /// Centres by entity, in points, the drawing's lower left box corner at (0, 0).
    var positions: [Point?]
    /// The largest box of each entity, by entity position (the sizes fitted around).
    var sizes: [Size?]
    /// The drawing's extent (box edges included).
    var width: Double
    var height: Double
    /// Whether the drawing fits the width asked for at the fonts chosen; when not, Graphviz
    /// scales the whole figure down and the labels are smaller than chosen.
    var fits: Bool

    /// Scales `layout`'s positions so that no two boxes (`sizes`, plus `gap`) overlap, and
    /// fills `width` (at most `maxHeight` tall) where the boxes leave room.
    ///
    /// Uniform scaling keeps the engine's picture; when the smallest overlap-free uniform
    /// scale is too wide, the drawing is scaled to the width and boxes that still overlap are
    /// pushed upwards, lowest first, just far enough to clear the boxes below them.
    ///
    /// - Complexity: O(*n*²) in the number of positioned entities.
    init(layout: DiagramLayout, sizes: [Size?], width: Double, maxHeight: Double, gap: Double) {
        var indices: [Int] = []
        var xs: [Double] = [], ys: [Double] = [], ws: [Double] = [], hs: [Double] = []
        var taken = Set<[Double]>()
        for (index, point) in layout.positions.enumerated() {
            guard var point else { continue }
            // Entities the engine put at one place are nudged apart so that scaling separates them.
            var k = 0.0
            while !taken.insert([point.x, point.y]).inserted { k += 1; point.x += 0.5 * k; point.y += 0.37 * k }
            indices.append(index)
            xs.append(point.x); ys.append(point.y)
            let size = sizes[index] ?? Size(unchecked: 60, 16)
            ws.append(size.width); hs.append(size.height)
        }
        let n = indices.count
        var isotropic = 0.0
        for i in 0..<n {
            for j in (i + 1)..<max(i + 1, n) {
                let dx = abs(xs[i] - xs[j]), dy = abs(ys[i] - ys[j])
                let needX = (ws[i] + ws[j]) / 2 + gap, needY = (hs[i] + hs[j]) / 2 + gap
                let byX = dx > 1e-9 ? needX / dx : .infinity
                let byY = dy > 1e-9 ? needY / dy : .infinity
                isotropic = max(isotropic, min(byX, byY))
            }
        }
        func extent(_ values: [Double], _ sizes: [Double], _ scale: Double) -> Double {
            var low = Double.infinity, high = -Double.infinity
            for k in 0..<values.count {
                low = min(low, scale * values[k] - sizes[k] / 2)
                high = max(high, scale * values[k] + sizes[k] / 2)
            }
            return values.isEmpty ? 0 : high - low
        }
        /// The largest scale at which the extent stays within `limit` (extent grows with scale).
        func largestScale(_ values: [Double], _ sizes: [Double], within limit: Double) -> Double {
            var low = 0.0, high = 1.0
            guard extent(values, sizes, 0) <= limit else { return 0 }
            while extent(values, sizes, high) <= limit && high < 1e9 { low = high; high *= 2 }
            for _ in 0..<60 {
                let mid = (low + high) / 2
                if extent(values, sizes, mid) <= limit { low = mid } else { high = mid }
            }
            return low
        }
        var scale = isotropic
        var fits = true
        if n > 1 {
            let widest = largestScale(xs, ws, within: width)
            if extent(xs, ws, 0) > width {
                fits = false  // one box is wider than the width: scaled down as a whole later
            } else if isotropic <= widest {
                scale = max(isotropic, min(widest, largestScale(ys, hs, within: maxHeight), 3 * isotropic))
            } else {
                // Too wide at the smallest overlap-free scale: squeeze to the width, then push
                // boxes that still overlap upwards, in order of height, just as far as needed.
                scale = widest
                let order = (0..<n).sorted { (ys[$0], xs[$0]) < (ys[$1], xs[$1]) }
                var placed: [Double] = ys.map { $0 * scale }
                for (rank, i) in order.enumerated() {
                    var y = placed[i]
                    for j in order[..<rank] where abs(scale * (xs[i] - xs[j])) < (ws[i] + ws[j]) / 2 + gap {
                        y = max(y, placed[j] + (hs[i] + hs[j]) / 2 + gap)
                    }
                    placed[i] = y
                }
                if extent(placed, hs, 1) > 3 * maxHeight {
                    // Legible only as a scroll several pages long: keep the engine's picture and
                    // let the figure be scaled down to the width instead (the caller warns).
                    scale = isotropic
                    fits = false
                } else {
                    for k in 0..<n { ys[k] = placed[k] / scale }
                }
            }
        } else {
            fits = n == 0 || (ws.first ?? 0) <= width
            scale = 1
        }
        let (sx, sy) = (scale, scale)
        var minX = Double.infinity, minY = Double.infinity
        for k in 0..<n {
            minX = min(minX, sx * xs[k] - ws[k] / 2)
            minY = min(minY, sy * ys[k] - hs[k] / 2)
        }
        var positions = [Point?](repeating: nil, count: layout.positions.count)
        for k in 0..<n {
            positions[indices[k]] = Point(unchecked: sx * xs[k] - minX, sy * ys[k] - minY)
        }
        self.positions = positions
        self.sizes = sizes
        self.width = extent(xs, ws, sx)
        self.height = extent(ys, hs, sy)
        self.fits = fits
    }
}
