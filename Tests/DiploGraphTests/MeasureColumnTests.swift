import Testing
import DiploGraph
import DiploGraphIO

/// ``MeasureColumn`` as a collection of (node, entity, value) cells, its `max()` and `top(_:)`,
/// and the typed brokerage results.
@Suite struct MeasureColumnTests {
    /// 2018, undirected summits: a–b, a–c, b–c, a–d, and e alone with f. Degrees: a 3, b 2,
    /// c 2, d 1, e 1, f 1.
    static func network() throws -> SlicedNetwork {
        let actors = try DatasetReader.readActors(bytes: Array("id,label,group\nf,F,Y\ne,E,Y\nd,D,X\nc,C,X\nb,B,X\na,A,X\n".utf8), name: "a.csv")
        let events = "date,source,target,kind\n2018,a,b,summit\n2018,a,c,summit\n2018,b,c,summit\n2018,a,d,summit\n2018,e,f,summit\n"
        let log = try DatasetReader.readEvents(bytes: Array(events.utf8), name: "e.csv", actors: actors, kinds: KindTable())
        return try Slicer.slice(log, options: SliceOptions(isDirected: false))
    }

    @Test func aColumnIsACollectionOfItsNodesCells() throws {
        let network = try Self.network()
        let slice = try #require(network.slice(labelled: "2018"))
        let column = try #require(try network.measures([.degree], in: slice).column(.degree))
        #expect(column.count == slice.nodes.count && column.count == 6)
        #expect(column.map(\.value) == column.values)
        #expect(column.map(\.node) == Array(slice.nodeIndices))
        #expect(column.map(\.entity) == slice.nodes)
        for cell in column {
            #expect(slice.entity(at: cell.node) == cell.entity)
            #expect(column[entity: cell.entity] == cell.value && column[node: cell.node] == cell.value)
        }
        // Random access, both ways.
        let last = column[column.index(before: column.endIndex)]
        #expect(column.reversed().first == last)
        #expect(column[column.index(column.startIndex, offsetBy: 2)] == Array(column)[2])
        let a = try network.entityIndex(of: "a")
        #expect(column.first { $0.entity == a }?.value == 3)
    }

    @Test func maxAndTopRankByValueThenNodeOrder() throws {
        let network = try Self.network()
        let slice = try #require(network.slice(labelled: "2018"))
        let column = try #require(try network.measures([.degree], in: slice).column(.degree))
        func ids(_ cells: [MeasureColumn.Element]) -> [String] { cells.compactMap { network.entity(at: $0.entity)?.id } }
        // Entities are in actor-file order (f, e, d, c, b, a), so nodes are too: ties come in
        // that order, not by id.
        #expect(network.entity(at: try #require(column.max()).entity)?.id == "a")
        #expect(ids(column.top(3)) == ["a", "c", "b"])
        #expect(ids(column.top(6)) == ["a", "c", "b", "f", "e", "d"])
        #expect(column.top(0).isEmpty)
        #expect(column.top(100).count == 6)
        #expect(column.top(6).map(\.value) == [3, 2, 2, 1, 1, 1])
    }

    @Test func brokerageResultsAreTypedByRole() throws {
        #expect(BrokerageRole.allCases.map(\.measure) == [.coordinator, .itinerant, .representative, .gatekeeper, .liaison, .brokerage])
        #expect(BrokerageRole.allCases.map(\.zScoreMeasure) == [.coordinatorZ, .itinerantZ, .representativeZ, .gatekeeperZ, .liaisonZ, .brokerageZ])
        let network = try Self.network()
        let slice = try #require(network.slice(labelled: "2018"))
        let brokerage = try slice.graph.brokerage(groups: groupIndices(slice.nodes.map { network.entity(at: $0)?.group == "X" ? 0 : 1 }))
        let values = try network.measures(BrokerageRole.allCases.map(\.measure), in: slice)
        for role in BrokerageRole.allCases {
            #expect(Array(brokerage[role]) == brokerage.counts[role.rawValue])
            #expect(values.column(role.measure)?.values == brokerage[role].map { Optional($0) })
        }
        // a brokers b–d, c–d and their reverses, all in group X: coordinator 4.
        let a = try #require(slice.node(of: try network.entityIndex(of: "a")))
        #expect(brokerage[.coordinator][a] == 4 && brokerage[.total][a] == 4)
    }
}
