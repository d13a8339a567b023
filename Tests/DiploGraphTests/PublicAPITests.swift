import Foundation
import Testing
import DiploGraph
import DiploGraphIO

/// The library as a program built on it sees it: typed indices, measure values by id, entity
/// lookup, kind layers and re-slicing by group. Public API only (no `@testable`), and no index
/// literals: every index comes from a table, a network or the checked ``TypedIndex/init(_:)``.
@Suite struct PublicAPITests {
    static let root = "\(#filePath)".components(separatedBy: "/Tests/")[0] + "/graphs/korean-peninsula"

    /// The default dataset, sliced by year as `options` say.
    static func network(_ options: SliceOptions = SliceOptions()) throws -> SlicedNetwork {
        let kinds = try DatasetReader.readKinds(path: root + ".kinds.csv")
        let actors = try DatasetReader.readActors(path: root + ".actors.csv")
        let log = try DatasetReader.readEvents(path: root + ".events.csv", actors: actors, kinds: kinds)
        return try Slicer.slice(log, options: options)
    }

    /// A small log: a, b, c, m; summits, pressure and a talks kind (neutral).
    static func smallLog() throws -> EventLog {
        var kinds = KindTable()
        try kinds.declare(Kind(id: "talks", polarity: .neutral, label: "Talks"))
        let actors = try DatasetReader.readActors(bytes: Array("id,label,group\na,A,X\nb,B,Y\nc,C,Y\nm,M,Z\n".utf8), name: "a.csv")
        let events = """
            date,source,target,kind,about
            2018,a,m,summit,
            2018,m,b,mediation,a|b
            2018,b,c,pressure,
            2019,a,b,talks,
            2019,c,m,summit,
            """
        return try DatasetReader.readEvents(bytes: Array(events.utf8), name: "e.csv", actors: actors, kinds: kinds)
    }

    @Test func measureValuesByIDEqualTheValuesByNode() throws {
        let network = try Self.network()
        let slice = try #require(network.slice(labelled: "2018"))
        let values = try network.measures([.brokerage, .betweenness, .brokerage], in: slice)
        #expect(values.measures == [.brokerage, .betweenness])
        let moon = try network.entityIndex(of: "moon-jae-in")
        let node = try #require(slice.node(of: moon))
        #expect(slice.entity(at: node) == moon)
        #expect(slice.nodes[node.position] == moon)
        // The README's figures for 2018.
        #expect(try values[.brokerage, actor: "moon-jae-in"] == 2)
        #expect(try values[.betweenness, actor: "moon-jae-in"].map { abs($0 - 0.05357142857142857) < 1e-15 } == true)
        // Every way in gives the table's cell.
        for (column, measure) in values.measures.enumerated() {
            let cell = values.table.columns[column][node.position]
            #expect(values[measure, node: node] == cell)
            #expect(values[measure, entity: moon] == cell)
            #expect(try values[measure, actor: "moon-jae-in"] == cell)
            let byColumn = try #require(values.column(measure))
            #expect(byColumn[node: node] == cell)
            #expect(byColumn[entity: moon] == cell)
            #expect(try byColumn[actor: "moon-jae-in"] == cell)
        }
        #expect(try values[actor: "moon-jae-in"] == values.table.columns.map { $0[node.position] })
        // Not computed, not a node of the slice, not an entity.
        #expect(values.column(.pagerank) == nil)
        #expect(values[.pagerank, node: node] == nil)
        let absent = try #require(network.entities.indices.first { slice.node(of: try EntityIndex($0)) == nil })
        #expect(try values[actor: network.entities[absent].id] == nil)
        #expect(values[.brokerage, entity: try EntityIndex(absent)] == nil)
        #expect(values[.brokerage, node: try NodeIndex(slice.nodes.count)] == nil)
        #expect(throws: UnknownIDError.self) { try values[.brokerage, actor: "nobody"] }
    }

    @Test func oneActorsValuePerSliceIsOneCall() throws {
        let network = try Self.network()
        let moon = try network.entityIndex(of: "moon-jae-in")
        let series = try network.series(of: .brokerage, for: moon)
        #expect(series.map(\.slice.label) == network.slices.map(\.label))
        // The README's table: 2017 0, 2018 2, 2019 0, 2020 1; absent before.
        let byYear = Dictionary(uniqueKeysWithValues: series.map { ($0.slice.label, $0.value) })
        #expect(byYear["2017"] == 0 && byYear["2018"] == 2 && byYear["2019"] == 0 && byYear["2020"] == 1)
        for (slice, point) in zip(network.slices, series) {
            #expect(point.value == (try network.measures([.brokerage], in: slice))[.brokerage, entity: moon])
        }
        let outside = try EntityIndex(network.entities.count)
        #expect(throws: ValueError("entity index \(network.entities.count) is out of range (\(network.entities.count) entities)")) {
            try network.series(of: .brokerage, for: outside)
        }
    }

    @Test func measuresRefuseASliceOfAnotherNetwork() throws {
        let network = try Self.network()
        let other = try Slicer.slice(try Self.smallLog(), options: SliceOptions())
        let foreign = try #require(other.slice(labelled: "2019"))
        #expect(throws: ValueError("slice '2019' is not a slice of this network")) {
            try network.measures([.degree], in: foreign)
        }
    }

    /// Every call that reads a slice's events or nodes against the network's log and entities
    /// refuses another network's slice, even one of the same label made from the same file,
    /// whose indices would be out of range or mean other actors.
    @Test func sliceReadersRefuseASliceOfAnotherNetwork() throws {
        let network = try Slicer.slice(try Self.smallLog(), options: SliceOptions())
        let twin = try Slicer.slice(try Self.smallLog(), options: SliceOptions())
        let grouped = try network.mergingGroups()
        for other in [twin, grouped, try Self.network()] {
            let foreign = try #require(other.slice(labelled: "2018"))
            #expect(!network.owns(foreign))
            let refusal = ValueError("slice '2018' is not a slice of this network")
            #expect(throws: refusal) { try network.typedTies(in: foreign) }
            #expect(throws: refusal) { try network.groupIndices(of: foreign) }
            #expect(throws: refusal) { try network.mediationCounts(in: foreign) }
            #expect(throws: refusal) { try network.measures([.mediation], in: foreign) }
        }
        let own = try #require(network.slice(labelled: "2018"))
        #expect(network.owns(own))
        #expect(try network.typedTies(in: own).count == 4)  // a→m summit, m→b mediation, its leg a→m, b→c pressure
        #expect(try network.mediationCounts(in: own) == [0, 0, 0, 1])  // a, b, c, m: m mediated a|b
    }

    @Test func entityLookupNamesWhatIsUnknownAndWhatIsKnown() throws {
        let network = try Slicer.slice(try Self.smallLog(), options: SliceOptions())
        let a = try network.entityIndex(of: "a")
        #expect(network.entity(at: a)?.label == "A")
        #expect(network.entity(at: try EntityIndex(99)) == nil)
        let b = try #require(network.log.actors.index(of: "b"))
        #expect(network.entityIndex(ofActor: b) == (try network.entityIndex(of: "b")))
        #expect(network.entityIndex(ofActor: try ActorIndex(99)) == nil)
        #expect(throws: UnknownIDError(id: "z", what: .actor, known: ["a", "b", "c", "m"])) { try network.entityIndex(of: "z") }
        do {
            _ = try network.entityIndex(of: "z")
        } catch {
            #expect(error.description == "unknown actor 'z' (known: a, b, c, m)")
        }
        // Merged into groups, ids are group names: an actor id is no longer one.
        let groups = try network.mergingGroups()
        #expect(try groups.entityIndex(of: "Y") == groups.entityIndex(ofActor: b))
        #expect(throws: UnknownIDError(id: "b", what: .group, known: ["X", "Y", "Z"])) { try groups.entityIndex(of: "b") }
        // A long list is cut to one line.
        let many = UnknownIDError(id: "q", what: .kind, known: (1...30).map { "k\($0)" })
        #expect(many.description == "unknown kind 'q' (known: k1, k2, k3, k4, k5, k6, k7, k8, k9, k10, k11, k12, k13, k14, k15, k16, k17, …, k28, k29, k30; 30 in all)")
    }

    @Test func kindLayersSelectKindsByPolarity() throws {
        let log = try Self.smallLog()
        #expect(log.kinds.ids(in: .cooperative) == ["mediation", "summit"])
        #expect(log.kinds.ids(in: .conflictual) == ["pressure"])
        #expect(log.kinds.ids(in: .neutral) == ["talks"])
        #expect(KindLayer.allCases.map(\.polarity) == [.cooperative, .conflictual, .neutral])
        #expect(log.kinds.expandingLayers(["neutral", "pressure", "nonsense"]) == ["talks", "pressure", "nonsense"])
        // A declared kind with a layer's name keeps its meaning.
        var kinds = log.kinds
        try kinds.declare(Kind(id: "neutral", polarity: .cooperative, label: "A kind named neutral"))
        #expect(kinds.expandingLayers(["neutral"]) == ["neutral"])
        // Slicing by layer: the conflictual layer has the 2018 pressure only.
        let conflict = try Slicer.slice(log, options: SliceOptions(layers: [.conflictual]))
        #expect(conflict.slices.map(\.label) == ["2018"])
        #expect(conflict.slices[0].graph.edgeCount == 1)
        // Layers and kinds add up.
        let both = try Slicer.slice(log, options: SliceOptions(kinds: ["talks"], layers: [.conflictual]))
        #expect(both.slices.map { $0.eventIndices.count } == [1, 1])
        // An unknown kind id is named, in the library's words.
        #expect(throws: InputProblems.self) { try Slicer.slice(log, options: SliceOptions(kinds: ["nonsense"])) }
        do {
            _ = try Slicer.slice(log, options: SliceOptions(kinds: ["nonsense"]))
        } catch {
            #expect(error.description == "e.csv: unknown kind 'nonsense' in the selected kinds (known kinds: mediation, summit, pressure, talks)")
        }
    }

    @Test func reslicingByGroupKeepsTheSlicesAndMergesTheActors() throws {
        let network = try Self.network(SliceOptions(kinds: ["mediation"]))
        let groups = try network.mergingGroups()
        #expect(groups.options.mergesGroups && groups.options.kinds == ["mediation"])
        #expect(groups.slices.map(\.label) == network.slices.map(\.label))
        #expect(groups.slices.map(\.periods) == network.slices.map(\.periods))
        #expect(Set(groups.entities.map(\.id)) == Set(network.log.actors.actors.map(\.group)))
        // The README: on the mediation layer by group, ROK is a liaison in 2017–2019.
        let rok = try groups.entityIndex(of: "ROK")
        let liaison = try groups.series(of: .liaison, for: rok)
        #expect(liaison.filter { $0.value == 1 }.map(\.slice.label) == ["2017", "2018", "2019"])
        // Every actor's entity is its group's.
        for (actor, entity) in groups.entityOfActor.enumerated() {
            #expect(groups.entities[entity.position].id == network.log.actors.actors[actor].group)
        }
        // A re-slice with other options stays aligned, empty slices included.
        var summits = network.options
        summits.kinds = ["summit"]
        let aligned = try network.resliced(with: summits)
        #expect(aligned.slices.map(\.label) == network.slices.map(\.label))
        var monthly = network.options
        monthly.slicing = .calendar(.month)
        #expect(throws: InputProblems.self) { try network.resliced(with: monthly) }
    }

    @Test func typedIndicesComeFromTheTablesAndRefuseBadPositions() throws {
        let log = try Self.smallLog()
        let m = try #require(log.actors.index(of: "m"))
        #expect(log.actors[m].label == "M")
        #expect(log.actors.actor(at: try ActorIndex(log.actors.count)) == nil)
        let talks = try #require(log.kinds.index(of: "talks"))
        #expect(log.kinds[talks].polarity == .neutral)
        #expect(log.kinds.kind(at: try KindIndex(log.kinds.count)) == nil)
        var actors = log.actors
        let declared = try actors.declare(Actor(id: "n", label: "N", group: "Z"))
        #expect(declared.position == log.actors.count && actors[declared].id == "n")
        #expect(throws: ValueError("duplicate actor id 'n'")) { try actors.declare(Actor(id: "n", label: "again", group: "Z")) }
        #expect(actors.count == log.actors.count + 1 && actors[declared].label == "N")
        var kinds = log.kinds
        #expect(try kinds.declare(Kind(id: "talks", polarity: .cooperative, label: "Talks")) == talks)
        #expect(throws: ValueError("index -2: must be in 0..<2147483647")) { try NodeIndex(-2) }
        // The about of a relay, at the slices' level, in entities.
        let network = try Slicer.slice(log, options: SliceOptions())
        let relay = try #require(network.log.events.first { $0.about != nil })
        let (first, second) = try #require(network.about(of: relay))
        #expect(network.entities[first.position].id == "a" && network.entities[second.position].id == "b")
        #expect(network.relayOrigin(of: relay) == (try network.entityIndex(of: "a")))
        #expect(try Relationship(relay.source, relay.target).contains(relay.source))
    }

    @Test func nodeLevelGraphQueriesTakeNodeIndices() throws {
        let network = try Slicer.slice(try Self.smallLog(), options: SliceOptions())
        let slice = try #require(network.slice(labelled: "2018"))
        let graph = slice.graph
        #expect(Array(graph.nodeIndices) == Array(slice.nodeIndices))
        let m = try #require(slice.node(of: try network.entityIndex(of: "m")))
        let b = try #require(slice.node(of: try network.entityIndex(of: "b")))
        #expect(Array(graph.successors(of: m)) == [b])
        #expect(graph.weight(from: m, to: b) == 1)
        #expect(graph.weight(from: b, to: m) == nil)
        #expect(graph.outDegree(of: m) == 1 && graph.inDegree(of: b) == 1)
        let outside = try NodeIndex(graph.nodeCount)
        #expect(graph.successors(of: outside).isEmpty && graph.predecessors(of: outside).isEmpty)
        #expect(graph.outDegree(of: outside) == 0 && graph.inDegree(of: outside) == 0)
        #expect(graph.weight(from: m, to: outside) == nil)
        #expect(slice.entity(at: outside) == nil)
    }
}

@Suite struct CheckedValuesTests {
    @Test func pageRankRefusesADampingOutsideZeroToOne() throws {
        let network = try Slicer.slice(try PublicAPITests.smallLog(), options: SliceOptions())
        let graph = network.slices[0].graph
        for damping in [-0.1, 1.5, .nan, .infinity] {
            #expect(throws: ValueError.self) { try graph.pageRank(damping: damping) }
        }
        #expect(try graph.pageRank(damping: 0.85) == graph.pageRank())
    }

    @Test func periodLabelsOfYearOneOnAreText() throws {
        #expect(try SliceUnit.year.label(ofPeriod: 7) == "0007")
        #expect(try SliceUnit.quarter.label(ofPeriod: 2018 * 4 + 1) == "2018-Q2")
        #expect(try SliceUnit.month.label(ofPeriod: 12) == "0001-01")
        #expect(try SliceUnit.year.label(ofPeriod: 19_998) == "19998")
        #expect(try SliceUnit.all.label(ofPeriod: 0) == "all")
    }

    /// Ordinals before year 1 (a negative one read `0000-Q0`) are refused in every unit.
    @Test(arguments: SliceUnit.allCases)
    func periodLabelsBeforeYearOneAreRefused(unit: SliceUnit) {
        for ordinal in [-1, -1_234_567, Int.min, unit == .all ? 1 : 0, unit == .month ? 11 : (unit == .quarter ? 3 : -2)] {
            #expect(throws: ValueError.self, "\(unit) \(ordinal)") { try unit.label(ofPeriod: ordinal) }
        }
        // Past year 9999 (a long window's end) a label is still text.
        if unit != .all { #expect((try? unit.label(ofPeriod: Int.max))?.isEmpty == false) }
    }

    /// The three files read as the command line reads them: the kinds' and actors' problems
    /// together, before any event is read against tables that failed.
    @Test func datasetReadsTheThreeFilesAndReportsTheirProblemsTogether() throws {
        let log = try DatasetReader.readDataset(events: PublicAPITests.root + ".events.csv", actors: PublicAPITests.root + ".actors.csv",
                                                kinds: PublicAPITests.root + ".kinds.csv")
        #expect(log.actors.index(of: "moon-jae-in") != nil)
        #expect(log.kinds.index(of: "talks") != nil)
        // Without the kinds file the dataset's own kinds are unknown: the events file is at fault.
        #expect(throws: InputProblems.self) { try DatasetReader.readDataset(events: PublicAPITests.root + ".events.csv") }
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("no-such-\(UUID().uuidString)").path
        do {
            _ = try DatasetReader.readDataset(events: missing + ".events.csv", actors: missing + ".actors.csv",
                                              kinds: missing + ".kinds.csv")
            Issue.record("read a dataset that does not exist")
        } catch {
            #expect(error.problems.map(\.file) == [missing + ".kinds.csv", missing + ".actors.csv"])
        }
    }

    /// The report's roles as the command line sets them: the table under the rule, and a
    /// tone rule beside stance; indices that are not the network's are refused, not trapped on.
    @Test func reportRolesAreSetFromTheNetworkAndCheckIndices() throws {
        let network = try PublicAPITests.network(SliceOptions(mergesGroups: true))
        let dyad = (try network.entityIndex(of: "ROK"), try network.entityIndex(of: "DPRK"))
        let us = try network.entityIndex(of: "US")
        var options = Report.Options(measures: [.degree], title: "t")
        try options.setRoles(in: network, dyad: dyad, third: us, rule: .stance)
        let roles = try #require(options.roles)
        #expect(roles.dyad == ("ROK", "DPRK") && roles.rule == .stance)
        #expect(roles.table.rows.map(\.slice) == (try ThirdPartyRoles(network: network, dyad: dyad, third: us, rule: .stance)).rows.map(\.slice))
        let compared = try #require(options.rolesCompared)
        #expect(compared.toneRule == .min)
        #expect(compared.stance.rows.count == roles.table.rows.count)
        let outside = try EntityIndex(network.entities.count)
        #expect(throws: ValueError.self) { try options.setRoles(in: network, dyad: dyad, third: outside) }
        #expect(throws: ValueError.self) { try options.setRoles(in: network, dyad: (dyad.0, dyad.0)) }
        let y2019 = try #require(network.slice(labelled: "2019"))
        #expect(roles.table.rows(in: y2019).map(\.role) == [.spoiling])
        #expect(roles.table.rows(in: y2019).allSatisfy { $0.slice == y2019 && network.entity(at: $0.third)?.id == "US" })
        let brokerage = try y2019.graph.brokerage(groups: network.groupIndices(of: y2019))
        #expect(brokerage[.total].count == y2019.nodes.count && brokerage[.total].indices.elementsEqual(y2019.nodeIndices))
        #expect(throws: ValueError("the third party 'ROK' is one of the dyad's sides: it has no role towards its own relationship")) {
            try ThirdPartyRoles(network: network, dyad: (a: dyad.0, b: dyad.1), third: dyad.0)
        }
        #expect { try Report.brokerageSeries(network: network, focus: outside, pathLength: .hops) } throws: { error in
            (error as? AnyDiploGraphError)?.base is ValueError && (error as? AnyDiploGraphError)?.errorReason == .invalidValue
        }
    }
}
