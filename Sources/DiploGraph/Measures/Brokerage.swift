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

    /// The measure name on the command line and in tables.
    public var measureName: String {
        switch self {
        case .coordinator: "coordinator"
        case .itinerant: "itinerant"
        case .representative: "representative"
        case .gatekeeper: "gatekeeper"
        case .liaison: "liaison"
        case .total: "brokerage"
        }
    }
}

/// Gould–Fernandez brokerage scores of every node of a slice graph.
public struct Brokerage: Sendable {
    /// `counts[role.rawValue][v]`: how many ordered pairs node v brokers in each role.
    public let counts: [[Double]]
    /// `zScores[role.rawValue][v]`: the count's z-score against sna's null model, or `nil`
    /// where the null model's standard deviation is zero (or undefined).
    public let zScores: [[Double?]]
}

extension SliceGraph {
    /// Gould–Fernandez brokerage counts and z-scores, as R `sna::brokerage(g, cl)`.
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
    /// Gould, R. V. & Fernandez, R. M. (1989). Structures of mediation: a formal approach to
    /// brokerage in transaction networks. *Sociological Methodology* 19, 89–126.
    /// Butts, C. T. (2008). Social network analysis with sna. *Journal of Statistical
    /// Software* 24(6).
    ///
    /// - Parameter groups: the group of each node, by node index (any integers).
    /// - Returns: counts and z-scores by role, then node index.
    /// - Throws: ``ValueError`` unless there is exactly one group per node.
    /// - Complexity: O(Σ_j Σ_{i→j} (outdeg(i) + outdeg(j))) time, O(*n*) extra memory.
    public func brokerage(groups: [Int]) throws(ValueError) -> Brokerage {
        guard groups.count == nodeCount else { throw ValueError("\(groups.count) groups for \(nodeCount) nodes: give one group per node") }
        return brokerage(validGroups: groups)
    }

    /// ``brokerage(groups:)`` for groups known to match the nodes.
    func brokerage(validGroups groups: [Int]) -> Brokerage {
        let n = nodeCount
        var counts = [[Double]](repeating: [Double](repeating: 0, count: n), count: 6)
        var isSuccessorOfI = [Bool](repeating: false, count: n)
        for j in 0..<n {
            let gj = groups[j]
            for i32 in predecessors(of: j) {
                let i = Int(i32)
                let gi = groups[i]
                for k in successors(of: i) { isSuccessorOfI[Int(k)] = true }
                for k32 in successors(of: j) {
                    let k = Int(k32)
                    if k == i || isSuccessorOfI[k] { continue }
                    let gk = groups[k]
                    let role: BrokerageRole
                    if gi == gj {
                        role = gj == gk ? .coordinator : .representative
                    } else if gi == gk {
                        role = .itinerant
                    } else {
                        role = gj == gk ? .gatekeeper : .liaison
                    }
                    counts[role.rawValue][j] += 1
                    counts[BrokerageRole.total.rawValue][j] += 1
                }
                for k in successors(of: i) { isSuccessorOfI[Int(k)] = false }
            }
        }
        return Brokerage(counts: counts, zScores: brokerageZScores(counts: counts, groups: groups))
    }

    /// sna's expectations and standard deviations per group, then z = (count − E) / sd.
    private func brokerageZScores(counts: [[Double]], groups: [Int]) -> [[Double?]] {
        let n = nodeCount
        var zScores = [[Double?]](repeating: [Double?](repeating: nil, count: n), count: 6)
        guard n > 1 else { return zScores }
        var sizeOfGroup: [Int: Double] = [:]
        for g in groups { sizeOfGroup[g, default: 0] += 1 }
        let N = Double(n)
        // Arcs of the adjacency: an undirected edge is two arcs, as in the symmetric matrix.
        let arcs = Double(outNeighbors.count)
        let d = arcs / (N * (N - 1))
        let q = d * d * (1 - d)
        let cubic = pow3(d) * pow3(1 - d)
        func choose2(_ x: Double) -> Double { x * (x - 1) / 2 }
        var expectation: [Int: [Double]] = [:]
        var deviation: [Int: [Double]] = [:]
        // Groups in a fixed order, so sums are added in the same order every run.
        let groupIDs = sizeOfGroup.keys.sorted()
        for group in groupIDs {
            let ni = sizeOfGroup[group]!
            let others = groupIDs.filter { $0 != group }.map { sizeOfGroup[$0]! }
            var e = [Double](repeating: 0, count: 6), v = [Double](repeating: 0, count: 6)
            e[0] = q * (ni - 1) * (ni - 2)
            v[0] = e[0] * (1 - q) + 2 * (ni - 1) * (ni - 2) * (ni - 3) * cubic
            e[1] = q * others.reduce(0) { $0 + $1 * ($1 - 1) }
            v[1] = e[1] * (1 - q) + 2 * others.reduce(0) { $0 + $1 * ($1 - 1) * ($1 - 2) } * cubic
            e[2] = q * (N - ni) * (ni - 1)
            v[2] = e[2] * (1 - q) + 2 * ((ni - 1) * choose2(N - ni) + (N - ni) * choose2(ni - 1)) * cubic
            e[3] = e[2]
            v[3] = v[2]
            let sumOthers = others.reduce(0, +)
            e[4] = q * (sumOthers * sumOthers - others.reduce(0) { $0 + $1 * $1 })
            v[4] = e[4] * (1 - q) + 4 * others.reduce(0) { $0 + $1 * choose2(N - $1 - ni) * cubic }
            e[5] = q * (N - 1) * (N - 2)
            v[5] = e[5] * (1 - q) + 2 * (N - 1) * (N - 2) * (N - 3) * cubic
            expectation[group] = e
            deviation[group] = v.map { $0.squareRoot() }
        }
        for v in 0..<n {
            let e = expectation[groups[v]]!, sd = deviation[groups[v]]!
            for role in 0..<6 where sd[role] > 0 && sd[role].isFinite {
                zScores[role][v] = (counts[role][v] - e[role]) / sd[role]
            }
        }
        return zScores
    }
}

@inline(__always) private func pow3(_ x: Double) -> Double { x * x * x }
