/// A type of interaction: an edge kind with its polarity and how diagrams draw it.
public struct Kind: Sendable, Hashable {
    /// Whether an interaction of this kind draws the sides together or apart.
    public enum Polarity: Int, Sendable, Hashable {
        case conflictual = -1, neutral = 0, cooperative = 1
    }

    /// Line styles Graphviz draws; nothing else reaches the DOT.
    public enum LineStyle: String, Sendable, Hashable, CaseIterable {
        case solid, dashed, dotted, bold
        /// Two parallel lines (Graphviz draws a colour list `c:invis:c` as two lines).
        case double
    }

    public package(set) var id: String
    public package(set) var polarity: Polarity
    public package(set) var label: String
    /// A colour as `#rrggbb`, checked on input.
    public package(set) var color: String
    public package(set) var style: LineStyle

    /// A kind of interaction.
    ///
    /// - Parameters:
    ///   - id: the id events use; not empty.
    ///   - polarity: cooperative, conflictual or neutral.
    ///   - label: what legends show.
    ///   - color: `#rrggbb`, or the polarity's default.
    ///   - style: the line style, or solid (dashed for conflictual kinds).
    /// - Throws: ``ValueError`` for an empty id or a colour that is not `#rrggbb`.
    public init(id: String, polarity: Polarity, label: String, color: String? = nil, style: LineStyle? = nil) throws(ValueError) {
        guard !id.isEmpty else { throw ValueError("a kind's id must not be empty") }
        if let color { try ValueError.checkColor(color) }
        self.id = id
        self.polarity = polarity
        self.label = label
        self.color = color ?? Kind.defaultColor(for: polarity)
        self.style = style ?? (polarity == .conflictual ? .dashed : .solid)
    }

    static func defaultColor(for polarity: Polarity) -> String {
        switch polarity {
        case .cooperative: "#1b7837"
        case .conflictual: "#c0392b"
        case .neutral: "#555555"
        }
    }

    /// The three kinds every dataset has: Okabe–Ito colours (safe for colour-blind readers),
    /// each with its own line pattern so that they stay apart when printed in grey.
    public static let builtIn: [Kind] = [
        Kind(checked: "mediation", polarity: .cooperative, label: "Mediation", color: "#0072b2", style: .solid),
        Kind(checked: "summit", polarity: .cooperative, label: "Summit / meeting", color: "#009e73", style: .double),
        Kind(checked: "pressure", polarity: .conflictual, label: "Pressure", color: "#d55e00", style: .dashed),
    ]

    /// A kind from values known to be valid (the built-in ones).
    private init(checked id: String, polarity: Polarity, label: String, color: String, style: LineStyle) {
        self.id = id
        self.polarity = polarity
        self.label = label
        self.color = color
        self.style = style
    }
}

/// The kinds a dataset knows: the built-in three and those of a kinds file, in that order.
public struct KindTable: Sendable {
    public package(set) var kinds: [Kind]
    private var indexByID: [String: Int32]

    /// The built-in kinds only.
    public init() {
        kinds = []
        indexByID = [:]
        for kind in Kind.builtIn { declare(kind) }
    }

    /// Adds a kind, or replaces the one with the same id.
    public mutating func declare(_ kind: Kind) {
        if let index = indexByID[kind.id] {
            kinds[Int(index)] = kind
        } else {
            indexByID[kind.id] = Int32(kinds.count)
            kinds.append(kind)
        }
    }

    public func index(of id: String) -> Int32? { indexByID[id] }

    public subscript(index: Int32) -> Kind { kinds[Int(index)] }

    public var count: Int { kinds.count }

    /// The known ids, for error messages.
    public var knownIDs: String { kinds.map(\.id).joined(separator: ", ") }
}
