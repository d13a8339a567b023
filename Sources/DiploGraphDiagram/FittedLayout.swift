import Foundation
import DiploGraph
import DiploGraphText

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
