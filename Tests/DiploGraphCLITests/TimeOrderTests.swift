import Foundation
import Testing

/// `reach` and the time-ordered exports, end to end.
@Suite struct TimeOrderTests {
    static let events = Tool.dataset + ".events.csv"
    static let actors = Tool.dataset + ".actors.csv"
    static let kinds = Tool.dataset + ".kinds.csv"

    @Test func reachGivesPossibleAndCertainArrivals() throws {
        let scratch = try Scratch()
        let events = scratch.path("e.events.csv")
        try "date,source,target,kind\n2018-03-10,a,b,summit\n2018-03,b,c,summit\n2018-03-20,c,d,summit\n"
            .write(toFile: events, atomically: true, encoding: .utf8)
        let csv = try Tool.run(["reach", events, "--from", "a", "--format", "csv"])
        #expect(csv.status == 0, "\(csv.stderr)")
        #expect(csv.stdout == "actor,possible,certain\nb,2018-03-10,2018-03-10\nc,2018-03-10,\nd,2018-03-20,\n")
        let via = try Tool.run(["reach", events, "--from", "a", "--via", "--format", "csv"])
        #expect(via.stdout.split(separator: "\n").last == "d,2018-03-20,,2;3;4,")
        let several = try Tool.run(["reach", events, "--from", "a,c", "--start", "2018-03-15", "--format", "csv"])
        #expect(several.stdout == "from,actor,possible,certain\na,b,,\na,c,,\na,d,,\nc,a,,\nc,b,,\nc,d,2018-03-20,2018-03-20\n")
        let json = try Tool.run(["reach", events, "--from", "a", "--format", "json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count == 3 && rows[2]["possible"] as? String == "2018-03-20" && rows[2]["certain"] is NSNull)
    }

    @Test func reachOnTheDefaultDataset() throws {
        let result = try Tool.run(["reach", Self.events, "--actors", Self.actors, "--kinds-file", Self.kinds, "--from", "trump",
                                   "--start", "2018", "--format", "table"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("actor"))
        #expect(result.stdout.contains("kim-jong-un"))
        let groups = try Tool.run(["reach", Self.events, "--actors", Self.actors, "--kinds-file", Self.kinds, "--by", "group",
                                   "--undirected", "--from", "US", "--format", "csv"])
        #expect(groups.status == 0, "\(groups.stderr)")
        #expect(groups.stdout.hasPrefix("actor,possible,certain\n"))
    }

    @Test func centralityHasReachMeasures() throws {
        let result = try Tool.run(["centrality", Self.events, "--actors", Self.actors, "--kinds-file", Self.kinds,
                                   "--measures", "reach,reach_certain", "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.first == "slice,actor,reach,reach_certain")
        // Certainly in order is never more than possibly.
        for line in lines.dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            #expect(Double(fields[3])! <= Double(fields[2])!, "\(line)")
        }
    }

    @Test(arguments: [
        (["--from", "nobody"], "--from: unknown actor 'nobody'"),
        (["--from", "trump", "--start", "2018-13"], "--start '2018-13': not a date"),
        (["--from", "trump", "--start", "soon"], "--start 'soon': not a date"),
    ])
    func reachRefusesBadArguments(arguments: [String], message: String) throws {
        let result = try Tool.run(["reach", Self.events, "--actors", Self.actors, "--kinds-file", Self.kinds] + arguments)
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    @Test func reachAndTimeExportsRefuseAFileWithoutEvents() throws {
        let scratch = try Scratch()
        let events = scratch.path("empty.events.csv")
        try "date,source,target,kind\n".write(toFile: events, atomically: true, encoding: .utf8)
        let reach = try Tool.run(["reach", events, "--from", "a"])
        #expect(reach.status == 1)
        #expect(reach.stderr.contains("no events"), "\(reach.stderr)")
        for format in ["rem", "spells"] {
            let out = scratch.path("out.csv")
            let export = try Tool.run(["export", events, "--to", format, "--out", out])
            #expect(export.status == 1)
            #expect(export.stderr.contains("no events"), "\(export.stderr)")
            #expect(!FileManager.default.fileExists(atPath: out))
            #expect(!FileManager.default.fileExists(atPath: scratch.path("out.vertices.csv")))
        }
    }

    @Test func exportsInTimeOrder() throws {
        let scratch = try Scratch()
        let events = scratch.path("e.events.csv")
        try "date,source,target,kind,weight\n2018-03-10,a,b,summit,2\n2018-03,b,c,pressure,1\n2018-03-01,c,a,summit,1\n2018-03-10,a,b,summit,1\n"
            .write(toFile: events, atomically: true, encoding: .utf8)
        let rem = scratch.path("rem.csv"), spells = scratch.path("spells.csv")
        #expect(try Tool.run(["export", events, "--to", "rem", "--out", rem]).status == 0)
        #expect(try String(contentsOfFile: rem, encoding: .utf8) == """
            time,source,target,kind,weight,line,precision
            0,b,c,pressure,1,3,month
            0,c,a,summit,1,4,day
            9,a,b,summit,2,2,day
            9,a,b,summit,1,5,day

            """)
        #expect(try Tool.run(["export", events, "--to", "spells", "--out", spells]).status == 0)
        #expect(try String(contentsOfFile: spells, encoding: .utf8) == "onset,terminus,tail,head\n9,10,1,2\n0,31,2,3\n0,1,3,1\n")
        #expect(try String(contentsOfFile: scratch.path("spells.vertices.csv"), encoding: .utf8)
                == "vertex.id,actor,label,group\n1,a,a,a\n2,b,b,b\n3,c,c,c\n")
        // Written again over its own output; a foreign vertex table is not replaced.
        #expect(try Tool.run(["export", events, "--to", "spells", "--out", spells]).status == 0)
        try "mine\n".write(toFile: scratch.path("other.vertices.csv"), atomically: true, encoding: .utf8)
        let refused = try Tool.run(["export", events, "--to", "spells", "--out", scratch.path("other.csv")])
        #expect(refused.status == 1)
        #expect(try String(contentsOfFile: scratch.path("other.vertices.csv"), encoding: .utf8) == "mine\n")
        #expect(!FileManager.default.fileExists(atPath: scratch.path("other.csv")))
    }

    @Test(.enabled(if: PythonPackages.missing(["pandas"]) == nil, "needs python3 with pandas: python3 -m pip install -r Scripts/test/requirements.txt (make test does this)"))
    func exportsReadBackWithPandas() throws {
        let scratch = try Scratch()
        let rem = scratch.path("rem.csv"), spells = scratch.path("spells.csv")
        for (format, out) in [("rem", rem), ("spells", spells)] {
            let result = try Tool.run(["export", Self.events, "--actors", Self.actors, "--kinds-file", Self.kinds, "--to", format, "--out", out])
            #expect(result.status == 0, "\(result.stderr)")
        }
        let check = try runScript("Scripts/check_time_order.py", [Self.events, rem, spells])
        #expect(check.status == 0, "\(check.stderr)")
    }
}
