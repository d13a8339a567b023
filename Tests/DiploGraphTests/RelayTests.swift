import Testing
import DiploGraph
import DiploGraphIO

/// Mediation relays in slice graphs, the `mediation` measure, and brokerage through relays.
@Suite struct RelayTests {
    static let actorsFile = """
    id,label,group
    m,Moon,ROK
    s,Seoul,ROK
    t,Trump,US
    w,Washington,US
    k,Kim,DPRK
    p,Pyongyang,DPRK
    u,UN,UN
    """

    func network(_ rows: String, options: SliceOptions = SliceOptions(), actorsFile: Bool = true) throws -> SlicedNetwork {
        let actors = actorsFile ? try DatasetReader.readActors(bytes: Array(Self.actorsFile.utf8), name: "a.csv") : nil
        let log = try DatasetReader.readEvents(bytes: Array(("date,source,target,kind,weight,about\n" + rows).utf8), name: "e.csv", actors: actors)
        return try Slicer.slice(log, options: options)
    }

    /// The slice graph's edges as `source>target:weight` with entity ids, sorted.
    func edges(_ network: SlicedNetwork, _ slice: Slice) -> [String] {
        var out: [String] = []
        for u in 0..<slice.graph.nodeCount {
            for slot in Int(slice.graph.outOffsets[u])..<Int(slice.graph.outOffsets[u + 1]) {
                let v = Int(slice.graph.outNeighbors[slot])
                if !slice.graph.isDirected && v < u { continue }
                let name = { (local: Int) in network.entities[Int(slice.nodes[local])].id }
                out.append("\(name(u))>\(name(v)):\(NumberFormat.readable(slice.graph.outWeights[slot]))")
            }
        }
        return out.sorted()
    }

    func column(_ network: SlicedNetwork, _ measure: Measure, slice index: Int = 0) -> [String: Double] {
        let slice = network.slices[index]
        let table = MeasureTable(network: network, slice: slice, measures: [measure], pathLength: .hops)
        var result: [String: Double] = [:]
        for (local, node) in slice.nodes.enumerated() { result[network.entities[Int(node)].id] = table.columns[0][local] }
        return result
    }

    @Test func aRelayAddsTheLegFromTheOtherSide() throws {
        // Moon → Kim about Trump|Kim: the legs Trump → Moon and Moon → Kim, weight 2 each.
        let net = try network("2018,m,k,mediation,2,t|k\n")
        #expect(edges(net, net.slices[0]) == ["m>k:2", "t>m:2"])
        #expect(net.slices[0].nodes.map { net.entities[Int($0)].id } == ["m", "t", "k"])
        // Moon sits between Trump and Kim: one ordered pair of two, betweenness 1/2; one liaison pair.
        #expect(column(net, .betweenness) == ["m": 0.5, "t": 0, "k": 0])
        #expect(column(net, .liaison) == ["m": 1, "t": 0, "k": 0])
    }

    @Test func legsAddUpWithActsAndOtherLegs() throws {
        let net = try network("""
        2018,m,k,mediation,1,t|k
        2018,t,m,summit,2,
        2018,m,t,mediation,1,k|t
        2018,m,k,mediation,1,
        2018,k,t,pressure,1,m|s
        """)
        // t>m: the summit (2) and the first relay's leg (1); k>m: the second relay's leg;
        // m>k: the first relay and the plain mediation; the pressure is a plain edge.
        #expect(edges(net, net.slices[0]) == ["k>m:1", "k>t:1", "m>k:2", "m>t:1", "t>m:3"])
        // Typed ties: legs apart for diagrams, merged for exports.
        let ties = try net.typedTies(in: net.slices[0], separatesRelayLegs: true)
        let legs = ties.filter(\.isRelayLeg).map { "\(net.entities[Int($0.source)].id)>\(net.entities[Int($0.target)].id):\($0.eventCount)" }
        #expect(legs.sorted() == ["k>m:1", "t>m:1"])
        let merged = try net.typedTies(in: net.slices[0])
        #expect(merged.allSatisfy { !$0.isRelayLeg })
        #expect(merged.reduce(0) { $0 + $1.weight } == 8)
    }

    @Test func undirectedRelays() throws {
        let net = try network("2018,m,k,mediation,2,t|k\n2018,k,m,summit,1,\n", options: SliceOptions(isDirected: false))
        #expect(edges(net, net.slices[0]) == ["m>k:3", "m>t:2"])
    }

    @Test func relaysBetweenGroups() throws {
        // Moon (ROK) → Pyongyang (DPRK) about Washington|Pyongyang: under --by group, the leg US → ROK.
        let rows = "2018,m,p,mediation,1,w|p\n2018,s,t,mediation,1,k|t\n2018,u,k,mediation,1,k|m\n2018,k,w,pressure,1,\n"
        let groups = try network(rows, options: SliceOptions(mergesGroups: true))
        #expect(edges(groups, groups.slices[0]) == ["DPRK>ROK:1", "DPRK>US:1", "ROK>DPRK:1", "ROK>UN:1", "ROK>US:1", "UN>DPRK:1", "US>ROK:1"])
        // At the actor level the same events give other legs.
        let actors = try network(rows)
        #expect(edges(actors, actors.slices[0]) == ["k>s:1", "k>w:1", "m>p:1", "m>u:1", "s>t:1", "u>k:1", "w>m:1"])
    }

    @Test func mediationCountsDistinctRelationships() throws {
        let rows = """
        2018,m,k,mediation,1,t|k
        2018,m,t,mediation,1,k|t
        2018,m,k,mediation,1,w|k
        2018,m,k,mediation,1,
        2018,s,k,mediation,1,w|k
        2018,u,k,summit,1,m|k
        2019,m,k,mediation,1,t|k
        """
        // Actors: Moon mediated {t,k} and {w,k}; Seoul {w,k}; a summit about a pair is no mediation.
        let actors = try network(rows)
        #expect(column(actors, .mediation) == ["m": 2, "s": 1, "k": 0, "t": 0, "w": 0, "u": 0])
        #expect(column(actors, .mediation, slice: 1) == ["m": 1, "t": 0, "k": 0])
        // Groups: every pair is US|DPRK, mediated by ROK.
        let groups = try network(rows, options: SliceOptions(mergesGroups: true))
        #expect(column(groups, .mediation) == ["ROK": 1, "US": 0, "DPRK": 0, "UN": 0])
        // Not selected, not counted.
        let summits = try network(rows, options: SliceOptions(kinds: ["summit"]))
        #expect(column(summits, .mediation) == ["u": 0, "k": 0])
    }

    @Test func mediationInEveryOutputFormat() throws {
        let net = try network("2018,m,k,mediation,1,t|k\n")
        let table = CentralityTable(network: net, measures: [.degree, .mediation], pathLength: .hops)
        #expect(table.csv() == "slice,actor,degree,mediation\n2018,m,2,1\n2018,t,1,0\n2018,k,1,0\n")
        let json = try table.json()
        #expect(json.contains("\"mediation\" : 1,\n"))
        #expect(table.markdown().hasPrefix("| slice | actor | degree | mediation |"))
        #expect(table.text().contains("mediation"))
        #expect(try Measure.parseList("mediation,degree") == [.mediation, .degree])
    }

    @Test func alignedSlicesFollowTheOtherNetwork() throws {
        let rows = "2017,t,k,pressure,1,\n2018,m,k,mediation,1,t|k\n2020,k,t,pressure,1,\n"
        let all = try network(rows)
        var options = all.options
        options.kinds = ["mediation"]
        options.mergesGroups = true
        let layer = try Slicer.slice(all.log, options: options, alignedWith: all)
        #expect(layer.slices.map(\.label) == ["2017", "2018", "2019", "2020"])
        #expect(layer.slices.map(\.graph.edgeCount) == [0, 2, 0, 0])
        options.kinds = ["summit"]
        let empty = try Slicer.slice(all.log, options: options, alignedWith: all)
        #expect(empty.slices.map(\.label) == ["2017", "2018", "2019", "2020"])
        #expect(empty.slices.allSatisfy { $0.graph.nodeCount == 0 })
    }

    // MARK: - Brokerage through relays, against every triple

    /// Random logs with plain events and relays between groups; the slice graph's brokerage
    /// must equal a brute-force count over every triple of the graph built here from the
    /// events, without the slicer.
    @Test(arguments: [(true, false), (false, false), (true, true), (false, true)])
    func brokerageThroughRelaysMatchesAllTriples(isDirected: Bool, mergesGroups: Bool) throws {
        for seed in 0..<150 {
            var rng = SeededGenerator(seed: UInt64(9000 + seed))
            let groupCount = Int.random(in: 3...5, using: &rng)
            let actorCount = Int.random(in: groupCount...12, using: &rng)
            let groupOf = (0..<actorCount).map { $0 < groupCount ? $0 : Int.random(in: 0..<groupCount, using: &rng) }
            var actorsText = "id,label,group\n"
            for a in 0..<actorCount { actorsText += "a\(a),A\(a),g\(groupOf[a])\n" }
            var rows = "date,source,target,kind,weight,about\n"
            // (source, target, about) at the actor level, for the graph built by hand.
            var written: [(Int, Int, (Int, Int)?, Bool)] = []
            for _ in 0..<Int.random(in: 1...25, using: &rng) {
                if Bool.random(using: &rng) {
                    // A relay: sides A and B in two groups, the mediator in a third.
                    let gA = Int.random(in: 0..<groupCount, using: &rng)
                    var gB = Int.random(in: 0..<groupCount - 1, using: &rng); if gB >= gA { gB += 1 }
                    let others = (0..<groupCount).filter { $0 != gA && $0 != gB }
                    let gM = others.randomElement(using: &rng)!
                    let pick = { (g: Int, rng: inout SeededGenerator) in (0..<actorCount).filter { groupOf[$0] == g }.randomElement(using: &rng)! }
                    let a = pick(gA, &rng), b = pick(gB, &rng), m = pick(gM, &rng)
                    let x = Bool.random(using: &rng) ? a : b
                    rows += "2018,a\(m),a\(x),mediation,1,a\(a)|a\(b)\n"
                    written.append((m, x, (a, b), true))
                } else {
                    let u = Int.random(in: 0..<actorCount, using: &rng)
                    var v = Int.random(in: 0..<actorCount - 1, using: &rng); if v >= u { v += 1 }
                    let kind = ["summit", "pressure", "mediation"].randomElement(using: &rng)!
                    rows += "2018,a\(u),a\(v),\(kind),1,\n"
                    written.append((u, v, nil, false))
                }
            }
            let actors = try DatasetReader.readActors(bytes: Array(actorsText.utf8), name: "a.csv")
            let log = try DatasetReader.readEvents(bytes: Array(rows.utf8), name: "e.csv", actors: actors)
            let net = try Slicer.slice(log, options: SliceOptions(isDirected: isDirected, mergesGroups: mergesGroups))
            let slice = net.slices[0]
            // The graph by hand, over entities: actors or groups.
            let entityCount = mergesGroups ? groupCount : actorCount
            let entity = { (actor: Int) in mergesGroups ? groupOf[actor] : actor }
            var a = [[Bool]](repeating: [Bool](repeating: false, count: entityCount), count: entityCount)
            func tie(_ u: Int, _ v: Int) {
                guard u != v else { return }
                a[u][v] = true
                if !isDirected { a[v][u] = true }
            }
            for (source, target, about, isRelay) in written {
                tie(entity(source), entity(target))
                if isRelay, let (sideA, sideB) = about {
                    let origin = entity(target) == entity(sideA) ? entity(sideB) : entity(sideA)
                    tie(origin, entity(source))
                }
            }
            // Entities present in the slice, in entity order (ids a0…, or groups by first appearance).
            let localOf = Dictionary(uniqueKeysWithValues: slice.nodes.enumerated().map { (net.entities[Int($1)].id, $0) })
            let name = { (e: Int) in mergesGroups ? "g\(e)" : "a\(e)" }
            let present = (0..<entityCount).filter { e in (0..<entityCount).contains { a[e][$0] || a[$0][e] } }
            #expect(Set(present.map(name)) == Set(localOf.keys), "seed \(seed): nodes")
            let groups = try net.groupIndices(of: slice)
            let groupOfEntity = Dictionary(uniqueKeysWithValues: present.map { ($0, groups[localOf[name($0)]!]) })
            var expected = [[Double]](repeating: [Double](repeating: 0, count: slice.nodes.count), count: 6)
            for i in present { for j in present { for k in present where i != j && j != k && i != k {
                guard a[i][j], a[j][k], !a[i][k] else { continue }
                let (gi, gj, gk) = (groupOfEntity[i]!, groupOfEntity[j]!, groupOfEntity[k]!)
                let role: BrokerageRole = gi == gj && gj == gk ? .coordinator
                    : gi == gk ? .itinerant : gi == gj ? .representative : gj == gk ? .gatekeeper : .liaison
                expected[role.rawValue][localOf[name(j)]!] += 1
                expected[BrokerageRole.total.rawValue][localOf[name(j)]!] += 1
            } } }
            let brokerage = try slice.graph.brokerage(groups: groups)
            for role in BrokerageRole.allCases {
                #expect(brokerage.counts[role.rawValue] == expected[role.rawValue], "seed \(seed) \(role)")
            }
        }
    }
}
