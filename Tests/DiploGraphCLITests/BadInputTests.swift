import Foundation
import Testing

/// Every kind of bad input: exit status 1, one `FILE:LINE: message` line per problem on
/// stderr, and the previous output left exactly as it was.
@Suite struct BadInputTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        var events = "date,source,target,kind,weight\n2018,a,b,summit,1\n"
        var eventsBytes: [UInt8]? = nil
        var actors: String? = nil
        var kinds: String? = nil
        /// Expected stderr lines, with `E`, `A`, `K` standing for the events, actors and kinds paths.
        let expected: [String]
        var testDescription: String { name }
    }

    static let header = "date,source,target,kind,weight\n"
    static let cases: [Case] = [
        Case(name: "invalid date", events: header + "2018-13-40,a,b,summit,1\n",
             expected: ["E:2: invalid date '2018-13-40' (expected YYYY-MM-DD, YYYY-MM or YYYY, a real calendar date)"]),
        Case(name: "bad weights", events: header + "2018,a,b,summit,-1\n2018,a,b,summit,0\n2018,a,b,summit,NaN\n2018,a,b,summit,lots\n",
             expected: ["E:2: invalid weight '-1' (expected a positive number)", "E:3: invalid weight '0' (expected a positive number)",
                        "E:4: invalid weight 'NaN' (expected a positive number)", "E:5: invalid weight 'lots' (expected a positive number)"]),
        Case(name: "unknown kind", events: header + "2018,a,b,hug,1\n",
             expected: ["E:2: unknown kind 'hug' (known kinds: mediation, summit, pressure; declare others in a kinds file)"]),
        Case(name: "self-loop", events: header + "2018,a,a,summit,1\n", expected: ["E:2: self-loop: source and target are both 'a'"]),
        Case(name: "unknown actors", events: header + "2018,a,x,summit,1\n", actors: "id,label,group\na,A,G\nb,B,H\n",
             expected: ["E:2: unknown actor 'x' (not in the actors file)", "E: 1 unknown actor id(s), not in the actors file: x"]),
        Case(name: "missing columns", events: "date,source,kind\n2018,a,summit\n",
             expected: ["E:1: missing required column 'target' (expected a header with date,source,target,kind (weight, note and about optional))"]),
        Case(name: "unclosed quote", events: header + "2018,\"a,b,summit,1\n", expected: ["E:2: unclosed quote: the field opened here never ends"]),
        Case(name: "empty id", events: header + "2018,,b,summit,1\n", expected: ["E:2: empty source actor id"]),
        Case(name: "binary file", eventsBytes: Array(header.utf8) + [0x32, 0x00, 0xFF, 0x10, 0x0A],
             expected: ["E:2: NUL byte: this looks like a binary file, not text"]),
        Case(name: "not UTF-8", eventsBytes: Array(header.utf8) + Array("2018,".utf8) + [0xE9] + Array(",b,summit,1\n".utf8),
             expected: ["E:2: not UTF-8 text in column 'source' (convert the file to UTF-8)"]),
        Case(name: "empty file", events: "", expected: ["E: empty file: expected a header row with date,source,target,kind (weight, note and about optional)"]),
        Case(name: "duplicate actor id", actors: "id,label,group\na,A,G\na,A2,G\nb,B,G\n",
             expected: ["A:3: duplicate actor id 'a' (first defined on line 2)"]),
        Case(name: "actors file without group", actors: "id,label\na,A\n",
             expected: ["A:1: missing required column 'group' (expected a header id,label,group)"]),
        Case(name: "bad kinds file", kinds: "id,polarity,label\nx,+2,X\n",
             expected: ["K:2: invalid polarity '+2' for kind 'x' (expected +1, -1 or 0)"]),
        Case(name: "bad about", events: "date,source,target,kind,about\n2018,a,b,summit,a\n2018,a,b,summit,a|b|c\n2018,a,b,summit,a|a\n"
                + "2018,a,b,summit,|b\n2018,m,x,mediation,a|b\n2018,a,b,mediation,a|b\n2018,a,b,summit,a|q\n",
             actors: "id,label,group\na,A,G\nb,B,H\nm,M,I\nx,X,J\n",
             expected: ["E:2: invalid about 'a' (expected two actor ids, A|B)", "E:3: invalid about 'a|b|c' (expected two actor ids, A|B)",
                        "E:4: invalid about 'a|a' (the two sides must differ)", "E:5: invalid about '|b' (an actor id is empty; expected two actor ids, A|B)",
                        "E:6: mediation about 'a|b': the target 'x' is on neither side (a mediation's target is one of the two sides)",
                        "E:7: mediation about 'a|b': the source 'a' is one of the sides (a mediator stands on neither)",
                        "E:8: unknown actor 'q' in about (not in the actors file)", "E: 1 unknown actor id(s), not in the actors file: q"]),
        Case(name: "problems in two files at once", actors: "id,label,group\na,A,G\na,A,G\n", kinds: "id,polarity,label\n,1,X\n",
             expected: ["K:2: empty kind id", "A:3: duplicate actor id 'a' (first defined on line 2)"]),
    ]

    @Test(arguments: cases)
    func reportsAndLeavesOutputAlone(testCase: Case) throws {
        let scratch = try Scratch()
        let good = try scratch.file("good.events.csv", "date,source,target,kind\n2018,a,b,summit\n")
        let out = scratch.path("out")
        #expect(try Tool.run(["report", good, "--out", out]).status == 0)
        let before = try scratch.snapshot("out")

        let events = scratch.path("bad.events.csv")
        if let bytes = testCase.eventsBytes {
            FileManager.default.createFile(atPath: events, contents: Data(bytes))
        } else {
            _ = try scratch.file("bad.events.csv", testCase.events)
        }
        var arguments = ["report", events, "--out", out]
        var paths = ["E": events]
        if let actors = testCase.actors {
            paths["A"] = try scratch.file("bad.actors.csv", actors)
            arguments += ["--actors", paths["A"]!]
        }
        if let kinds = testCase.kinds {
            paths["K"] = try scratch.file("bad.kinds.csv", kinds)
            arguments += ["--kinds-file", paths["K"]!]
        }
        let result = try Tool.run(arguments)
        #expect(result.status == 1)
        let expected = testCase.expected.map { line -> String in
            let key = String(line.prefix(1))
            return paths[key]! + line.dropFirst()
        }
        #expect(result.stderr.split(separator: "\n").map(String.init) == expected)
        #expect(try scratch.snapshot("out") == before, "the earlier output changed")
        #expect(result.stdout.isEmpty)
    }

    /// A relay between actors that is none between their groups: an error naming file and
    /// line under --by group, and for the report's headline, which counts relays by group.
    @Test func relayThatIsNoneBetweenGroups() throws {
        let scratch = try Scratch()
        let actors = try scratch.file("a.csv", "id,label,group\nm,M,ROK\ns,S,ROK\nt,T,US\nk,K,DPRK\n")
        let events = try scratch.file("e.csv", "date,source,target,kind,about\n2018,t,k,summit,\n2018,m,k,mediation,s|k\n")
        #expect(try Tool.run(["centrality", events, "--actors", actors]).status == 0)
        let expected = "\(events):3: mediation about 's|k' at the group level (--by group, report --focus): the source 'm' (group 'ROK') is on one of the sides (a mediator stands on neither)\n"
        let byGroup = try Tool.run(["centrality", events, "--actors", actors, "--by", "group"])
        #expect(byGroup.status == 1)
        #expect(byGroup.stderr == expected)
        let report = try Tool.run(["report", events, "--actors", actors, "--focus", "m", "--out", scratch.path("out")])
        #expect(report.status == 1)
        #expect(report.stderr == expected)
        #expect(!FileManager.default.fileExists(atPath: scratch.path("out")))
    }

    @Test func coarseDatesAndUnknownKindSelection() throws {
        let scratch = try Scratch()
        let events = try scratch.file("e.csv", "date,source,target,kind\n2018,a,b,summit\n2018-03,b,a,summit\n")
        let coarse = try Tool.run(["centrality", events, "--slice", "month"])
        #expect(coarse.status == 1)
        #expect(coarse.stderr == "\(events):2: date '2018' is coarser than the slice unit 'month' (it needs a month at least)\n")
        let kinds = try Tool.run(["centrality", events, "--kinds", "summit,hug"])
        #expect(kinds.status == 1)
        #expect(kinds.stderr == "--kinds: unknown kind 'hug' (known kinds: mediation, summit, pressure)\n")
    }
}
