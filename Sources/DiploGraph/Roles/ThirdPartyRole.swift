/// A third party's role towards a dyad in one slice.
public enum ThirdPartyRole: String, Sendable {
    /// The third party draws the sides together (score above +0.1).
    case facilitating
    /// The third party drives them apart (score below −0.1).
    case spoiling
    /// Neither (score within ±0.1).
    case neutral

    /// `facilitating` above +0.1, `spoiling` below −0.1, `neutral` between.
    /// - Complexity: O(1).
    /// - Parameter score: the third party's role score (see ``ThirdPartyRoles``).
    public init(score: Double) {
        self = score > 0.1 ? .facilitating : (score < -0.1 ? .spoiling : .neutral)
    }
}
