import Foundation
import DiploGraph

/// A JSON value for DiploGraph's JSON files, written through Foundation's `JSONEncoder`.
///
/// The encoder escapes strings and refuses non-finite numbers (a bare `inf` or `nan` is not
/// JSON), so nothing DiploGraph writes as JSON can be malformed. Objects keep their fields
/// as given; the encoder writes keys sorted, so output is stable.
public indirect enum JSONValue: Encodable, Sendable, Equatable {
    /// A string, escaped by the encoder.
    case string(String)
    /// A number, or `null` when `nil`.
    case number(Double?)
    /// A whole number, written without a fraction.
    case integer(Int)
    /// `true` or `false`.
    case bool(Bool)
    /// An array, in order.
    case array([JSONValue])
    /// An object: its fields as name–value pairs (written with keys sorted).
    case object([(String, JSONValue)])

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// Encodes the value as the JSON value it stands for.
    /// - Parameter encoder: the encoder, normally `JSONEncoder` through ``text()``.
    /// - Throws: the encoder's `EncodingError` for a number that is not finite.
    /// - Complexity: O(*v*) for *v* values in the tree.
    public func encode(to encoder: Encoder) throws {
        switch self {
        case .string(let text):
            var container = encoder.singleValueContainer()
            try container.encode(text)
        case .number(let value):
            var container = encoder.singleValueContainer()
            if let value { try container.encode(value) } else { try container.encodeNil() }
        case .integer(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .bool(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .array(let items):
            var container = encoder.unkeyedContainer()
            for item in items { try container.encode(item) }
        case .object(let fields):
            var container = encoder.container(keyedBy: Key.self)
            for (name, value) in fields { try container.encode(value, forKey: Key(stringValue: name)) }
        }
    }

    /// Whether two values are the same JSON: objects compare their fields in order.
    /// - Parameters:
    ///   - a: a value.
    ///   - b: another value.
    /// - Returns: `true` when they are equal.
    /// - Complexity: O(*v*) for *v* values in the smaller tree.
    public static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.string(let x), .string(let y)): x == y
        case (.number(let x), .number(let y)): x == y
        case (.integer(let x), .integer(let y)): x == y
        case (.bool(let x), .bool(let y)): x == y
        case (.array(let x), .array(let y)): x == y
        case (.object(let x), .object(let y)): x.map(\.0) == y.map(\.0) && x.map(\.1) == y.map(\.1)
        default: false
        }
    }

    /// The value as pretty-printed JSON text with sorted keys and a final newline.
    /// - Throws: ``/DiploGraph/ValueError`` when it holds a number that is not finite.
    /// - Complexity: O(*v*) for *v* values, plus sorting each object's keys.
    public func text() throws(ValueError) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
        } catch {
            throw ValueError("cannot write JSON: \(error)")
        }
    }
}
