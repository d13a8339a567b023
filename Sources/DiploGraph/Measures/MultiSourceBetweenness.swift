extension SliceGraph {
    /// The hop-count dependency sums of Brandes's algorithm over `sources`, 64 sources at a time.
    ///
    /// The same sums as ``hopBetweennessContributions(from:)``, found by one breadth-first
    /// search per batch of 64 sources instead of one per source: each node keeps a 64-bit mask of
    /// the sources that have reached it, and one pass over a node's row serves every source whose
    /// frontier holds that node. An edge v → w lies on a shortest path from source *s* exactly
    /// when *s* is in v's frontier and has not yet reached w, so the path counts
    /// σ_s(w) += σ_s(v) move only along those lanes; the search records each such edge with its
    /// lanes. The backward pass replays the recorded edges level by level from the deepest and
    /// accumulates a_s(v) = δ_s(v) / σ_s(v) = Σ_{w} (1 / σ_s(w) + a_s(w)) over the shortest-path
    /// successors w, so no division waits on another and no edge off the paths is read again.
    ///
    /// The traversal is that of Then, M., Kaufmann, M., Chirigati, F., Hoang-Vu, T.-A., Pham, K.,
    /// Kemper, A., Neumann, T. & Vo, H. T. (2014). The more the merrier: efficient multi-source
    /// graph traversal. *Proceedings of the VLDB Endowment* 8(4), 449–460; the dependencies are
    /// Brandes, U. (2001). A faster algorithm for betweenness centrality. *Journal of
    /// Mathematical Sociology* 25(2), 163–177.
    ///
    /// Path counts are whole numbers and add exactly; the dependencies equal the one-source
    /// version's up to the order of floating-point additions.
    /// - Parameter sources: the sources whose dependencies are summed.
    /// - Returns: Σ_s δ_s(v) over the sources, by node index.
    /// - Complexity: O(|sources| · (*n* + *m*)) time in the worst case and O(⌈|sources| / 64⌉ ·
    ///   *D* · *m*) word operations for the searches, for eccentricity *D*; O(64 *n* + *m*) memory, and one record per edge on a shortest path of some source of a batch.
    func multiSourceHopBetweennessContributions(from sources: Range<Int>) -> [Double] {
        var search = MultiSourceHopSearch(nodeCount: nodeCount)
        return search.contributions(of: self, from: sources)
    }
}

/// The buffers of ``SliceGraph/multiSourceHopBetweennessContributions(from:)``, allocated once
/// for graphs of one node count and reused search after search (the null models draw a thousand
/// graphs of the same size).
struct MultiSourceHopSearch: ~Copyable {
    static let lanes = 64
    /// Each node's row holds its 64 sources and one spare cell: `trailingZeroBitCount` of an
    /// exhausted mask is 64, so the unrolled lane loops below add the spare cells (always 0)
    /// instead of branching on every lane.
    static let rowWidth = 65
    let nodeCount: Int
    /// σ_s(v) during the search; 1 / σ_s(v) + a_s(v) once v's dependency is final.
    private let sigma: UnsafeMutablePointer<Double>
    /// a_s(v), by source, while the successors of the one node v being finished are summed: one
    /// row that stays in the first-level cache.
    private let share: UnsafeMutablePointer<Double>
    /// The sources that have reached each node.
    private let seen: UnsafeMutablePointer<UInt64>
    /// The sources that reach each node in the level being searched.
    private let frontier: UnsafeMutablePointer<UInt64>
    /// Every (node, sources) pair of every level, level after level; a node enters a level only
    /// for sources it has not been reached by before, so there are at most 64 *n* of them.
    private let entryNode: UnsafeMutablePointer<Int32>
    private let entryMask: UnsafeMutablePointer<UInt64>
    /// Where each entry's records start in `edgeTarget` / `edgeMask` (one slot more than entries).
    private let entryEdges: UnsafeMutablePointer<Int>
    /// The shortest-path edges leaving each entry's node, with the sources they serve.
    private var edgeTarget: UnsafeMutablePointer<Int32>
    private var edgeMask: UnsafeMutablePointer<UInt64>
    private var edgeCapacity: Int
    private var levelStart: [Int] = []

    init(nodeCount n: Int) {
        nodeCount = n
        let cells = Swift.max(1, n * Self.rowWidth), entries = Swift.max(1, n * Self.lanes)
        sigma = .allocate(capacity: cells)
        sigma.initialize(repeating: 0, count: cells)
        share = .allocate(capacity: Self.rowWidth)
        share.initialize(repeating: 0, count: Self.rowWidth)
        seen = .allocate(capacity: Swift.max(1, n))
        seen.initialize(repeating: 0, count: Swift.max(1, n))
        frontier = .allocate(capacity: Swift.max(1, n))
        frontier.initialize(repeating: 0, count: Swift.max(1, n))
        entryNode = .allocate(capacity: entries + 1)  // one spare: candidates are written before they are kept
        entryMask = .allocate(capacity: entries)
        entryEdges = .allocate(capacity: entries + 1)
        edgeCapacity = 1024
        edgeTarget = .allocate(capacity: edgeCapacity)
        edgeMask = .allocate(capacity: edgeCapacity)
    }

    deinit {
        sigma.deallocate()
        share.deallocate()
        seen.deallocate()
        frontier.deallocate()
        entryNode.deallocate()
        entryMask.deallocate()
        entryEdges.deallocate()
        edgeTarget.deallocate()
        edgeMask.deallocate()
    }

    /// Room for at least `needed` edge records, keeping the first `used`.
    private mutating func reserveEdges(_ needed: Int, keeping used: Int) {
        guard needed > edgeCapacity else { return }
        let capacity = Swift.max(needed, 2 * edgeCapacity)
        let targets = UnsafeMutablePointer<Int32>.allocate(capacity: capacity)
        let masks = UnsafeMutablePointer<UInt64>.allocate(capacity: capacity)
        targets.initialize(from: edgeTarget, count: used)
        masks.initialize(from: edgeMask, count: used)
        edgeTarget.deallocate()
        edgeMask.deallocate()
        (edgeTarget, edgeMask, edgeCapacity) = (targets, masks, capacity)
    }

    /// Σ_s δ_s(v) over `sources` in `graph`, which must have ``nodeCount`` nodes; every buffer is
    /// left cleared for the next search.
    mutating func contributions(of graph: SliceGraph, from sources: Range<Int>) -> [Double] {
        precondition(graph.nodeCount == nodeCount, "a search sized for \(nodeCount) nodes given \(graph.nodeCount)")
        let n = nodeCount
        var result = [Double](repeating: 0, count: n)
        guard n > 0, !sources.isEmpty else { return result }
        let lanes = Self.lanes, row = Self.rowWidth
        let (sigma, share, seen, frontier, entryNode, entryMask, entryEdges) =
            (self.sigma, self.share, self.seen, self.frontier, self.entryNode, self.entryMask, self.entryEdges)
        var levelStart = self.levelStart
        defer { self.levelStart = levelStart }
        graph.outOffsets.withUnsafeBufferPointer { offsets in
        graph.outNeighbors.withUnsafeBufferPointer { neighbors in
        var batchStart = sources.lowerBound
        while batchStart < sources.upperBound {
            let width = Swift.min(lanes, sources.upperBound - batchStart)
            levelStart.removeAll(keepingCapacity: true)
            levelStart.append(0)
            var entries = 0
            for lane in 0..<width {
                let s = batchStart + lane
                let bit = UInt64(1) << UInt64(lane)
                seen[s] = bit
                sigma[s &* row &+ lane] = 1
                entryNode[entries] = Int32(truncatingIfNeeded: s)
                entryMask[entries] = bit
                entries += 1
            }
            // Forward: one level of every source's search per round.
            var records = 0
            while levelStart.last! < entries {
                let start = levelStart.last!, end = entries
                levelStart.append(end)
                for e in start..<end {
                    let v = Int(entryNode[e])
                    let row0 = Int(offsets[v]), row1 = Int(offsets[v &+ 1])
                    reserveEdges(records + (row1 - row0), keeping: records)
                    let (edgeTarget, edgeMask) = (self.edgeTarget, self.edgeMask)
                    entryEdges[e] = records
                    let reaching = entryMask[e]
                    let from = v &* row
                    do {
                        for slot in row0..<row1 {
                            let w = Int(neighbors[slot])
                            let fresh = reaching & ~seen[w]
                            // No branch on whether the edge is on a path (a third of them are
                            // not, unpredictably): w is written as a new entry and as a record
                            // every time and kept only when it is one, and an empty mask takes one
                            // round of spare lanes below.
                            let known = frontier[w]
                            entryNode[entries] = Int32(truncatingIfNeeded: w)
                            entries &+= (known == 0 && fresh != 0) ? 1 : 0
                            frontier[w] = known | fresh
                            edgeTarget[records] = Int32(truncatingIfNeeded: w)
                            edgeMask[records] = fresh
                            records &+= fresh != 0 ? 1 : 0
                            let to = w &* row
                            // Two lanes a round, a spare cell past the last: half the masks hold
                            // one or two lanes, and the loop's exit is predicted better than one
                            // test per lane.
                            var bits = fresh
                            repeat {
                                let l0 = bits.trailingZeroBitCount
                                bits &= bits &- 1
                                let l1 = bits.trailingZeroBitCount
                                bits &= bits &- 1
                                sigma[to &+ l0] += sigma[from &+ l0]
                                sigma[to &+ l1] += sigma[from &+ l1]
                            } while bits != 0
                        }
                    }
                }
                // The nodes just reached: their masks are complete only now.
                for e in end..<entries {
                    let w = Int(entryNode[e])
                    entryMask[e] = frontier[w]
                    seen[w] |= frontier[w]
                    frontier[w] = 0
                }
            }
            entryEdges[entries] = records
            // Backward: the recorded edges, level by level from the deepest; level 0 holds the
            // sources, whose own dependencies do not count.
            let (edgeTarget, edgeMask) = (self.edgeTarget, self.edgeMask)
            result.withUnsafeMutableBufferPointer { result in
                var e = entries
                while e > width {
                    e &-= 1
                    let v = Int(entryNode[e])
                    for r in entryEdges[e]..<entryEdges[e &+ 1] {
                        var bits = edgeMask[r]
                        let to = Int(edgeTarget[r]) &* row
                        repeat {
                            let l0 = bits.trailingZeroBitCount
                            bits &= bits &- 1
                            let l1 = bits.trailingZeroBitCount
                            bits &= bits &- 1
                            share[l0] += sigma[to &+ l0]
                            share[l1] += sigma[to &+ l1]
                        } while bits != 0
                    }
                    let at = v &* row
                    // v's dependency for each of its sources, then 1 / σ + a in σ's place, four
                    // lanes a round with spare cells as above: a spare lane reads σ = 0 and a = 0,
                    // adds nothing, and its cells are set back to 0 afterwards.
                    var bits = entryMask[e]
                    var dependency = 0.0
                    repeat {
                        let l0 = bits.trailingZeroBitCount
                        bits &= bits &- 1
                        let l1 = bits.trailingZeroBitCount
                        bits &= bits &- 1
                        let l2 = bits.trailingZeroBitCount
                        bits &= bits &- 1
                        let l3 = bits.trailingZeroBitCount
                        bits &= bits &- 1
                        let (a0, a1, a2, a3) = (share[l0], share[l1], share[l2], share[l3])
                        let (p0, p1, p2, p3) = (sigma[at &+ l0], sigma[at &+ l1], sigma[at &+ l2], sigma[at &+ l3])
                        dependency += (p0 * a0 + p1 * a1) + (p2 * a2 + p3 * a3)
                        (share[l0], share[l1], share[l2], share[l3]) = (0, 0, 0, 0)
                        // Two divisions per instruction: the same quotients, correctly rounded.
                        let low = 1 / SIMD2(p0, p1) + SIMD2(a0, a1), high = 1 / SIMD2(p2, p3) + SIMD2(a2, a3)
                        sigma[at &+ l0] = low.x
                        sigma[at &+ l1] = low.y
                        sigma[at &+ l2] = high.x
                        sigma[at &+ l3] = high.y
                    } while bits != 0
                    sigma[at &+ lanes] = 0
                    result[v] += dependency
                }
            }
            // Clear what this batch wrote: a sweep of the whole buffer costs less than visiting
            // every (node, source) pair again.
            sigma.update(repeating: 0, count: n &* row)
            seen.update(repeating: 0, count: n)
            batchStart += width
        }
        }
        }
        return result
    }
}
