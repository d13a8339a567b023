/// Gould–Fernandez brokerage scores of every node of a slice graph.
///
/// The counts are computed when the value is made and read by role (``subscript(_:)``); the
/// z-scores only when asked for (``zScores(for:)``), since most callers want counts and the null
/// model is extra work. Both are ``NodeValues``, indexed by the graph's ``NodeIndex``.
public struct Brokerage: Sendable {
    /// `counts[role.rawValue][v]`: how many ordered pairs node v brokers in each role; read
    /// through the subscript by role.
    package let counts: [[Double]]
    /// The group of each node, as given.
    let groups: [GroupIndex]
    /// The number of nodes and of arcs of the directed adjacency (an undirected edge is two).
    let nodeCount: Int
    let arcCount: Int

    /// `zScores[role.rawValue][v]`: the count's z-score against sna's null model, or `nil`
    /// where the null model's standard deviation is zero (or undefined).
    /// - Complexity: O(*n* + *s*²) for *n* nodes and *s* distinct group sizes (*s* ≤ √(2*n*)).
    package var zScores: [[Double?]] {
        let model = BrokerageNullModel(groups: groups, nodeCount: nodeCount, arcCount: arcCount)
        return BrokerageRole.allCases.map { model.zScores(counts[$0.rawValue], role: $0) }
    }

    /// The counts of one role: how many ordered pairs each node brokers in it, by ``NodeIndex``.
    ///
    /// ```swift
    /// let brokerage = try slice.graph.brokerage(groups: network.groupIndices(of: slice))
    /// let liaisons = brokerage[.liaison]
    /// if let node = slice.node(of: moon) { print(liaisons[node]) }
    /// ```
    /// - Parameter role: the Gould–Fernandez role (``BrokerageRole/total`` for all of them).
    /// - Complexity: O(1).
    public subscript(role: BrokerageRole) -> NodeValues<Double> { NodeValues(counts[role.rawValue]) }

    /// The z-scores of one role, by ``NodeIndex``.
    /// - Complexity: O(*n* + *s*²) for *n* nodes and *s* distinct group sizes.
    /// - Parameter role: the Gould–Fernandez role.
    /// - Returns: one z-score per node, `nil` where the null model's standard deviation is zero
    ///   or not finite.
    public func zScores(for role: BrokerageRole) -> NodeValues<Double?> {
        NodeValues(zScoreValues(for: role))
    }

    /// ``zScores(for:)`` as an array in node order.
    package func zScoreValues(for role: BrokerageRole) -> [Double?] {
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
    /// - Parameter groups: the group of each node, by node index: a slice's
    ///   ``SlicedNetwork/groupIndices(of:)``, or any grouping (only which nodes share a group
    ///   matters).
    /// - Returns: counts by role, then node index; z-scores when asked for.
    /// - Throws: ``ValueError`` unless there is exactly one group per node.
    /// - Complexity: O(*n* + *m* + Σ_j indeg(j)·outdeg(j)) time, at most O(*n* *d*²) for
    ///   largest degree *d*; O(*n*) extra memory.
    public func brokerage(groups: [GroupIndex]) throws(ValueError) -> Brokerage {
        guard groups.count == nodeCount else { throw ValueError("\(groups.count) groups for \(nodeCount) nodes: give one group per node") }
        return brokerage(validGroups: groups)
    }

    /// ``brokerage(groups:)`` for groups known to match the nodes.
    package func brokerage(validGroups groups: [GroupIndex]) -> Brokerage {
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

extension SliceGraph {
    /// The total brokerage counts alone, ``BrokerageRole/total`` of ``brokerage(groups:)``
    /// without the roles, which the total does not need.
    ///
    /// Node j brokers indeg(j) · outdeg(j) ordered pairs i → j → k, less those with k = i
    /// (j → i) and those with i → k. So each tie i → j adds outdeg(j) − [j → i] − |N⁺(i) ∩ N⁺(j)|
    /// to j's count. While the graph's successor sets fit in `bitsetWords` 64-bit words they are
    /// kept as bit rows, and the intersection is a population count of ⌈*n* / 64⌉ words, with no
    /// branch on the data; beyond that, the totals are the roles' (``brokerage(groups:)``) with
    /// every node in one group.
    /// - Parameter bitsetWords: the most words the bit rows may take (⌈*n* / 64⌉ · *n*).
    /// - Returns: one count per node, by node index; equal to `brokerage(groups:)[.total]`.
    /// - Complexity: O(*n*²/64 + *m* · *n*/64) time and O(*n*²/64) memory with bit rows; otherwise
    ///   that of ``brokerage(groups:)``.
    package func brokerageTotals(bitsetWords: Int = 1 << 15) -> [Double] {
        let n = nodeCount
        let words = (n + 63) / 64
        // Beyond the bit rows, the roles' count with one group: every path is a coordinator's,
        // so its role costs no misjudged branch.
        guard words * n <= bitsetWords else {
            return brokerage(validGroups: Array(repeating: GroupIndex(unchecked: 0), count: n)).counts[BrokerageRole.total.rawValue]
        }
        var totals = [Int](repeating: 0, count: n)
        let bits = UnsafeMutablePointer<UInt64>.allocate(capacity: Swift.max(1, words * n))
        defer { bits.deallocate() }
        bits.initialize(repeating: 0, count: words * n)
        outOffsets.withUnsafeBufferPointer { offsets in
            outNeighbors.withUnsafeBufferPointer { neighbors in
                totals.withUnsafeMutableBufferPointer { totals in
                    for i in 0..<n {
                        for slot in Int(offsets[i])..<Int(offsets[i &+ 1]) {
                            let k = Int(neighbors[slot])
                            bits[i &* words &+ k >> 6] |= 1 << UInt64(k & 63)
                        }
                    }
                    for i in 0..<n {
                        let rowI = bits + i &* words
                        let wordI = i >> 6, bitI = UInt64(i & 63)
                        for slot in Int(offsets[i])..<Int(offsets[i &+ 1]) {
                            let j = Int(neighbors[slot])
                            let rowJ = bits + j &* words
                            var brokered = Int(offsets[j &+ 1] &- offsets[j]) &- Int((rowJ[wordI] >> bitI) & 1)
                            for w in 0..<words { brokered &-= (rowI[w] & rowJ[w]).nonzeroBitCount }
                            totals[j] &+= brokered
                        }
                    }
                }
            }
        }
        return totals.map(Double.init)
    }
}
