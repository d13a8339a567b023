/// A legend rendered once by Graphviz as SVG, to be composed into every figure's SVG.
///
/// Every search runs over UTF-8 bytes, and the figure's frame and background are looked for
/// only in its first few kilobytes, where Graphviz writes them: composing costs a copy of the
/// figure, not a pass of Foundation's string searches over it (that took a third of `render`).
package struct ComposedLegend: Sendable {
    /// The legend's width in points.
    package let width: Double
    /// The legend's height in points.
    package let height: Double
    let translateX: Double
    let translateY: Double
    /// The drawing's elements, inside Graphviz's `graph0` group, background excluded.
    let body: [UInt8]

    /// How far into an SVG Graphviz's header, frame and background reach.
    static let headLength = 4096

    /// Reads Graphviz's SVG of `legendDOT(options:grid:)`.
    ///
    /// - Parameter svg: the UTF-8 bytes Graphviz rendered.
    /// - Returns: `nil` if `svg` is not a Graphviz SVG with a frame and a background.
    /// - Complexity: O(*n*) in the length of `svg`.
    package init?(svg: [UInt8]) {
        guard let frame = Self.frame(of: svg), let background = Self.background(in: svg),
              let end = Self.lastRange(of: Array("</g>\n</svg>".utf8), in: svg), end.lowerBound >= background.upperBound
        else { return nil }
        (width, height, translateX, translateY) = (frame.width, frame.height, frame.translateX, frame.translateY)
        body = Array(svg[background.upperBound..<end.lowerBound])
    }

    /// `svg` (Graphviz's rendering of a figure drawn with room for this legend) with the
    /// legend's drawing put into that room at the bottom left.
    ///
    /// - Parameters:
    ///   - svg: the figure's UTF-8 bytes.
    ///   - origin: where the legend's top left corner goes, in points from the figure's top
    ///     left corner; `nil` for the bottom left.
    /// - Returns: the figure with the legend; `svg` unchanged if it is not a Graphviz SVG.
    /// - Complexity: O(*n*) in the length of `svg` and the legend.
    package func composed(into svg: [UInt8], at origin: (x: Double, y: Double)? = nil) -> [UInt8] {
        guard let figure = Self.frame(of: svg), let anchor = Self.background(in: svg) else { return svg }
        let dx = translateX - figure.translateX + (origin?.x ?? 0)
        let dy = translateY + (origin?.y ?? figure.height - height) - figure.translateY
        var out: [UInt8] = []
        out.reserveCapacity(svg.count + body.count + 64)
        out += svg[..<anchor.upperBound]
        out += "<g class=\"legend\" transform=\"translate(\(dx) \(dy))\">\n".utf8
        out += body
        out += "</g>\n".utf8
        out += svg[anchor.upperBound...]
        return out
    }

    /// The viewBox size and the drawing group's translation of a Graphviz SVG.
    static func frame(of svg: [UInt8]) -> (width: Double, height: Double, translateX: Double, translateY: Double)? {
        let head = svg.prefix(headLength)
        func numbers(after marker: String, until end: UInt8) -> [Double] {
            guard let start = firstRange(of: Array(marker.utf8), in: head) else { return [] }
            let text = head[start.upperBound...].prefix { $0 != end }
            return text.split(separator: 0x20).compactMap { Double(String(decoding: $0, as: UTF8.self)) }
        }
        let sizes = numbers(after: "viewBox=\"", until: UInt8(ascii: "\""))
        let shifts = numbers(after: "rotate(0) translate(", until: UInt8(ascii: ")"))
        guard sizes.count == 4, shifts.count == 2 else { return nil }
        return (sizes[2], sizes[3], shifts[0], shifts[1])
    }

    /// Where Graphviz's white background polygon ends (the legend is drawn right after it).
    static func background(in svg: [UInt8]) -> Range<Int>? {
        let head = svg.prefix(headLength)
        guard let start = firstRange(of: Array("<polygon fill=\"white\" stroke=\"transparent\" points=\"".utf8), in: head),
              let end = firstRange(of: Array("\"/>\n".utf8), in: head[start.upperBound...]) else { return nil }
        return start.lowerBound..<end.upperBound
    }

    /// The first occurrence of `pattern` in `bytes`, by index into `bytes`' base.
    private static func firstRange(of pattern: [UInt8], in bytes: ArraySlice<UInt8>) -> Range<Int>? {
        guard !pattern.isEmpty, bytes.count >= pattern.count else { return nil }
        var index = bytes.startIndex
        while index <= bytes.endIndex - pattern.count {
            if bytes[index] == pattern[0] && bytes[index..<(index + pattern.count)].elementsEqual(pattern) {
                return index..<(index + pattern.count)
            }
            index += 1
        }
        return nil
    }

    /// The last occurrence of `pattern` in `bytes`.
    private static func lastRange(of pattern: [UInt8], in bytes: [UInt8]) -> Range<Int>? {
        guard !pattern.isEmpty, bytes.count >= pattern.count else { return nil }
        var index = bytes.count - pattern.count
        while index >= 0 {
            if bytes[index] == pattern[0] && bytes[index..<(index + pattern.count)].elementsEqual(pattern) {
                return index..<(index + pattern.count)
            }
            index -= 1
        }
        return nil
    }
}
