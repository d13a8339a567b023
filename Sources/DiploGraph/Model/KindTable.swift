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
