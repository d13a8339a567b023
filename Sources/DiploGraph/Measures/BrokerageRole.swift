/// The five Gould–Fernandez brokerage roles and their total.
public enum BrokerageRole: Int, Sendable, CaseIterable {
    /// i → j → k all in one group (sna `w_I`).
    case coordinator
    /// i and k share a group, the broker j is outside it (sna `w_O`).
    case itinerant
    /// i and j share a group, k is outside (sna `b_IO`).
    case representative
    /// j and k share a group, i is outside (sna `b_OI`).
    case gatekeeper
    /// i, j and k are in three different groups (sna `b_O`).
    case liaison
    /// All brokered pairs (sna `t`).
    case total

    /// The measure of the role's count: ``Measure/coordinator`` … ``Measure/liaison``, and
    /// ``Measure/brokerage`` for ``total``.
    /// - Complexity: O(1).
    public var measure: Measure {
        switch self {
        case .coordinator: .coordinator
        case .itinerant: .itinerant
        case .representative: .representative
        case .gatekeeper: .gatekeeper
        case .liaison: .liaison
        case .total: .brokerage
        }
    }

    /// The measure of the role's z-score: ``Measure/coordinatorZ`` … ``Measure/liaisonZ``, and
    /// ``Measure/brokerageZ`` for ``total``.
    /// - Complexity: O(1).
    public var zScoreMeasure: Measure {
        switch self {
        case .coordinator: .coordinatorZ
        case .itinerant: .itinerantZ
        case .representative: .representativeZ
        case .gatekeeper: .gatekeeperZ
        case .liaison: .liaisonZ
        case .total: .brokerageZ
        }
    }
}
