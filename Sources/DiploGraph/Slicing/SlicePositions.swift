/// Where each slice of one network stands in ``SlicedNetwork/slices``, so that results stored
/// by slice position can be read by ``Slice``: a slice of another network has no position.
package struct SlicePositions: Sendable {
    /// The network's token, which its slices carry.
    private let token: SlicedNetwork.Token
    /// The position of each slice by its label (labels are unique within a network).
    private let positionByLabel: [String: Int]

    /// The positions of `network`'s slices.
    /// - Complexity: O(*s*) for *s* slices.
    package init(_ network: SlicedNetwork) {
        token = network.token
        var positions: [String: Int] = [:]
        for (position, slice) in network.slices.enumerated() where positions[slice.label] == nil {
            positions[slice.label] = position
        }
        positionByLabel = positions
    }

    /// The position of `slice` in its network's slices, or `nil` when it is not a slice of that network.
    /// - Complexity: O(1) expected.
    package func position(of slice: Slice) -> Int? {
        slice.owner == token ? positionByLabel[slice.label] : nil
    }
}
