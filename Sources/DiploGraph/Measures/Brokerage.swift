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

/// Gould–Fernandez brokerage scores of every node of a slice graph.
///
/// The counts are computed when the value is made; the z-scores only when asked for
/// (``zScores(for:)``), since most callers want counts and the null model is extra work.
public struct Brokerage: Sendable {
    /// `counts[role.rawValue][v]`: how many ordered pairs node v brokers in each role.
    public let counts: [[Double]]
    /// The group of each node, as given.
    let groups: [Int]
    /// The number of nodes and of arcs of the directed adjacency (an undirected edge is two).
    let nodeCount: Int
    let arcCount: Int

    /// `zScores[role.rawValue][v]`: the count's z-score against sna's null model, or `nil`
    /// where the null model's standard deviation is zero (or undefined).
    /// - Complexity: O(*n* + *s*²) for *n* nodes and *s* distinct group sizes (*s* ≤ √(2*n*)).
    public var zScores: [[Double?]] {
        let model = BrokerageNullModel(groups: groups, nodeCount: nodeCount, arcCount: arcCount)
        return BrokerageRole.allCases.map { model.zScores(counts[$0.rawValue], role: $0) }
    }

    /// The counts of one role: ``counts`` for `role`.
    /// - Parameter role: the Gould–Fernandez role (``BrokerageRole/total`` for all of them).
    /// - Returns: one count per node, indexed like the graph's nodes.
    /// - Complexity: O(1).
    public func counts(for role: BrokerageRole) -> [Double] { counts[role.rawValue] }

    /// The counts of one role, one per node indexed like the graph's nodes: ``counts(for:)``.
    ///
    /// ```swift
    /// let brokerage = try slice.graph.brokerage(groups: groups)
    /// let liaisons = brokerage[.liaison]
    /// ```
    /// - Parameter role: the Gould–Fernandez role (``BrokerageRole/total`` for all of them).
    /// - Complexity: O(1).
    public subscript(role: BrokerageRole) -> [Double] { counts[role.rawValue] }

    /// The z-scores of one role: ``zScores`` for `role` alone.
    /// - Complexity: O(*n* + *s*²) for *n* nodes and *s* distinct group sizes.
    /// - Parameter role: the Gould–Fernandez role.
    /// - Returns: one z-score per node, `nil` where the null model's standard deviation is zero
    ///   or not finite.
    public func zScores(for role: BrokerageRole) -> [Double?] {
        BrokerageNullModel(groups: groups, nodeCount: nodeCount, arcCount: arcCount).zScores(counts[role.rawValue], role: role)
    }
}

extension SliceGraph {
    /// Gould–Fernandez brokerage counts (and, on demand, z-scores), as R `sna::brokerage(g, cl)`.
    ///
    /// Counted on the directed adjacency, presence only (weights ignored): node j brokers the
    /// ordered pair (i, k), all distinct, when i → j, j → k and not i → k. The role depends
    /// on which of i, j, k share a group (see ``BrokerageRole``). An undirected graph is read
    /// as its symmetric adjacency: counts double and representative = gatekeeper.
    ///
    /// The z-scores compare each count with its expectation under sna's Bernoulli null model
    /// of the same density d = m / (N(N−1)), using sna's variances; group sizes are counted
    /// among the slice's nodes.
    ///
    /// Each source i marks its successors once; then every two-step path i → j → k is looked
    /// at once, and counted for j unless k is i or marked. No step depends on the number of
    /// groups.
    ///
    /// Gould, R. V. & Fernandez, R. M. (1989). Structures of mediation: a formal approach to
    /// brokerage in transaction networks. *Sociological Methodology* 19, 89–126.
    /// Butts, C. T. (2008). Social network analysis with sna. *Journal of Statistical
    /// Software* 24(6).
    ///
    /// - Parameter groups: the group of each node, by node index (any integers).
    /// - Returns: counts by role, then node index; z-scores when asked for.
    /// - Throws: ``ValueError`` unless there is exactly one group per node.
    /// - Complexity: O(*n* + *m* + Σ_j indeg(j)·outdeg(j)) time, at most O(*n* *d*²) for
    ///   largest degree *d*; O(*n*) extra memory.
    public func brokerage(groups: [Int]) throws(ValueError) -> Brokerage {
        guard groups.count == nodeCount else { throw ValueError("\(groups.count) groups for \(nodeCount) nodes: give one group per node") }
        return brokerage(validGroups: groups)
    }

    /// ``brokerage(groups:)`` for groups known to match the nodes.
    package func brokerage(validGroups groups: [Int]) -> Brokerage {
        let n = nodeCount
        // One flat row per role: counts[role * n + j].
        var flat = [Double](repeating: 0, count: 6 * n)
        var isSuccessorOfI = [Bool](repeating: false, count: n)
        outOffsets.withUnsafeBufferPointer { offsets in
            outNeighbors.withUnsafeBufferPointer { neighbors in
                groups.withUnsafeBufferPointer { groups in
                    flat.withUnsafeMutableBufferPointer { counts in
                        isSuccessorOfI.withUnsafeMutableBufferPointer { marked in
                            for i in 0..<n {
                                let row = Int(offsets[i])..<Int(offsets[i + 1])
                                if row.isEmpty { continue }
                                for slot in row { marked[Int(neighbors[slot])] = true }
                                let gi = groups[i]
                                for slot in row {
                                    let j = Int(neighbors[slot])
                                    let gj = groups[j]
                                    var brokered = 0
                                    for next in Int(offsets[j])..<Int(offsets[j + 1]) {
                                        let k = Int(neighbors[next])
                                        if k == i || marked[k] { continue }
                                        let gk = groups[k]
                                        let role: BrokerageRole
                                        if gi == gj {
                                            role = gj == gk ? .coordinator : .representative
                                        } else if gi == gk {
                                            role = .itinerant
                                        } else {
                                            role = gj == gk ? .gatekeeper : .liaison
                                        }
                                        counts[role.rawValue &* n &+ j] += 1
                                        brokered += 1
                                    }
                                    counts[BrokerageRole.total.rawValue &* n &+ j] += Double(brokered)
                                }
                                for slot in row { marked[Int(neighbors[slot])] = false }
                            }
                        }
                    }
                }
            }
        }
        let counts = (0..<6).map { role in Array(flat[(role * n)..<((role + 1) * n)]) }
        return Brokerage(counts: counts, groups: groups, nodeCount: n, arcCount: outNeighbors.count)
    }
}

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

    init(groups: [Int], nodeCount n: Int, arcCount: Int) {
        guard n > 1 else { return }
        var sizeOfGroup: [Int: Int] = [:]
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
