import Foundation
import Testing

/// Cleanup and commit never follow a link, and the tool knows every file it wrote as its own.
@Suite struct OutputLinkSafetyTests {
    static let events = CommandLineTests.small
    static let marker = ".diplograph-output"

    /// Every name in `folder` with the bytes of each regular file (links as `-> destination`).
    func snapshot(_ folder: String) throws -> [String: String] {
        var result: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
            let path = folder + "/" + name
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFLNK: result[name] = "-> " + (try FileManager.default.destinationOfSymbolicLink(atPath: path))
            case S_IFREG: result[name] = try String(contentsOfFile: path, encoding: .utf8)
            default: result[name] = "(folder)"
            }
        }
        return result
    }

    /// A folder of the user's that a marker claims, with a file the marker lists and one it does not.
    func victim(in scratch: Scratch, named name: String = "victim") throws -> String {
        let victim = scratch.path(name)
        try FileManager.default.createDirectory(atPath: victim, withIntermediateDirectories: true)
        try "# Written by DiploGraph\nlisted.txt\n".write(toFile: victim + "/" + Self.marker, atomically: true, encoding: .utf8)
        try "listed".write(toFile: victim + "/listed.txt", atomically: true, encoding: .utf8)
        try "thesis".write(toFile: victim + "/thesis.tex", atomically: true, encoding: .utf8)
        return victim
    }

    /// Every name a dead run's leftovers can have: the staging folder, the two-rename
    /// fallback's folder, and odd but matching tails.
    static let staleNames = [".out.tmp-2147483646-1", ".out.old-2147483646-1", ".out.tmp-2147483646-", ".out.old-2147483646-99-x"]

    @Test(arguments: staleNames, [false, true])
    func aLinkNamedLikeStagingToAFolderIsNeitherFollowedNorRemoved(name: String, outputExists: Bool) throws {
        let scratch = try Scratch()
        let events = try scratch.file("s.events.csv", Self.events)
        let victim = try victim(in: scratch)
        if outputExists { #expect(try Tool.run(["render", events, "--out", scratch.path("out")]).status == 0) }
        try FileManager.default.createSymbolicLink(atPath: scratch.path(name), withDestinationPath: "victim")
        let before = try snapshot(victim)
        let result = try Tool.run(["render", events, "--out", scratch.path("out")])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try snapshot(victim) == before)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: scratch.path(name)) == "victim")
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: scratch.path("out"))) == [Self.marker, "2018.svg", "2019.svg"])
    }

    @Test(arguments: ["file", "dangling", "fifo", "link to a file"])
    func otherThingsNamedLikeStagingAreLeftAlone(kind: String) throws {
        let scratch = try Scratch()
        let events = try scratch.file("s.events.csv", Self.events)
        #expect(try Tool.run(["render", events, "--out", scratch.path("out")]).status == 0)
        let mine = try scratch.file("mine.txt", "mine")
        for name in Self.staleNames {
            let path = scratch.path(name)
            switch kind {
            case "file": try "# Written by DiploGraph\n2018.svg\n".write(toFile: path, atomically: true, encoding: .utf8)
            case "dangling": try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: "nowhere")
            case "fifo": #expect(mkfifo(path, 0o600) == 0)
            default: try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: mine)
            }
        }
        let before = try snapshot(scratch.url.path).filter { $0.key.hasPrefix(".out.") }
        let result = try Tool.run(["render", events, "--out", scratch.path("out"), "--slice", "all"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try snapshot(scratch.url.path).filter { $0.key.hasPrefix(".out.") } == before)
        #expect(try String(contentsOfFile: mine, encoding: .utf8) == "mine")
    }

    @Test func aRealStaleFolderHoldingALinkRemovesTheLinkNotItsTarget() throws {
        // A dead run's staging folder whose marker lists a link: the link goes, its target stays.
        let scratch = try Scratch()
        let events = try scratch.file("s.events.csv", Self.events)
        let victim = try victim(in: scratch)
        let stale = scratch.path(".out.tmp-2147483646-5")
        try FileManager.default.createDirectory(atPath: stale, withIntermediateDirectories: true)
        try "# Written by DiploGraph\nlisted.txt\n2018.svg\n".write(toFile: stale + "/" + Self.marker, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: stale + "/listed.txt", withDestinationPath: victim + "/listed.txt")
        try FileManager.default.createSymbolicLink(atPath: stale + "/2018.svg", withDestinationPath: victim)
        let before = try snapshot(victim)
        #expect(try Tool.run(["render", events, "--out", scratch.path("out")]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: stale))
        #expect(try snapshot(victim) == before)
    }

    @Test func aStaleFoldersMarkerThatIsALinkClaimsNothing() throws {
        let scratch = try Scratch()
        let events = try scratch.file("s.events.csv", Self.events)
        #expect(try Tool.run(["render", events, "--out", scratch.path("out")]).status == 0)
        let claims = try scratch.file("claims", "# Written by DiploGraph\nthesis.tex\n")
        let stale = scratch.path(".out.tmp-2147483646-6")
        try FileManager.default.createDirectory(atPath: stale, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: stale + "/" + Self.marker, withDestinationPath: claims)
        try "thesis".write(toFile: stale + "/thesis.tex", atomically: true, encoding: .utf8)
        #expect(try Tool.run(["render", events, "--out", scratch.path("out")]).status == 0)
        // Not deleted: moved into the output as a file of the user's.
        #expect(try String(contentsOfFile: scratch.path("out/thesis.tex"), encoding: .utf8) == "thesis")
    }

    @Test(arguments: [".ties.csv.tmp-2147483646-3"])
    func aLinkNamedLikeAnExportsTemporaryFileIsLeftAlone(name: String) throws {
        let scratch = try Scratch()
        let events = try scratch.file("s.events.csv", Self.events)
        let mine = try scratch.file("mine.txt", "mine")
        try FileManager.default.createSymbolicLink(atPath: scratch.path(name), withDestinationPath: mine)
        try FileManager.default.createSymbolicLink(atPath: scratch.path(name + "9"), withDestinationPath: "nowhere")
        #expect(try Tool.run(["export", events, "--to", "csv", "--out", scratch.path("ties.csv")]).status == 0)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: scratch.path(name)) == mine)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: scratch.path(name + "9")) == "nowhere")
        #expect(try String(contentsOfFile: mine, encoding: .utf8) == "mine")
    }

    // MARK: - Files the tool wrote

    static let formats = ["gexf", "graphml", "json", "csv"]

    @Test(arguments: formats, formats)
    func anExportReplacesAnExportInAnyFormat(first: String, second: String) throws {
        let scratch = try Scratch()
        let events = try scratch.file("s.events.csv", Self.events)
        let out = scratch.path("ties")
        #expect(try Tool.run(["export", events, "--to", first, "--out", out]).status == 0)
        let result = try Tool.run(["export", events, "--to", second, "--out", out])
        #expect(result.status == 0, "\(first) then \(second): \(result.stderr)")
        let direct = scratch.path("direct")
        #expect(try Tool.run(["export", events, "--to", second, "--out", direct]).status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: out)) == Data(contentsOf: URL(fileURLWithPath: direct)))
    }

    /// Files that carry a format's marker in the wrong place, or another program's marker.
    static let foreign = [
        "notes\nslice,source,target,kind,weight,events\n",
        "<?xml version=\"1.0\"?>\n<graphml>\n<!-- Written by DiploGraph -->\n",
        "date,source,target,kind,weight,note,cameo,event_id\n2018,a,b,summit,1,,036,1\n",
        "id,label,group\n",
        "<gexf><meta><creator>Gephi</creator></meta></gexf>\n",
        "{\"graph\": {\"generator\": \"networkx\"}}\n",
    ]

    @Test(arguments: foreign, formats)
    func anExportRefusesFilesItDidNotWrite(text: String, format: String) throws {
        let scratch = try Scratch()
        let events = try scratch.file("s.events.csv", Self.events)
        let file = try scratch.file("ties", text)
        let result = try Tool.run(["export", events, "--to", format, "--out", file])
        #expect(result.status == 1)
        #expect(result.stderr.contains("the file exists and DiploGraph did not write it"), "\(result.stderr)")
        #expect(try String(contentsOfFile: file, encoding: .utf8) == text)
    }

    @Test(arguments: [false, true])
    func anImportThatKeptNoEventIsReplacedByTheNextImport(twice: Bool) throws {
        let scratch = try Scratch()
        let fixture = Tool.root.appendingPathComponent("Tests/DiploGraphTests/Fixtures/icews-sample.tab").path
        let header = try String(contentsOfFile: fixture, encoding: .utf8).split(separator: "\n")[0]
        let empty = try scratch.file("empty.tab", header + "\n")
        let out = scratch.path("k.events.csv")
        #expect(try Tool.run(["import", "icews", empty, "--out", out]).status == 0)
        #expect(try String(contentsOfFile: scratch.path("k.actors.csv"), encoding: .utf8) == "id,label,group\n")
        #expect(try String(contentsOfFile: out, encoding: .utf8) == "date,source,target,kind,weight,note,cameo,event_id\n")
        // Empty again, then a real import over the empty one.
        if twice {
            let again = try Tool.run(["import", "icews", empty, "--out", out])
            #expect(again.status == 0, "\(again.stderr)")
        }
        let full = try Tool.run(["import", "icews", fixture, "--out", out])
        #expect(full.status == 0, "\(full.stderr)")
        #expect(try String(contentsOfFile: scratch.path("k.actors.csv"), encoding: .utf8).hasPrefix("id,label,group\nUnited States,"))
        // And an empty one over the full one.
        #expect(try Tool.run(["import", "icews", empty, "--out", out]).status == 0)
    }

    @Test func anImportDoesNotReplaceAnEmptyActorsFileBesideNoEventsFile() throws {
        // A header-only actors file is the tool's only beside the events file it wrote.
        let scratch = try Scratch()
        let fixture = Tool.root.appendingPathComponent("Tests/DiploGraphTests/Fixtures/icews-sample.tab").path
        let actors = try scratch.file("k.actors.csv", "id,label,group\n")
        let result = try Tool.run(["import", "icews", fixture, "--out", scratch.path("k.events.csv")])
        #expect(result.status == 1)
        #expect(try String(contentsOfFile: actors, encoding: .utf8) == "id,label,group\n")
    }

    @Test func anExportDoesNotReplaceAnImportsEventsFile() throws {
        // The families stay apart: an export never replaces the events file it may be reading.
        let scratch = try Scratch()
        let fixture = Tool.root.appendingPathComponent("Tests/DiploGraphTests/Fixtures/icews-sample.tab").path
        let out = scratch.path("k.events.csv")
        #expect(try Tool.run(["import", "icews", fixture, "--out", out]).status == 0)
        let before = try String(contentsOfFile: out, encoding: .utf8)
        let result = try Tool.run(["export", out, "--to", "csv", "--out", out])
        #expect(result.status == 1)
        #expect(try String(contentsOfFile: out, encoding: .utf8) == before)
    }

    // MARK: - Reasons

    @Test(.enabled(if: geteuid() == 0, "a read-only bind mount needs root"))
    func aReadOnlyFolderSaysWhy() throws {
        let scratch = try Scratch()
        let events = try scratch.file("s.events.csv", Self.events)
        let folder = scratch.path("ro")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let mount = Process()
        mount.executableURL = URL(fileURLWithPath: "/bin/mount")
        mount.arguments = ["--bind", "-o", "ro", folder, folder]
        mount.standardError = FileHandle.nullDevice
        try mount.run()
        mount.waitUntilExit()
        try #require(mount.terminationStatus == 0, "mount --bind -o ro failed")
        defer {
            let umount = Process()
            umount.executableURL = URL(fileURLWithPath: "/bin/umount")
            umount.arguments = [folder]
            try? umount.run()
            umount.waitUntilExit()
        }
        let result = try Tool.run(["export", events, "--to", "csv", "--out", folder + "/ties.csv"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("cannot create a file in \(folder): read-only file system"), "\(result.stderr)")
        let imported = try Tool.run(["import", "icews", Tool.root.appendingPathComponent("Tests/DiploGraphTests/Fixtures/icews-sample.tab").path,
                                     "--out", folder + "/k.events.csv"])
        #expect(imported.stderr.contains("cannot create a file in \(folder): read-only file system"), "\(imported.stderr)")
        for command in ["render", "report"] {
            let rendered = try Tool.run([command, events, "--out", folder + "/out"])
            #expect(rendered.status == 1)
            #expect(rendered.stderr.contains("cannot create a folder in \(folder): read-only file system"), "\(rendered.stderr)")
            let nested = try Tool.run([command, events, "--out", folder + "/a/out"])
            #expect(nested.status == 1)
            #expect(nested.stderr.contains("read-only file system"), "\(nested.stderr)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }

    @Test(.enabled(if: geteuid() == 0, "chattr +i needs root"))
    func anImmutableFolderSaysWhy() throws {
        let scratch = try Scratch()
        let events = try scratch.file("s.events.csv", Self.events)
        let folder = scratch.path("frozen")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let chattr = { (flag: String) throws -> Int32 in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/chattr")
            process.arguments = [flag, folder]
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            return process.terminationStatus
        }
        try #require(try chattr("+i") == 0, "chattr +i failed")
        defer { _ = try? chattr("-i") }
        let result = try Tool.run(["export", events, "--to", "json", "--out", folder + "/ties.json"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("cannot create a file in \(folder): operation not permitted"), "\(result.stderr)")
        let rendered = try Tool.run(["render", events, "--out", folder + "/out"])
        #expect(rendered.status == 1)
        #expect(rendered.stderr.contains("cannot create a folder in \(folder): operation not permitted"), "\(rendered.stderr)")
    }
}
