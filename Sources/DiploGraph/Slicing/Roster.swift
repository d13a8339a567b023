/// Who is a node of a slice graph.
public enum Roster: String, Sendable, CaseIterable {
    /// The actors of the slice's selected events.
    case active
    /// Every known actor, the inactive ones as isolates.
    case all
}
