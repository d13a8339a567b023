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
        #expect(lines.last!.hasPrefix("2020,US,spoiling,") && lines.last!.hasSuffix(",1,1,51"))
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
        (["report", "--out", "out", "--permutations", "0"], "--permutations 0: must be at least 1"),
        (["report", "--out", "out", "--seed", "x"], "--seed 'x': expected an integer"),
        (["report", "--out", "out", "--text", "a.txt"], "--text: only with --second-coding"),
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

extension EvidenceCommandTests {
    static func scratchFolder() throws -> URL {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("evidence-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        return scratch
    }

    @Test func agreementOfTheDatasetWithItself() throws {
        let d = Tool.dataset
        let text = Tool.root.deletingLastPathComponent().appendingPathComponent("shared/sources/trump-inter-korean-relations.txt").path
        var arguments = ["agreement", "\(d).events.csv", "\(d).events.csv", "--actors", "\(d).actors.csv", "--kinds-file", "\(d).kinds.csv", "--format", "csv"]
        let result = try Tool.run(arguments)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines[0] == "field,alpha,matched,only_a,only_b")
        #expect(lines.dropFirst().allSatisfy { $0.hasSuffix(",0,0") } && lines.count == 6)
        if FileManager.default.fileExists(atPath: text) {
            arguments += ["--text", text]
            #expect(try Tool.run(arguments).stdout == result.stdout)
        }
        let json = try Tool.run(["agreement", "\(d).events.csv", "\(d).events.csv", "--actors", "\(d).actors.csv", "--kinds-file", "\(d).kinds.csv",
                                 "--by", "group", "--dyad", "ROK,DPRK", "--third", "US", "--focus", "ROK", "--format", "json"])
        #expect(json.status == 0 && json.stdout.contains("\"ties_jaccard\" : 1") && json.stdout.contains("\"roles_a\" : \"US:spoiling\""))
    }

    @Test func agreementBadInput() throws {
        let scratch = try Self.scratchFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let text = scratch.appendingPathComponent("source.txt")
        try "Trump met Kim in Singapore. Moon went to Pyongyang.".write(to: text, atomically: true, encoding: .utf8)
        let a = scratch.appendingPathComponent("a.csv"), b = scratch.appendingPathComponent("b.csv"), plain = scratch.appendingPathComponent("plain.csv")
        try "date,source,target,kind,quote\n2018,trump,kim,summit,Trump met Kim\n2018,moon,kim,summit,Moon went\n".write(to: a, atomically: true, encoding: .utf8)
        try "date,source,target,kind,quote\n2018,trump,kim,summit,Trump met Kim in Singapore\n2018,moon,kim,summit,Moon flew\n".write(to: b, atomically: true, encoding: .utf8)
        try "date,source,target,kind\n2018,trump,kim,summit\n".write(to: plain, atomically: true, encoding: .utf8)
        let before = try FileManager.default.contentsOfDirectory(atPath: scratch.path).sorted()
        let missing = try Tool.run(["agreement", a.path, b.path, "--text", text.path], in: scratch)
        #expect(missing.status == 1 && missing.stdout.isEmpty)
        #expect(missing.stderr.contains("\(b.path):3: quote 'Moon flew' is not in \(text.path)"), "\(missing.stderr)")
        let noQuote = try Tool.run(["agreement", a.path, plain.path, "--text", text.path], in: scratch)
        #expect(noQuote.status == 1 && noQuote.stdout.isEmpty)
        #expect(noQuote.stderr.contains("\(plain.path):1: missing required column 'quote'"), "\(noQuote.stderr)")
        let noColumns = try Tool.run(["agreement", a.path, text.path], in: scratch)
        #expect(noColumns.status == 1 && noColumns.stdout.isEmpty && noColumns.stderr.contains(text.path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path).sorted() == before)
    }
}
