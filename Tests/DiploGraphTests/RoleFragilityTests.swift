import Testing
import DiploGraph
import DiploGraphIO

@Suite struct RoleFragilityTests {
    static func kinds() throws -> KindTable {
        var kinds = KindTable()
        try kinds.declare(Kind(id: "talks", polarity: .neutral, label: "Talks"))
        return kinds
    }

    /// A random log over actors A, B, T, U: years 2016–2018, kinds of every polarity, weights
    /// that sum exactly in binary, some acts about A|B.
    static func randomLog(events count: Int, using rng: inout SeededGenerator) throws -> EventLog {
        let actors = ["A", "B", "T", "U"]
        var lines = ["date,source,target,kind,weight,about"]
        for _ in 0..<count {
            let source = actors.randomElement(using: &rng)!
            let target = actors.filter { $0 != source }.randomElement(using: &rng)!
            let kind = ["summit", "pressure", "talks"].randomElement(using: &rng)!
            let weight = ["1", "2", "0.5", "3"].randomElement(using: &rng)!
            let about = (source == "T" || source == "U") && Bool.random(using: &rng) ? "A|B" : ""
            lines.append("\(Int.random(in: 2016...2018, using: &rng)),\(source),\(target),\(kind),\(weight),\(about)")
        }
        return try DatasetReader.readEvents(bytes: Array(lines.joined(separator: "\n").utf8), name: "e.csv", kinds: try kinds())
    }

    /// (slice, third) → role, re-slicing `log` without the events at `removed`.
    static func roles(_ log: EventLog, removing removed: Set<Int>, options: SliceOptions, rule: RoleRule) throws -> [String: ThirdPartyRole] {
        let kept = log.events.enumerated().filter { !removed.contains($0.offset) }.map(\.element)
        let reduced = try EventLog(file: log.file, actors: log.actors, kinds: log.kinds, events: kept)
        let network = try Slicer.slice(reduced, options: options)
        let a = try network.entityIndex(of: "A"), b = try network.entityIndex(of: "B")
        var result: [String: ThirdPartyRole] = [:]
        for row in try ThirdPartyRoles(network: network, dyad: (a, b), rule: rule).rows { result["\(row.slice.label) \(row.thirdID)"] = row.role }
        return result
    }

    /// Every subset of `0..<n` of `size` elements.
    static func subsets(of n: Int, size: Int) -> [[Int]] {
        if size == 0 { return [[]] }
        if n < size { return [] }
        return subsets(of: n - 1, size: size) + subsets(of: n - 1, size: size - 1).map { $0 + [n - 1] }
    }

    static let slicings: [Slicing] = [.calendar(.year), try! .window(unit: .year, width: 2, step: 1), try! .cumulative(.year), .calendar(.all)]

    @Test(arguments: RoleRule.allCases)
    func matchesRemovingEverySetOfEvents(rule: RoleRule) throws {
        var rng = SeededGenerator(seed: 20 + UInt64(RoleRule.allCases.firstIndex(of: rule)!))
        var checkedRows = 0, fragileRows = 0
        for trial in 0..<24 {
            let log = try Self.randomLog(events: 8 + trial % 12, using: &rng)
            let depth = 1 + trial % 3
            let options = SliceOptions(slicing: Self.slicings[trial % Self.slicings.count])
            let network = try Slicer.slice(log, options: options)
            let dyad = (a: try network.entityIndex(of: "A"), b: try network.entityIndex(of: "B"))
            let roles = try ThirdPartyRoles(network: network, dyad: dyad, rule: rule)
            let fragility = try RoleFragility(roles: roles, network: network, dyad: dyad, rule: rule, depth: depth)
            // The oracle: every set of up to `depth` events removed from the file.
            var smallest = [Int?](repeating: nil, count: roles.rows.count)
            var pivotal = [[Int]](repeating: [], count: roles.rows.count)
            for size in 1...depth {
                for removed in Self.subsets(of: log.events.count, size: size) {
                    let after = try Self.roles(log, removing: Set(removed), options: options, rule: rule)
                    for (index, row) in roles.rows.enumerated() where after["\(row.slice.label) \(row.thirdID)"] != row.role {
                        if smallest[index] == nil { smallest[index] = size }
                        if size == 1 { pivotal[index].append(log.events[removed[0]].line) }
                    }
                }
            }
            for (index, row) in roles.rows.enumerated() {
                let verdict = fragility.verdicts[index]
                let what = "trial \(trial) \(options.slicing) \(row.slice.label) \(row.thirdID)"
                #expect(verdict.support == row.events.count, "\(what)")
                #expect(verdict.fragility == smallest[index], "\(what): fragility \(String(describing: verdict.fragility)), brute force \(String(describing: smallest[index]))")
                #expect(verdict.pivotalLines == pivotal[index].sorted(), "\(what): pivotal \(verdict.pivotalLines), brute force \(pivotal[index])")
                for pivot in verdict.pivots {
                    let after = try Self.roles(log, removing: [Int(pivot.event)], options: options, rule: rule)
                    #expect(after["\(row.slice.label) \(row.thirdID)"] == pivot.roleAfter, "\(what): role after removing line \(pivot.line)")
                }
                checkedRows += 1
                if smallest[index] != nil { fragileRows += 1 }
            }
        }
        // The random logs exercise both firm and fragile verdicts.
        #expect(checkedRows > 30 && fragileRows > 5 && fragileRows < checkedRows, "\(checkedRows) rows, \(fragileRows) fragile")
    }

    @Test func largeSliceAnswersAtOnce() throws {
        // 10,000 events in one year: T cooperates with both sides, a few pressures each.
        var rows = ["date,source,target,kind,weight"]
        var rng = SeededGenerator(seed: 7)
        for i in 0..<10_000 {
            let side = i % 2 == 0 ? "A" : "B"
            let kind = Double.random(in: 0..<1, using: &rng) < 0.4 ? "pressure" : "summit"
            rows.append("2018,T,\(side),\(kind),\(Int.random(in: 1...5, using: &rng))")
        }
        let log = try DatasetReader.readEvents(bytes: Array(rows.joined(separator: "\n").utf8), name: "big.csv", kinds: try Self.kinds())
        let network = try Slicer.slice(log, options: SliceOptions())
        let dyad = (a: try network.entityIndex(of: "A"), b: try network.entityIndex(of: "B"))
        for rule in RoleRule.allCases where rule.isTone {
            let roles = try ThirdPartyRoles(network: network, dyad: dyad, rule: rule)
            let fragility = try RoleFragility(roles: roles, network: network, dyad: dyad, rule: rule, depth: 3)
            #expect(fragility.verdicts.map(\.support) == [10_000])
            #expect(fragility.verdicts[0].fragility == nil && fragility.verdicts[0].pivots.isEmpty)
        }
    }

    @Test func refusesDepthZero() throws {
        var rng = SeededGenerator(seed: 1)
        let log = try Self.randomLog(events: 6, using: &rng)
        let network = try Slicer.slice(log, options: SliceOptions())
        let dyad = (a: try network.entityIndex(of: "A"), b: try network.entityIndex(of: "B"))
        let roles = try ThirdPartyRoles(network: network, dyad: dyad)
        #expect(throws: ValueError.self) { try RoleFragility(roles: roles, network: network, dyad: dyad, rule: .min, depth: 0) }
    }
}
