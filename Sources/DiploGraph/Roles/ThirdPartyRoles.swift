/// The roles third parties play towards one relationship, slice by slice.
///
/// For a slice and a third party T, σ(T,X) = Σ polarity·weight / Σ weight over the slice's
/// selected events between T and X, in both directions, for X in the dyad (A, B): the tone
/// of T's dealings with each side. The rules `min` and `balance` (``RoleRule``) turn σ(T,A)
/// and σ(T,B) into a score; a third party without events with one of the sides in a slice
/// gets no row for it. The rule `stance` scores instead σ_about(T; A,B) = Σ polarity·weight
/// / Σ weight over T's acts whose `about` is {A, B} (at the slices' level: actors, or their
/// groups), whatever their target; a third party without such an act gets no row. The
/// score becomes a role by the same thresholds (``ThirdPartyRole``).
///
/// Heider, F. (1946). Attitudes and cognitive organization. *Journal of Psychology* 21,
/// 107–112. Obstfeld, D. (2005). Social networks, the tertius iungens orientation, and
/// involvement in innovation. *Administrative Science Quarterly* 50(1), 100–130.
/// Stedman, S. J. (1997). Spoiler problems in peace processes. *International Security*
/// 22(2), 5–53.
public struct ThirdPartyRoles: Sendable {
    /// One third party in one slice.
    public struct Row: Sendable, Equatable {
        /// The slice (of the network the roles were computed on).
        public let slice: Slice
        /// The third party, an entity of that network (``SlicedNetwork/entity(at:)`` names it).
        public let third: EntityIndex
        /// The third party's id, for tables and messages.
        package let thirdID: String
        /// The role the score gives.
        public let role: ThirdPartyRole
        /// The rule's score, in [−1, 1]: a combination of σ(T,A) and σ(T,B), or σ_about.
        public let score: Double
        /// σ(T,A) and σ(T,B); `nil` (only under `stance`) when T has no event with that side.
        public let stanceTowardsA: Double?
        /// See ``stanceTowardsA``.
        public let stanceTowardsB: Double?
        /// The number of events between T and A, and between T and B.
        public let eventsWithA: Int
        /// See ``eventsWithA``.
        public let eventsWithB: Int
        /// The number of T's acts whose `about` is the dyad.
        public let eventsAbout: Int
        /// The events behind the score, as indices into the log, in file order: T's events
        /// with either side (`min`, `balance`), or T's acts about the dyad (`stance`).
        public let events: [EventIndex]
    }

    /// The rows by slice, then third party in entity order.
    public let rows: [Row]
    /// How many (slice, third party) pairs the computation visited: at most the number of
    /// events, whatever the number of slices and entities (tests check the work done with it).
    package let thirdPartyVisits: Int

    /// The rows of one slice (none where no third party has a score there).
    /// - Parameter slice: a slice of the network the roles were computed on (a slice of another
    ///   network has no rows here, even one with the same label).
    /// - Returns: that slice's rows, third parties in entity order.
    /// - Complexity: O(*r*) for *r* rows.
    public func rows(in slice: Slice) -> [Row] { rows.filter { $0.slice == slice } }

    /// Computes the roles.
    ///
    /// - Parameters:
    ///   - network: the sliced events (actors or groups as entities).
    ///   - dyad: the entity indices of A and B.
    ///   - third: only this third party, or every other entity when `nil`.
    ///   - rule: how the two stances combine.
    /// - Throws: ``ValueError`` when an index is not an entity of `network`, A is B, or the
    ///   third party is A or B.
    /// - Complexity: O(*s* + *n* + *e* log *e*) for *s* slices, *n* entities and *e* events in
    ///   all slices: a slice without events costs O(1), and only the third parties a slice's
    ///   events touch are visited.
    public init(network: SlicedNetwork, dyad: (a: EntityIndex, b: EntityIndex), third: EntityIndex? = nil, rule: RoleRule = .min) throws(ValueError) {
        var rows: [Row] = []
        let entityCount = network.entities.count
        for index in [dyad.a, dyad.b] + (third.map { [$0] } ?? []) where index.position >= entityCount {
            throw ValueError("entity index \(index) is out of range (\(entityCount) entities)")
        }
        guard dyad.a != dyad.b else { throw ValueError("the dyad's two sides are the same entity (\(dyad.a))") }
        if let third, third == dyad.a || third == dyad.b {
            throw ValueError("the third party '\(network.entities[third.position].id)' is one of the dyad's sides: it has no role towards its own relationship")
        }
        let relationship = (min(dyad.a, dyad.b), max(dyad.a, dyad.b))
        // signed and total weight of T's events with A (index 0), with B (index 1), and of T's
        // acts about the dyad (index 2); allocated once, and per slice only the third parties
        // its events touch are visited and reset, so that empty slices cost O(1).
        var signed = [[Double]](repeating: [Double](repeating: 0, count: entityCount), count: 3)
        var total = signed
        var count = [[Int]](repeating: [Int](repeating: 0, count: entityCount), count: 3)
        var toneEvents = [[EventIndex]](repeating: [], count: entityCount)
        var aboutEvents = [[EventIndex]](repeating: [], count: entityCount)
        var isTouched = [Bool](repeating: false, count: entityCount)
        var touched: [Int] = []
        var visits = 0
        for slice in network.slices where !slice.eventIndices.isEmpty {
            func touch(_ t: Int) {
                if !isTouched[t] { isTouched[t] = true; touched.append(t) }
            }
            for index in slice.eventIndices {
                let event = network.log.events[Int(index)]
                let u = network.entityOfActor[Int(event.source)], v = network.entityOfActor[Int(event.target)]
                let polarity = Double(network.log.kinds[event.kind].polarity.rawValue)
                var isWithSide = false
                for (side, member) in [dyad.a, dyad.b].enumerated() {
                    let other: EntityIndex
                    if u == member { other = v } else if v == member { other = u } else { continue }
                    if other == dyad.a || other == dyad.b { continue }
                    touch(Int(other))
                    signed[side][Int(other)] += polarity * event.weight
                    total[side][Int(other)] += event.weight
                    count[side][Int(other)] += 1
                    if !isWithSide { toneEvents[Int(other)].append(index) }
                    isWithSide = true
                }
                if u != dyad.a, u != dyad.b, let about = network.about(of: event), about == relationship {
                    touch(Int(u))
                    signed[2][Int(u)] += polarity * event.weight
                    total[2][Int(u)] += event.weight
                    count[2][Int(u)] += 1
                    aboutEvents[Int(u)].append(index)
                }
            }
            touched.sort()
            visits += touched.count
            for t in touched {
                defer {
                    for side in 0..<3 { signed[side][t] = 0; total[side][t] = 0; count[side][t] = 0 }
                    toneEvents[t] = []
                    aboutEvents[t] = []
                    isTouched[t] = false
                }
                if let third, Int(third) != t { continue }
                let sigmaA = count[0][t] > 0 ? signed[0][t] / total[0][t] : nil
                let sigmaB = count[1][t] > 0 ? signed[1][t] / total[1][t] : nil
                let score: Double
                switch rule {
                case .min, .balance:
                    guard let sigmaA, let sigmaB else { continue }
                    score = rule == .min ? Swift.min(sigmaA, sigmaB) : sigmaA * sigmaB
                case .stance:
                    guard count[2][t] > 0 else { continue }
                    score = signed[2][t] / total[2][t]
                }
                rows.append(Row(slice: slice, third: EntityIndex(unchecked: Int32(t)), thirdID: network.entities[t].id, role: ThirdPartyRole(score: score), score: score,
                                stanceTowardsA: sigmaA, stanceTowardsB: sigmaB, eventsWithA: count[0][t], eventsWithB: count[1][t],
                                eventsAbout: count[2][t], events: rule.isTone ? toneEvents[t] : aboutEvents[t]))
            }
            touched.removeAll(keepingCapacity: true)
        }
        self.thirdPartyVisits = visits
        self.rows = rows
    }

    /// Rows computed elsewhere (tests, filters).
    package init(rows: [Row]) {
        self.rows = rows
        self.thirdPartyVisits = 0
    }
}
