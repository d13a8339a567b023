import Foundation

/// Maps byte strings (actor ids, kind ids) to small integers without making a `String`
/// for ids already seen.
///
/// Event files repeat a few thousand ids millions of times; hashing the field's bytes in
/// place and comparing them against an arena of known ids avoids creating and hashing two
/// `String`s per row. Open addressing with linear probing, kept at most half full.
struct ByteInterner {
    private var arena: [UInt8] = []
    /// Start and end of each id in `arena`, and the value it maps to, by insertion order.
    private var entries: [(start: Int32, end: Int32, value: Int32)] = []
    /// The entry stored in each slot, or -1.
    private var slots = [Int32](repeating: -1, count: 64)

    /// The value of `bytes`, or `nil` when it was never inserted.
    /// - Complexity: O(*b*) expected.
    func value(of bytes: UnsafeBufferPointer<UInt8>) -> Int32? { value(of: bytes, hash: Self.hash(bytes)) }

    /// ``value(of:)`` with the bytes' ``hash(_:)`` known (one hash for several interners).
    @inline(__always)
    func value(of bytes: UnsafeBufferPointer<UInt8>, hash: Int) -> Int32? {
        slots.withUnsafeBufferPointer { slots in
            entries.withUnsafeBufferPointer { entries in
                arena.withUnsafeBufferPointer { arena in
                    let mask = slots.count - 1
                    var slot = hash & mask
                    while true {
                        let entry = slots[slot]
                        if entry < 0 { return nil }
                        let (start, end, value) = entries[Int(entry)]
                        if Int(end - start) == bytes.count
                            && (bytes.isEmpty || memcmp(arena.baseAddress! + Int(start), bytes.baseAddress!, bytes.count) == 0) {
                            return value
                        }
                        slot = (slot + 1) & mask
                    }
                }
            }
        }
    }

    /// Records `bytes` → `value`; `bytes` must not be present yet.
    mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>, value: Int32) {
        if (entries.count + 1) * 2 > slots.count { grow() }
        let index = Int32(entries.count)
        let start = Int32(arena.count)
        arena.append(contentsOf: bytes)
        entries.append((start, Int32(arena.count), value))
        place(index, hash: Self.hash(bytes))
    }

    private mutating func place(_ entry: Int32, hash: Int) {
        let mask = slots.count - 1
        var slot = hash & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = entry
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        for entry in 0..<entries.count {
            let (start, end, _) = entries[entry]
            let hash = arena.withUnsafeBufferPointer { Self.hash(UnsafeBufferPointer(rebasing: $0[Int(start)..<Int(end)])) }
            place(Int32(entry), hash: hash)
        }
    }

    /// FNV-1a, then mixed, so that ids differing in their last characters spread out.
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes { h = (h ^ UInt64(byte)) &* 0x100_0000_01B3 }
        h ^= h >> 29
        h = h &* 0xBF58_476D_1CE4_E5B9
        h ^= h >> 32
        return Int(truncatingIfNeeded: h)
    }
}
