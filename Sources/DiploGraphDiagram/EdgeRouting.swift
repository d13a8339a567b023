import Foundation

/// Routes a figure's edges around the boxes of the nodes they do not join, as polylines.
///
/// Figures whose edges Graphviz would draw straight (the grid, slices too large for spline
/// routing) get their edges' paths from here: an edge whose straight line crosses no other
/// node's box stays straight; one that does goes around the boxes in its way, through their
/// corners (first the corners of the box it meets, else the shortest path over the corners of
/// every box: a visibility graph searched with A*). Paths are handed to Graphviz as each edge's
/// `pos`, which the `nop2` engine keeps, so that Graphviz routes nothing.
///
/// - Complexity: per edge O(*n*) when its line is clear; a detour around one box O(*n*); the
///   full search O(*k* × *c* × *n*) for *k* corners expanded, *c* = 4*n* corners and *n* boxes.
struct EdgeRouter {
    /// A node's box: centre, half sizes, and whether it is drawn as an ellipse.
    struct Obstacle {
        var x: Double, y: Double, halfWidth: Double, halfHeight: Double
        var isEllipse: Bool
    }

    /// Space kept between an edge and a box it passes.
    static let clearance = 2.5

    private let obstacles: [Obstacle]
    /// Boxes enlarged by ``clearance``: what paths must not enter.
    private let minX: [Double], minY: [Double], maxX: [Double], maxY: [Double]
    /// The corners paths may turn at (just outside the enlarged boxes), by box, four each;
    /// `nil` for a corner inside another box.
    private let corners: [(x: Double, y: Double)?]

    /// A router around `obstacles`.
    /// - Parameters:
    ///   - obstacles: every node box of one figure or panel.
    ///   - bounds: the area paths stay in (a grid panel, with a few points to spare); `nil` for any.
    /// - Complexity: O(*n*²) for *n* boxes (corners inside other boxes are found once).
    init(obstacles: [Obstacle], bounds: (minX: Double, minY: Double, maxX: Double, maxY: Double)? = nil) {
        self.obstacles = obstacles
        let margin = Self.clearance
        minX = obstacles.map { $0.x - $0.halfWidth - margin }
        maxX = obstacles.map { $0.x + $0.halfWidth + margin }
        minY = obstacles.map { $0.y - $0.halfHeight - margin }
        maxY = obstacles.map { $0.y + $0.halfHeight + margin }
        var corners: [(x: Double, y: Double)?] = []
        corners.reserveCapacity(4 * obstacles.count)
        let out = 0.75
        for k in obstacles.indices {
            for (cx, cy) in [(minX[k] - out, minY[k] - out), (maxX[k] + out, minY[k] - out),
                             (maxX[k] + out, maxY[k] + out), (minX[k] - out, maxY[k] + out)] {
                var free = true
                if let bounds, cx < bounds.minX - 4 || cx > bounds.maxX + 4 || cy < bounds.minY - 4 || cy > bounds.maxY + 4 { free = false }
                for j in obstacles.indices where cx > minX[j] && cx < maxX[j] && cy > minY[j] && cy < maxY[j] { free = false; break }
                corners.append(free ? (cx, cy) : nil)
            }
        }
        self.corners = corners
    }

    /// Whether the segment from (ax, ay) to (bx, by) enters an enlarged box other than
    /// `skipA` and `skipB` (Liang–Barsky clipping against each box's interior).
    private func isBlocked(_ ax: Double, _ ay: Double, _ bx: Double, _ by: Double, skipA: Int, skipB: Int) -> Int? {
        let dx = bx - ax, dy = by - ay
        let loX = min(ax, bx), hiX = max(ax, bx), loY = min(ay, by), hiY = max(ay, by)
        for k in obstacles.indices where k != skipA && k != skipB {
            if hiX <= minX[k] || loX >= maxX[k] || hiY <= minY[k] || loY >= maxY[k] { continue }
            var enter = 0.0, exit = 1.0
            var clear = false
            /// One side of the box (Liang–Barsky): no array per test, this is the router's inner loop.
            func clip(_ p: Double, _ q: Double) {
                if abs(p) < 1e-12 {
                    if q <= 1e-9 { clear = true }
                } else {
                    let t = q / p
                    if p < 0 { enter = max(enter, t) } else { exit = min(exit, t) }
                }
            }
            clip(-dx, ax - minX[k]); clip(dx, maxX[k] - ax); clip(-dy, ay - minY[k]); clip(dy, maxY[k] - ay)
            if clear { continue }
            // Inside for a stretch longer than a rounding error.
            if exit - enter > 1e-6 && (exit - enter) * (abs(dx) + abs(dy)) > 0.05 { return k }
        }
        return nil
    }

    /// The path of an edge from box `from` to box `to`: their centres and the corners between.
    /// - Parameters:
    ///   - from: the tail's index among the obstacles.
    ///   - to: the head's index among the obstacles.
    /// - Returns: the polyline from centre to centre; the straight line when no path avoids
    ///   every box (boxes closing the way).
    func route(from: Int, to: Int) -> [(x: Double, y: Double)] {
        let a = (x: obstacles[from].x, y: obstacles[from].y), b = (x: obstacles[to].x, y: obstacles[to].y)
        guard let blocker = isBlocked(a.x, a.y, b.x, b.y, skipA: from, skipB: to) else { return [a, b] }
        func length(_ p: (x: Double, y: Double), _ q: (x: Double, y: Double)) -> Double { hypot(q.x - p.x, q.y - p.y) }
        // Around the first box in the way, by one corner or two adjacent ones.
        var best: [(x: Double, y: Double)]?
        var bestLength = Double.infinity
        let own = (4 * blocker)..<(4 * blocker + 4)
        for i in own {
            guard let c = corners[i] else { continue }
            if isBlocked(a.x, a.y, c.x, c.y, skipA: from, skipB: to) == nil && isBlocked(c.x, c.y, b.x, b.y, skipA: from, skipB: to) == nil {
                let total = length(a, c) + length(c, b)
                if total < bestLength { (best, bestLength) = ([a, c, b], total) }
            }
            for j in [own.lowerBound + (i - own.lowerBound + 1) % 4, own.lowerBound + (i - own.lowerBound + 3) % 4] {
                guard let d = corners[j] else { continue }
                if isBlocked(a.x, a.y, c.x, c.y, skipA: from, skipB: to) == nil && isBlocked(c.x, c.y, d.x, d.y, skipA: from, skipB: to) == nil
                    && isBlocked(d.x, d.y, b.x, b.y, skipA: from, skipB: to) == nil {
                    let total = length(a, c) + length(c, d) + length(d, b)
                    if total < bestLength { (best, bestLength) = ([a, c, d, b], total) }
                }
            }
        }
        if let best { return best }
        return search(from: from, to: to) ?? [a, b]
    }

    /// A* over the visibility graph of the corners: the shortest path from centre to centre
    /// that enters no other box.
    private func search(from: Int, to: Int) -> [(x: Double, y: Double)]? {
        // Vertices: 0 the start, 1 the goal, 2 + k corner k.
        let count = 2 + corners.count
        func point(_ v: Int) -> (x: Double, y: Double)? {
            v == 0 ? (obstacles[from].x, obstacles[from].y) : v == 1 ? (obstacles[to].x, obstacles[to].y) : corners[v - 2]
        }
        let goal = point(1)!
        var distance = [Double](repeating: .infinity, count: count)
        var previous = [Int](repeating: -1, count: count)
        var done = [Bool](repeating: false, count: count)
        // The straight-line estimate to the goal, taken when a vertex is first reached.
        var estimate = [Double](repeating: 0, count: count)
        distance[0] = 0
        estimate[0] = hypot(goal.x - obstacles[from].x, goal.y - obstacles[from].y)
        var expansions = 0
        while expansions < count {
            // The open vertex with the least distance plus straight-line estimate (a linear scan: few vertices).
            var u = -1
            var least = Double.infinity
            for v in 0..<count where !done[v] && distance[v] < .infinity {
                let total = distance[v] + estimate[v]
                if total < least { (least, u) = (total, v) }
            }
            guard u >= 0 else { return nil }
            if u == 1 { break }
            done[u] = true
            expansions += 1
            let p = point(u)!
            for v in 1..<count where !done[v] {
                guard let q = point(v) else { continue }
                // No shorter way when even the longer side of the step is too long (a length is
                // at least that): most steps end here, before the square root.
                let dx = q.x - p.x, dy = q.y - p.y
                if distance[u] + max(abs(dx), abs(dy)) >= distance[v] { continue }
                let candidate = distance[u] + hypot(dx, dy)
                if candidate < distance[v] && isBlocked(p.x, p.y, q.x, q.y, skipA: from, skipB: to) == nil {
                    if distance[v] == .infinity { estimate[v] = hypot(goal.x - q.x, goal.y - q.y) }
                    distance[v] = candidate
                    previous[v] = u
                }
            }
        }
        guard distance[1] < .infinity else { return nil }
        var path: [(x: Double, y: Double)] = []
        var v = 1
        while v >= 0 { path.append(point(v)!); v = previous[v] }
        return path.reversed()
    }

    /// Where the ray from the centre of box `index` towards `toward` leaves the box (or its
    /// ellipse).
    func boundaryPoint(of index: Int, toward: (x: Double, y: Double)) -> (x: Double, y: Double) {
        let box = obstacles[index]
        let dx = toward.x - box.x, dy = toward.y - box.y
        guard abs(dx) + abs(dy) > 1e-9 else { return (box.x, box.y) }
        let t: Double
        if box.isEllipse {
            let a = max(box.halfWidth, 1e-9), b = max(box.halfHeight, 1e-9)
            t = 1 / sqrt((dx * dx) / (a * a) + (dy * dy) / (b * b))
        } else {
            let tx = abs(dx) > 1e-12 ? box.halfWidth / abs(dx) : .infinity
            let ty = abs(dy) > 1e-12 ? box.halfHeight / abs(dy) : .infinity
            t = min(tx, ty)
        }
        let s = min(t, 1)
        return (box.x + s * dx, box.y + s * dy)
    }

    /// An edge's `pos` for Graphviz: the path clipped to the two boxes' borders, as a
    /// piecewise-straight B-spline (3*k* + 1 points), with the arrowhead's tip (`e,x,y`) and
    /// the line ending where the head begins when `arrowLength` is given.
    /// - Parameters:
    ///   - from: the tail's index among the obstacles.
    ///   - to: the head's index among the obstacles.
    ///   - arrowLength: the length of the arrowhead at the head, or `nil` for none.
    /// - Returns: the `pos` value, points with two decimals.
    ///   - lane: how far (in points, signed) this edge runs beside the others between the same
    ///     two boxes: its path bends that far to the side, so that parallel edges stay apart.
    func pos(from: Int, to: Int, arrowLength: Double?, lane: Double = 0) -> String {
        var path = route(from: from, to: to)
        if lane != 0 {
            // The side is taken from the pair in index order, so that a→b and b→a part ways;
            // a lane that would enter a box is narrowed, down to none.
            let (low, high) = from < to ? (from, to) : (to, from)
            let dx = obstacles[high].x - obstacles[low].x, dy = obstacles[high].y - obstacles[low].y
            let norm = max(hypot(dx, dy), 1e-9)
            for fraction in [1.0, 0.5] {
                let (nx, ny) = (-dy / norm * lane * fraction, dx / norm * lane * fraction)
                var moved = path
                if moved.count == 2 {
                    moved.insert(((moved[0].x + moved[1].x) / 2 + nx, (moved[0].y + moved[1].y) / 2 + ny), at: 1)
                } else {
                    for k in 1..<(moved.count - 1) { moved[k] = (moved[k].x + nx, moved[k].y + ny) }
                }
                let clear = (1..<moved.count).allSatisfy {
                    isBlocked(moved[$0 - 1].x, moved[$0 - 1].y, moved[$0].x, moved[$0].y, skipA: from, skipB: to) == nil
                }
                if clear { path = moved; break }
            }
        }
        path[0] = boundaryPoint(of: from, toward: path[1])
        let last = path.count - 1
        let tip = boundaryPoint(of: to, toward: path[last - 1])
        path[last] = tip
        var prefix = ""
        if let arrowLength {
            let previous = path[last - 1]
            let span = hypot(tip.x - previous.x, tip.y - previous.y)
            if span > arrowLength + 0.5 {
                let f = (span - arrowLength) / span
                path[last] = (previous.x + f * (tip.x - previous.x), previous.y + f * (tip.y - previous.y))
                prefix = "e," + Self.number(tip.x) + "," + Self.number(tip.y) + " "
            }
        }
        var points: [String] = [Self.number(path[0].x) + "," + Self.number(path[0].y)]
        for k in 1..<path.count {
            let p = path[k - 1], q = path[k]
            for f in [1.0 / 3, 2.0 / 3, 1] {
                points.append(Self.number(p.x + f * (q.x - p.x)) + "," + Self.number(p.y + f * (q.y - p.y)))
            }
        }
        return prefix + points.joined(separator: " ")
    }

    /// `value` with two decimals, without Foundation's slow formatting.
    static func number(_ value: Double) -> String {
        guard value.isFinite, abs(value) < 1e12 else { return "0" }
        let hundredths = Int64((abs(value) * 100).rounded())
        let cents = hundredths % 100
        return (value < 0 && hundredths != 0 ? "-" : "") + String(hundredths / 100) + (cents < 10 ? ".0" : ".") + String(cents)
    }
}
