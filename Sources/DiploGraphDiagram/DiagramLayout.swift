import Foundation
import DiploGraph
import DiploGraphText

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
