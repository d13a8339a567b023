/// A type of interaction: an edge kind with its polarity and how diagrams draw it.
public struct Kind: Sendable, Hashable {
    /// Whether an interaction of this kind draws the sides together or apart.
    public enum Polarity: Int, Sendable, Hashable {
        /// −1: the interaction sets the sides against each other (pressure, sanctions).
        case conflictual = -1
        /// 0: neither (talks without a result).
        case neutral = 0
        /// +1: the interaction draws the sides together (summits, mediation).
        case cooperative = 1

        /// `cooperative`, `conflictual` or `neutral`, as messages name it.
        var name: String {
            switch self {
            case .conflictual: "conflictual"
            case .neutral: "neutral"
            case .cooperative: "cooperative"
            }
        }
    }

    /// Line styles Graphviz draws; nothing else reaches the DOT.
    public enum LineStyle: String, Sendable, Hashable, CaseIterable {
        /// A plain line.
        case solid
        /// A dashed line.
        case dashed
        /// A dotted line.
        case dotted
        /// A thick line.
        case bold
        /// Two parallel lines (Graphviz draws a colour list `c:invis:c` as two lines).
        case double
    }

    /// The id events use.
    public package(set) var id: String
    /// Whether the kind draws sides together or apart.
    public package(set) var polarity: Polarity
    /// What legends show.
    public package(set) var label: String
    /// A colour as `#rrggbb`, checked on input.
    public package(set) var color: String
    /// How diagrams draw the kind's edges.
    public package(set) var style: LineStyle
    /// Whether an act of this kind has no direction (a meeting): diagrams draw it without an
    /// arrowhead. The built-in `summit` is symmetric; a kinds file declares others in its
    /// `symmetric` column.
    public package(set) var isSymmetric = false

    /// A kind of interaction.
    ///
    /// - Parameters:
    ///   - id: the id events use; not empty.
    ///   - polarity: cooperative, conflictual or neutral.
    ///   - label: what legends show.
    ///   - color: `#rrggbb`, or the polarity's default.
    ///   - style: the line style, or solid (dashed for conflictual kinds).
    ///   - isSymmetric: whether the kind's acts have no direction (meetings).
    /// - Throws: ``ValueError`` for an empty id or a colour that is not `#rrggbb`.
    /// - Complexity: O(1).
    public init(id: String, polarity: Polarity, label: String, color: String? = nil, style: LineStyle? = nil,
                isSymmetric: Bool = false) throws(ValueError) {
        guard !id.isEmpty else { throw ValueError("a kind's id must not be empty") }
        if let color { try ValueError.checkColor(color) }
        self.id = id
        self.polarity = polarity
        self.label = label
        self.color = color ?? Kind.defaultColor(for: polarity)
        self.style = style ?? (polarity == .conflictual ? .dashed : .solid)
        self.isSymmetric = isSymmetric
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
        Kind(checked: "summit", polarity: .cooperative, label: "Summit / meeting", color: "#009e73", style: .double, isSymmetric: true),
        Kind(checked: "pressure", polarity: .conflictual, label: "Pressure", color: "#d55e00", style: .dashed),
    ]

    /// The built-in `mediation` kind, at ``KindTable/mediation`` in every table: compare kind
    /// ids with its ``id`` rather than with a string.
    public static var mediation: Kind { builtIn[KindTable.mediation.position] }
    /// The built-in `summit` kind, at ``KindTable/summit`` in every table.
    public static var summit: Kind { builtIn[KindTable.summit.position] }
    /// The built-in `pressure` kind, at ``KindTable/pressure`` in every table.
    public static var pressure: Kind { builtIn[KindTable.pressure.position] }

    /// A kind from values known to be valid (the built-in ones).
    private init(checked id: String, polarity: Polarity, label: String, color: String, style: LineStyle, isSymmetric: Bool = false) {
        self.isSymmetric = isSymmetric
        self.id = id
        self.polarity = polarity
        self.label = label
        self.color = color
        self.style = style
    }
}
