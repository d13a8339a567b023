extension SliceGraph {
    /// The contacts of every node regardless of direction, with mutual weights
    /// a_ij + a_ji, each row sorted by contact: the ego networks of Burt's measures.
    ///
    /// Weights are divided by the largest weight first, so that the sums cannot overflow and
    /// the measures (which depend only on ratios) are the same at any scale.
    ///
    /// - Complexity: O(*n* + *m*).
    func mutualContacts() -> (offsets: [Int], contacts: [Int32], weights: [Double]) {
        var offsets = [Int](repeating: 0, count: nodeCount + 1)
        var contacts: [Int32] = []
        var weights: [Double] = []
        contacts.reserveCapacity(outNeighbors.count * (isDirected ? 2 : 1))
        weights.reserveCapacity(contacts.capacity)
        let scale = Self.largestWeight(outWeights)
        for v in 0..<nodeCount {
            // Merge the sorted out- and in-rows.
            var i = Int(outOffsets[v]), j = Int(inOffsets[v])
            let iEnd = Int(outOffsets[v + 1]), jEnd = Int(inOffsets[v + 1])
            while i < iEnd || j < jEnd {
                let a = i < iEnd ? outNeighbors[i] : Int32.max
                let b = j < jEnd ? inNeighbors[j] : Int32.max
                if a == b {
                    contacts.append(a)
                    weights.append(outWeights[i] / scale + inWeights[j] / scale)
                    i += 1; j += 1
                } else if a < b {
                    contacts.append(a); weights.append(outWeights[i] / scale); i += 1
                } else {
                    contacts.append(b); weights.append(inWeights[j] / scale); j += 1
                }
            }
            offsets[v + 1] = contacts.count
        }
        return (offsets, contacts, weights)
    }
}

/// The proportions p_ij of Burt's measures over ``SliceGraph/mutualContacts()``, with a
/// dense scratch row for O(1) look-ups of p_qj.
struct BurtProportions {
    let offsets: [Int]
    let contacts: [Int32]
    /// p_ij for the entries of `contacts`.
    let proportion: [Double]
    /// mutual(i,j) / max_k mutual(i,k) for the entries of `contacts`.
    let relativeToMax: [Double]

    init(_ graph: SliceGraph) {
        let (offsets, contacts, weights) = graph.mutualContacts()
        var proportion = [Double](repeating: 0, count: contacts.count)
        var relativeToMax = [Double](repeating: 0, count: contacts.count)
        for v in 0..<graph.nodeCount {
            let row = offsets[v]..<offsets[v + 1]
            var total = 0.0, largest = 0.0
            for slot in row { total += weights[slot]; largest = max(largest, weights[slot]) }
            for slot in row {
                proportion[slot] = weights[slot] / total
                relativeToMax[slot] = weights[slot] / largest
            }
        }
        self.offsets = offsets
        self.contacts = contacts
        self.proportion = proportion
        self.relativeToMax = relativeToMax
    }

    func row(_ v: Int) -> Range<Int> { offsets[v]..<offsets[v + 1] }
}
