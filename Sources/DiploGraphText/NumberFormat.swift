import Foundation
import DiploGraph

/// Numbers as the tables print them. No `Double` makes either function trap.
public enum NumberFormat {
    /// The shortest text that reads back as the same `Double`; whole numbers without `.0`.
    ///
    /// Non-finite values (which DiploGraph's tables never hold) print as `inf`, `-inf`, `nan`.
    /// - Parameter value: the number.
    /// - Returns: `3`, `0.1`, `1e+20`, ...
    /// - Complexity: O(1).
    public static func exact(_ value: Double) -> String {
        guard value.isFinite else { return nonFinite(value) }
        if value == value.rounded(), abs(value) < 1e15 {
            return value == 0 ? "0" : String(Int64(value))
        }
        return value.description
    }

    /// Rounded for reading: at most `digits` significant digits (1 to 17); whole numbers
    /// below 10¹⁵ as integers, very large or very small numbers in exponent form (`1.235e+20`).
    /// - Parameters:
    ///   - value: the number.
    ///   - digits: significant digits, clamped to 1…17 (default 4).
    /// - Returns: `12`, `0.1429`, `1.235e+20`, ...
    /// - Complexity: O(1).
    public static func readable(_ value: Double, digits: Int = 4) -> String {
        guard value.isFinite else { return nonFinite(value) }
        let digits = min(max(digits, 1), 17)
        if value == value.rounded(), abs(value) < 1e15 { return value == 0 ? "0" : String(Int64(value)) }
        let magnitude = Int(floor(log10(abs(value))))
        if magnitude >= 15 || magnitude < -6 {
            return String(format: "%.\(digits - 1)e", value)
        }
        let decimals = max(0, digits - 1 - magnitude)
        return String(format: "%.\(min(decimals, 12))f", value)
    }

    /// The report's policy: whole numbers (counts) as integers, other measures to three
    /// significant digits without trailing zeros (`5.5`, `0.143`, `6`).
    /// - Parameter value: a measure's value.
    /// - Returns: `6`, `5.5`, `0.143`, ...
    /// - Complexity: O(1).
    public static func measure(_ value: Double) -> String {
        guard value.isFinite else { return nonFinite(value) }
        let text = readable(value, digits: 3)
        guard text.contains("."), !text.contains("e") else { return text }
        var trimmed = Substring(text)
        while trimmed.hasSuffix("0") { trimmed = trimmed.dropLast() }
        if trimmed.hasSuffix(".") { trimmed = trimmed.dropLast() }
        return String(trimmed)
    }

    private static func nonFinite(_ value: Double) -> String {
        value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf")
    }
}
