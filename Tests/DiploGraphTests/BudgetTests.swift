import Foundation
import Testing
import DiploGraph
import DiploGraphIO

/// Work is estimated before it starts, and what grew with the square of the slices, entities
/// or kinds grows no more.
@Suite struct WorkBudgetTests {
    func network(_ rows: String, kinds: String? = nil, slicing: Slicing = .calendar(.year)) throws -> SlicedNetwork {
        let kindTable = try kinds.map { try DatasetReader.readKinds(bytes: Array(("id,polarity,label\n" + $0).utf8), name: "k.csv") } ?? KindTable()
        let log = try DatasetReader.readEvents(bytes: Array(("date,source,target,kind\n" + rows).utf8), name: "e.csv", kinds: kindTable)
        return try Slicer.slice(log, options: SliceOptions(slicing: slicing))
    }

    @Test func pathMeasuresArePricedByNodesTimesNodesAndTies() throws {
        // A directed path of 4 nodes and 3 ties.
        let path = try network("2018,a,b,summit\n2018,b,c,summit\n2018,c,d,summit\n")
        let betweenness = WorkBudget.estimate([.betweenness], on: path)
        #expect(abs(betweenness.seconds - 2 * 4 * (4 + 3) * 4.4e-9) < 1e-15)
        #expect(betweenness.largestPart == "betweenness on slice 2018: 4 nodes, 3 ties")
        // Repeated measures count once; the brokerage roles share one pass.
        #expect(WorkBudget.estimate([.betweenness, .betweenness], on: path) == betweenness)
        let roles = WorkBudget.estimate([.brokerage, .liaison, .liaisonZ], on: path)
        #expect(abs(roles.seconds - (4 + 3 + 2) * 2e-9) < 1e-15)  // b and c each have one in and one out
        let weighted = WorkBudget.estimate([.closeness], on: path, pathLength: .inverseWeight)
        #expect(weighted.seconds > WorkBudget.estimate([.closeness], on: path).seconds)
    }

    @Test func aLargeNetworkIsRefusedBeforeAnythingIsComputed() throws {
        // 100,000 actors in a chain: betweenness would take minutes; the estimate takes milliseconds.
        var rows = ""
        for i in 0..<100_000 { rows += "2018,a\(i),a\(i + 1),summit\n" }
        let chain = try network(rows)
        let estimate = WorkBudget.estimate(Measure.defaults, on: chain)
        #expect(estimate.seconds > WorkBudget.defaultSeconds)
        #expect(throws: WorkBudget.Exceeded.self) { try WorkBudget.check(estimate, budget: WorkBudget.defaultSeconds) }
        do {
            try WorkBudget.check(estimate, budget: 60)
        } catch {
            #expect(error.description == "would take about 176 s (betweenness on slice 2018: 100001 nodes, 100000 ties), over the budget of 60 s")
        }
        // Degree alone is linear: within the budget.
        try WorkBudget.check(WorkBudget.estimate([.degree, .strength], on: chain), budget: 1)
    }

    @Test func durationsReadInOneUnit() {
        #expect(WorkEstimate.readable(0.04) == "0.0 s")
        #expect(WorkEstimate.readable(2.34) == "2.3 s")
        #expect(WorkEstimate.readable(176.2) == "176 s")
        #expect(WorkEstimate.readable(3_000) == "50 min")
        #expect(WorkEstimate.readable(72_000) == "20 h")
        #expect(WorkEstimate.readable(.infinity) == "forever")
        #expect(WorkEstimate(seconds: .nan, largestPart: "x").seconds == .infinity)
    }

    @Test func rolesOverManyEmptySlicesVisitOnlyWhatTheEventsTouch() throws {
        // 119,988 monthly slices, four with events, and 2,000 actors: every (slice, actor) pair
        // was visited before (240 million); now only the third parties the events touch.
        var rows = "0001-01,a,b,summit\n0001-01,c,a,summit\n0001-01,c,b,summit\n9999-12,c,b,summit\n9999-12,c,a,pressure\n"
        for i in 0..<2_000 { rows += "5000-01,x\(i),a,summit\n" }
        let months = try network(rows, slicing: .calendar(.month))
        #expect(months.slices.count == 119_988)
        let roles = try ThirdPartyRoles(network: months, dyad: (try months.entityIndex(of: "a"), try months.entityIndex(of: "b")))
        #expect(roles.thirdPartyVisits <= 2_005, "\(roles.thirdPartyVisits) visits")
        #expect(roles.rows.map(\.slice.label) == ["0001-01", "9999-12"])
        #expect(roles.rows.map(\.role) == [.facilitating, .spoiling])
        // The same rows as over the months with events alone.
        let stance = try ThirdPartyRoles(network: months, dyad: (try months.entityIndex(of: "a"), try months.entityIndex(of: "b")), rule: .balance)
        #expect(stance.rows.map(\.score) == [1, -1])
        #expect(months.slices.filter { !$0.nodes.isEmpty }.count == 3)
    }
}

/// The progress line: its text, and that nothing reaches anything but a terminal.
@Suite struct ProgressLineTests {
    final class Recorder: @unchecked Sendable {
        private let lock = NSLock()
        private var texts: [String] = []
        private var time = 0.0
        func write(_ text: String) { lock.lock(); texts.append(text); lock.unlock() }
        var written: [String] { lock.lock(); defer { lock.unlock() }; return texts }
        func advance(by seconds: Double) { lock.lock(); time += seconds; lock.unlock() }
        var now: Double { lock.lock(); defer { lock.unlock() }; return time }
    }

    func line(_ recorder: Recorder, isTerminal: Bool) -> ProgressLine {
        ProgressLine(isTerminal: isTerminal, now: { recorder.now }, write: { recorder.write($0) })
    }

    @Test func formatsStepsElapsedAndEstimate() {
        #expect(ProgressLine.formatted(task: "centrality", done: 12, total: 40, unit: "slices", elapsed: 8, estimate: 25)
                == "centrality: 12 of 40 slices, 8.0 s of about 25 s")
        #expect(ProgressLine.formatted(task: "render: laying out", done: 0, total: nil, elapsed: 0, estimate: 62) == "render: laying out: 0.0 s of about 62 s")
        #expect(ProgressLine.formatted(task: "report: drawing", done: 50, total: 40, unit: "figures", elapsed: 1.5, estimate: nil)
                == "report: drawing: 40 of 40 figures, 1.5 s")
        // Text from the input is escaped for the terminal.
        #expect(!ProgressLine.formatted(task: "a\u{1B}[2Jb\n", done: 0, total: nil, elapsed: 0, estimate: nil).contains("\u{1B}"))
    }

    @Test func nothingIsWrittenWhenTheOutputIsNoTerminal() {
        let recorder = Recorder()
        let progress = line(recorder, isTerminal: false)
        progress.start("centrality", total: 3, unit: "slices", estimate: 100)
        recorder.advance(by: 5)
        progress.advance(); progress.advance(); progress.advance()
        progress.finish()
        #expect(recorder.written.isEmpty)
    }

    @Test func aTerminalGetsTheLineForLongWorkOnlyAndItIsErased() {
        let recorder = Recorder()
        let progress = line(recorder, isTerminal: true)
        // Estimated under a second and done within one: nothing.
        progress.start("centrality", total: 2, unit: "slices", estimate: 0.3)
        progress.advance(); progress.advance()
        progress.finish()
        #expect(recorder.written.isEmpty)
        // Estimated at a second or more: shown at once, rewritten in place, then erased.
        progress.start("centrality", total: 2, unit: "slices", estimate: 5)
        recorder.advance(by: 1)
        progress.advance()
        recorder.advance(by: 1)
        progress.advance()
        progress.finish()
        #expect(recorder.written == ["\rcentrality: 0 of 2 slices, 0.0 s of about 5.0 s\u{1B}[K",
                                     "\rcentrality: 1 of 2 slices, 1.0 s of about 5.0 s\u{1B}[K",
                                     "\rcentrality: 2 of 2 slices, 2.0 s of about 5.0 s\u{1B}[K", "\r\u{1B}[K"])
    }

    @Test func workThatTurnsOutLongIsShownOnceItHasTakenASecond() {
        let recorder = Recorder()
        let progress = line(recorder, isTerminal: true)
        progress.start("render: drawing", total: 100, unit: "figures")
        progress.advance()
        #expect(recorder.written.isEmpty)
        recorder.advance(by: 1.2)
        progress.advance()
        // At most five times a second.
        progress.advance()
        #expect(recorder.written == ["\rrender: drawing: 2 of 100 figures, 1.2 s\u{1B}[K"])
        progress.finish()
        #expect(recorder.written.last == "\r\u{1B}[K")
    }
}

/// Many kinds: the legend and the parallel edges collapse, as groups beyond the palette do.
@Suite struct ManyKindsDiagramTests {
    func network(kinds: Int, pairs: Int = 1) throws -> SlicedNetwork {
        var declared = "id,polarity,label\n", rows = "date,source,target,kind\n"
        for k in 0..<kinds {
            declared += "k\(k),\(k % 2 == 0 ? 1 : -1),Kind \(k)\n"
            rows += "2018,a\(k % pairs),a\(k % pairs + 1),k\(k)\n"
        }
        let table = try DatasetReader.readKinds(bytes: Array(declared.utf8), name: "k.csv")
        let log = try DatasetReader.readEvents(bytes: Array(rows.utf8), name: "e.csv", kinds: table)
        return try Slicer.slice(log, options: SliceOptions(slicing: .calendar(.year)))
    }

    @Test func manyKindsBetweenOnePairAreOneEdgeLabelledWithTheCount() throws {
        let network = try network(kinds: 3_000)
        let writer = DiagramWriter(network: network)
        let dot = try writer.dot(for: network.slices[0])
        #expect(dot.components(separatedBy: " -> ").count - 1 == 1)
        #expect(dot.contains("label=\"3000 kinds\""))
        #expect(dot.contains("a0 → a1: 3000 kinds, 3000 events, weight 3000"))
        // The legend names eleven kinds and counts the rest.
        #expect(writer.legendKinds.count == DiagramWriter.maximumLegendKinds - 1)
        #expect(writer.otherKindCount == 2_989)
        #expect(dot.contains(">2989 other kinds<"))
        #expect(writer.kindsUsed.count == 3_000)
    }

    @Test func upToTheLimitEveryKindIsItsOwnEdgeAndLegendEntry() throws {
        let network = try network(kinds: DiagramWriter.maximumParallelKinds)
        let writer = DiagramWriter(network: network)
        let dot = try writer.dot(for: network.slices[0])
        #expect(dot.components(separatedBy: " -> ").count - 1 == DiagramWriter.maximumParallelKinds)
        #expect(!dot.contains(" kinds\""))
        #expect(!dot.contains("other kinds"))
        #expect(writer.legendKinds.map(\.id) == writer.kindsUsed.map(\.id))
        // Past the limit on one pair only: that pair collapses, the others keep their edges.
        let mixed = try self.network(kinds: 3 * (DiagramWriter.maximumParallelKinds + 1) - 1, pairs: 3)
        let mixedDOT = try DiagramWriter(network: mixed).dot(for: mixed.slices[0])
        #expect(mixedDOT.components(separatedBy: " -> ").count - 1 == 2 + DiagramWriter.maximumParallelKinds)
    }
}
