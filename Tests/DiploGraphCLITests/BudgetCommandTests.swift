import Foundation
import Testing

/// Runs estimated over `--budget` are refused before they start, naming the estimate and the
/// options that change it; below the budget nothing changes (no progress line in a pipe).
@Suite struct BudgetCommandTests {
    @Test func measuresOverTheBudgetAreRefusedWithTheCostAndTheOption() throws {
        let scratch = try Scratch()
        var text = "date,source,target,kind\n"
        for i in 0..<100_000 { text += "2018,a\(i),a\(i + 1),summit\n" }
        let events = try scratch.file("chain.events.csv", text)
        let result = try Tool.run(["centrality", events])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "centrality: the measures would take about 176 s (betweenness on slice 2018: 100001 nodes, 100000 ties), over the budget of 60 s "
                + "(leave betweenness out of --measures, or use --by group, --kinds or a shorter --slice; --budget SECONDS raises the budget)\n")
        // Linear measures on the same network are within it.
        let degrees = try Tool.run(["centrality", events, "--measures", "degree", "--format", "csv"])
        #expect(degrees.status == 0, "\(degrees.stderr)")
        #expect(degrees.stderr.isEmpty)
    }

    @Test func aBudgetOptionChangesTheLimit() throws {
        let scratch = try Scratch()
        let events = try scratch.file("s.events.csv", "date,source,target,kind\n2018,a,b,summit\n2018,b,c,summit\n")
        let refused = try Tool.run(["centrality", events, "--measures", "closeness", "--budget", "1e-9"])
        #expect(refused.status == 1)
        #expect(refused.stderr.hasPrefix("centrality: the measures would take about 0.0 s (closeness on slice 2018: 3 nodes, 2 ties), over the budget of 0.0 s"))
        #expect(refused.stderr.contains("--budget SECONDS raises the budget"))
        for bad in ["0", "-1", "nan", "inf"] {
            let result = try Tool.run(["centrality", events, "--budget=\(bad)"])
            #expect(result.status == 1, "\(bad)")
            #expect(result.stderr.contains("--budget must be a positive number of seconds"), "\(bad): \(result.stderr)")
        }
    }

    @Test func circoIsRefusedAboveItsOwnNodeBudget() throws {
        let scratch = try Scratch()
        var text = "date,source,target,kind\n"
        for i in 0..<300 { text += "2018,a\(i),a\((i + 1) % 300),summit\n" }
        let events = try scratch.file("ring.events.csv", text)
        let started = Date()
        for command in [["dot", events], ["render", events, "--out", scratch.path("out")], ["report", events, "--out", scratch.path("report")]] {
            let result = try Tool.run(command + ["--engine", "circo"])
            #expect(result.status == 1, "\(command[0])")
            #expect(result.stderr == "the diagrams would take about 101 s (the circo layout of 300 actors), over the budget of 60 s "
                    + "(circo lays out about 260 nodes within the budget: use --engine neato, --by group or --kinds, or leave out --size-by; --budget SECONDS raises the budget)\n",
                    "\(command[0])")
        }
        #expect(!FileManager.default.fileExists(atPath: scratch.path("out")))
        #expect(Date().timeIntervalSince(started) < 60)
        // The same ring with neato is within the budget.
        let neato = try Tool.run(["dot", events])
        #expect(neato.status == 0, "\(neato.stderr)")
    }

    @Test func thousandsOfKindsDrawQuicklyWithinThePage() throws {
        let scratch = try Scratch()
        var kinds = "id,polarity,label\n", rows = "date,source,target,kind\n"
        for k in 0..<3_000 {
            kinds += "k\(k),1,Kind \(k)\n"
            rows += "2018,a,b,k\(k)\n"
        }
        let events = try scratch.file("k.events.csv", rows)
        let kindsFile = try scratch.file("k.kinds.csv", kinds)
        let result = try Tool.run(["render", events, "--kinds-file", kindsFile, "--out", scratch.path("out")])
        #expect(result.status == 0, "\(result.stderr)")
        let svg = try String(contentsOfFile: scratch.path("out/2018.svg"), encoding: .utf8)
        #expect(svg.contains("<svg width=\"468pt\""), "\(svg.prefix(300))")
        #expect(svg.contains(">3000 kinds<"))
        #expect(svg.contains(">2989 other kinds<"))
        #expect(svg.components(separatedBy: "class=\"edge\"").count - 1 == 1)
    }

    @Test func rolesOverManyEmptyMonthsAnswer() throws {
        let scratch = try Scratch()
        var text = "date,source,target,kind\n0001-01,c,a,summit\n0001-01,c,b,summit\n9999-12,c,b,summit\n9999-12,c,a,pressure\n"
        for i in 0..<500 { text += "5000-01,x\(i),a,summit\n" }
        let events = try scratch.file("m.events.csv", text)
        let result = try Tool.run(["roles", events, "--slice", "month", "--dyad", "a,b", "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "slice,third,role,score,sigma_a,sigma_b,events_a,events_b,events_about\n0001-01,c,facilitating,1,1,1,1,1,0\n9999-12,c,spoiling,-1,-1,1,1,1,0\n")
    }
}
