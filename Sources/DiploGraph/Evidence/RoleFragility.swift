/// How many events each third-party verdict rests on: its support, its fragility (the fewest
/// events whose removal from the file changes it) and its pivotal events.
///
/// A verdict is one row of ``ThirdPartyRoles``: a slice, a third party and its role. Removing a
/// set of events from the events file *changes* the verdict when, sliced and scored again by the
/// same rule, the slice's row for that third party has another role or is gone (the third party
/// lost every event with one side, or every act about the dyad, or the slice itself is no longer
/// made). The fragility is the size of the smallest such set, like the fragility index of a
/// trial (Walsh et al. 2014, *Journal of Clinical Epidemiology* 67(6), 622–628), which counts
/// the patients whose outcome would flip a significant result.
///
/// The search is exact. Only two kinds of events can change a row: the events that enter its
/// score (``ThirdPartyRoles/Row/events``), because σ is a ratio of sums over them and nothing
/// else in the slice enters the rule; and, with sliding windows or cumulative slices, the
/// events of the first or last periods of the file, whose removal moves where slices start or
/// end and can unmake the slice (calendar slices never move). For the score, removing *k* of a
/// side's events moves σ furthest up or down with a set that takes, within each polarity, the
/// events of largest or of smallest weight (for the optimal ratio λ, the set maximises
/// Σ wᵢ(λ − pᵢ), linear within each polarity: Dinkelbach's parametric argument); and for `min`
/// and `balance` the extremes of the score over two independent sides are reached at the
/// sides' extremes. So every set of up to *K* events that changes the role has a counterpart of
/// the same size among at most 6*K* candidates per side, which are searched exhaustively; the
/// tests compare every value with re-slicing the file with every set of events removed.
public struct RoleFragility: Sendable {
    /// What removing one pivotal event does to the verdict.
    public struct Pivot: Sendable, Equatable {
        /// The event's index in the log.
        public let event: EventIndex
        /// The event's line in the events file (header = line 1).
        public let line: Int
        /// The role once the event is removed, `nil` when the row is gone (no verdict).
        public let roleAfter: ThirdPartyRole?
    }

    /// How firm one verdict is.
    public struct Verdict: Sendable, Equatable {
        /// The number of events that enter the verdict's score (``ThirdPartyRoles/Row/events``).
        public let support: Int
        /// The fewest events whose removal changes the verdict, `nil` when no set of up to
        /// ``RoleFragility/depth`` events does.
        public let fragility: Int?
        /// The events whose removal alone changes the verdict, in file order.
        public let pivots: [Pivot]

        /// The lines of ``pivots``, ascending.
        public var pivotalLines: [Int] { pivots.map(\.line) }
    }

    /// The largest set size searched.
    public let depth: Int
    /// One verdict per row of the roles, in the same order.
    public let verdicts: [Verdict]

    /// Measures how firm each verdict of `roles` is.
    ///
    /// - Parameters:
    ///   - roles: the verdicts, computed on `network` with `dyad` and `rule`.
    ///   - network: the sliced events the roles were computed on.
    ///   - dyad: the entity indices of A and B, as given to ``ThirdPartyRoles``.
    ///   - rule: the rule the roles were computed with.
    ///   - depth: the largest number of events removed together, at least 1.
    /// - Throws: ``ValueError`` when `depth` is below 1, an index is not an entity of
    ///   `network`, or a row names a slice or third party `network` lacks.
    /// - Complexity: O(*e* + *r*·(*n* + C(12*K*, *K*))) for *e* events in the log, *r* rows
    ///   with up to *n* events each and depth *K*: a slice of 10,000 events with *K* = 3 takes
    ///   milliseconds.
    public init(roles: ThirdPartyRoles, network: SlicedNetwork, dyad: (a: EntityIndex, b: EntityIndex), rule: RoleRule,
                depth: Int = 3) throws(ValueError) {
        guard depth >= 1 else { throw ValueError("fragility depth \(depth): must be at least 1") }
        for index in [dyad.a, dyad.b] where index.position >= network.entities.count {
            throw ValueError("entity index \(index) is out of range (\(network.entities.count) entities)")
        }
        self.depth = depth
        let boundaries = SliceBoundaries(network: network, depth: depth)
        var verdicts: [Verdict] = []
        verdicts.reserveCapacity(roles.rows.count)
        for row in roles.rows {
            let slice = row.slice
            guard network.owns(slice) else { throw ValueError("slice '\(slice.label)' is not a slice of this network") }
            guard row.third.position < network.entities.count, network.entities[row.third.position].id == row.thirdID else {
                throw ValueError("third party '\(row.thirdID)' is not an entity of this network")
            }
            let score = VerdictScore(row: row, network: network, dyad: dyad, rule: rule)
            let vanishing = boundaries.unmaking(slice)
            var fragility = score.fragility(depth: depth)
            if let cost = vanishing.cost, cost <= depth { fragility = Swift.min(fragility ?? cost, cost) }
            var pivots = score.pivots(log: network.log)
            for event in vanishing.single {
                pivots.removeAll { $0.event == event }
                pivots.append(Pivot(event: event, line: network.log.events[Int(event)].line, roleAfter: nil))
            }
            pivots.sort { $0.event < $1.event }
            verdicts.append(Verdict(support: row.events.count, fragility: fragility, pivots: pivots))
        }
        self.verdicts = verdicts
    }
}

/// One verdict's score as sums over its events, re-evaluated with events removed.
private struct VerdictScore {
    /// An event entering the score: its side (0 = A, 1 = B; always 0 under `stance`).
    struct Item {
        let event: EventIndex
        let side: Int
        let polarity: Double
        let weight: Double
    }

    let items: [Item]
    let rule: RoleRule
    let role: ThirdPartyRole
    /// Per side: Σ polarity·weight, Σ weight, count, Σ |polarity·weight|.
    var signed = [0.0, 0.0], total = [0.0, 0.0], count = [0, 0], magnitude = [0.0, 0.0]

    init(row: ThirdPartyRoles.Row, network: SlicedNetwork, dyad: (a: EntityIndex, b: EntityIndex), rule: RoleRule) {
        self.rule = rule
        role = row.role
        items = row.events.map { index in
            let event = network.log.events[Int(index)]
            let u = network.entityOfActor[Int(event.source)], v = network.entityOfActor[Int(event.target)]
            let side = rule.isTone && !(u == dyad.a || v == dyad.a) ? 1 : 0
            return Item(event: index, side: side, polarity: Double(network.log.kinds[event.kind].polarity.rawValue), weight: event.weight)
        }
        for item in items {
            signed[item.side] += item.polarity * item.weight
            total[item.side] += item.weight
            count[item.side] += 1
            magnitude[item.side] += abs(item.polarity * item.weight) + item.weight
        }
    }

    /// The role once the items at `removed` (positions in ``items``, distinct) are gone; `nil`
    /// when the row is gone.
    func role(removing removed: [Int]) -> ThirdPartyRole? {
        var s = signed, w = total, c = count, removedMagnitude = 0.0
        for position in removed {
            let item = items[position]
            s[item.side] -= item.polarity * item.weight
            w[item.side] -= item.weight
            c[item.side] -= 1
            removedMagnitude += abs(item.polarity * item.weight) + item.weight
        }
        guard let score = Self.score(rule: rule, signed: s, total: w, count: c) else { return nil }
        // Differences of sums round otherwise than the rule's own sums: near a threshold, or
        // after heavy cancellation, sum again in file order as the rule does.
        let scale = (magnitude[0] + magnitude[1] + removedMagnitude) / Swift.max(Swift.min(w[0], rule.isTone ? w[1] : w[0]), .leastNormalMagnitude)
        if !score.isFinite || abs(abs(score) - 0.1) <= 1e-9 + 64 * Double.ulpOfOne * scale {
            return exactRole(removing: removed)
        }
        return ThirdPartyRole(score: score)
    }

    /// The role summed afresh over the remaining items, in file order, as ``ThirdPartyRoles`` sums.
    func exactRole(removing removed: [Int]) -> ThirdPartyRole? {
        var s = [0.0, 0.0], w = [0.0, 0.0], c = [0, 0]
        for (position, item) in items.enumerated() where !removed.contains(position) {
            s[item.side] += item.polarity * item.weight
            w[item.side] += item.weight
            c[item.side] += 1
        }
        return Self.score(rule: rule, signed: s, total: w, count: c).map(ThirdPartyRole.init(score:))
    }

    /// The rule's score, `nil` when the rule gives no row.
    static func score(rule: RoleRule, signed: [Double], total: [Double], count: [Int]) -> Double? {
        switch rule {
        case .min, .balance:
            guard count[0] > 0, count[1] > 0 else { return nil }
            let sigmaA = signed[0] / total[0], sigmaB = signed[1] / total[1]
            return rule == .min ? Swift.min(sigmaA, sigmaB) : sigmaA * sigmaB
        case .stance:
            guard count[0] > 0 else { return nil }
            return signed[0] / total[0]
        }
    }

    /// The items that can be part of a smallest changing set: per side and polarity, the
    /// `depth` of largest and the `depth` of smallest weight.
    func candidates(depth: Int) -> [Int] {
        var groups: [Int: [Int]] = [:]
        for (position, item) in items.enumerated() {
            groups[item.side * 3 + Int(item.polarity) + 1, default: []].append(position)
        }
        var chosen = Set<Int>()
        for (_, members) in groups {
            if members.count <= 2 * depth {
                chosen.formUnion(members)
                continue
            }
            let byWeight = members.sorted { (items[$0].weight, $0) < (items[$1].weight, $1) }
            chosen.formUnion(byWeight.prefix(depth))
            chosen.formUnion(byWeight.suffix(depth))
        }
        return chosen.sorted()
    }

    /// The smallest number of items, up to `depth`, whose removal changes the role.
    func fragility(depth: Int) -> Int? {
        let candidates = candidates(depth: depth)
        var chosen: [Int] = []
        func search(from start: Int, size: Int) -> Bool {
            if chosen.count == size { return role(removing: chosen) != role }
            guard start < candidates.count else { return false }
            for next in start..<candidates.count where candidates.count - next >= size - chosen.count {
                chosen.append(candidates[next])
                defer { chosen.removeLast() }
                if search(from: next + 1, size: size) { return true }
            }
            return false
        }
        guard !candidates.isEmpty else { return nil }
        for size in 1...Swift.min(depth, candidates.count) where search(from: 0, size: size) { return size }
        return nil
    }

    /// The items whose removal alone changes the role.
    func pivots(log: EventLog) -> [RoleFragility.Pivot] {
        items.indices.compactMap { position in
            let after = role(removing: [position])
            guard after != role else { return nil }
            let event = items[position].event
            return RoleFragility.Pivot(event: event, line: log.events[Int(event)].line, roleAfter: after)
        }
    }
}

/// Which removals of the file's first or last events unmake a slice: with sliding windows or
/// cumulative slices, where slices start and end follows the first and last periods with an
/// event.
private struct SliceBoundaries {
    /// A way to move the first and last periods: its cost in events, and the slices it makes.
    struct Move {
        let cost: Int
        let removed: [EventIndex]
        let slices: Set<String>
    }

    var moves: [Move] = []

    init(network: SlicedNetwork, depth: Int) {
        let options = network.options
        let (isSelected, _) = options.selectedKinds(in: network.log.kinds)
        var byPeriod: [Int: [EventIndex]] = [:]
        for (index, event) in network.log.events.enumerated() where isSelected[event.kind.position] {
            if let period = options.slicing.unit.period(of: event.date) { byPeriod[period, default: []].append(EventIndex(unchecked: Int32(index))) }
        }
        let periods = byPeriod.keys.sorted()
        guard !periods.isEmpty else { return }
        // The first period can be any with fewer than `depth` events before it; the last likewise.
        var firsts: [(period: Int, cost: Int, removed: [EventIndex])] = []
        var removed: [EventIndex] = []
        for period in periods {
            guard removed.count <= depth else { break }
            firsts.append((period, removed.count, removed))
            removed += byPeriod[period]!
        }
        var lasts: [(period: Int, cost: Int, removed: [EventIndex])] = []
        removed = []
        for period in periods.reversed() {
            guard removed.count <= depth else { break }
            lasts.append((period, removed.count, removed))
            removed += byPeriod[period]!
        }
        for first in firsts {
            for last in lasts where first.period <= last.period && first.cost + last.cost <= depth && first.cost + last.cost > 0 {
                let made = options.slicing.ranges(first: first.period, last: last.period).map { Self.key($0.label, $0.periods) }
                moves.append(Move(cost: first.cost + last.cost, removed: first.removed + last.removed, slices: Set(made)))
            }
        }
    }

    static func key(_ label: String, _ periods: Range<Int>) -> String { "\(label)\u{0}\(periods.lowerBound)\u{0}\(periods.upperBound)" }

    /// The fewest events whose removal unmakes `slice` (`nil` when none up to the depth), and
    /// the events whose removal alone does.
    func unmaking(_ slice: Slice) -> (cost: Int?, single: [EventIndex]) {
        let key = Self.key(slice.label, slice.periods)
        var cost: Int?
        var single: [EventIndex] = []
        for move in moves where !move.slices.contains(key) {
            cost = Swift.min(cost ?? move.cost, move.cost)
            if move.cost == 1 { single += move.removed }
        }
        return (cost, single)
    }
}
