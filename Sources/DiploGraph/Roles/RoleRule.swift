/// How a third party's stances towards the two sides of a dyad combine into one score.
public enum RoleRule: String, Sendable, CaseIterable {
    /// score = min(σ(T,A), σ(T,B)): a third party facilitates only when it cooperates with
    /// both sides; conflict with either side spoils (Obstfeld's *tertius iungens*, the
    /// broker who joins, needs ties to both).
    case min
    /// score = σ(T,A) · σ(T,B): Heider's balance: positive to both, or negative to both,
    /// pulls the sides together; positive to one and negative to the other pulls them apart.
    case balance
    /// score = σ_about(T; A,B) = Σ polarity·weight / Σ weight over T's acts whose `about` is
    /// the relationship {A, B}, whatever their target: what T does *about* the relationship
    /// itself, where `min` and `balance` score how T deals with each side. An act that
    /// hinders the relationship (no exemption for a joint project, say) spoils it even from
    /// a third party on good terms with both sides: Stedman's spoilers.
    case stance

    /// Whether the rule scores T's dealings with each side (`min`, `balance`) rather than its
    /// acts about the relationship (`stance`).
    public var isTone: Bool { self != .stance }
}
