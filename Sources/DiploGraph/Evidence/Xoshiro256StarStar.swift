/// A seeded pseudo-random generator: xoshiro256** (Blackman & Vigna 2021, "Scrambled linear
/// pseudorandom number generators", *ACM Transactions on Mathematical Software* 47(4)), its
/// state filled from the seed by SplitMix64, as its authors recommend.
///
/// DiploGraph's permutation tests draw from it with their own bounded draws
/// (``bounded(_:)``), so that a seed gives the same numbers on every platform and Swift version.
public struct Xoshiro256StarStar: RandomNumberGenerator, Sendable {
    private var s0, s1, s2, s3: UInt64

    /// A generator whose state is four SplitMix64 outputs from `seed`.
    /// - Parameter seed: any 64-bit value.
    /// - Complexity: O(1).
    public init(seed: UInt64) {
        var x = seed
        func splitMix() -> UInt64 {
            x &+= 0x9E37_79B9_7F4A_7C15
            var z = x
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        s0 = splitMix(); s1 = splitMix(); s2 = splitMix(); s3 = splitMix()
    }

    /// A seed for stream `stream` of `seed`: SplitMix64's finaliser over both, so that blocks of
    /// permutations get unrelated generators.
    /// - Parameters:
    ///   - seed: the user's seed.
    ///   - stream: the block's number (any injective numbering).
    /// - Returns: the derived seed.
    /// - Complexity: O(1).
    public static func derivedSeed(_ seed: UInt64, stream: UInt64) -> UInt64 {
        var z = seed &+ stream &* 0x9E37_79B9_7F4A_7C15 &+ 0xD1B5_4A32_D192_ED03
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// The next 64 random bits.
    /// - Returns: a uniformly distributed value.
    /// - Complexity: O(1).
    public mutating func next() -> UInt64 {
        let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
        let t = s1 << 17
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3
        s2 ^= t
        s3 = s3 << 45 | s3 >> 19
        return result
    }

    /// A uniform integer in `0..<bound` by Lemire's multiply-and-reject (2019, *ACM TOMACS* 29(1)).
    /// - Parameter bound: the exclusive upper bound, at least 1.
    /// - Returns: the draw.
    /// - Complexity: O(1) expected.
    public mutating func bounded(_ bound: Int) -> Int {
        precondition(bound > 0, "bounded draw needs a positive bound")
        let range = UInt64(bound)
        var product = next().multipliedFullWidth(by: range)
        if product.low < range {
            let threshold = (0 &- range) % range
            while product.low < threshold { product = next().multipliedFullWidth(by: range) }
        }
        return Int(product.high)
    }

    /// Shuffles `values` in place (Fisher–Yates, with ``bounded(_:)``).
    /// - Parameter values: the array to shuffle.
    /// - Complexity: O(*n*).
    public mutating func shuffle<T>(_ values: inout [T]) {
        guard values.count > 1 else { return }
        for i in stride(from: values.count - 1, to: 0, by: -1) { values.swapAt(i, bounded(i + 1)) }
    }
}
