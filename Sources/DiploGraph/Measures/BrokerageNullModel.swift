/// sna's null model for brokerage: expectations and standard deviations by group size.
///
/// Every quantity sna sums over "the other groups" depends only on the broker's group size
/// n_i and on the multiset of group sizes, so it is computed once per distinct size, over
/// the distinct sizes with their multiplicities (one fewer of the broker's own size).
struct BrokerageNullModel {
    /// Expectation and standard deviation of each role, by distinct group size.
    private var expectation: [Int: [Double]] = [:]
    private var deviation: [Int: [Double]] = [:]
    /// The size of each node's group, by node.
    private var sizeOfNode: [Int] = []

    init(groups: [GroupIndex], nodeCount n: Int, arcCount: Int) {
        guard n > 1 else { return }
        var sizeOfGroup: [GroupIndex: Int] = [:]
        for g in groups { sizeOfGroup[g, default: 0] += 1 }
        sizeOfNode = groups.map { sizeOfGroup[$0]! }
        var multiplicity: [Int: Int] = [:]
        for size in sizeOfGroup.values { multiplicity[size, default: 0] += 1 }
        // Sizes in a fixed order, so sums are added in the same order every run.
        let sizes = multiplicity.keys.sorted()
        let N = Double(n)
        let d = Double(arcCount) / (N * (N - 1))
        let q = d * d * (1 - d)
        let cubic = d * d * d * (1 - d) * (1 - d) * (1 - d)
        func choose2(_ x: Double) -> Double { x * (x - 1) / 2 }
        for own in sizes {
            let ni = Double(own)
            // Σ over the other groups g of n_g(n_g − 1), n_g(n_g − 1)(n_g − 2), n_g², n_g·C(N − n_g − n_i, 2).
            var pairs = 0.0, triples = 0.0, squares = 0.0, liaisonPairs = 0.0
            for size in sizes {
                let count = Double(multiplicity[size]! - (size == own ? 1 : 0))
                if count == 0 { continue }
                let ng = Double(size)
                pairs += count * (ng * (ng - 1))
                triples += count * (ng * (ng - 1) * (ng - 2))
                squares += count * (ng * ng)
                liaisonPairs += count * (ng * choose2(N - ng - ni))
            }
            let sumOthers = N - ni
            var e = [Double](repeating: 0, count: 6), v = [Double](repeating: 0, count: 6)
            e[0] = q * (ni - 1) * (ni - 2)
            v[0] = e[0] * (1 - q) + 2 * (ni - 1) * (ni - 2) * (ni - 3) * cubic
            e[1] = q * pairs
            v[1] = e[1] * (1 - q) + 2 * triples * cubic
            e[2] = q * (N - ni) * (ni - 1)
            v[2] = e[2] * (1 - q) + 2 * ((ni - 1) * choose2(N - ni) + (N - ni) * choose2(ni - 1)) * cubic
            e[3] = e[2]
            v[3] = v[2]
            e[4] = q * (sumOthers * sumOthers - squares)
            v[4] = e[4] * (1 - q) + 4 * liaisonPairs * cubic
            e[5] = q * (N - 1) * (N - 2)
            v[5] = e[5] * (1 - q) + 2 * (N - 1) * (N - 2) * (N - 3) * cubic
            expectation[own] = e
            deviation[own] = v.map { $0.squareRoot() }
        }
    }

    /// z = (count − E) / sd for each node, `nil` where sd is zero or not finite.
    func zScores(_ counts: [Double], role: BrokerageRole) -> [Double?] {
        guard !sizeOfNode.isEmpty else { return [Double?](repeating: nil, count: counts.count) }
        // Per distinct size, so the loop over nodes does no hashing.
        var e: [Int: Double] = [:], sd: [Int: Double] = [:]
        for (size, values) in expectation { e[size] = values[role.rawValue]; sd[size] = deviation[size]![role.rawValue] }
        var lastSize = -1, lastE = 0.0, lastSD = 0.0
        return counts.indices.map { v in
            let size = sizeOfNode[v]
            if size != lastSize { (lastSize, lastE, lastSD) = (size, e[size]!, sd[size]!) }
            guard lastSD > 0 && lastSD.isFinite else { return nil }
            return (counts[v] - lastE) / lastSD
        }
    }
}
