/// Someone who acts in events: a person, a government, an organisation.
public struct Actor: Sendable, Hashable {
    /// The id events use; case-sensitive, any non-empty text.
    public package(set) var id: String
    /// What diagrams and tables show.
    public package(set) var label: String
    /// The side the actor belongs to (a state, a bloc, an organisation).
    public package(set) var group: String
    /// A short label for figures where space is tight (the grid's panels), from the actors
    /// file's optional `short` column; `nil` when there is none.
    public package(set) var shortLabel: String?

    /// An actor with its label and group.
    /// - Throws: ``ValueError`` when `id` or `group` is empty.
    /// - Complexity: O(1).
    /// - Parameters:
    ///   - id: the id events use; not empty.
    ///   - label: what diagrams and tables show (may be empty; readers put the id there).
    ///   - group: the side the actor belongs to; not empty.
    ///   - shortLabel: a short label for tight figures (the grid), or `nil`; an empty one counts as none.
    public init(id: String, label: String, group: String, shortLabel: String? = nil) throws(ValueError) {
        guard !id.isEmpty else { throw ValueError("an actor's id must not be empty") }
        guard !group.isEmpty else { throw ValueError("actor '\(id)': its group must not be empty") }
        self.id = id
        self.label = label
        self.group = group
        self.shortLabel = shortLabel.flatMap { $0.isEmpty ? nil : $0 }
    }
}

extension Actor {
    /// An actor that is its own label and group; `id` is not empty (the readers check).
    init(unchecked id: String) {
        self.id = id
        self.label = id
        self.group = id
    }
}
