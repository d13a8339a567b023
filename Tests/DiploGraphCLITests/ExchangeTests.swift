import Foundation
import Testing

@Suite struct ExchangeTests {
    static let fixtures = Tool.root.appendingPathComponent("Tests/DiploGraphTests/Fixtures").path

    @Test func importICEWSThenAnalyse() throws {
        let scratch = try Scratch()
        let out = scratch.path("korea.events.csv")
        let result = try Tool.run(["import", "icews", Self.fixtures + "/icews-sample.tab", "--out", out])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.hasSuffix("icews-sample.tab: imported 9 of 12 events; skipped 1 without both countries, 1 domestic, 1 with unmapped CAMEO codes\n"))
        let actors = try String(contentsOfFile: scratch.path("korea.actors.csv"), encoding: .utf8)
        #expect(actors == "id,label,group\nUnited States,United States,United States\nNorth Korea,North Korea,North Korea\nSouth Korea,South Korea,South Korea\n")
        let analysis = try Tool.run(["centrality", out, "--actors", scratch.path("korea.actors.csv"), "--measures", "degree", "--format", "csv", "--slice", "all"])
        #expect(analysis.status == 0, "\(analysis.stderr)")
        #expect(analysis.stdout == "slice,actor,degree\nall,United States,3\nall,North Korea,3\nall,South Korea,2\n")
    }

    @Test func importRefusesAnActorsFileItDidNotWrite() throws {
        let scratch = try Scratch()
        let actors = try scratch.file("korea.actors.csv", "id,label,group\nx,Mine,y\n")
        let result = try Tool.run(["import", "icews", Self.fixtures + "/icews-sample.tab", "--out", scratch.path("korea.events.csv")])
        #expect(result.status == 1)
        #expect(result.stderr == "\(actors): cannot write output: the file exists beside the events file to write, and DiploGraph did not write it "
                + "(or it was edited); name another --out (--force replaces it)\n")
        #expect(try String(contentsOfFile: actors, encoding: .utf8) == "id,label,group\nx,Mine,y\n")
    }

    @Test func importWithAMappingFile() throws {
        let scratch = try Scratch()
        let mapping = try scratch.file("map.csv", "cameo,kind\n04,summit\n138,pressure\n")
        let result = try Tool.run(["import", "gdelt", Self.fixtures + "/gdelt2-sample.tsv", "--out", scratch.path("g.events.csv"), "--mapping", mapping])
        #expect(result.status == 0, "\(result.stderr)")
        let events = try String(contentsOfFile: scratch.path("g.events.csv"), encoding: .utf8).split(separator: "\n")
        #expect(events.count == 1 + 3)  // 044 and 0431 as summit, 138 as pressure
    }

    @Test func failedImportLeavesEarlierFiles() throws {
        let scratch = try Scratch()
        let earlier = "date,source,target,kind,weight,note,cameo,event_id\n2018,USA,KOR,summit,1,,042,1\n"
        let out = try scratch.file("k.events.csv", earlier)
        let bad = try scratch.file("bad.tsv", "not\tgdelt\n")
        let result = try Tool.run(["import", "gdelt", bad, "--out", out])
        #expect(result.status == 1)
        #expect(result.stderr == "\(bad):1: expected 58 (GDELT 1.0) or 61 (GDELT 2.0) tab-separated fields, found 2\n")
        #expect(try String(contentsOfFile: out, encoding: .utf8) == earlier)
        #expect(!FileManager.default.fileExists(atPath: scratch.path("k.actors.csv")))
        #expect(try Tool.run(["import", "gdelt", bad, "--out", scratch.path("x.csv")]).status == 1)
    }

    /// networkx reads every export back with the same ties and weights as an independent computation.
    @Test(.enabled(if: PythonTools.areInstalled, PythonTools.skipMessage), arguments: [[], ["--undirected"]])
    func exportsReadBackInNetworkx(extra: [String]) throws {
        let scratch = try Scratch()
        let events = Tool.dataset + ".events.csv"
        let directory = scratch.path("exports")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for format in ["gexf", "graphml", "json", "csv"] {
            let result = try Tool.run(["export", events, "--actors", Tool.dataset + ".actors.csv", "--kinds-file", Tool.dataset + ".kinds.csv",
                                       "--to", format, "--out", "\(directory)/export.\(format)"] + extra)
            #expect(result.status == 0, "\(result.stderr)")
        }
        let check = try runScript("Scripts/check_exports.py", [events, directory] + (extra.isEmpty ? [] : ["--undirected"]))
        #expect(check.status == 0, "\(check.stderr)")
    }

    /// Importing streams: the peak memory of `diplograph import` on a 60 MB GDELT file stays
    /// far below the file's size (measured on the process by /usr/bin/time).
    @Test func importStreamsLargeFiles() throws {
        let scratch = try Scratch()
        let big = scratch.path("big.tsv")
        let rows = try Data(contentsOf: URL(fileURLWithPath: Self.fixtures + "/gdelt2-sample.tsv"))
        FileManager.default.createFile(atPath: big, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: big))
        let block = Data(repeating: 0, count: 0) + Data((0..<500).flatMap { _ in rows })
        for _ in 0..<(60_000_000 / block.count + 1) { handle.write(block) }
        try handle.close()
        let time = "/usr/bin/time"
        try #require(FileManager.default.isExecutableFile(atPath: time), "needs /usr/bin/time (Debian package time; .ci/run installs it)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: time)
        process.arguments = ["-f", "peak-kb %M", Tool.url.path, "import", "gdelt", big, "--out", scratch.path("big.events.csv")]
        let err = Pipe()
        process.standardError = err
        try process.run()
        let output = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(output)")
        let peak = output.split(separator: "\n").first { $0.hasPrefix("peak-kb ") }.flatMap { Int($0.dropFirst(8)) } ?? -1
        #expect(peak > 0 && peak < 40_000, "peak resident memory \(peak) KB importing a 60 MB file")
        #expect(output.contains("imported "))
    }

    @Test func failedExportLeavesTheEarlierFile() throws {
        let scratch = try Scratch()
        let earlier = "<?xml version=\"1.0\"?>\n<gexf><meta><creator>DiploGraph</creator></meta></gexf>\n"
        let out = try scratch.file("ties.gexf", earlier)
        let bad = try scratch.file("bad.csv", "date,source,target,kind\n2018,a,b,hug\n")
        let result = try Tool.run(["export", bad, "--to", "gexf", "--out", out])
        #expect(result.status == 1)
        #expect(try String(contentsOfFile: out, encoding: .utf8) == earlier)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty)
    }

    @Test func exportFormatsForOtherSlicings() throws {
        let scratch = try Scratch()
        for slicing in [["--slice", "quarter"], ["--window", "2y"], ["--cumulative"], ["--slice", "all"]] {
            let out = scratch.path("e.gexf")
            let result = try Tool.run(["export", Tool.dataset + ".events.csv", "--kinds-file", Tool.dataset + ".kinds.csv",
                                       "--to", "gexf", "--out", out] + slicing)
            if slicing == ["--slice", "quarter"] {
                // The default dataset has year-only dates: quarters are refused, naming the line.
                #expect(result.status == 1)
                #expect(result.stderr.contains("korean-peninsula.events.csv:"))
                #expect(result.stderr.contains("is coarser than the slice unit 'quarter'"))
                continue
            }
            #expect(result.status == 0, "\(slicing): \(result.stderr)")
            let text = try String(contentsOfFile: out, encoding: .utf8)
            #expect(text.contains(slicing == ["--slice", "all"] ? "mode=\"static\"" : "timeformat=\"date\" timerepresentation=\"interval\""), "\(slicing)")
            // Trump→Kim talks is two events, counted once each however many slices hold them
            // (GEXFTimelineTests reads the spells and weights of every slicing back).
            #expect(text.contains("source=\"trump\" target=\"kim-jong-un\" kind=\"talks\" weight=\"2\">"), "\(slicing)")
        }
    }
}
