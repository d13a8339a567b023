import Foundation
import Testing
import DiploGraph
import DiploGraphIO

/// The output folder rule through the library's public API.
@Suite struct StagedDirectoryTests {
    func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("staged-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func stagingListsEveryFileAsItIsWritten() throws {
        let base = try scratch()
        defer { try? FileManager.default.removeItem(at: base) }
        let output = try StagedDirectory(path: base.appendingPathComponent("out").path)
        try output.write("a.svg", text: "a")
        try output.write("b.svg", text: "b")
        let marker = try String(contentsOf: output.staging.appendingPathComponent(StagedDirectory.markerName), encoding: .utf8)
        #expect(marker.hasSuffix("\na.svg\nb.svg\n"))
        output.discard()
        #expect(!FileManager.default.fileExists(atPath: output.staging.path))
        #expect(!FileManager.default.fileExists(atPath: base.appendingPathComponent("out").path))
    }

    @Test func twoOutputsInOneFolderAtOnceDoNotWaitForEachOther() throws {
        let base = try scratch()
        defer { try? FileManager.default.removeItem(at: base) }
        let first = try StagedDirectory(path: base.appendingPathComponent("one").path)
        let second = try StagedDirectory(path: base.appendingPathComponent("two").path)
        try first.write("x.svg", text: "1")
        try second.write("x.svg", text: "2")
        try second.commit()
        try first.commit()
        #expect(try String(contentsOf: base.appendingPathComponent("one/x.svg"), encoding: .utf8) == "1")
        #expect(try String(contentsOf: base.appendingPathComponent("two/x.svg"), encoding: .utf8) == "2")
        // The same folder twice at once is refused, then free again.
        let held = try StagedDirectory(path: base.appendingPathComponent("one").path)
        #expect(throws: OutputError.self) { try StagedDirectory(path: base.appendingPathComponent("one").path) }
        held.discard()
        _ = try StagedDirectory(path: base.appendingPathComponent("one").path)
    }

    @Test func outputNamesAreChecked() throws {
        let base = try scratch()
        defer { try? FileManager.default.removeItem(at: base) }
        let output = try StagedDirectory(path: base.appendingPathComponent("out").path)
        for name in ["", "../x", "a/b", ".hidden", StagedDirectory.markerName] {
            #expect(throws: OutputError.self) { try output.write(name, text: "x") }
        }
    }

    @Test func aFolderOfOtherFilesIsRefusedWithTheirNames() throws {
        let base = try scratch()
        defer { try? FileManager.default.removeItem(at: base) }
        let folder = base.appendingPathComponent("thesis")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "x".write(to: folder.appendingPathComponent("ch1.tex"), atomically: true, encoding: .utf8)
        do {
            _ = try StagedDirectory(path: folder.path)
            Issue.record("expected a refusal")
        } catch {
            #expect(error.kind == .foreignFiles(["ch1.tex"]))
        }
        let forced = try StagedDirectory(path: folder.path, force: true)
        try forced.write("ch1.tex", text: "replaced: --force replaces the names it writes")
        try forced.write("fig.svg", text: "new")
        try forced.commit()
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: folder.path)) == ["ch1.tex", "fig.svg", StagedDirectory.markerName])
    }
}
