extension SliceGraph {
    /// Burt's effective size of every node's network, with weights.
    ///
    /// e_i = Σ_j [1 − Σ_{q≠i,j} p_iq m_jq], where p_iq is i's proportional tie to q and
    /// m_jq = mutual(j,q) / max_k mutual(j,k) (see ``constraint()``), j and q ranging over
    /// i's contacts in either direction. On unweighted undirected graphs it equals Borgatti's
    /// n − 2t/n, as networkx `effective_size`. Isolates have none (networkx gives NaN).
    ///
    /// Burt, R. S. (1992). *Structural Holes*, chapter 2. Borgatti, S. P. (1997). Structural
    /// holes: unpacking Burt's redundancy measures. *Connections* 20(1), 35–38.
    ///
    /// - Returns: the effective size of each node by node index; `nil` for isolates.
    /// - Complexity: O(Σ_i Σ_{q∈N(i)} deg(q)).
    public func effectiveSize() -> [Double?] {
        let burt = BurtProportions(self)
        // For each i: scratch[q] = p_iq over i's contacts.
        var proportionFromEgo = [Double](repeating: 0, count: nodeCount)
        var result = [Double?](repeating: nil, count: nodeCount)
        for i in 0..<nodeCount {
            let row = burt.row(i)
            guard !row.isEmpty else { continue }
            for slot in row { proportionFromEgo[Int(burt.contacts[slot])] = burt.proportion[slot] }
            var total = 0.0
            for slot in row {
                let j = Int(burt.contacts[slot])
                var redundancy = 0.0
                for jSlot in burt.row(j) {
                    let q = Int(burt.contacts[jSlot])
                    if q != i { redundancy += proportionFromEgo[q] * burt.relativeToMax[jSlot] }
                }
                total += 1 - redundancy
            }
            for slot in row { proportionFromEgo[Int(burt.contacts[slot])] = 0 }
            result[i] = total
        }
        return result
    }
}
