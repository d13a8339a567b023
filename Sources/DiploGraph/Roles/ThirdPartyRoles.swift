/// How a third party's stances towards the two sides of a dyad combine into one score.
public enum RoleRule: String, Sendable, CaseIterable {
    /// score = min(σ(T,A), σ(T,B)): a third party facilitates only when it cooperates with
    /// both sides; conflict with either side spoils (Obstfeld's *tertius iungens*, the
    /// broker who joins, needs ties to both).
    case min
    /// score = σ(T,A) · σ(T,B): Heider's balance: positive to both, or negative to both,
    /// pulls the sides together; positive to one and negative to the other pulls them apart.
    case balance
}

/// A third party's role towards a dyad in one slice.
public enum ThirdPartyRole: String, Sendable {
    case facilitating, spoiling, neutral

    /// `facilitating` above +0.1, `spoiling` below −0.1, `neutral` between.
    public init(score: Double) {
        self = score > 0.1 ? .facilitating : (score < -0.1 ? .spoiling : .neutral)
    }
}

/// The roles third parties play towards one relationship, slice by slice.
///
/// For a slice and a third party T, σ(T,X) = Σ polarity·weight / Σ weight over the slice's
/// selected events between T and X, in both directions, for X in the dyad (A, B). The rule
/// (``RoleRule``) turns σ(T,A) and σ(T,B) into a score, and the score into a role. A third
/// party without events with one of the sides in a slice gets no row for it.
///
/// Heider, F. (1946). Attitudes and cognitive organization. *Journal of Psychology* 21,
/// 107–112. Obstfeld, D. (2005). Social networks, the tertius iungens orientation, and
/// involvement in innovation. *Administrative Science Quarterly* 50(1), 100–130.
public struct ThirdPartyRoles: Sendable {
    /// One third party in one slice.
    public struct Row: Sendable, Equatable {
        /// The slice label.
        public let slice: String
        /// The third party's id.
        public let third: String
        public let role: ThirdPartyRole
        /// The rule's combination of the two stances, in [−1, 1].
        public let score: Double
        /// σ(T,A) and σ(T,B).
        public let stanceTowardsA: Double
        public let stanceTowardsB: Double
        /// The number of events between T and A, and between T and B.
        public let eventsWithA: Int
        public let eventsWithB: Int
    }

    /// The rows by slice, then third party in entity order.
    public let rows: [Row]

    /// Computes the roles.
    ///
    /// - Parameters:
    ///   - network: the sliced events (actors or groups as entities).
    ///   - dyad: the entity indices of A and B.
    ///   - third: only this third party, or every other entity when `nil`.
    ///   - rule: how the two stances combine.
    /// - Throws: ``ValueError`` when an index is not an entity of `network`, or A is B.
    /// - Complexity: O(*e*) for *e* events in all slices.
    public init(network: SlicedNetwork, dyad: (a: Int32, b: Int32), third: Int32? = nil, rule: RoleRule = .min) throws(ValueError) {
        var rows: [Row] = []
        let entityCount = network.entities.count
        for index in [dyad.a, dyad.b] + (third.map { [$0] } ?? []) where index < 0 || Int(index) >= entityCount {
            throw ValueError("entity index \(index) is out of range (\(entityCount) entities)")
        }
        guard dyad.a != dyad.b else { throw ValueError("the dyad's two sides are the same entity (\(dyad.a))") }
        for slice in network.slices {
            // signed and total weight of T's events with A (index 0) and B (index 1)
            var signed = [[Double]](repeating: [Double](repeating: 0, count: entityCount), count: 2)
            var total = signed
            var count = [[Int]](repeating: [Int](repeating: 0, count: entityCount), count: 2)
            for index in slice.eventIndices {
                let event = network.log.events[Int(index)]
                let u = network.entityOfActor[Int(event.source)], v = network.entityOfActor[Int(event.target)]
                let polarity = Double(network.log.kinds[event.kind].polarity.rawValue)
                for (side, member) in [dyad.a, dyad.b].enumerated() {
                    let other: Int32
                    if u == member { other = v } else if v == member { other = u } else { continue }
                    if other == dyad.a || other == dyad.b { continue }
                    signed[side][Int(other)] += polarity * event.weight
                    total[side][Int(other)] += event.weight
                    count[side][Int(other)] += 1
                }
            }
            for t in 0..<entityCount {
                if let third, Int(third) != t { continue }
                guard count[0][t] > 0, count[1][t] > 0 else { continue }
                let sigmaA = signed[0][t] / total[0][t], sigmaB = signed[1][t] / total[1][t]
                let score = rule == .min ? Swift.min(sigmaA, sigmaB) : sigmaA * sigmaB
                rows.append(Row(slice: slice.label, third: network.entities[t].id, role: ThirdPartyRole(score: score), score: score,
                                stanceTowardsA: sigmaA, stanceTowardsB: sigmaB, eventsWithA: count[0][t], eventsWithB: count[1][t]))
            }
        }
        self.rows = rows
    }

    /// `slice,third,role,score,sigma_a,sigma_b,events_a,events_b`.
    public func csv() -> String {
        var out = "slice,third,role,score,sigma_a,sigma_b,events_a,events_b\n"
        for row in rows {
            out += [Escape.csv(row.slice), Escape.csv(row.third), row.role.rawValue, NumberFormat.exact(row.score),
                    NumberFormat.exact(row.stanceTowardsA), NumberFormat.exact(row.stanceTowardsB),
                    String(row.eventsWithA), String(row.eventsWithB)].joined(separator: ",") + "\n"
        }
        return out
    }

    /// An array of objects with the CSV's fields, keys sorted, through `JSONEncoder`.
    /// - Throws: ``ValueError`` only if a score is not finite, which role scores never are.
    public func json() throws(ValueError) -> String {
        try JSONValue.array(rows.map { row in
            .object([("slice", .string(row.slice)), ("third", .string(row.third)), ("role", .string(row.role.rawValue)),
                     ("score", .number(row.score)), ("sigma_a", .number(row.stanceTowardsA)), ("sigma_b", .number(row.stanceTowardsB)),
                     ("events_a", .integer(row.eventsWithA)), ("events_b", .integer(row.eventsWithB))])
        }).text()
    }

    /// A Markdown table; `dyadLabels` name the two sides in the stance columns.
    public func markdown(dyadLabels: (String, String)) -> String {
        var out = "| slice | third party | role | score | σ(T, \(Escape.markdownCell(dyadLabels.0))) | σ(T, \(Escape.markdownCell(dyadLabels.1))) | events |\n"
        out += "|---|---|---|---:|---:|---:|---:|\n"
        for row in rows {
            out += "| \(Escape.markdownCell(row.slice)) | \(Escape.markdownCell(row.third)) | \(row.role.rawValue) | \(NumberFormat.readable(row.score, digits: 3)) | "
            out += "\(NumberFormat.readable(row.stanceTowardsA, digits: 3)) | \(NumberFormat.readable(row.stanceTowardsB, digits: 3)) | \(row.eventsWithA + row.eventsWithB) |\n"
        }
        return out
    }

    /// Aligned columns for a terminal.
    public func text() -> String {
        TextTable.render(header: ["slice", "third", "role", "score", "sigma_a", "sigma_b", "events_a", "events_b"],
                         rows: rows.map { [$0.slice, $0.third, $0.role.rawValue, NumberFormat.readable($0.score, digits: 3),
                                           NumberFormat.readable($0.stanceTowardsA, digits: 3), NumberFormat.readable($0.stanceTowardsB, digits: 3),
                                           String($0.eventsWithA), String($0.eventsWithB)] },
                         rightAligned: [3, 4, 5, 6, 7])
    }
}
