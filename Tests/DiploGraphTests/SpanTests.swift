import Testing
import DiploGraph
import DiploGraphIO

/// Window widths and steps as typed spans: parsed from `2y`, `3q`, `6m`, refused with a reason a
/// caller can switch on, and the same 9,999-year rule as ``Slicing/window(unit:width:step:)``.
@Suite struct SpanTests {
    @Test func parsesEachUnit() throws {
        #expect(try Slicing.Span("2y") == Slicing.Span(unit: .year, count: 2))
        #expect(try Slicing.Span("3q").unit == .quarter)
        #expect(try Slicing.Span("6m").count == 6)
        #expect(try Slicing.Span("39996q").description == "39996q")
    }

    @Test(arguments: ["", "y", "2", "2x", "0y", "-1y", "2 y", "1.5y", "2Y"])
    func refusesWhatIsNoSpan(_ text: String) {
        #expect(throws: Slicing.Span.Problem.malformed(text)) { try Slicing.Span(text) }
    }

    @Test func refusesMoreThan9999YearsInEveryUnit() throws {
        for (text, limit, unit) in [("10000y", 9999, SliceUnit.year), ("39997q", 39996, .quarter), ("119989m", 119988, .month)] {
            #expect(throws: Slicing.Span.Problem.tooLong(text, limit: limit, unit: unit)) { try Slicing.Span(text) }
            #expect(throws: (any Error).self) { try Slicing.window(unit: unit, width: limit + 1, step: 1) }
            _ = try Slicing.window(unit: unit, width: limit, step: 1)
            #expect(try Slicing.Span(unit: unit, count: limit).count == limit)
        }
        let problem = Slicing.Span.Problem.tooLong("10000y", limit: 9999, unit: .year)
        #expect(problem.reason == "longer than 9,999 years (at most 9999y)")
        #expect(problem.description == "span '10000y': longer than 9,999 years (at most 9999y)")
        #expect(throws: Slicing.Span.Problem.malformed("0m")) { try Slicing.Span(unit: .month, count: 0) }
        #expect(throws: Slicing.Span.Problem.malformed("2")) { try Slicing.Span(unit: .all, count: 2) }
    }

    @Test func windowsOfSpans() throws {
        #expect(try Slicing.window(width: Slicing.Span("2y"), step: Slicing.Span("1y")) == Slicing.window(unit: .year, width: 2, step: 1))
        #expect(try Slicing.window(width: Slicing.Span("6m")) == Slicing.window(unit: .month, width: 6, step: 1))
        #expect(throws: ValueError.self) { try Slicing.window(width: Slicing.Span("2y"), step: Slicing.Span("3m")) }
    }

    @Test func rolesNetworkIsSlicedAgainOnlyAtTheOtherLevel() throws {
        let actors = try DatasetReader.readActors(bytes: Array("id,label,group\na,A,G\nb,B,G\nc,C,H\n".utf8), name: "a.csv")
        let log = try DatasetReader.readEvents(bytes: Array("date,source,target,kind\n2018,a,b,summit\n2018,b,c,summit\n".utf8),
                                               name: "e.csv", actors: actors)
        let network = try Slicer.slice(log, options: SliceOptions())
        #expect(try Report.Options.rolesNetwork(for: network, mergesGroups: nil).entities == network.entities)
        #expect(try Report.Options.rolesNetwork(for: network, mergesGroups: false).entities == network.entities)
        let groups = try Report.Options.rolesNetwork(for: network, mergesGroups: true)
        #expect(groups.options.mergesGroups)
        #expect(groups.entities.map(\.id) == ["G", "H"])
        #expect(network.entities.map(\.id) == ["a", "b", "c"])
    }
}
