import Foundation
import DiploGraph

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
        withView { $0.value(of: bytes, hash: hash) }
    }

    /// Calls `body` with a read-only view of the table, whose lookups touch no reference counts.
    func withView<R>(_ body: (View) -> R) -> R {
        slots.withUnsafeBufferPointer { slots in
            entries.withUnsafeBufferPointer { entries in
                arena.withUnsafeBufferPointer { arena in
                    body(View(slots: slots, entries: entries, arena: arena))
                }
            }
        }
    }

    /// A read-only view of an interner, valid inside ``withView(_:)``.
    struct View {
        let slots: UnsafeBufferPointer<Int32>
        let entries: UnsafeBufferPointer<(start: Int32, end: Int32, value: Int32)>
        let arena: UnsafeBufferPointer<UInt8>

        /// ``ByteInterner/value(of:hash:)``.
        @inline(__always)
        func value(of bytes: UnsafeBufferPointer<UInt8>, hash: Int) -> Int32? {
            let mask = slots.count - 1
            var slot = hash & mask
            while true {
                let entry = slots[slot]
                if entry < 0 { return nil }
                let (start, end, value) = entries[Int(entry)]
                if Int(end - start) == bytes.count && ByteInterner.isEqual(arena.baseAddress! + Int(start), bytes) {
                    return value
                }
                slot = (slot + 1) & mask
            }
        }
    }

    /// Whether the `bytes.count` bytes at `stored` are `bytes`: inline for short ids.
    @inline(__always)
    fileprivate static func isEqual(_ stored: UnsafePointer<UInt8>, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = bytes.count
        if count > 16 { return memcmp(stored, bytes.baseAddress!, count) == 0 }
        for i in 0..<count where stored[i] != bytes[i] { return false }
        return true
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
        var h = hashSeed
        for byte in bytes { h = hashStep(h, byte) }
        return finishHash(h)
    }

    /// ``hash(_:)`` in steps, for callers that look at each byte anyway.
    static let hashSeed: UInt64 = 0xCBF2_9CE4_8422_2325

    @inline(__always)
    static func hashStep(_ h: UInt64, _ byte: UInt8) -> UInt64 { (h ^ UInt64(byte)) &* 0x100_0000_01B3 }

    @inline(__always)
    static func finishHash(_ state: UInt64) -> Int {
        var h = state
        h ^= h >> 29
        h = h &* 0xBF58_476D_1CE4_E5B9
        h ^= h >> 32
        return Int(truncatingIfNeeded: h)
    }
}
