import Foundation
import Testing

/// The evidence options end to end: `roles --fragility`, `centrality --null`, and their bad input.
@Suite struct EvidenceCommandTests {
    static var data: [String] {
        let d = Tool.dataset
        return ["\(d).events.csv", "--actors", "\(d).actors.csv", "--kinds-file", "\(d).kinds.csv"]
    }

    @Test func fragilityColumns() throws {
        let result = try Tool.run(["roles"] + Self.data + ["--by", "group", "--dyad", "ROK,DPRK", "--third", "US", "--rule", "stance",
                                                         "--fragility", "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines[0] == "slice,third,role,score,sigma_a,sigma_b,events_a,events_b,events_about,support,fragility,pivotal")
        // 2020: one act about the dyad; removing it leaves no verdict.
        #expect(lines.last!.hasPrefix("2020,US,spoiling,") && lines.last!.hasSuffix(",1,1,53"))
        let deep = try Tool.run(["roles"] + Self.data + ["--by", "group", "--dyad", "ROK,DPRK", "--third", "US", "--fragility",
                                                       "--fragility-depth", "1", "--format", "json"])
        #expect(deep.status == 0 && deep.stdout.contains("\"fragility\" : \">1\"") && deep.stdout.contains("\"role_after\" : null"))
    }

    @Test func nullColumnsAreTheSameOnEveryRun() throws {
        let arguments = ["centrality"] + Self.data + ["--measures", "brokerage,betweenness", "--null", "edges", "--permutations", "99",
                                                      "--seed", "5", "--format", "csv"]
        let first = try Tool.run(arguments), second = try Tool.run(arguments)
        #expect(first.status == 0 && first.stdout == second.stdout)
        #expect(first.stdout.hasPrefix("slice,actor,brokerage,betweenness,brokerage_p,brokerage_q,betweenness_p,betweenness_q\n"))
    }

    @Test(arguments: [
        (["centrality", "--null", "edges", "--permutations", "0"], "--permutations 0: must be at least 1"),
        (["centrality", "--null", "edges", "--permutations", "-3"], "--permutations -3: must be at least 1"),
        (["centrality", "--null", "edges", "--permutations", "10", "--seed", "1.5"], "--seed '1.5': expected an integer"),
        (["centrality", "--null", "edges"], "--null: give --permutations N"),
        (["roles", "--dyad", "ROK,DPRK", "--by", "group", "--fragility", "--fragility-depth", "0"], "--fragility-depth 0: must be at least 1"),
    ])
    func badOptions(arguments: [String], message: String) throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("evidence-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let result = try Tool.run([arguments[0]] + Self.data + Array(arguments.dropFirst()), in: scratch)
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path).isEmpty)
    }

    @Test func groupsNullNeedsGroups() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("evidence-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let events = scratch.appendingPathComponent("e.csv")
        try "date,source,target,kind\n2018,a,b,summit\n2018,b,c,summit\n".write(to: events, atomically: true, encoding: .utf8)
        let result = try Tool.run(["centrality", events.path, "--null", "groups", "--permutations", "10"])
        #expect(result.status == 1 && result.stdout.isEmpty)
        #expect(result.stderr.contains("--null groups: the groups null model permutes the actors' groups, and there are none"), "\(result.stderr)")
    }
}

extension EvidenceCommandTests {
    @Test func influenceColumns() throws {
        let result = try Tool.run(["centrality"] + Self.data + ["--measures", "brokerage", "--influence", "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("slice,actor,brokerage,brokerage_min,brokerage_max\n"))
        #expect(result.stdout.contains("\n2018,moon-jae-in,2,1,3\n"))
    }
}
