/// A value a public initialiser or function refused: a weight that is not positive and finite,
/// an index out of range, a colour that is not `#rrggbb`, a window of width zero, ...
///
/// Library callers get this instead of a trap, so that no value of the input can crash a
/// program built on DiploGraph.
public struct ValueError: DiploGraphError, Equatable {
    /// What was refused and why, e.g. `weight -1: must be positive and finite`.
    public var message: String

    /// A refusal saying `message`.
    /// - Complexity: O(1).
    /// - Parameter message: what was refused and why.
    public init(_ message: String) { self.message = message }

    /// The message.
    public var description: String { message }

    /// ``ErrorReason/invalidValue``.
    public var errorReason: ErrorReason { .invalidValue }

    /// Checks that `weight` is a positive, finite number.
    static func checkWeight(_ weight: Double) throws(ValueError) {
        guard weight > 0, weight.isFinite else { throw ValueError("weight \(weight): must be a positive, finite number") }
    }

    /// Checks that `color` is `#rrggbb`.
    static func checkColor(_ color: String) throws(ValueError) {
        let bytes = Array(color.utf8)
        guard bytes.count == 7, bytes[0] == UInt8(ascii: "#"),
              bytes.dropFirst().allSatisfy({ (48...57).contains($0) || (97...102).contains($0) || (65...70).contains($0) }) else {
            throw ValueError("colour '\(color)': expected #rrggbb, e.g. #1b7837")
        }
    }
}
