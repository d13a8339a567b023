/// A point in a diagram's coordinates: points (1/72 in), y up, as Graphviz lays out.
public struct Point: Sendable, Hashable {
    /// The horizontal coordinate in points.
    public var x: Double
    /// The vertical coordinate in points, growing upwards.
    public var y: Double

    /// The point at (`x`, `y`).
    /// - Complexity: O(1).
    /// - Parameters:
    ///   - x: the horizontal coordinate in points.
    ///   - y: the vertical coordinate in points, growing upwards.
    public init(x: Double, y: Double) { self.x = x; self.y = y }
}

/// A width and a height in points.
public struct Size: Sendable, Hashable {
    /// The width in points.
    public var width: Double
    /// The height in points.
    public var height: Double

    /// The size `width` × `height`.
    /// - Complexity: O(1).
    /// - Parameters:
    ///   - width: the width in points.
    ///   - height: the height in points.
    public init(width: Double, height: Double) { self.width = width; self.height = height }
}

/// A node's box after layout: its centre and its size, in points.
public struct Box: Sendable, Hashable {
    /// The box's centre.
    public var center: Point
    /// The box's size, as Graphviz measured it from the label and font (or its fixed size).
    public var size: Size

    /// The box of `size` centred at `center`.
    /// - Complexity: O(1).
    /// - Parameters:
    ///   - center: the box's centre.
    ///   - size: the box's size.
    public init(center: Point, size: Size) { self.center = center; self.size = size }
}
