import Foundation
import Testing

/// Large numbers and large inputs: values that do not depend on the weights' scale stay the
/// reference values at any finite scale, and inputs too large to build are refused up front.
@Suite struct ScaleAndLimitsTests {
    @Test(arguments: ["1", "1e155", "1e200", "8e307"])
    func scaleFreeMeasuresKeepTheirValuesAtAnyScale(weight: String) throws {
        let scratch = try Scratch()
        let events = try scratch.file("c.events.csv", "date,source,target,kind,weight\n2018,a,b,summit,\(weight)\n2018,b,c,summit,\(weight)\n2018,c,a,summit,\(weight)\n")
        for direction in [[], ["--undirected"]] {
            let result = try Tool.run(["centrality", events, "--measures", "eigenvector,pagerank,constraint,effective_size", "--format", "csv"] + direction)
            #expect(result.status == 0, "\(result.stderr)")
            for row in result.stdout.split(separator: "\n").dropFirst() {
                let cells = row.split(separator: ",").map(String.init)
                #expect(abs(Double(cells[2])! - 1 / 3.0.squareRoot()) < 1e-12, "\(weight) \(direction): \(row)")
                #expect(abs(Double(cells[3])! - 1 / 3.0) < 1e-12, "\(weight) \(direction): \(row)")
                #expect(Double(cells[4]) == 1.125, "\(weight) \(direction): \(row)")
                #expect(Double(cells[5]) == 1, "\(weight) \(direction): \(row)")
            }
        }
    }

    /// Events in year 1 and year 9999 and `actors` actors in between: 9,999 yearly slices.
    func longSpan(_ scratch: Scratch, actors: Int = 3) throws -> String {
        var text = "date,source,target,kind\n0001,a0,a1,summit\n9999,a0,a1,summit\n"
        for i in 2..<actors { text += "5000,a\(i),a\(i + 1),summit\n" }
        return try scratch.file("span.events.csv", text)
    }

    @Test func rosterAllOverThousandsOfSlicesIsRefusedAtOnce() throws {
        let scratch = try Scratch()
        var text = "date,source,target,kind\n0001-01,a0,a1,summit\n9999-12,a0,a1,summit\n"
        for i in 2..<200 { text += "5000-01,a\(i),a\(i + 1),summit\n" }
        let events = try scratch.file("m.events.csv", text)
        let started = Date()
        let result = try Tool.run(["centrality", events, "--slice", "month", "--roster", "all"])
        #expect(result.status == 1)
        #expect(result.stderr == "\(events): too large to slice: 119988 slices × 201 actors (--roster all) make 24117588 node rows, "
                + "over the limit of 5000000 (use a coarser --slice, a shorter --window, fewer --kinds, or --roster active)\n")
        #expect(Date().timeIntervalSince(started) < 20)
    }

    @Test func diagramsOverTheLimitAreRefusedBeforeDrawing() throws {
        let scratch = try Scratch()
        let events = try longSpan(scratch)
        for command in ["render", "report"] {
            let result = try Tool.run([command, events, "--out", scratch.path("out")])
            #expect(result.status == 1)
            #expect(result.stderr == "\(command): 9999 slices would make 9999 diagrams, over the limit of 2000 (use a coarser --slice, or --kinds; `centrality` has no such limit)\n")
            #expect(!FileManager.default.fileExists(atPath: scratch.path("out")))
        }
    }

    @Test func listsOfSlicesInMessagesStayShort() throws {
        let scratch = try Scratch()
        let events = try longSpan(scratch)
        let result = try Tool.run(["dot", events])
        #expect(result.status == 1)
        #expect(result.stderr.utf8.count < 400, "\(result.stderr.utf8.count) bytes")
        #expect(result.stderr.hasPrefix("--slice-label is needed: the data have 9999 slices (0001, 0002, "))
        #expect(result.stderr.hasSuffix(", …, 9997, 9998, 9999; 9999 in all)\n"))
    }

    @Test func manyBadRowsGiveFiftyBoundedLinesAndASummary() throws {
        let scratch = try Scratch()
        let long = String(repeating: "z", count: 100_000)
        var text = "date,source,target,kind\n2018,a,b,\(long)\n"
        for _ in 0..<500 { text += "2018,a,b,hug\n" }
        let events = try scratch.file("bad.events.csv", text)
        let result = try Tool.run(["centrality", events])
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 51)
        #expect(lines.last == "\(events): stopped after 50 problems")
        #expect(lines.allSatisfy { $0.count <= 1_100 }, "\(lines.map(\.count).max() ?? 0)")
        #expect(lines[0].hasSuffix("more characters)"))
    }

    @Test func manyWarningsAreCountedAfterFifty() throws {
        let scratch = try Scratch()
        // Every year a directed path: eigenvector centrality does not converge (a warning per slice).
        var text = "date,source,target,kind\n"
        for year in 1900..<2000 { text += "\(year),p,q,summit\n\(year),q,r,summit\n" }
        let events = try scratch.file("w.events.csv", text)
        let result = try Tool.run(["centrality", events, "--measures", "eigenvector", "--format", "csv"])
        #expect(result.status == 0)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 51)
        #expect(lines.last == "warning: 50 more warnings not shown (the first 50 are above)")
    }

    @Test func aHugeNoteIsCutInTooltipsAndDrawsQuickly() throws {
        let scratch = try Scratch()
        let note = String(repeating: "long note ", count: 500_000)
        let events = try scratch.file("n.events.csv", "date,source,target,kind,note\n2018,a,b,summit,\(note)\n")
        let started = Date()
        let dot = try Tool.run(["dot", events])
        #expect(dot.status == 0, "\(dot.stderr)")
        #expect(dot.stdout.utf8.count < 20_000)
        #expect(dot.stdout.contains("… (4999500 more characters)"))
        let render = try Tool.run(["render", events, "--out", scratch.path("out")])
        #expect(render.status == 0, "\(render.stderr)")
        #expect(Date().timeIntervalSince(started) < 30)
    }
}
