import Testing
import DiploGraph
import DiploGraphIO

@Suite struct SlicerTests {
    static let events = """
    date,source,target,kind,weight
    2017-03-01,a,b,summit,1
    2017-05,a,b,summit,2
    2017-05,b,a,pressure,1
    2018-11-02,b,c,mediation,3
    2020-01-01,c,a,summit,1
    """

    func network(_ options: SliceOptions, events: String = SlicerTests.events) throws(InputProblems) -> SlicedNetwork {
        let log = try DatasetReader.readEvents(bytes: Array(events.utf8), name: "e.csv")
        return try Slicer.slice(log, options: options)
    }

    @Test func yearlySlicesAggregateWeights() throws {
        let net = try network(SliceOptions())
        #expect(net.slices.map(\.label) == ["2017", "2018", "2019", "2020"])
        let y2017 = net.slices[0]
        #expect(y2017.nodes.map(\.position) == [0, 1])
        #expect(y2017.graph.weight(from: 0, to: 1) == 3)
        #expect(y2017.graph.weight(from: 1, to: 0) == 1)
        #expect(net.slices[2].graph.nodeCount == 0)  // a year without events stays in the series
        #expect(net.slices[1].nodes.map(\.position) == [1, 2])
    }

    @Test func undirectedSumsBothDirections() throws {
        let net = try network(SliceOptions(isDirected: false))
        #expect(net.slices[0].graph.edgeCount == 1)
        #expect(net.slices[0].graph.weight(from: 1, to: 0) == 4)
    }

    @Test func kindSelectionAndUnknownKinds() throws {
        let net = try network(SliceOptions(kinds: ["pressure"]))
        #expect(net.slices.map(\.label) == ["2017"])
        #expect(net.slices[0].graph.weight(from: 1, to: 0) == 1)
        #expect(net.slices[0].graph.weight(from: 0, to: 1) == nil)
        #expect(throws: InputProblems.self) { try network(SliceOptions(kinds: ["hug"])) }
    }

    @Test func rosterAllKeepsIsolates() throws {
        let net = try network(SliceOptions(roster: .all))
        #expect(net.slices.allSatisfy { $0.nodes.map(\.position) == [0, 1, 2] })
    }

    @Test func coarseDatesAreErrorsNamingTheLine() throws {
        #expect(try network(SliceOptions(slicing: .calendar(.month))).slices.count == 35)
        let coarse = SlicerTests.events + "\n2019,a,c,summit,1\n"
        do {
            _ = try network(SliceOptions(slicing: .calendar(.quarter)), events: coarse)
            Issue.record("expected an error")
        } catch {
            #expect(error.problems.map(\.description) == ["e.csv:7: date '2019' is coarser than the slice unit 'quarter' (it needs a month at least)"])
        }
    }

    @Test func labels() throws {
        #expect(try network(SliceOptions(slicing: .calendar(.quarter))).slices.first?.label == "2017-Q1")
        #expect(try network(SliceOptions(slicing: .calendar(.month))).slices.first?.label == "2017-03")
        #expect(try network(SliceOptions(slicing: .calendar(.all))).slices.map(\.label) == ["all"])
    }

    @Test func windowsAndCumulative() throws {
        let windows = try network(SliceOptions(slicing: try .window(unit: .year, width: 2, step: 1)))
        #expect(windows.slices.map(\.label) == ["2017..2018", "2018..2019", "2019..2020"])
        #expect(windows.slices[0].eventIndices.map(\.position) == [0, 1, 2, 3])
        let cumulative = try network(SliceOptions(slicing: try .cumulative(.year)))
        #expect(cumulative.slices.map(\.label) == ["2017", "2017..2018", "2017..2019", "2017..2020"])
        #expect(cumulative.slices.last!.eventIndices.map(\.position) == [0, 1, 2, 3, 4])
    }

    @Test func mergingGroupsDropsWithinGroupTies() throws {
        let actors = try DatasetReader.readActors(bytes: Array("id,label,group\na,A,X\nb,B,X\nc,C,Y\n".utf8), name: "a.csv")
        let log = try DatasetReader.readEvents(bytes: Array(SlicerTests.events.utf8), name: "e.csv", actors: actors)
        let net = try Slicer.slice(log, options: SliceOptions(mergesGroups: true))
        #expect(net.entities.map(\.id) == ["X", "Y"])
        #expect(net.slices[0].graph.nodeCount == 0)
        #expect(net.slices[1].graph.weight(from: 0, to: 1) == 3)
        #expect(net.slices[3].graph.weight(from: 1, to: 0) == 1)
    }

    /// Slices against a reference computation: a seeded multi-year stream, every slicing mode.
    @Test(arguments: [Slicing.calendar(.year), .calendar(.quarter), .calendar(.month), .calendar(.all),
                      try! .window(unit: .quarter, width: 3, step: 2), try! .window(unit: .year, width: 2, step: 1), try! .cumulative(.month)])
    func matchReferenceComputation(slicing: Slicing) throws {
        var rng = SeededGenerator(seed: 99)
        var text = "date,source,target,kind,weight\n"
        var rows: [(year: Int, month: Int, s: String, t: String, kind: String, w: Double)] = []
        for _ in 0..<600 {
            let year = Int.random(in: 2015...2019, using: &rng), month = Int.random(in: 1...12, using: &rng)
            let s = "a\(Int.random(in: 0..<9, using: &rng))"
            var t = s
            while t == s { t = "a\(Int.random(in: 0..<9, using: &rng))" }
            let kind = ["summit", "mediation", "pressure"].randomElement(using: &rng)!
            let w = [1.0, 2, 0.5].randomElement(using: &rng)!
            rows.append((year, month, s, t, kind, w))
            text += "\(year)-\(month < 10 ? "0" : "")\(month)-15,\(s),\(t),\(kind),\(w)\n"
        }
        let net = try network(SliceOptions(slicing: slicing, kinds: ["summit", "pressure"]), events: text)
        let unit = slicing.unit
        for slice in net.slices {
            var expected: [String: Double] = [:]
            for row in rows where row.kind != "mediation" {
                let period = unit.period(of: try! EventDate(year: row.year, month: row.month, day: 15))!
                if slice.periods.contains(period) { expected["\(row.s)>\(row.t)", default: 0] += row.w }
            }
            var actual: [String: Double] = [:]
            for u in 0..<slice.graph.nodeCount {
                for (v, w) in zip(slice.graph.successors(of: u), slice.graph.outWeights[Int(slice.graph.outOffsets[u])..<Int(slice.graph.outOffsets[u + 1])]) {
                    actual["\(net.entities[Int(slice.nodes[u])].id)>\(net.entities[Int(slice.nodes[Int(v)])].id)"] = w
                }
            }
            #expect(actual.keys.sorted() == expected.keys.sorted(), "\(slice.label)")
            for (key, value) in expected { #expect(isClose(actual[key] ?? -1, value), "\(slice.label) \(key)") }
        }
    }
}

/// Slicing refuses, before building anything, what would not fit in memory.
@Suite struct SliceBudgetTests {
    @Test func rosterAllOverManySlicesIsRefusedWithTheNumbers() throws {
        var text = "date,source,target,kind\n0001-01,a0,a1,summit\n9999-12,a0,a1,summit\n"
        for i in 2..<100 { text += "5000-01,a\(i),a\(i + 1),summit\n" }
        let log = try DatasetReader.readEvents(bytes: Array(text.utf8), name: "e.csv")
        let started = ContinuousClock.now
        do {
            _ = try Slicer.slice(log, options: SliceOptions(slicing: .calendar(.month), roster: .all))
            Issue.record("accepted")
        } catch {
            #expect(error.problems.map(\.description) == [
                "e.csv: too large to slice: 119988 slices × 101 actors (roster all) make 12118788 node rows, over the limit of 5000000 "
                + "(use a coarser slice unit, shorter windows, fewer kinds, or the active roster)"])
        }
        #expect(ContinuousClock.now - started < .seconds(5))
        // Active actors over the same years are two or three per slice: accepted.
        #expect(try Slicer.slice(log, options: SliceOptions(slicing: .calendar(.year), roster: .active)).slices.count == 9_999)
        let cumulative = try Slicing.cumulative(.month)
        // Cumulative slices over all of them would hold up to every actor each.
        do {
            _ = try Slicer.slice(log, options: SliceOptions(slicing: cumulative))
            Issue.record("cumulative slices accepted")
        } catch {
            #expect(error.description.hasPrefix("e.csv: too large to slice: 119988 slices of up to 101 actors each make up to "))
        }
    }
}
