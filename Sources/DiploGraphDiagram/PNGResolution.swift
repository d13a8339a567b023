import Foundation
import DiploGraph
import DiploGraphText

/// PNG files that say their resolution, so that they print at the figure's width.
package enum PNGResolution {
    /// `png` with a `pHYs` chunk giving `dpi` pixels per inch (any earlier one replaced);
    /// anything that is not a PNG comes back unchanged.
    /// - Parameters:
    ///   - dpi: the resolution, in pixels per inch (stored as pixels per metre).
    ///   - png: the PNG file's bytes.
    /// - Returns: the PNG with the chunk, or `png` itself.
    /// - Complexity: O(*b*) for *b* bytes.
    public static func setting(_ dpi: Double, in png: [UInt8]) -> [UInt8] {
        let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        // A resolution a pHYs chunk cannot hold (not finite, not positive, over 2³² pixels a metre) is not written.
        guard dpi.isFinite, dpi > 0, dpi / 0.0254 < Double(UInt32.max) else { return png }
        guard png.count > 33, Array(png[0..<8]) == signature else { return png }
        var out = Array(png[0..<33])  // signature and IHDR
        let perMetre = UInt32((dpi / 0.0254).rounded())
        var chunk: [UInt8] = Array("pHYs".utf8)
        for _ in 0..<2 { chunk += [UInt8(perMetre >> 24), UInt8(perMetre >> 16 & 0xFF), UInt8(perMetre >> 8 & 0xFF), UInt8(perMetre & 0xFF)] }
        chunk.append(1)
        out += [0, 0, 0, 9] + chunk
        let crc = crc32(chunk)
        out += [UInt8(crc >> 24), UInt8(crc >> 16 & 0xFF), UInt8(crc >> 8 & 0xFF), UInt8(crc & 0xFF)]
        var position = 33
        while position + 8 <= png.count {
            let length = Int(png[position]) << 24 | Int(png[position + 1]) << 16 | Int(png[position + 2]) << 8 | Int(png[position + 3])
            let end = min(png.count, position + 12 + length)
            if Array(png[(position + 4)..<(position + 8)]) != Array("pHYs".utf8) { out += png[position..<end] }
            position = end
        }
        return out
    }

    private static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }
}
