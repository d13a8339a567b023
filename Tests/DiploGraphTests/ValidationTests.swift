import Foundation
import Testing
import DiploGraph
import DiploGraphIO

/// Every public initialiser that takes user values rejects each invalid one with a
/// ``ValueError``; nothing a caller passes can trap. Public API only (no `@testable`).
@Suite struct ValidationTests {
    static let date = try! EventDate(year: 2018)

    /// Indices made through the public initialiser, which refuses negative positions.
    func a(_ position: Int) -> ActorIndex { try! ActorIndex(position) }
    func k(_ position: Int) -> KindIndex { try! KindIndex(position) }
    func e(_ position: Int) -> EntityIndex { try! EntityIndex(position) }

    /// Runs `body` and returns the message of the ``ValueError`` it throws, or records an issue.
    func refusal<T>(_ body: () throws(ValueError) -> T, sourceLocation: SourceLocation = #_sourceLocation) -> String? {
        do {
            _ = try body()
            Issue.record("expected a ValueError", sourceLocation: sourceLocation)
            return nil
        } catch {
            return error.message
        }
    }

    @Test(arguments: [0.0, -1, -.infinity, .infinity, .nan, -0.0])
    func eventRejectsWeightsThatAreNotPositiveAndFinite(weight: Double) {
        let message = refusal { () throws(ValueError) in try Event(date: Self.date, source: a(0), target: a(1), kind: k(0), weight: weight) }
        #expect(message?.contains("must be a positive, finite number") == true)
    }

    @Test func eventRejectsBadIndices() {
        // Negative indices cannot be made at all.
        let negative = -1, tooLarge = Int(Int32.max)
        #expect(refusal { () throws(ValueError) in try ActorIndex(negative) } == "index -1: must be in 0..<2147483647")
        #expect(refusal { () throws(ValueError) in try KindIndex(tooLarge) } == "index 2147483647: must be in 0..<2147483647")
        #expect(refusal { () throws(ValueError) in try Event(date: Self.date, source: a(2), target: a(2), kind: k(0), weight: 1) } == "source and target are the same actor (2)")
    }

    @Test func eventLogRejectsIndicesOutsideItsTablesAndMismatchedNotes() throws {
        let log = try DatasetReader.readEvents(bytes: Array("date,source,target,kind\n2018,a,b,summit\n".utf8), name: "e.csv")
        let outOfRangeActor = try Event(date: Self.date, source: a(0), target: a(7), kind: k(0), weight: 1, line: 9)
        #expect(refusal { () throws(ValueError) in try EventLog(file: "x", actors: log.actors, kinds: log.kinds, events: [outOfRangeActor]) }
                == "event at line 9: actor index 7 is out of range (2 actors)")
        let outOfRangeKind = try Event(date: Self.date, source: a(0), target: a(1), kind: k(3), weight: 1, line: 4)
        #expect(refusal { () throws(ValueError) in try EventLog(file: "x", actors: log.actors, kinds: log.kinds, events: [outOfRangeKind]) }
                == "event at line 4: kind index 3 is out of range (3 kinds)")
        #expect(refusal { () throws(ValueError) in try EventLog(file: "x", actors: log.actors, kinds: log.kinds, events: log.events, notes: []) }
                == "0 notes for 1 events: give one note per event")
    }

    @Test(arguments: ["red", "#12345", "#1234567", "#gg0000", "1b7837#", "", "#1b783\u{0}", "\"#1b7837"])
    func kindRejectsColoursThatAreNotHex(colour: String) {
        let message = refusal { () throws(ValueError) in try Kind(id: "talks", polarity: .neutral, label: "Talks", color: colour) }
        #expect(message?.hasSuffix("expected #rrggbb, e.g. #1b7837") == true)
    }

    @Test func kindAndActorRejectEmptyIds() throws {
        #expect(refusal { () throws(ValueError) in try Kind(id: "", polarity: .neutral, label: "x") } == "a kind's id must not be empty")
        #expect(refusal { () throws(ValueError) in try Actor(id: "", label: "x", group: "g") } == "an actor's id must not be empty")
        #expect(refusal { () throws(ValueError) in try Actor(id: "a", label: "x", group: "") } == "actor 'a': its group must not be empty")
        #expect(try Kind(id: "talks", polarity: .neutral, label: "Talks", color: "#A1b2C3").color == "#A1b2C3")
    }

    @Test(arguments: [(0, 1), (1, 0), (-2, 1), (1, -5), (Slicing.maximumPeriods + 1, 1), (1, Int.max), (Int.max, Int.max)])
    func slicingRejectsWindowsThatAreNotPositiveOrTooLarge(width: Int, step: Int) {
        let message = refusal { () throws(ValueError) in try Slicing.window(unit: .month, width: width, step: step) }
        #expect(message?.contains(width < 1 || width > Slicing.maximumPeriods ? "window width" : "window step") == true)
    }

    @Test func slicingRejectsWindowsAndCumulativeOverAll() {
        #expect(refusal { () throws(ValueError) in try Slicing.window(unit: .all, width: 2, step: 1) } == "windows and cumulative slices need a unit other than all")
        #expect(refusal { () throws(ValueError) in try Slicing.cumulative(.all) } == "windows and cumulative slices need a unit other than all")
    }

    @Test func aYearHasNoMonthOrQuarterPeriod() {
        #expect(SliceUnit.month.period(of: Self.date) == nil)
        #expect(SliceUnit.quarter.period(of: Self.date) == nil)
        #expect(SliceUnit.year.period(of: Self.date) == 2018)
        #expect(SliceUnit.quarter.period(of: try! EventDate(year: 2018, month: 5)) == 2018 * 4 + 1)
    }

    @Test func sliceGraphRejectsEveryBadEdge() {
        func graph(_ nodes: Int, _ edges: [(source: Int32, target: Int32, weight: Double)], directed: Bool = true) -> String? {
            refusal { () throws(ValueError) in try SliceGraph(nodeCount: nodes, rawEdges: edges, isDirected: directed) }
        }
        #expect(graph(-1, []) == "node count -1: must be in 0..<2147483647")
        #expect(graph(2, [(0, 2, 1)]) == "edge 0 → 2: endpoint out of range (2 nodes)")
        #expect(graph(2, [(-1, 1, 1)]) == "edge -1 → 1: endpoint out of range (2 nodes)")
        #expect(graph(2, [(1, 1, 1)]) == "edge 1 → 1: self-loops are not allowed")
        #expect(graph(2, [(0, 1, .nan)]) == "edge 0 → 1: weight nan: must be a positive, finite number")
        #expect(graph(2, [(0, 1, -2)]) == "edge 0 → 1: weight -2.0: must be a positive, finite number")
        #expect(graph(2, [(0, 1, 1), (0, 1, 2)]) == "edge 0 → 1: given twice (aggregate the weights into one edge)")
        #expect(graph(2, [(0, 1, 1), (1, 0, 2)], directed: false) == "edge 0 → 1: given twice (aggregate the weights into one edge)")
    }

    @Test func measuresRejectGroupsThatDoNotMatchTheNodes() throws {
        let graph = try SliceGraph(nodeCount: 3, rawEdges: [(0, 1, 1), (1, 2, 1)], isDirected: true)
        #expect(refusal { () throws(ValueError) in try graph.brokerage(groups: groupIndices([0, 1])) } == "2 groups for 3 nodes: give one group per node")
        #expect(refusal { () throws(ValueError) in
            try MeasureTable(graph: graph, measures: [.brokerage], groups: groupIndices([0, 1, 2, 3]), pathLength: .hops, sliceLabel: "x")
        } == "4 groups for 3 nodes: give one group per node")
    }

    @Test func thirdPartyRolesRejectEntitiesOutsideTheNetwork() throws {
        let log = try DatasetReader.readEvents(bytes: Array("date,source,target,kind\n2018,a,b,summit\n2018,c,a,summit\n".utf8), name: "e.csv")
        let network = try Slicer.slice(log, options: SliceOptions())
        #expect(refusal { () throws(ValueError) in try ThirdPartyRoles(network: network, dyad: (e(0), e(5))) } == "entity index 5 is out of range (3 entities)")
        #expect(refusal { () throws(ValueError) in try ThirdPartyRoles(network: network, dyad: (e(0), e(1)), third: e(3)) } == "entity index 3 is out of range (3 entities)")
        #expect(refusal { () throws(ValueError) in try ThirdPartyRoles(network: network, dyad: (e(1), e(1))) } == "the dyad's two sides are the same entity (1)")
    }

    @Test func cameoMappingRejectsBadRows() {
        #expect(refusal { () throws(ValueError) in try CAMEOMapping(rows: [("04x", "summit")]) } == "CAMEO prefix '04x': expected 1 to 6 digits, such as 042 or 17")
        #expect(refusal { () throws(ValueError) in try CAMEOMapping(rows: [("", "summit")]) } == "CAMEO prefix '': expected 1 to 6 digits, such as 042 or 17")
        #expect(refusal { () throws(ValueError) in try CAMEOMapping(rows: [("0421234", "summit")]) } == "CAMEO prefix '0421234': expected 1 to 6 digits, such as 042 or 17")
        #expect(refusal { () throws(ValueError) in try CAMEOMapping(rows: [("042", "")]) } == "CAMEO prefix '042': the kind is empty")
        #expect(refusal { () throws(ValueError) in try CAMEOMapping(rows: [("042", "summit"), ("042", "pressure")]) } == "CAMEO prefix '042' is mapped twice")
    }

    @Test func relationshipsNeedTwoDifferentActors() throws {
        #expect(refusal { () throws(ValueError) in try Relationship(a(3), a(3)) } == "a relationship needs two different actors (both 3)")
        #expect(try Relationship(a(5), a(2)) == Relationship(a(2), a(5)))
        #expect(try Relationship(a(5), a(2)).otherSide(than: a(7)) == nil)
    }

    @Test func theMediationMeasureNeedsOneCountPerNode() throws {
        let graph = try SliceGraph(nodeCount: 2, rawEdges: [(0, 1, 1)], isDirected: true)
        #expect(refusal { () throws(ValueError) in
            try MeasureTable(graph: graph, measures: [.mediation], groups: groupIndices([0, 1]), pathLength: .hops, sliceLabel: "x", mediation: [1])
        } == "the mediation measure needs one mediation count per node (2)")
        #expect(refusal { () throws(ValueError) in
            try MeasureTable(graph: graph, measures: [.mediation], groups: groupIndices([0, 1]), pathLength: .hops, sliceLabel: "x")
        } == "the mediation measure needs one mediation count per node (2)")
    }

    @Test func readingAFolderOrAMissingFileSaysSo() throws {
        let folder = FileManager.default.temporaryDirectory.path
        #expect(throws: CSVReader.ReadError(reason: "it is a folder, not a file")) { try CSVReader(path: folder) }
        #expect(throws: CSVReader.ReadError(reason: "no such file")) { try CSVReader(path: folder + "/no-such-\(UUID().uuidString).csv") }
        #expect(throws: InputProblems.self) { try DatasetReader.readEvents(path: folder) }
    }

    // MARK: - Numbers never trap and JSON is never malformed

    @Test(arguments: [Double.infinity, -.infinity, .nan, .greatestFiniteMagnitude, -.greatestFiniteMagnitude,
                      .leastNonzeroMagnitude, .leastNormalMagnitude, 1e15, 123_456_789_012_345_678, 0.000_001_234_5, -0.0, 0.5])
    func numbersFormatWithoutTrapping(value: Double) {
        let readable = NumberFormat.readable(value), exact = NumberFormat.exact(value)
        #expect(!readable.isEmpty && !exact.isEmpty)
        if value.isFinite {
            #expect(Double(exact) == value || (value == 0 && exact == "0"))
            if abs(value) < 1e307 { #expect(Double(readable).map { abs($0 - value) <= abs(value) * 1e-3 } == true, "\(readable)") }
        }
        for digits in [-5, 0, 1, 3, 40] { #expect(!NumberFormat.readable(value, digits: digits).isEmpty) }
    }

    @Test func readableNumbers() {
        #expect(NumberFormat.readable(0.123456) == "0.1235")
        #expect(NumberFormat.readable(6) == "6")
        #expect(NumberFormat.readable(1.5e20) == "1.500e+20")
        #expect(NumberFormat.readable(2.5e-9) == "2.500e-09")
        #expect(NumberFormat.readable(.infinity) == "inf")
    }

    @Test func jsonRefusesNonFiniteNumbersAndEscapesText() throws {
        #expect(throws: ValueError.self) { try JSONValue.array([.number(.infinity)]).text() }
        #expect(throws: ValueError.self) { try JSONValue.object([("x", .number(.nan))]).text() }
        let text = try JSONValue.object([("b", .string("quote \" and \\ and \n and \u{1}")), ("a", .number(nil)), ("c", .integer(3))]).text()
        let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        #expect(parsed?["b"] as? String == "quote \" and \\ and \n and \u{1}")
        #expect(parsed?["a"] is NSNull)
        #expect(text.firstRange(of: "\"a\"")!.lowerBound < text.firstRange(of: "\"b\"")!.lowerBound)
    }
}
