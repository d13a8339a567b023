import Foundation
import Testing

/// Read errors never become empty input or replace earlier files; replaced files keep their
/// permissions; links are written through.
@Suite struct InputOutputHygieneTests {
    static let fixtures = Tool.root.appendingPathComponent("Tests/DiploGraphTests/Fixtures").path

    @Test func aFailedImportKeepsTheEarlierFiles() throws {
        let scratch = try Scratch()
        let out = scratch.path("k.events.csv")
        #expect(try Tool.run(["import", "icews", Self.fixtures + "/icews-sample.tab", "--out", out]).status == 0)
        let events = try Data(contentsOf: URL(fileURLWithPath: out))
        let actors = try Data(contentsOf: URL(fileURLWithPath: scratch.path("k.actors.csv")))
        let folder = scratch.path("downloads")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for (source, input) in [("gdelt", folder), ("icews", folder), ("gdelt", scratch.path("missing.tsv"))] {
            let result = try Tool.run(["import", source, input, "--out", out])
            #expect(result.status == 1)
            #expect(result.stderr.hasPrefix("\(input): cannot be read: "), "\(result.stderr)")
            #expect(try Data(contentsOf: URL(fileURLWithPath: out)) == events)
            #expect(try Data(contentsOf: URL(fileURLWithPath: scratch.path("k.actors.csv"))) == actors)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).filter { $0.hasPrefix(".") }.isEmpty)
    }

    @Test func importedCountriesAreTrimmedAndBlankOnesCounted() throws {
        let scratch = try Scratch()
        let header = "Event ID\tEvent Date\tSource Name\tSource Country\tEvent Text\tCAMEO Code\tTarget Name\tTarget Country\n"
        let input = try scratch.file("i.tab", header + "1\t2018-01-02\tA\t South Korea \tMeet\t036\tB\tNorth Korea\n"
                                     + "2\t2018-01-03\tA\t \tMeet\t036\tB\tNorth Korea\n")
        let out = scratch.path("i.events.csv")
        let result = try Tool.run(["import", "icews", input, "--out", out])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.hasSuffix("imported 1 of 2 events; skipped 1 without both countries, 0 domestic, 0 with unmapped CAMEO codes "
                                        + "(1 of the rows without both countries had a country of only spaces); removed the spaces around 1 country name\n"),
                "\(result.stderr)")
        // What import writes, the tool reads.
        let check = try Tool.run(["centrality", out, "--actors", scratch.path("i.actors.csv"), "--format", "csv", "--measures", "degree"])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.contains("2018,South Korea,1"))
    }

    @Test func replacedFilesKeepTheirPermissions() throws {
        let scratch = try Scratch()
        let events = try scratch.file("s.events.csv", CommandLineTests.small)
        let file = scratch.path("ties.gexf")
        #expect(try Tool.run(["export", events, "--to", "gexf", "--out", file]).status == 0)
        chmod(file, 0o600)
        #expect(try Tool.run(["export", events, "--to", "gexf", "--out", file, "--slice", "all"]).status == 0)
        var info = stat()
        stat(file, &info)
        #expect(info.st_mode & 0o7777 == 0o600)
        let out = scratch.path("out")
        #expect(try Tool.run(["report", events, "--out", out]).status == 0)
        chmod(out, 0o700)
        #expect(try Tool.run(["report", events, "--out", out, "--slice", "all"]).status == 0)
        stat(out, &info)
        #expect(info.st_mode & 0o7777 == 0o700)
    }

    @Test func aSymbolicLinkToAFileIsWrittenThrough() throws {
        let scratch = try Scratch()
        let events = try scratch.file("s.events.csv", CommandLineTests.small)
        #expect(try Tool.run(["export", events, "--to", "csv", "--out", scratch.path("real.csv")]).status == 0)
        try FileManager.default.createSymbolicLink(atPath: scratch.path("link.csv"), withDestinationPath: "real.csv")
        #expect(try Tool.run(["export", events, "--to", "csv", "--out", scratch.path("link.csv"), "--slice", "all"]).status == 0)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: scratch.path("link.csv")) == "real.csv")
        #expect(try String(contentsOfFile: scratch.path("real.csv"), encoding: .utf8).contains("\nall,"))
    }

    @Test(arguments: ["render", "report", "export"])
    func anEmptyOutPathIsAnError(command: String) throws {
        let scratch = try Scratch()
        let events = try scratch.file("s.events.csv", CommandLineTests.small)
        let result = try Tool.run([command, events, "--out", ""] + (command == "export" ? ["--to", "csv"] : []), in: scratch.url)
        #expect(result.status == 1)
        #expect(result.stderr.contains("path is empty"), "\(result.stderr)")
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path)) == ["s.events.csv"])
    }
}
