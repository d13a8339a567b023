/// An estimate, made before any work starts, of how long a computation takes, and the part of
/// it that costs the most: what a budget check (``WorkBudget``) compares and names.
public struct WorkEstimate: Sendable, Equatable, CustomStringConvertible {
    /// The estimated time, in seconds of computing on one core of the machine the constants
    /// were measured on (BENCHMARKS.md): a function of the sizes alone, the same on every machine.
    public let seconds: Double
    /// The part that costs the most, in words, e.g. `betweenness on slice 2018 (20000 nodes, 100000 ties)`.
    public let largestPart: String

    /// An estimate of `seconds`, of which `largestPart` costs the most.
    /// - Parameters:
    ///   - seconds: the estimated time; negative or non-finite values count as 0 and infinity.
    ///   - largestPart: the costliest part, in words.
    /// - Complexity: O(1).
    public init(seconds: Double, largestPart: String) {
        self.seconds = seconds.isNaN ? .infinity : max(0, seconds)
        self.largestPart = largestPart
    }

    /// `about 40 s (betweenness on slice 2018 (…))`.
    public var description: String { "about \(WorkEstimate.readable(seconds)) (\(largestPart))" }

    /// A duration for people: `0.4 s`, `40 s`, `12 min`, `3 h`.
    /// - Parameter seconds: the duration.
    /// - Returns: the duration with one unit, rounded.
    /// - Complexity: O(1).
    public static func readable(_ seconds: Double) -> String {
        guard seconds.isFinite else { return "forever" }
        if seconds < 10 { return "\((seconds * 10).rounded() / 10) s" }
        if seconds < 600 { return "\(Int(seconds.rounded())) s" }
        if seconds < 36_000 { return "\(Int((seconds / 60).rounded())) min" }
        return "\(Int((seconds / 3_600).rounded())) h"
    }
}
