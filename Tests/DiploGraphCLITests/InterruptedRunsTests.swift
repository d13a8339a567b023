import Foundation
import Testing

/// Interrupted runs leave nothing behind and the previous output as it was; concurrent runs
/// into one folder take turns.
@Suite(.serialized) struct InterruptedRunsTests {
    /// Enough slices that a report takes a few seconds.
    func slowDataset(_ scratch: Scratch) throws -> String {
        var text = "date,source,target,kind,note\n"
        for year in 1900..<2000 {
            for i in 0..<24 { text += "\(year),a\(i),a\((i * 7 + year) % 24 == i ? (i + 1) % 24 : (i * 7 + year) % 24),summit,event \(i)\n" }
        }
        return try scratch.file("slow.events.csv", text)
    }

    func leftovers(_ scratch: Scratch) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).filter { $0.hasPrefix(".out.") }
    }

    /// Starts `report` into `out` and waits until its staging folder holds a few files.
    func startReport(_ events: String, out: String, scratch: Scratch) throws -> Process {
        let process = Process()
        process.executableURL = Tool.url
        process.arguments = ["report", events, "--out", out, "--measures", "degree"]
        process.standardError = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            if let staging = try leftovers(scratch).first(where: { $0.hasPrefix(".out.tmp-") }),
               let files = try? FileManager.default.contentsOfDirectory(atPath: scratch.path(staging)), files.count >= 4 {
                return process
            }
            if !process.isRunning { break }
            usleep(20_000)
        }
        Issue.record("the report never got under way")
        return process
    }

    @Test(arguments: [SIGINT, SIGTERM, SIGHUP])
    func aSignalRemovesTheStagingFolderAndKeepsThePreviousOutput(signalNumber: Int32) throws {
        let scratch = try Scratch()
        let out = scratch.path("out")
        let small = try scratch.file("small.events.csv", CommandLineTests.small)
        #expect(try Tool.run(["report", small, "--out", out]).status == 0)
        let before = try scratch.snapshot("out")
        let process = try startReport(try slowDataset(scratch), out: out, scratch: scratch)
        kill(process.processIdentifier, signalNumber)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(process.terminationStatus == signalNumber)
        let remaining = try leftovers(scratch)
        #expect(remaining.isEmpty, "\(remaining)")
        #expect(try scratch.snapshot("out") == before)
    }

    @Test func aKilledRunsStagingIsRemovedByTheNextRun() throws {
        let scratch = try Scratch()
        let out = scratch.path("out")
        let process = try startReport(try slowDataset(scratch), out: out, scratch: scratch)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(try leftovers(scratch).count == 1)
        let small = try scratch.file("small.events.csv", CommandLineTests.small)
        #expect(try Tool.run(["report", small, "--out", out]).status == 0)
        let remaining = try leftovers(scratch)
        #expect(remaining.isEmpty, "\(remaining)")
        #expect(FileManager.default.fileExists(atPath: out + "/report.html"))
    }

    @Test func tenParallelReportsIntoOneFolderTakeTurns() throws {
        let scratch = try Scratch()
        let events = try scratch.file("s.events.csv", CommandLineTests.small)
        let out = scratch.path("out")
        let processes = try (0..<10).map { i in
            let process = Process()
            process.executableURL = Tool.url
            process.arguments = ["report", events, "--out", out, "--title", "run \(i)"]
            let err = Pipe()
            process.standardError = err
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            return (process, err)
        }
        for (process, err) in processes {
            let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "\(message)")
        }
        let files = Set(try FileManager.default.contentsOfDirectory(atPath: out))
        #expect(files == [".diplograph-output", "2018.svg", "2018.dot", "2019.svg", "2019.dot", "grid.svg", "grid.dot", "centrality.csv", "centrality.md", "report.html", "report.md"])
        #expect(try leftovers(scratch).isEmpty)
        // One run's report, whole.
        let html = try String(contentsOfFile: out + "/report.html", encoding: .utf8)
        #expect(html.contains("<title>run ") && html.contains("</html>"))
    }
}
