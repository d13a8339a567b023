import Testing
import DiploGraph
import DiploGraphIO

/// Results indexed by typed ids, as a program on the public API reads them: events by
/// ``EventIndex``, groups by ``GroupIndex``, counts by ``NodeIndex`` and ``EntityIndex``, evidence
/// by slice and node. No index literals; the package's positional storage is read only to check
/// that a typed lookup returns the same cell.
@Suite struct TypedResultsTests {
    @Test func eventIndicesOfASliceLeadToItsEvents() throws {
        let log = try PublicAPITests.smallLog()
        let network = try Slicer.slice(log, options: SliceOptions())
        let y2018 = try #require(network.slice(labelled: "2018"))
        let events = y2018.eventIndices.compactMap { log.event(at: $0) }
        #expect(events.count == 3)
        #expect(events.map(\.line) == [2, 3, 4])
        #expect(y2018.eventIndices.compactMap { log.note(at: $0) } == ["", "", ""])
        // Every event of the log has an index, and only those.
        #expect(Array(log.eventIndices).compactMap { log.event(at: $0) }.map(\.line) == log.events.map(\.line))
        let past = try EventIndex(log.events.count)
        #expect(log.event(at: past) == nil)
        #expect(log.note(at: past) == nil)
    }

    @Test func tiesAndRolesNameTheirEventsByIndex() throws {
        let log = try PublicAPITests.smallLog()
        let network = try Slicer.slice(log, options: SliceOptions())
        let y2018 = try #require(network.slice(labelled: "2018"))
        let ties = try network.typedTies(in: y2018)
        for tie in ties {
            let events = tie.events.compactMap { log.event(at: $0) }
            #expect(events.count == tie.eventCount)
            #expect(events.allSatisfy { $0.kind == tie.kind })
        }
        let mediator = try network.entityIndex(of: "m")
        let relay = try #require(ties.first { $0.target == mediator && $0.kind == KindTable.mediation })
        #expect(relay.events.compactMap { log.event(at: $0)?.about }.count == 1)
    }

    @Test func groupIndicesNameTheNetworksGroups() throws {
        let log = try PublicAPITests.smallLog()
        let network = try Slicer.slice(log, options: SliceOptions())
        #expect(network.groups == ["X", "Y", "Z"])
        let y2018 = try #require(network.slice(labelled: "2018"))
        let groups = try network.groupIndices(of: y2018)
        #expect(groups.count == y2018.nodes.count)
        // Each node's group index names its entity's group, and the network's index agrees.
        for (node, group) in zip(y2018.nodeIndices, groups) {
            let entity = try #require(y2018.entity(at: node))
            #expect(network.group(at: group) == network.entity(at: entity)?.group)
            #expect(network.groupIndex(of: entity) == group)
        }
        // The same group has the same index in every slice.
        let y2019 = try #require(network.slice(labelled: "2019"))
        let c = try network.entityIndex(of: "c")
        let cGroup2018 = try #require(y2018.node(of: c).map { groups[$0.position] })
        let cGroup2019 = try #require(y2019.node(of: c).map { try network.groupIndices(of: y2019)[$0.position] })
        #expect(cGroup2018 == cGroup2019)
        #expect(network.group(at: try GroupIndex(network.groups.count)) == nil)
        #expect(network.groupIndex(of: try EntityIndex(network.entities.count)) == nil)
        // Brokerage over the network's groups: b (Y) links m (Z) and c (Y) in 2018.
        let brokerage = try y2018.graph.brokerage(groups: groups)
        let b = try #require(y2018.node(of: try network.entityIndex(of: "b")))
        #expect(brokerage[.total][b] > 0)
        #expect(brokerage[.total].value(at: try NodeIndex(y2018.nodes.count)) == nil)
        #expect(brokerage.zScores(for: .total).count == y2018.nodes.count)
    }

    @Test func sliceGraphIsBuiltFromTypedEdgesAndRefusesNodesOutOfRange() throws {
        let (a, b, c) = (try NodeIndex(0), try NodeIndex(1), try NodeIndex(2))
        let edges = [SliceGraph.Edge(source: b, target: c, weight: 2), SliceGraph.Edge(source: a, target: b)]
        let graph = try SliceGraph(nodeCount: 3, edges: edges, isDirected: true)
        #expect(graph.edgeCount == 2)
        #expect(graph.weight(from: b, to: c) == 2)
        #expect(Array(graph.successors(of: a)) == [b])
        #expect(graph.edges == [SliceGraph.Edge(source: a, target: b, weight: 1), SliceGraph.Edge(source: b, target: c, weight: 2)])
        #expect(try SliceGraph(nodeCount: 3, edges: graph.edges, isDirected: true) == graph)
        // Undirected: each edge once, its smaller node first.
        let undirected = try SliceGraph(nodeCount: 3, edges: [SliceGraph.Edge(source: c, target: a)], isDirected: false)
        #expect(undirected.edges == [SliceGraph.Edge(source: a, target: c)])
        #expect(throws: ValueError("edge 0 → 2: endpoint out of range (2 nodes)")) {
            try SliceGraph(nodeCount: 2, edges: [SliceGraph.Edge(source: a, target: c)], isDirected: true)
        }
        #expect(throws: ValueError("edge 1 → 1: self-loops are not allowed")) {
            try SliceGraph(nodeCount: 2, edges: [SliceGraph.Edge(source: b, target: b)], isDirected: true)
        }
        #expect(throws: ValueError.self) {
            try SliceGraph(nodeCount: 2, edges: [SliceGraph.Edge(source: a, target: b, weight: 0)], isDirected: true)
        }
    }

    @Test func thirdPartyRowsNameTheirSliceAndThirdPartyTyped() throws {
        let network = try PublicAPITests.network(SliceOptions(mergesGroups: true))
        let dyad = (a: try network.entityIndex(of: "ROK"), b: try network.entityIndex(of: "DPRK"))
        let us = try network.entityIndex(of: "US")
        let roles = try ThirdPartyRoles(network: network, dyad: dyad, third: us, rule: .stance)
        #expect(!roles.rows.isEmpty)
        for row in roles.rows {
            #expect(network.owns(row.slice))
            #expect(row.third == us)
            #expect(roles.rows(in: row.slice).contains(row))
            #expect(row.events.allSatisfy { index in network.log.event(at: index).map { $0.kind } != nil })
        }
        #expect(roles.rows.map(\.slice.label) == ["2018", "2019", "2020"])
        // The same year of another slicing of the same file is another slice: no rows there.
        let other = try PublicAPITests.network(SliceOptions(mergesGroups: true))
        let y2018 = try #require(other.slice(labelled: "2018"))
        #expect(roles.rows(in: y2018).isEmpty)
        #expect(roles.rows(in: try #require(network.slice(labelled: "2018"))).count == 1)
    }

    @Test func builtInKindsAreTheTablesHandles() throws {
        let table = KindTable()
        #expect(table.kind(at: KindTable.mediation) == Kind.mediation)
        #expect(table.kind(at: KindTable.summit) == Kind.summit)
        #expect(table.kind(at: KindTable.pressure) == Kind.pressure)
        #expect(table.index(of: Kind.mediation.id) == KindTable.mediation)
        #expect(Kind.mediation.polarity == .cooperative && Kind.pressure.polarity == .conflictual)
    }

    @Test func evidenceIsReadBySliceAndNode() throws {
        let log = try PublicAPITests.smallLog()
        let network = try Slicer.slice(log, options: SliceOptions())
        let influence = try MeasureInfluence(network: network, measures: [.degree, .brokerage])
        let test = try PermutationTest(network: network, measures: [.degree], model: .edges, permutations: 20, seed: 1)
        for (s, slice) in network.slices.enumerated() {
            for node in slice.nodeIndices {
                let low = influence.minimum[s][1][node.position], high = influence.maximum[s][1][node.position]
                #expect(influence.range(of: .brokerage, at: node, in: slice) == low.flatMap { l in high.map { l...$0 } })
                #expect(test.pValue(of: .degree, at: node, in: slice) == test.pValues[s][0][node.position])
                #expect(test.qValue(of: .degree, at: node, in: slice) == test.qValues[s][0][node.position])
            }
            let past = try NodeIndex(slice.nodes.count)
            #expect(influence.range(of: .degree, at: past, in: slice) == nil)
            #expect(test.pValue(of: .degree, at: past, in: slice) == nil)
        }
        let y2018 = try #require(network.slice(labelled: "2018"))
        let node = try #require(y2018.nodeIndices.first)
        #expect(influence.range(of: .degree, at: node, in: y2018) != nil)
        #expect(influence.range(of: .betweenness, at: node, in: y2018) == nil)
        #expect(test.pValue(of: .brokerage, at: node, in: y2018) == nil)
        // The same year of another slicing is not a slice of the network tested.
        let other = try #require(try Slicer.slice(log, options: SliceOptions()).slice(labelled: "2018"))
        #expect(influence.range(of: .degree, at: node, in: other) == nil)
        #expect(test.pValue(of: .degree, at: node, in: other) == nil)
    }

    @Test func reachedCountsAreIndexedByEntity() throws {
        let log = try PublicAPITests.smallLog()
        let network = try Slicer.slice(log, options: SliceOptions())
        let reach = TemporalReach(network: network)
        let counts = reach.reachedCounts(reading: .possible)
        #expect(counts.count == network.entities.count)
        for entity in counts.indices {
            let arrivals = try reach.arrivals(from: entity, reading: .possible)
            #expect(counts[entity] == arrivals.reachedCount, "\(network.entity(at: entity)?.id ?? "")")
        }
        let a = try network.entityIndex(of: "a")
        #expect(counts.value(at: a) == counts[a])
        #expect(counts.value(at: try EntityIndex(network.entities.count)) == nil)
    }
}
