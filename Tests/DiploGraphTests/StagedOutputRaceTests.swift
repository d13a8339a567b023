import Foundation
import Testing
import DiploGraph
import DiploGraphIO
@testable import DiploGraphOutput

/// The target replaced between staging and commit, through the library's API: the commit
/// refuses, leaves the target (and whatever a link points to) untouched, and says where the
/// new output is.
@Suite struct StagedOutputRaceTests {
    func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("race-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Names and contents of the regular files in `folder` (links as `-> destination`).
    func snapshot(_ folder: URL) throws -> [String: String] {
        var result: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            let path = folder.appendingPathComponent(name).path
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

    /// A folder of the user's whose marker claims one of its files.
    func victim(in base: URL) throws -> URL {
        let victim = base.appendingPathComponent("victim")
        try FileManager.default.createDirectory(at: victim, withIntermediateDirectories: true)
        try "# Written by DiploGraph\nlisted.txt\n".write(to: victim.appendingPathComponent(StagedDirectory.markerName), atomically: true, encoding: .utf8)
        try "listed".write(to: victim.appendingPathComponent("listed.txt"), atomically: true, encoding: .utf8)
        try "thesis".write(to: victim.appendingPathComponent("thesis.tex"), atomically: true, encoding: .utf8)
        return victim
    }

    /// The folders beside `out` that keep a refused run's output.
    func kept(in base: URL, name: String = "out") throws -> [URL] {
        try FileManager.default.contentsOfDirectory(atPath: base.path).filter { $0.hasPrefix(name + ".new-") }
            .map { base.appendingPathComponent($0) }
    }

    enum Swap: String, CaseIterable {
        case linkToAFolder, linkToAFile, danglingLink, anotherFolder, aFile
    }

    /// Replaces `out` (which may not exist) as `swap` says; `victim` is the user's folder.
    func replace(_ out: URL, by swap: Swap, victim: URL) throws {
        let manager = FileManager.default
        var info = stat()
        if lstat(out.path, &info) == 0 {
            // Moved aside, never deleted: it is the previous output.
            try manager.moveItem(at: out, to: out.deletingLastPathComponent().appendingPathComponent("moved-aside"))
        }
        switch swap {
        case .linkToAFolder: try manager.createSymbolicLink(atPath: out.path, withDestinationPath: victim.path)
        case .linkToAFile: try manager.createSymbolicLink(atPath: out.path, withDestinationPath: victim.appendingPathComponent("thesis.tex").path)
        case .danglingLink: try manager.createSymbolicLink(atPath: out.path, withDestinationPath: "nowhere")
        case .anotherFolder:
            try manager.createDirectory(at: out, withIntermediateDirectories: false)
            try "# Written by DiploGraph\na.svg\n".write(to: out.appendingPathComponent(StagedDirectory.markerName), atomically: true, encoding: .utf8)
            try "other".write(to: out.appendingPathComponent("a.svg"), atomically: true, encoding: .utf8)
            try "mine".write(to: out.appendingPathComponent("mine.txt"), atomically: true, encoding: .utf8)
        case .aFile: try "a file".write(to: out, atomically: true, encoding: .utf8)
        }
    }

    @Test(arguments: Swap.allCases, [false, true])
    func aTargetReplacedDuringTheRunIsNotTouched(swap: Swap, existedAtStart: Bool) throws {
        let base = try scratch()
        defer { try? FileManager.default.removeItem(at: base) }
        let victim = try victim(in: base)
        let out = base.appendingPathComponent("out")
        if existedAtStart {
            let first = try StagedDirectory(path: out.path)
            try first.write("a.svg", text: "first")
            try first.commit()
        }
        let output = try StagedDirectory(path: out.path)
        try output.write("a.svg", text: "second")
        try replace(out, by: swap, victim: victim)
        let victimBefore = try snapshot(victim)
        var outBefore: [String: String]? = nil
        if swap == .anotherFolder { outBefore = try snapshot(out) }
        do {
            try output.commit()
            Issue.record("expected a refusal")
        } catch {
            #expect(error.description.contains("during the run; it was not touched, and the new output was left in \(base.path)/out.new-"), "\(error)")
        }
        #expect(try snapshot(victim) == victimBefore)
        if let outBefore { #expect(try snapshot(out) == outBefore) }
        if swap != .anotherFolder && swap != .aFile {
            var info = stat()
            #expect(lstat(out.path, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK)
        }
        let keptFolders = try kept(in: base)
        #expect(keptFolders.count == 1)
        if let folder = keptFolders.first {
            #expect(try String(contentsOf: folder.appendingPathComponent("a.svg"), encoding: .utf8) == "second")
        }
        // Nothing hidden left behind, and the previous output moved aside is whole.
        #expect(try FileManager.default.contentsOfDirectory(atPath: base.path).filter { $0.hasPrefix(".out.") }.isEmpty)
        if existedAtStart {
            #expect(try String(contentsOf: base.appendingPathComponent("moved-aside/a.svg"), encoding: .utf8) == "first")
        }
    }

    @Test func theMessageNamesTheChange() {
        let folder = StagedDirectory.Identity(stat())
        var linkInfo = stat()
        linkInfo.st_mode = S_IFLNK | 0o777
        let link = StagedDirectory.Identity(linkInfo)
        var directory = stat()
        directory.st_mode = S_IFDIR | 0o755
        directory.st_ino = 7
        var other = directory
        other.st_ino = 8
        #expect(StagedDirectory.change(from: StagedDirectory.Identity(directory), to: link) == "the folder became a symbolic link")
        #expect(StagedDirectory.change(from: nil, to: link) == "a symbolic link appeared at the folder's path")
        #expect(StagedDirectory.change(from: StagedDirectory.Identity(directory), to: StagedDirectory.Identity(other))
                == "the folder was replaced by another folder (another device and inode)")
        #expect(StagedDirectory.change(from: StagedDirectory.Identity(directory), to: folder) == "the folder became a file")
    }

    @Test func aTargetRemovedDuringTheRunGetsTheNewOutput() throws {
        let base = try scratch()
        defer { try? FileManager.default.removeItem(at: base) }
        let out = base.appendingPathComponent("out")
        let first = try StagedDirectory(path: out.path)
        try first.write("a.svg", text: "first")
        try first.commit()
        let output = try StagedDirectory(path: out.path)
        try output.write("a.svg", text: "second")
        try FileManager.default.moveItem(at: out, to: base.appendingPathComponent("aside"))
        try output.commit()
        #expect(try String(contentsOf: out.appendingPathComponent("a.svg"), encoding: .utf8) == "second")
    }

    @Test func aLinkToTheTargetIsStillWrittenThrough() throws {
        // The link given as the path is resolved at the start; the folder it names is the target.
        let base = try scratch()
        defer { try? FileManager.default.removeItem(at: base) }
        let real = base.appendingPathComponent("real")
        try FileManager.default.createDirectory(at: real, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: base.appendingPathComponent("link").path, withDestinationPath: "real")
        for text in ["one", "two"] {
            let output = try StagedDirectory(path: base.appendingPathComponent("link").path)
            try output.write("a.svg", text: text)
            try output.commit()
        }
        #expect(try String(contentsOf: real.appendingPathComponent("a.svg"), encoding: .utf8) == "two")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: base.appendingPathComponent("link").path) == "real")
    }

    @Test func aSecondCommitOrWriteIsAClearErrorAndDiscardKeepsTheOutput() throws {
        let base = try scratch()
        defer { try? FileManager.default.removeItem(at: base) }
        let out = base.appendingPathComponent("out")
        let output = try StagedDirectory(path: out.path)
        try output.write("a.svg", text: "a")
        try output.commit()
        for attempt in [{ try output.commit() }, { try output.write("b.svg", text: "b") }] {
            do {
                try attempt()
                Issue.record("expected an error")
            } catch let error as OutputError {
                #expect(error.reason.contains("already committed"), "\(error)")
            }
        }
        output.discard()
        #expect(try String(contentsOf: out.appendingPathComponent("a.svg"), encoding: .utf8) == "a")
    }

    // MARK: - Files

    @Test(arguments: ["link to a file", "link to a folder", "dangling link", "fifo", "foreign file"])
    func aFileReplacedDuringTheRunIsNotTouched(swap: String) throws {
        let base = try scratch()
        defer { try? FileManager.default.removeItem(at: base) }
        let victim = try victim(in: base)
        let path = base.appendingPathComponent("ties.csv").path
        let signature = [try FileSignature("slice,", at: .start)]
        let file = try StagedFile(path: path, signatures: signature)
        try file.write("slice,new\n")
        switch swap {
        case "link to a file": try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: victim.appendingPathComponent("thesis.tex").path)
        case "link to a folder": try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: victim.path)
        case "dangling link": try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: "nowhere")
        case "fifo": #expect(mkfifo(path, 0o600) == 0)
        default: try "my own table\n".write(toFile: path, atomically: true, encoding: .utf8)
        }
        let before = try snapshot(victim)
        do {
            try file.commit()
            Issue.record("expected a refusal")
        } catch {
            #expect(error.description.contains("during the run; it was not touched, and the new output was left in \(path).new-"), "\(error)")
        }
        #expect(try snapshot(victim) == before)
        if swap == "foreign file" { #expect(try String(contentsOfFile: path, encoding: .utf8) == "my own table\n") }
        let keptFiles = try kept(in: base, name: "ties.csv")
        #expect(keptFiles.count == 1)
        if let kept = keptFiles.first { #expect(try String(contentsOf: kept, encoding: .utf8) == "slice,new\n") }
    }

    @Test func aFileReplacedByOneDiploGraphWroteIsReplaced() throws {
        let base = try scratch()
        defer { try? FileManager.default.removeItem(at: base) }
        let path = base.appendingPathComponent("ties.csv").path
        let signature = [try FileSignature("slice,", at: .start)]
        let file = try StagedFile(path: path, signatures: signature)
        try file.write("slice,new\n")
        try "slice,from another run\n".write(toFile: path, atomically: true, encoding: .utf8)
        try file.commit()
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "slice,new\n")
    }

    @Test func aSecondFileCommitIsAClearError() throws {
        let base = try scratch()
        defer { try? FileManager.default.removeItem(at: base) }
        let file = try StagedFile(path: base.appendingPathComponent("t.json").path)
        try file.write("{}")
        try file.commit()
        for attempt in [{ try file.commit() }, { try file.write("more") }] {
            do {
                try attempt()
                Issue.record("expected an error")
            } catch let error as OutputError {
                #expect(error.reason == "this file was already committed, or its commit failed (a StagedFile is committed once); start a new one")
                #expect(!error.description.contains("NSCocoaErrorDomain"))
            }
        }
        #expect(try String(contentsOfFile: base.appendingPathComponent("t.json").path, encoding: .utf8) == "{}")
    }

    // MARK: - Signatures and reasons

    @Test func signaturesMatchWhereTheyMust() throws {
        let header = try FileSignature("slice,source\n", at: .start)
        #expect(header.matches(Array("slice,source\n1,2\n".utf8)))
        #expect(!header.matches(Array("x\nslice,source\n".utf8)))
        #expect(!header.matches(Array("slice".utf8)))
        let creator = try FileSignature("<creator>DiploGraph</creator>")
        #expect(creator.matches(Array("<gexf><meta><creator>DiploGraph</creator>".utf8)))
        #expect(!creator.matches(Array("<creator>Gephi</creator>".utf8)))
        #expect(!creator.matches([]))
        #expect(throws: OutputError.self) { try FileSignature("") }
        #expect(throws: OutputError.self) { try FileSignature(String(repeating: "x", count: 1025)) }
    }

    @Test func everyExportFormatCarriesASignatureOfTheFamily() throws {
        let base = try scratch()
        defer { try? FileManager.default.removeItem(at: base) }
        let events = base.appendingPathComponent("s.events.csv")
        try "date,source,target,kind,weight\n2018,a,b,summit,1\n".write(to: events, atomically: true, encoding: .utf8)
        let network = try Slicer.slice(try DatasetReader.readEvents(path: events.path), options: SliceOptions())
        for format in GraphExport.Format.allCases {
            let head = Array(try GraphExport.render(network, as: format).utf8.prefix(StagedFile.headLength))
            #expect(GraphExport.signatures.contains { $0.matches(head) }, "\(format)")
        }
        // An import's events file is not an export.
        #expect(!GraphExport.signatures.contains { $0.matches(Array(EventImport.eventsHeader.utf8)) })
    }

    @Test(arguments: [
        (EACCES, "permission denied"), (EROFS, "read-only file system"), (ENOSPC, "no space left on the device"),
        (EDQUOT, "disk quota exceeded"), (EPERM, "operation not permitted (the folder may be immutable or belong to another user)"),
    ])
    func systemReasonsAreWords(code: Int32, words: String) {
        #expect(StagedDirectory.systemReason(code) == words)
    }
}
