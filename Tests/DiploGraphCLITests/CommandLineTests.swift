import Foundation
import Testing

/// The built `diplograph`, run as a user would run it.
struct Tool {
    static let url: URL = {
        var directory = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("diplograph")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        fatalError("diplograph not found next to the test bundle \(Bundle.main.bundleURL.path)")
    }()

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let dataset = root.appendingPathComponent("graphs/korean-peninsula").path

    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    @discardableResult
    static func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String]? = nil) throws -> Result {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        if let environment { process.environment = environment }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
    }
}

/// Runs one of the repository's Python scripts; its exit status and stderr.
func runScript(_ script: String, _ arguments: [String]) throws -> (status: Int32, stderr: String) {
    try runPython3([Tool.root.appendingPathComponent(script).path] + arguments)
}

/// Runs `python3` with `arguments`, the packages `make test` installed into the checkout
/// (Scripts/test/python-deps.sh) first on its path; its exit status and stderr.
func runPython3(_ arguments: [String]) throws -> (status: Int32, stderr: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3"] + arguments
    var environment = ProcessInfo.processInfo.environment
    let installed = Tool.root.appendingPathComponent(".build/python-test").path
    environment["PYTHONPATH"] = installed + (environment["PYTHONPATH"].map { ":" + $0 } ?? "")
    process.environment = environment
    let err = Pipe()
    process.standardError = err
    process.standardOutput = Pipe()
    try process.run()
    let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return (process.terminationStatus, message)
}

/// The Python packages of `Scripts/test/requirements.txt` (networkx ≥ 3.4), which `make test`
/// installs with pip; tests that read files back with them are skipped when they are missing.
enum PythonTools {
    static let areInstalled = PythonPackages.missing(["networkx"]) == nil

    static let skipMessage: Comment = "needs python3 with networkx >= 3.4: python3 -m pip install -r Scripts/test/requirements.txt (make test does this)"
}

/// A scratch directory removed at the end of the test.
final class Scratch {
    let url: URL
    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("diplograph-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: url) }

    func file(_ name: String, _ text: String) throws -> String {
        let path = url.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// Name → contents of every file below `name`.
    func snapshot(_ name: String) throws -> [String: Data] {
        let base = url.appendingPathComponent(name)
        var result: [String: Data] = [:]
        for item in try FileManager.default.contentsOfDirectory(atPath: base.path) {
            result[item] = try Data(contentsOf: base.appendingPathComponent(item))
        }
        return result
    }
}

@Suite struct CommandLineTests {
    static let small = """
    date,source,target,kind,weight,note
    2018-02,a,b,summit,1,first
    2018-06,b,c,summit,2,second
    2018-09,a,c,pressure,1,third
    2019,c,a,mediation,1,fourth
    """

    @Test func centralityCSV() throws {
        let scratch = try Scratch()
        let events = try scratch.file("s.events.csv", Self.small)
        let result = try Tool.run(["centrality", events, "--measures", "degree,in_degree,out_strength,betweenness", "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == """
        slice,actor,degree,in_degree,out_strength,betweenness
        2018,a,2,0,2,0
        2018,b,2,1,2,0
        2018,c,2,2,0,0
        2019,a,1,1,0,0
        2019,c,1,0,1,0

        """)
    }

    @Test func centralityJSONAndMarkdownCarrySliceAndActor() throws {
        let scratch = try Scratch()
        let events = try scratch.file("s.events.csv", Self.small)
        let json = try Tool.run(["centrality", events, "--measures", "pagerank,eigenvector", "--format", "json", "--slice", "all"])
        #expect(json.status == 0)
        let rows = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [[String: Any]]
        #expect(rows.count == 3)
        #expect(rows[0]["slice"] as? String == "all")
        #expect(rows[0]["actor"] as? String == "a")
        let total = rows.compactMap { $0["pagerank"] as? Double }.reduce(0, +)
        #expect(abs(total - 1) < 1e-12)
        let markdown = try Tool.run(["centrality", events, "--format", "markdown"])
        #expect(markdown.stdout.hasPrefix("| slice | actor | degree | strength | betweenness | brokerage |"))
    }

    @Test func eigenvectorThatDoesNotConvergeLeavesEmptyCellsAndWarns() throws {
        let scratch = try Scratch()
        // 2018 is a directed path (acyclic: networkx fails to converge); 2019 is a cycle.
        var text = "date,source,target,kind\n"
        for i in 0..<30 { text += "2018,p\(i),p\(i + 1),summit\n" }
        text += "2019,a,b,summit\n2019,b,c,summit\n2019,c,a,summit\n"
        let events = try scratch.file("e.csv", text)
        let result = try Tool.run(["centrality", events, "--measures", "eigenvector", "--format", "csv"])
        #expect(result.status == 0)
        #expect(result.stderr == "warning: slice 2018: eigenvector centrality did not converge in 100 iterations (as networkx); its cells are empty\n")
        let rows = result.stdout.split(separator: "\n")
        #expect(rows.contains("2018,p0,"))
        #expect(rows.contains("2019,a,0.5773502691896258") || rows.contains("2019,a,0.5773502691896257"))
        let json = try Tool.run(["centrality", events, "--measures", "eigenvector", "--format", "json"])
        #expect(json.stdout.contains("\"eigenvector\" : null"))
    }

    @Test func kindLayers() throws {
        let scratch = try Scratch()
        let events = try scratch.file("e.csv", "date,source,target,kind\n2018,a,b,summit\n2018,b,c,mediation\n2018,c,a,pressure\n")
        let cooperative = try Tool.run(["centrality", events, "--kinds", "cooperative", "--measures", "out_degree", "--format", "csv"])
        #expect(cooperative.stdout == "slice,actor,out_degree\n2018,a,1\n2018,b,1\n2018,c,0\n")
        let conflictual = try Tool.run(["centrality", events, "--kinds", "conflictual", "--measures", "out_degree", "--format", "csv"])
        #expect(conflictual.stdout == "slice,actor,out_degree\n2018,a,0\n2018,c,1\n")
    }

    @Test func unknownMeasureIsAClearError() throws {
        let scratch = try Scratch()
        let events = try scratch.file("s.events.csv", Self.small)
        let result = try Tool.run(["centrality", events, "--measures", "degree,fame"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("unknown measure 'fame'"))
        #expect(result.stderr.contains("known measures: degree, in_degree"))
    }

    @Test func usageErrorsExitWithOne() throws {
        #expect(try Tool.run(["centrality"]).status == 1)
        #expect(try Tool.run(["centrality", "x.csv", "--slice", "decade"]).status == 1)
        let help = try Tool.run(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("report"))
    }

    @Test func badRowsAreReportedByFileAndLine() throws {
        let scratch = try Scratch()
        let events = try scratch.file("bad.events.csv", "date,source,target,kind,weight\n2018-13-40,a,b,summit,1\n2018,a,a,summit,1\n2018,a,b,hug,-2\n")
        let result = try Tool.run(["centrality", events])
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines == [
            "\(events):2: invalid date '2018-13-40' (expected YYYY-MM-DD, YYYY-MM or YYYY, a real calendar date)",
            "\(events):3: self-loop: source and target are both 'a'",
            "\(events):4: unknown kind 'hug' (known kinds: mediation, summit, pressure; declare others in a kinds file)",
            "\(events):4: invalid weight '-2' (expected a positive number)",
        ])
        #expect(result.stdout.isEmpty)
    }

    @Test func missingFileIsAnError() throws {
        let result = try Tool.run(["centrality", "/nonexistent/e.csv"])
        #expect(result.status == 1)
        #expect(result.stderr == "/nonexistent/e.csv: cannot be read: no such file\n")
    }

    @Test func reportWritesTheOutputLayout() throws {
        let scratch = try Scratch()
        let out = scratch.path("out")
        let result = try Tool.run(["report", Tool.dataset + ".events.csv", "--actors", Tool.dataset + ".actors.csv",
                                   "--kinds-file", Tool.dataset + ".kinds.csv", "--focus", "moon-jae-in",
                                   "--dyad", "ROK,DPRK", "--third", "US", "--roles-by", "group", "--out", out])
        #expect(result.status == 0, "\(result.stderr)")
        let files = Set(try FileManager.default.contentsOfDirectory(atPath: out))
        for year in 2017...2020 {
            #expect(files.contains("\(year).svg"))
            #expect(files.contains("\(year).dot"))
        }
        for name in ["centrality.csv", "centrality.md", "roles.csv", "report.html", "report.md"] { #expect(files.contains(name)) }
        let html = try String(contentsOfFile: out + "/report.html", encoding: .utf8)
        #expect(html.contains("<svg"))
        #expect(!html.contains("http://www.w3.org/1999/xlink\" xlink:href=\"http"))
        #expect(!html.contains("src=\"http"))
        let roles = try String(contentsOfFile: out + "/roles.csv", encoding: .utf8)
        #expect(roles.hasPrefix("slice,third,role,score"))
        #expect(roles.contains("2017,US,spoiling"))
        #expect(roles.contains("2018,US,facilitating"))
        let markdown = try String(contentsOfFile: out + "/report.md", encoding: .utf8)
        #expect(markdown.contains("![2018](2018.svg)"))
        // The grid and the chart are files too; report.md follows report.html's order: the
        // findings, the roles, the chart, the grid, then the slices.
        for name in ["grid.svg", "grid.dot", "brokerage.svg"] { #expect(files.contains(name)) }
        let order = ["## Findings", "## Third-party roles", "](brokerage.svg)", "](grid.svg)", "](2016.svg)", "](2020.svg)"].map {
            markdown.range(of: $0).map { markdown.distance(from: markdown.startIndex, to: $0.lowerBound) } ?? -1
        }
        #expect(order == order.sorted() && !order.contains(-1), "\(order)")
        let htmlOrder = ["id=\"findings\"", "id=\"roles\"", "class=\"chart\"", "id=\"all-slices\"", "id=\"slice-2016\""].map {
            html.range(of: $0).map { html.distance(from: html.startIndex, to: $0.lowerBound) } ?? -1
        }
        #expect(htmlOrder == htmlOrder.sorted() && !htmlOrder.contains(-1), "\(htmlOrder)")
        // One number policy: counts as integers, measures to three significant digits.
        #expect(!html.contains(">5.500<") && html.contains("<td>0.0299</td>") && html.contains("<td>0.325</td>"))
    }

    /// Rendering happens in-process through libgvc: with no programs to find on PATH (no
    /// `dot`, no shell), the report is still made.
    @Test func rendersWithoutStartingPrograms() throws {
        let scratch = try Scratch()
        let result = try Tool.run(["report", Tool.dataset + ".events.csv", "--actors", Tool.dataset + ".actors.csv",
                                   "--kinds-file", Tool.dataset + ".kinds.csv", "--out", scratch.path("out")],
                                  environment: ["PATH": scratch.path("empty"), "HOME": scratch.url.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: scratch.path("out/2019.svg")))
    }

    /// Without Graphviz's plugins (GVBINDIR pointing at an empty folder), commands that draw
    /// stop before any work with a message saying how to fix it.
    @Test func missingGraphvizPluginsAreExplained() throws {
        let scratch = try Scratch()
        try FileManager.default.createDirectory(atPath: scratch.path("plugins"), withIntermediateDirectories: true)
        var environment = ProcessInfo.processInfo.environment
        environment["GVBINDIR"] = scratch.path("plugins")
        let result = try Tool.run(["render", Tool.dataset + ".events.csv", "--out", scratch.path("out")], environment: environment)
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("Graphviz: the Graphviz plugins dot, neato, nop2, svg are not available"))
        #expect(result.stderr.contains("apt-get install -y libgraphviz-dev"))
        #expect(!FileManager.default.fileExists(atPath: scratch.path("out")))
        // Commands that do not draw do not need Graphviz.
        #expect(try Tool.run(["centrality", Tool.dataset + ".events.csv", "--kinds-file", Tool.dataset + ".kinds.csv"], environment: environment).status == 0)
    }

    @Test func everySliceHasTheSameCanvasAndPositions() throws {
        let scratch = try Scratch()
        let out = scratch.path("out")
        let result = try Tool.run(["render", Tool.dataset + ".events.csv", "--actors", Tool.dataset + ".actors.csv",
                                   "--kinds-file", Tool.dataset + ".kinds.csv", "--out", out])
        #expect(result.status == 0, "\(result.stderr)")
        // The DOT DiploGraph writes makes Graphviz warn about nothing (touching nodes, say, would
        // make it give up routing splines).
        #expect(result.stderr.isEmpty, "\(result.stderr)")
        var viewBoxes: Set<String> = []
        var positionOf: [String: String] = [:]
        for year in 2016...2020 {
            let svg = try String(contentsOfFile: "\(out)/\(year).svg", encoding: .utf8)
            if let range = svg.range(of: #"viewBox="[^"]*""#, options: .regularExpression) { viewBoxes.insert(String(svg[range])) }
        }
        #expect(viewBoxes.count == 1, "\(viewBoxes)")
        // Node positions are pinned from one shared layout: the same `pos` in every slice's DOT.
        let dotResult2018 = try Tool.run(["dot", Tool.dataset + ".events.csv", "--actors", Tool.dataset + ".actors.csv",
                                          "--kinds-file", Tool.dataset + ".kinds.csv", "--slice-label", "2018"])
        let dotResult2019 = try Tool.run(["dot", Tool.dataset + ".events.csv", "--actors", Tool.dataset + ".actors.csv",
                                          "--kinds-file", Tool.dataset + ".kinds.csv", "--slice-label", "2019"])
        for output in [dotResult2018.stdout, dotResult2019.stdout] {
            for line in output.split(separator: "\n") where line.hasPrefix("  n") && line.contains("pos=") && !line.contains("->") {
                let node = String(line.dropFirst(2).prefix { $0 != " " })
                let pos = String(line[line.range(of: #"pos="[^"]*""#, options: .regularExpression)!])
                if let earlier = positionOf[node] { #expect(earlier == pos, "\(node) moved") } else { positionOf[node] = pos }
            }
        }
        #expect(positionOf["n6"] != nil)  // Moon Jae-in appears in both years
    }

    @Test func failedRunLeavesEarlierOutputAsItWas() throws {
        let scratch = try Scratch()
        let events = try scratch.file("s.events.csv", Self.small)
        let out = scratch.path("out")
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        _ = try scratch.file("out/.gitkeep", "")
        #expect(try Tool.run(["report", events, "--out", out]).status == 0)
        let before = try scratch.snapshot("out")
        #expect(before.keys.contains(".gitkeep"))
        #expect(before.keys.contains("2018.svg"))
        let bad = try scratch.file("bad.events.csv", Self.small + "\n2019,x,y,nope,1,bad\n")
        let failed = try Tool.run(["report", bad, "--out", out])
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("bad.events.csv:6: unknown kind 'nope'"))
        #expect(try scratch.snapshot("out") == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).filter { $0.hasPrefix(".out.") }
        #expect(leftovers.isEmpty, "staging folders left behind: \(leftovers)")
    }

    @Test func unwritableOutputIsAClearError() throws {
        let scratch = try Scratch()
        let events = try scratch.file("s.events.csv", Self.small)
        let blocker = try scratch.file("file", "not a directory")
        let result = try Tool.run(["render", events, "--out", blocker])
        #expect(result.status == 1)
        #expect(result.stderr.contains("cannot write output: it is a file, not a folder"))
        let nested = try Tool.run(["render", events, "--out", blocker + "/sub"])
        #expect(nested.status == 1)
        #expect(nested.stderr.contains("cannot write output"))
    }

    @Test func rolesTable() throws {
        let result = try Tool.run(["roles", Tool.dataset + ".events.csv", "--actors", Tool.dataset + ".actors.csv",
                                   "--kinds-file", Tool.dataset + ".kinds.csv", "--by", "group", "--dyad", "ROK,DPRK", "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("slice,third,role,score,sigma_a,sigma_b,events_a,events_b,events_about\n"))
        // The UN's one 2018 act (the railway exemption) is towards the South only, so the tone
        // rule, which needs acts with both sides, has no UN row.
        #expect(result.stdout.contains("2018,US,facilitating,"))
        #expect(!result.stdout.contains(",UN,"))
        let unknown = try Tool.run(["roles", Tool.dataset + ".events.csv", "--actors", Tool.dataset + ".actors.csv",
                                    "--kinds-file", Tool.dataset + ".kinds.csv", "--by", "group", "--dyad", "ROK,Japan"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("unknown group 'Japan' (known: US, ROK, DPRK, UN)"))
    }

    @Test func ghostsAndSizeBy() throws {
        let scratch = try Scratch()
        let base = [Tool.dataset + ".events.csv", "--actors", Tool.dataset + ".actors.csv", "--kinds-file", Tool.dataset + ".kinds.csv"]
        #expect(try Tool.run(["render"] + base + ["--out", scratch.path("plain"), "--no-ghosts"]).status == 0)
        #expect(try Tool.run(["render"] + base + ["--out", scratch.path("default")]).status == 0)
        let both = try Tool.run(["render"] + base + ["--out", scratch.path("both"), "--ghosts", "--no-ghosts"])
        #expect(both.status == 1 && both.stderr.contains("--ghosts and --no-ghosts"))
        let ghosted = try Tool.run(["render"] + base + ["--out", scratch.path("ghosts"), "--ghosts", "--size-by", "betweenness"])
        #expect(ghosted.status == 0)
        #expect(ghosted.stderr.isEmpty, "\(ghosted.stderr)")
        let plain = try String(contentsOfFile: scratch.path("plain/2020.svg"), encoding: .utf8)
        let ghosts = try String(contentsOfFile: scratch.path("ghosts/2020.svg"), encoding: .utf8)
        // Pence has no events in 2020: absent from the plain diagram, faint in the ghosted one.
        #expect(!plain.contains(">Mike Pence<"))
        #expect(ghosts.contains(">Mike Pence<"))
        // Ghosts are the default.
        #expect(try String(contentsOfFile: scratch.path("default/2020.svg"), encoding: .utf8).contains(">Mike Pence<"))
        #expect(ghosts.contains(">Number after a name<") && ghosts.contains(">betweenness in that slice<"))
        // One label size: the measure is a number after each name (2 decimals, not a count).
        #expect(ghosts.contains("font-size=\"8.00\""))
        #expect(ghosts.range(of: #">Moon Jae&#45;in \([0-9]+\.[0-9]{2}\)<"#, options: .regularExpression) != nil)
        let dot = try Tool.run(["dot"] + base + ["--slice-label", "2020", "--size-by", "betweenness"])
        let sizes = dot.stdout.split(separator: "\n").filter { $0.hasPrefix("  n") && !$0.contains("->") }.compactMap { line -> Double? in
            guard let range = line.range(of: #"fontsize=[0-9.]+"#, options: .regularExpression) else { return nil }
            return Double(line[range].dropFirst("fontsize=".count))
        }
        #expect(!sizes.isEmpty && sizes.allSatisfy { $0 == 8 }, "\(sizes)")
        let badMeasure = try Tool.run(["render"] + base + ["--out", scratch.path("x"), "--size-by", "fame"])
        #expect(badMeasure.status == 1)
        #expect(badMeasure.stderr.contains("--size-by: unknown measure 'fame'"))
    }

    @Test func pngAndPdfThroughLibgvc() throws {
        let scratch = try Scratch()
        let events = try scratch.file("s.events.csv", Self.small)
        for format in ["png", "pdf"] {
            let result = try Tool.run(["render", events, "--out", scratch.path(format), "--format", format, "--engine", "fdp"])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(FileManager.default.fileExists(atPath: scratch.path("\(format)/2018.\(format)")))
        }
    }
}
