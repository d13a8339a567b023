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
