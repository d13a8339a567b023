import DiploGraph

/// A point in a diagram's coordinates: points (1/72 in), y up, as Graphviz lays out.
public struct Point: Sendable, Hashable {
    /// The horizontal coordinate in points.
    public package(set) var x: Double
    /// The vertical coordinate in points, growing upwards.
    public package(set) var y: Double

    /// The point at (`x`, `y`).
    /// - Parameters:
    ///   - x: the horizontal coordinate in points, finite.
    ///   - y: the vertical coordinate in points, growing upwards, finite.
    /// - Throws: ``/DiploGraph/ValueError`` when a coordinate is not finite.
    /// - Complexity: O(1).
    public init(x: Double, y: Double) throws(ValueError) {
        guard x.isFinite, y.isFinite else { throw ValueError("the point (\(x), \(y)): coordinates must be finite") }
        self.init(unchecked: x, y)
    }

    /// A point whose coordinates are known to be finite (Graphviz's, the layout's).
    package init(unchecked x: Double, _ y: Double) { self.x = x; self.y = y }
}

/// A width and a height in points.
public struct Size: Sendable, Hashable {
    /// The width in points.
    public package(set) var width: Double
    /// The height in points.
    public package(set) var height: Double

    /// The size `width` × `height`.
    /// - Parameters:
    ///   - width: the width in points, finite and not negative.
    ///   - height: the height in points, finite and not negative.
    /// - Throws: ``/DiploGraph/ValueError`` when a side is negative or not finite.
    /// - Complexity: O(1).
    public init(width: Double, height: Double) throws(ValueError) {
        guard width.isFinite, height.isFinite, width >= 0, height >= 0 else {
            throw ValueError("the size \(width) × \(height): sides must be finite and not negative")
        }
        self.init(unchecked: width, height)
    }

    /// A size known to be valid (Graphviz's measurements, DiploGraph's estimates).
    package init(unchecked width: Double, _ height: Double) { self.width = width; self.height = height }
}

/// A node's box after layout: its centre and its size, in points.
public struct Box: Sendable, Hashable {
    /// The box's centre.
    public var center: Point
    /// The box's size, as Graphviz measured it from the label and font (or its fixed size).
    public var size: Size

    /// The box of `size` centred at `center` (both checked when they were made).
    /// - Parameters:
    ///   - center: the box's centre.
    ///   - size: the box's size.
    /// - Complexity: O(1).
    public init(center: Point, size: Size) { self.center = center; self.size = size }
}
