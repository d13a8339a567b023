extension SliceGraph {
    /// Burt's constraint of every node, as igraph's `constraint(weights=weight)`.
    ///
    /// With p_ij = (a_ij + a_ji) / Σ_k (a_ik + a_ki) over i's contacts (predecessors and
    /// successors), c_i = Σ_j (p_ij + Σ_{q≠i,j} p_iq p_qj)², j and q ranging over i's contacts.
    /// A node without contacts has no constraint (igraph gives NaN).
    ///
    /// Burt, R. S. (1992). *Structural Holes: The Social Structure of Competition*. Harvard
    /// University Press, chapter 2.
    ///
    /// - Returns: the constraint of each node by node index; `nil` for isolates.
    /// - Complexity: O(Σ_i Σ_{q∈N(i)} deg(q)), at most O(*m* · *d*) for largest degree *d*.
    public func constraint() -> [Double?] {
        let burt = BurtProportions(self)
        var indirect = [Double](repeating: 0, count: nodeCount)
        var isContact = [Bool](repeating: false, count: nodeCount)
        var result = [Double?](repeating: nil, count: nodeCount)
        for i in 0..<nodeCount {
            let row = burt.row(i)
            guard !row.isEmpty else { continue }
            for slot in row { isContact[Int(burt.contacts[slot])] = true }
            // Σ_q p_iq p_qj for every contact j of i.
            for slot in row {
                let q = Int(burt.contacts[slot])
                let piq = burt.proportion[slot]
                for qSlot in burt.row(q) {
                    let j = Int(burt.contacts[qSlot])
                    if j != i && isContact[j] { indirect[j] += piq * burt.proportion[qSlot] }
                }
            }
            var total = 0.0
            for slot in row {
                let j = Int(burt.contacts[slot])
                let term = burt.proportion[slot] + indirect[j]
                total += term * term
                indirect[j] = 0
                isContact[j] = false
            }
            result[i] = total
        }
        return result
    }
}
