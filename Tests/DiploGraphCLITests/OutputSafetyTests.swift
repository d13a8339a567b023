import Foundation
import Testing

/// Nothing the user owns is ever lost: `--out` replaces only what DiploGraph wrote, and
/// numbers that overflow are errors, never `inf` in an output.
@Suite struct OutputSafetyTests {
    static let events = CommandLineTests.small
    static let marker = ".diplograph-output"

    /// Every file below `folder` (relative paths) with its contents.
    func tree(_ folder: String) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let base = URL(fileURLWithPath: folder)
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return [:] }
        for case let item as String in walker {
            var isDirectory: ObjCBool = false
            let path = base.appendingPathComponent(item).path
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                result[item] = try Data(contentsOf: URL(fileURLWithPath: path))
            }
        }
        return result
    }

    @Test(arguments: ["render", "report"])
    func aFolderOfUserFilesIsRefusedAndKept(command: String) throws {
        let scratch = try Scratch()
        let events = try scratch.file("s.events.csv", Self.events)
        let thesis = scratch.path("thesis")
        try FileManager.default.createDirectory(atPath: thesis + "/figures", withIntermediateDirectories: true)
        try "\\chapter{One}".write(toFile: thesis + "/chapter1.tex", atomically: true, encoding: .utf8)
        try "old figure".write(toFile: thesis + "/figures/2018.svg", atomically: true, encoding: .utf8)
        let before = try tree(thesis)
        let result = try Tool.run([command, events, "--out", thesis])
        #expect(result.status == 1)
        #expect(result.stderr.contains("thesis: cannot write output: the folder holds files DiploGraph did not write (chapter1.tex, figures)"), "\(result.stderr)")
        #expect(result.stderr.contains("--force"))
        #expect(try tree(thesis) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).filter { $0.hasPrefix(".thesis.") }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }

    @Test func theCurrentFolderWithFilesIsRefusedEvenWithForce() throws {
        let scratch = try Scratch()
        let events = try scratch.file("s.events.csv", Self.events)
        _ = try scratch.file("notes.txt", "mine")
        let before = try tree(scratch.url.path)
        for extra in [[], ["--force"]] {
            let result = try Tool.run(["render", events, "--out", "."] + extra, in: scratch.url)
            #expect(result.status == 1)
            #expect(result.stderr.contains(".: cannot write output: it is the current folder or holds it"), "\(result.stderr)")
            #expect(try tree(scratch.url.path) == before)
        }
        let parent = try Tool.run(["render", events, "--out", "..", "--force"], in: scratch.url)
        #expect(parent.status == 1)
    }

    @Test func aSecondRunReplacesItsOwnOutputAndKeepsAddedFiles() throws {
        let scratch = try Scratch()
        let events = try scratch.file("s.events.csv", Self.events)
        let out = scratch.path("out")
        #expect(try Tool.run(["render", events, "--out", out]).status == 0)
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: out)) == [Self.marker, "2018.svg", "2019.svg"])
        // The user adds a file and a hidden file, and restricts the folder.
        try "mine".write(toFile: out + "/caption.txt", atomically: true, encoding: .utf8)
        try "".write(toFile: out + "/.gitkeep", atomically: true, encoding: .utf8)
        chmod(out, 0o750)
        let second = try Tool.run(["render", events, "--out", out, "--slice", "all"])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: out)) == [Self.marker, "all.svg", "caption.txt", ".gitkeep"])
        #expect(try String(contentsOfFile: out + "/caption.txt", encoding: .utf8) == "mine")
        #expect(try String(contentsOfFile: out + "/" + Self.marker, encoding: .utf8).hasSuffix("\nall.svg\n"))
        let mode = try FileManager.default.attributesOfItem(atPath: out)[.posixPermissions] as? Int
        #expect(mode == 0o750)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).filter { $0.hasPrefix(".out.") }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }

    @Test func aFileTheUserAddedUnderAnOutputNameIsNotReplaced() throws {
        let scratch = try Scratch()
        let events = try scratch.file("s.events.csv", Self.events)
        let out = scratch.path("out")
        #expect(try Tool.run(["render", events, "--out", out, "--slice", "all"]).status == 0)
        try "my own drawing".write(toFile: out + "/2018.svg", atomically: true, encoding: .utf8)
        let result = try Tool.run(["render", events, "--out", out])
        #expect(result.status == 1)
        #expect(result.stderr.contains("with the names of its output (2018.svg)"), "\(result.stderr)")
        #expect(try String(contentsOfFile: out + "/2018.svg", encoding: .utf8) == "my own drawing")
        #expect(FileManager.default.fileExists(atPath: out + "/all.svg"))
    }

    @Test func forceWritesBesideUserFiles() throws {
        let scratch = try Scratch()
        let events = try scratch.file("s.events.csv", Self.events)
        let figures = scratch.path("figures")
        try FileManager.default.createDirectory(atPath: figures, withIntermediateDirectories: true)
        try "keep me".write(toFile: figures + "/plot.R", atomically: true, encoding: .utf8)
        let result = try Tool.run(["render", events, "--out", figures, "--force"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: figures)) == [Self.marker, "2018.svg", "2019.svg", "plot.R"])
        #expect(try String(contentsOfFile: figures + "/plot.R", encoding: .utf8) == "keep me")
        // Now marked: a run without --force replaces the output and keeps plot.R.
        #expect(try Tool.run(["render", events, "--out", figures, "--slice", "all"]).status == 0)
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: figures)) == [Self.marker, "all.svg", "plot.R"])
    }

    @Test func outputAtAFileOrAnEmptyPathIsRefused() throws {
        let scratch = try Scratch()
        let events = try scratch.file("s.events.csv", Self.events)
        let file = try scratch.file("report.pdf", "a user's file")
        for command in ["render", "report"] {
            let result = try Tool.run([command, events, "--out", file])
            #expect(result.status == 1)
            #expect(result.stderr == "\(file): cannot write output: it is a file, not a folder (name a new or empty folder)\n")
            #expect(try String(contentsOfFile: file, encoding: .utf8) == "a user's file")
            let empty = try Tool.run([command, events, "--out", ""], in: scratch.url)
            #expect(empty.status == 1)
            #expect(empty.stderr.contains("the output folder's path is empty"))
        }
    }

    @Test func aSymbolicLinkIsWrittenThrough() throws {
        let scratch = try Scratch()
        let events = try scratch.file("s.events.csv", Self.events)
        try FileManager.default.createDirectory(atPath: scratch.path("real"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: scratch.path("link"), withDestinationPath: "real")
        #expect(try Tool.run(["render", events, "--out", scratch.path("link")]).status == 0)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: scratch.path("link")) == "real")
        #expect(FileManager.default.fileExists(atPath: scratch.path("real/2018.svg")))
    }

    @Test func stagingLeftByADeadRunIsRemoved() throws {
        let scratch = try Scratch()
        let events = try scratch.file("s.events.csv", Self.events)
        // A process id that cannot be running (above the kernel's pid_max).
        let stale = scratch.path(".out.tmp-2147483646-1")
        try FileManager.default.createDirectory(atPath: stale, withIntermediateDirectories: true)
        // The tool lists each file in the staging folder's marker before writing it.
        try "# Written by DiploGraph\n2018.svg\n".write(toFile: stale + "/" + Self.marker, atomically: true, encoding: .utf8)
        try "half".write(toFile: stale + "/2018.svg", atomically: true, encoding: .utf8)
        #expect(try Tool.run(["render", events, "--out", scratch.path("out")]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: stale))
    }

    @Test func aRunKilledAfterTheSwapLosesNoUserFile() throws {
        let scratch = try Scratch()
        let events = try scratch.file("s.events.csv", Self.events)
        let out = scratch.path("out")
        #expect(try Tool.run(["render", events, "--out", out]).status == 0)
        // As a run killed right after swapping leaves it: the previous output, with its marker,
        // in the staging folder, and a file of the user's not yet moved back.
        let stale = scratch.path(".out.tmp-2147483646-7")
        try FileManager.default.createDirectory(atPath: stale, withIntermediateDirectories: true)
        try "# Written by DiploGraph\n2017.svg\n".write(toFile: stale + "/" + Self.marker, atomically: true, encoding: .utf8)
        try "old".write(toFile: stale + "/2017.svg", atomically: true, encoding: .utf8)
        try "my notes".write(toFile: stale + "/notes.txt", atomically: true, encoding: .utf8)
        #expect(try Tool.run(["render", events, "--out", out]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: stale))
        #expect(try String(contentsOfFile: out + "/notes.txt", encoding: .utf8) == "my notes")
        #expect(!FileManager.default.fileExists(atPath: out + "/2017.svg"))
    }

    @Test func parallelRunsIntoOneFolderAllSucceed() throws {
        let scratch = try Scratch()
        let events = try scratch.file("s.events.csv", Self.events)
        let out = scratch.path("out")
        let results = try (0..<4).map { _ in
            let process = Process()
            process.executableURL = Tool.url
            process.arguments = ["render", events, "--out", out]
            process.standardError = FileHandle.nullDevice
            try process.run()
            return process
        }.map { process in process.waitUntilExit(); return process.terminationStatus }
        #expect(results == [0, 0, 0, 0])
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: out)) == [Self.marker, "2018.svg", "2019.svg"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).filter { $0.hasPrefix(".out.") }.isEmpty)
    }

    @Test func exportDoesNotOverwriteAFileItDidNotWrite() throws {
        let scratch = try Scratch()
        let events = try scratch.file("s.events.csv", Self.events)
        let file = try scratch.file("ties.csv", "my,own,table\n")
        let refused = try Tool.run(["export", events, "--to", "csv", "--out", file])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("the file exists and DiploGraph did not write it"))
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "my,own,table\n")
        // Its own earlier export is replaced; --force replaces anything.
        let own = scratch.path("own.csv")
        #expect(try Tool.run(["export", events, "--to", "csv", "--out", own]).status == 0)
        #expect(try Tool.run(["export", events, "--to", "csv", "--out", own, "--slice", "all"]).status == 0)
        #expect(try Tool.run(["export", events, "--to", "csv", "--out", file, "--force"]).status == 0)
        #expect(try String(contentsOfFile: file, encoding: .utf8).hasPrefix("slice,source,target,kind,weight,events\n"))
    }

    @Test func exportNeitherReadsNorReplacesDevicesPipesOrDanglingLinks() throws {
        let scratch = try Scratch()
        let events = try scratch.file("s.events.csv", Self.events)
        #expect(mkfifo(scratch.path("fifo"), 0o600) == 0)
        try FileManager.default.createSymbolicLink(atPath: scratch.path("stdout-link"), withDestinationPath: "/proc/self/fd/1")
        for (out, message) in [(scratch.path("fifo"), "it is not a regular file"), ("/dev/null", "it is not a regular file"),
                               ("/dev/stdout", "it is a symbolic link to something that does not exist"),
                               (scratch.path("stdout-link"), "symbolic link to something that does not exist")] {
            for force in [[], ["--force"]] {
                let result = try Tool.run(["export", events, "--to", "csv", "--out", out] + force)
                #expect(result.status == 1, "\(out)")
                #expect(result.stderr.contains(message), "\(out): \(result.stderr)")
            }
        }
        var info = stat()
        #expect(lstat(scratch.path("fifo"), &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
        #expect(lstat("/dev/null", &info) == 0 && info.st_mode & S_IFMT == S_IFCHR)
        #expect(lstat(scratch.path("stdout-link"), &info) == 0 && info.st_mode & S_IFMT == S_IFLNK)
        // A link to a regular file is written through and stays a link.
        let own = scratch.path("ties.csv")
        #expect(try Tool.run(["export", events, "--to", "csv", "--out", own]).status == 0)
        try FileManager.default.createSymbolicLink(atPath: scratch.path("latest.csv"), withDestinationPath: "ties.csv")
        #expect(try Tool.run(["export", events, "--to", "csv", "--out", scratch.path("latest.csv"), "--slice", "all"]).status == 0)
        #expect(lstat(scratch.path("latest.csv"), &info) == 0 && info.st_mode & S_IFMT == S_IFLNK)
        #expect(try String(contentsOfFile: own, encoding: .utf8).contains("\nall,"))
    }

    @Test func aFolderNamedLikeAnOutputFileOrAFolderMarkerIsRefusedEvenWithForce() throws {
        let scratch = try Scratch()
        let events = try scratch.file("s.events.csv", Self.events)
        let out = scratch.path("t2")
        try FileManager.default.createDirectory(atPath: out + "/2018.svg", withIntermediateDirectories: true)
        try "mine".write(toFile: out + "/2018.svg/notes.txt", atomically: true, encoding: .utf8)
        let result = try Tool.run(["render", events, "--out", out, "--force"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("holds folders named like output files (2018.svg)"), "\(result.stderr)")
        #expect(try String(contentsOfFile: out + "/2018.svg/notes.txt", encoding: .utf8) == "mine")
        let marked = scratch.path("t1")
        try FileManager.default.createDirectory(atPath: marked + "/" + Self.marker, withIntermediateDirectories: true)
        try "mine".write(toFile: marked + "/" + Self.marker + "/x", atomically: true, encoding: .utf8)
        let second = try Tool.run(["render", events, "--out", marked, "--force"])
        #expect(second.status == 1)
        #expect(second.stderr.contains("is not a file DiploGraph wrote"))
        #expect(FileManager.default.fileExists(atPath: marked + "/" + Self.marker + "/x"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).filter { $0.hasPrefix(".t") }.isEmpty)
    }

    @Test func aHomeOrCurrentFolderHoldingOnlyHiddenFilesIsRefused() throws {
        let scratch = try Scratch()
        let events = try scratch.file("s.events.csv", Self.events)
        let home = scratch.path("home")
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        try "alias ll='ls -l'".write(toFile: home + "/.bashrc", atomically: true, encoding: .utf8)
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = home
        let result = try Tool.run(["render", events, "--out", home], environment: environment)
        #expect(result.status == 1)
        #expect(result.stderr.contains("it is the home folder, with files DiploGraph did not write (.bashrc)"), "\(result.stderr)")
        let inCurrent = try Tool.run(["render", events, "--out", "."], in: URL(fileURLWithPath: home))
        #expect(inCurrent.status == 1)
        #expect(inCurrent.stderr.contains("the current folder or holds it"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: home) == [".bashrc"])
    }

    @Test func pathsResolveAsTheKernelResolvesThem() throws {
        let scratch = try Scratch()
        let events = try scratch.file("s.events.csv", Self.events)
        try FileManager.default.createDirectory(atPath: scratch.path("sub/inner"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: scratch.path("lx"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: scratch.path("lx/l"), withDestinationPath: "../sub/inner")
        // lx/l/.. is sub (the link's target's parent), not lx.
        #expect(try Tool.run(["render", events, "--out", "l/../e"], in: scratch.url.appendingPathComponent("lx")).status == 0)
        #expect(FileManager.default.fileExists(atPath: scratch.path("sub/e/2018.svg")))
        #expect(!FileManager.default.fileExists(atPath: scratch.path("lx/e")))
        let missing = try Tool.run(["render", events, "--out", scratch.path("nowhere/../e")])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("a folder on its way does not exist"))
    }

    @Test(.enabled(if: geteuid() == 0, "mounting a tmpfs needs root"))
    func aMountPointIsUpdatedFileByFile() throws {
        let scratch = try Scratch()
        let events = try scratch.file("s.events.csv", Self.events)
        let mount = scratch.path("mnt")
        try FileManager.default.createDirectory(atPath: mount, withIntermediateDirectories: true)
        let mounted = Process()
        mounted.executableURL = URL(fileURLWithPath: "/bin/mount")
        mounted.arguments = ["-t", "tmpfs", "none", mount]
        mounted.standardError = FileHandle.nullDevice
        try mounted.run()
        mounted.waitUntilExit()
        guard mounted.terminationStatus == 0 else { return }  // not allowed here (a container): nothing to test
        defer {
            let unmount = Process()
            unmount.executableURL = URL(fileURLWithPath: "/bin/umount")
            unmount.arguments = [mount]
            try? unmount.run()
            unmount.waitUntilExit()
        }
        try "mine".write(toFile: mount + "/keep.txt", atomically: true, encoding: .utf8)
        #expect(try Tool.run(["render", events, "--out", mount, "--force"]).status == 0)
        #expect(try Tool.run(["render", events, "--out", mount, "--slice", "all"]).status == 0)
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: mount)) == [Self.marker, "all.svg", "keep.txt"])
    }

    @Test func importDoesNotReplaceAnActorsFileEditedByHand() throws {
        let scratch = try Scratch()
        let fixture = Tool.root.appendingPathComponent("Tests/DiploGraphTests/Fixtures/icews-sample.tab").path
        let out = scratch.path("k.events.csv")
        #expect(try Tool.run(["import", "icews", fixture, "--out", out]).status == 0)
        #expect(try Tool.run(["import", "icews", fixture, "--out", out]).status == 0)
        let edited = "id,label,group\nUnited States,USA,US\n"
        try edited.write(toFile: scratch.path("k.actors.csv"), atomically: true, encoding: .utf8)
        let result = try Tool.run(["import", "icews", fixture, "--out", out])
        #expect(result.status == 1)
        #expect(result.stderr.contains("k.actors.csv: cannot write output"))
        #expect(try String(contentsOfFile: scratch.path("k.actors.csv"), encoding: .utf8) == edited)
    }

    @Test func aTemporaryFileOfAKilledExportIsRemoved() throws {
        let scratch = try Scratch()
        let events = try scratch.file("s.events.csv", Self.events)
        let stale = try scratch.file(".ties.csv.tmp-2147483646-3", "half")
        #expect(try Tool.run(["export", events, "--to", "csv", "--out", scratch.path("ties.csv")]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: stale))
    }

    // MARK: - Numbers

    static let overflowing = "date,source,target,kind,weight\n2018,a,b,summit,1e308\n2018,a,b,summit,1e308\n2018,b,c,summit,1\n"

    @Test(arguments: ["table", "csv", "json", "markdown"])
    func overflowingWeightsAreAnErrorInEveryFormat(format: String) throws {
        let scratch = try Scratch()
        let events = try scratch.file("o.events.csv", Self.overflowing)
        let result = try Tool.run(["centrality", events, "--format", format, "--measures", "degree,strength,pagerank,constraint"])
        #expect(result.status == 1)
        #expect(result.stderr == "\(events): weights of a → b in 2018 sum to more than 1.8e308 (lines 2, 3)\n")
        #expect(result.stdout.isEmpty)
    }

    @Test func overflowAroundANodeIsAnErrorInReportAndRolesAndExport() throws {
        let scratch = try Scratch()
        // No single tie overflows, but b's strength would.
        let events = try scratch.file("o.events.csv", "date,source,target,kind,weight\n2018,a,b,summit,1e308\n2018,c,b,summit,1e308\n")
        let expected = "\(events): weights of the ties of b in 2018 sum to more than 1.8e308 (lines 2, 3)\n"
        let report = try Tool.run(["report", events, "--out", scratch.path("out")])
        #expect(report.status == 1)
        #expect(report.stderr == expected)
        #expect(!FileManager.default.fileExists(atPath: scratch.path("out")))
        let roles = try Tool.run(["roles", events, "--dyad", "a,c", "--format", "json"])
        #expect(roles.status == 1 && roles.stderr == expected)
        let export = try Tool.run(["export", events, "--to", "json", "--out", scratch.path("x.json")])
        #expect(export.status == 1 && export.stderr == expected)
    }

    @Test func roleSumsThatOverflowInsideAGroupAreAnError() throws {
        let scratch = try Scratch()
        let actors = try scratch.file("g.actors.csv", "id,label,group\na,A,A\nb,B,B\nt,T,T\nu,U,T\n")
        let events = try scratch.file("g.events.csv", "date,source,target,kind,weight,note,about\n2018,t,u,summit,1e308,,a|b\n2018,t,u,summit,1e308,,a|b\n2018,t,a,summit,1,,\n2018,t,b,summit,1,,\n")
        for format in ["table", "json"] {
            let result = try Tool.run(["roles", events, "--actors", actors, "--dyad", "A,B", "--rule", "stance", "--by", "group", "--format", format])
            #expect(result.status == 1)
            #expect(result.stderr == "\(events): weights of the ties of T in 2018 sum to more than 1.8e308 (lines 2, 3, 4, 5)\n")
        }
    }

    @Test func weightsTooSmallForPathLengthsLeaveEmptyCellsAndAWarning() throws {
        let scratch = try Scratch()
        let events = try scratch.file("w.events.csv", "date,source,target,kind,weight\n2018,a,b,summit,4e-320\n2018,b,c,summit,1\n2019,a,b,summit,1\n")
        let result = try Tool.run(["centrality", events, "--path-length", "inverse-weight", "--measures", "degree,betweenness,harmonic", "--format", "csv"])
        #expect(result.status == 0)
        #expect(result.stdout == "slice,actor,degree,betweenness,harmonic\n2018,a,1,,\n2018,b,2,,\n2018,c,1,,\n2019,a,1,0,0\n2019,b,1,0,1\n")
        #expect(result.stderr.contains("warning: slice 2018: betweenness with --path-length inverse-weight needs path lengths 1/weight whose sums stay finite"))
        // Hops are unaffected.
        #expect(try Tool.run(["centrality", events, "--measures", "betweenness", "--format", "csv"]).stdout.contains("2018,b,0.5\n"))
    }

    @Test func undirectedSumsThatOverflowAreAnError() throws {
        let scratch = try Scratch()
        let events = try scratch.file("o.events.csv", "date,source,target,kind,weight\n2018,a,b,summit,1e308\n2018,b,a,summit,1e308\n")
        let result = try Tool.run(["centrality", events, "--undirected"])
        #expect(result.status == 1)
        #expect(result.stderr == "\(events): weights of a – b in 2018 sum to more than 1.8e308 (lines 2, 3)\n")
        // Directed, the two ties are apart but a's ties together overflow.
        let directed = try Tool.run(["centrality", events])
        #expect(directed.stderr == "\(events): weights of the ties of a in 2018 sum to more than 1.8e308 (lines 2, 3)\n"
                + "\(events): weights of the ties of b in 2018 sum to more than 1.8e308 (lines 2, 3)\n")
    }

    @Test func hugeButFiniteWeightsPrintInEveryFormat() throws {
        let scratch = try Scratch()
        let events = try scratch.file("h.events.csv", "date,source,target,kind,weight\n2018,a,b,summit,4e307\n2018,b,c,summit,2e-290\n")
        for format in ["table", "csv", "json", "markdown"] {
            let result = try Tool.run(["centrality", events, "--format", format, "--measures", "strength,pagerank,constraint,effective_size"])
            #expect(result.status == 0, "\(format): \(result.stderr)")
            #expect(!result.stdout.contains("inf") && !result.stdout.contains("nan"), "\(format): \(result.stdout)")
        }
        let json = try Tool.run(["centrality", events, "--format", "json"])
        #expect((try? JSONSerialization.jsonObject(with: Data(json.stdout.utf8))) != nil)
    }

    @Test(arguments: [["--window", "0y"], ["--window", "2y", "--step", "0y"], ["--window", "9223372036854775807y"], ["--window=-1y"]])
    func zeroOrHugeWindowsEndAtOnce(arguments: [String]) throws {
        let scratch = try Scratch()
        let events = try scratch.file("s.events.csv", Self.events)
        let started = Date()
        let result = try Tool.run(["centrality", events] + arguments)
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix(arguments.count == 1 ? "--window '-1y'" : arguments[arguments.count - 2] + " '"), "\(result.stderr)")
        #expect(Date().timeIntervalSince(started) < 10)
    }

    @Test func aFolderAsTheEventsFileSaysItIsAFolder() throws {
        let scratch = try Scratch()
        for command in [["centrality"], ["import", "gdelt"]] {
            var arguments = command + [scratch.url.path]
            if command.count == 2 { arguments += ["--out", scratch.path("g.events.csv")] }
            let result = try Tool.run(arguments)
            #expect(result.status == 1)
            #expect(result.stderr == "\(scratch.url.path): cannot be read: it is a folder, not a file\n", "\(result.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: scratch.path("g.events.csv")))
    }
}
