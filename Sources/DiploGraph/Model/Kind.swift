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

/// The kinds a dataset knows: the built-in three and those of a kinds file, in that order.
public struct KindTable: Sendable {
    /// The kinds, in index order.
    public package(set) var kinds: [Kind]
    private var indexByID: [String: KindIndex]

    /// The built-in kinds only, at the indices ``mediation``, ``summit`` and ``pressure``.
    /// - Complexity: O(1) (the three built-in kinds).
    public init() {
        kinds = Kind.builtIn
        indexByID = [:]
        for (position, kind) in kinds.enumerated() { indexByID[kind.id] = KindIndex(unchecked: Int32(position)) }
    }

    /// The built-in `mediation` kind: a third party working on a relationship. Its events may
    /// name the relationship in `about`, and the slicer adds relay legs for them. The same index
    /// in every table, since every table starts with the built-in kinds.
    public static let mediation = KindIndex(unchecked: 0)
    /// The built-in `summit` kind (a meeting), the same index in every table.
    public static let summit = KindIndex(unchecked: 1)
    /// The built-in `pressure` kind (conflictual), the same index in every table.
    public static let pressure = KindIndex(unchecked: 2)

    /// Whether `index` is one of the built-in kinds (``mediation``, ``summit``, ``pressure``).
    /// - Parameter index: a kind index.
    /// - Returns: `true` for the built-in kinds' indices.
    /// - Complexity: O(1).
    public static func isBuiltIn(_ index: KindIndex) -> Bool { index.position < Kind.builtIn.count }

    /// Adds a kind, or replaces the one with the same id.
    ///
    /// A built-in kind may be redeclared with another label, colour or style, but not with
    /// another polarity: its meaning (mediation cooperative, pressure conflictual) is fixed.
    /// - Parameter kind: the kind to add or replace.
    /// - Returns: the kind's index (the replaced kind's, when the id was known).
    /// - Throws: ``ValueError`` when `kind` redeclares a built-in kind with another polarity
    ///   (the table is unchanged).
    /// - Complexity: O(1) amortised.
    @discardableResult
    public mutating func declare(_ kind: Kind) throws(ValueError) -> KindIndex {
        if let index = indexByID[kind.id] {
            let known = kinds[index.position]
            if Self.isBuiltIn(index), known.polarity != kind.polarity {
                throw ValueError("kind '\(kind.id)' is built in as \(known.polarity.name): it cannot be redeclared as \(kind.polarity.name)")
            }
            kinds[index.position] = kind
            return index
        }
        let index = KindIndex(unchecked: Int32(kinds.count))
        indexByID[kind.id] = index
        kinds.append(kind)
        return index
    }

    /// The index of the kind with `id`, or `nil`.
    /// - Complexity: O(1) expected.
    /// - Parameter id: a kind id.
    public func index(of id: String) -> KindIndex? { indexByID[id] }

    /// The kind at `index`, which must come from this table (the readers' and the slicer's
    /// indices do); the public way in is ``kind(at:)``, which checks.
    /// - Complexity: O(1).
    /// - Parameter index: an index from this table.
    package subscript(index: KindIndex) -> Kind { kinds[index.position] }

    /// The kind at `index`, or `nil` when `index` is not below ``count``.
    /// - Complexity: O(1).
    /// - Parameter index: a kind index.
    public func kind(at index: KindIndex) -> Kind? { index.position < kinds.count ? kinds[index.position] : nil }

    /// The number of kinds.
    public var count: Int { kinds.count }

    /// The known ids, for error messages.
    public var knownIDs: String { kinds.map(\.id).joined(separator: ", ") }
}

/// The kinds of one polarity, selected together: every cooperative, conflictual or neutral kind
/// of a dataset.
public enum KindLayer: String, Sendable, Hashable, CaseIterable {
    /// Every kind whose polarity is cooperative.
    case cooperative
    /// Every kind whose polarity is conflictual.
    case conflictual
    /// Every kind whose polarity is neutral.
    case neutral

    /// The polarity the layer's kinds share.
    public var polarity: Kind.Polarity {
        switch self {
        case .cooperative: .cooperative
        case .conflictual: .conflictual
        case .neutral: .neutral
        }
    }
}

extension KindTable {
    /// The ids of the kinds in `layer`, in index order.
    /// - Parameter layer: the polarity to select.
    /// - Returns: the ids of every kind of that polarity (empty when there is none).
    /// - Complexity: O(*k*) for *k* kinds.
    public func ids(in layer: KindLayer) -> [String] {
        kinds.filter { $0.polarity == layer.polarity }.map(\.id)
    }

    /// Replaces the layer names `cooperative`, `conflictual` and `neutral` in `names` by the ids
    /// of their kinds (``ids(in:)``); a kind declared with such an id keeps its meaning, and every
    /// other name is kept as it is (unknown names included: ``index(of:)`` tells them).
    /// - Parameter names: kind ids and layer names.
    /// - Returns: kind ids (and any unknown names of `names`).
    /// - Complexity: O(*k* · *l*) for *k* kinds and *l* layer names.
    public func expandingLayers(_ names: Set<String>) -> Set<String> {
        var result: Set<String> = []
        for name in names {
            if index(of: name) == nil, let layer = KindLayer(rawValue: name) {
                result.formUnion(ids(in: layer))
            } else {
                result.insert(name)
            }
        }
        return result
    }
}
