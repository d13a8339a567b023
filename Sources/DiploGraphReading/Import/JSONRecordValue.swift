/// One JSON value as ``JSONRecordReader`` reads it.
///
/// Numbers keep their text (`2016`, `1e3`): event records use them as ids or codes, never for
/// arithmetic. Object members keep their order; a name given twice keeps its first value when
/// looked up with ``subscript(_:)``.
public enum JSONRecordValue: Sendable, Equatable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number, as written.
    case number(String)
    /// A string, escapes resolved.
    case string(String)
    /// An array.
    case array([JSONRecordValue])
    /// An object's members in file order.
    case object([(name: String, value: JSONRecordValue)])

    /// Whether two values are the same JSON, member order included.
    /// - Parameters:
    ///   - a: a value.
    ///   - b: another value.
    /// - Returns: `true` when both are the same kind with equal contents.
    /// - Complexity: O(*n*) for *n* nested values.
    public static func == (a: JSONRecordValue, b: JSONRecordValue) -> Bool {
        switch (a, b) {
        case (.null, .null): true
        case (.bool(let x), .bool(let y)): x == y
        case (.number(let x), .number(let y)): x == y
        case (.string(let x), .string(let y)): x == y
        case (.array(let x), .array(let y)): x == y
        case (.object(let x), .object(let y)): x.map(\.name) == y.map(\.name) && x.map(\.value) == y.map(\.value)
        default: false
        }
    }

    /// The first member called `name` of an object; `nil` for a missing member or a value that
    /// is not an object.
    /// - Parameter name: the member's name.
    /// - Complexity: O(*m*) for *m* members.
    public subscript(_ name: String) -> JSONRecordValue? {
        guard case .object(let members) = self else { return nil }
        return members.first(where: { $0.name == name })?.value
    }

    /// A short name of the value's type for messages: `a string`, `an object`, ...
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "a list"
        case .object: "an object"
        }
    }
}
