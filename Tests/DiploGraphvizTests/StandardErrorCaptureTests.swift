import Foundation
import Testing
@testable import DiploGraphviz

/// What Graphviz and cairo print straight to stderr joins the job's messages, and a PDF is
/// either whole or an error.
@Suite(.serialized) struct StandardErrorCaptureTests {
    /// Runs `body` with this process's stderr redirected to a file; returns what reached it.
    func stderrDuring(_ body: () throws -> Void) rethrows -> String {
        fflush(nil)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("stderr-\(UUID().uuidString)").path
        let descriptor = open(path, O_CREAT | O_RDWR | O_TRUNC, 0o600)
        let saved = dup(STDERR_FILENO)
        dup2(descriptor, STDERR_FILENO)
        defer {
            fflush(nil)
            dup2(saved, STDERR_FILENO)
            close(saved)
            close(descriptor)
            try? FileManager.default.removeItem(atPath: path)
        }
        try body()
        fflush(nil)
        return (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    }

    /// Characters that upset cairo reach it only through hand-written DOT (DiploGraph's own
    /// drops them); whatever it prints is captured, and the PDF is whole or the job fails.
    @Test func cairoMessagesAreCapturedAndPDFsAreWhole() throws {
        let dot = "digraph { a [label=\"x\u{FFFE}\u{FFFF}y\"]; a -> b [tooltip=\"\u{FFFF}\"] }"
        var outcome: Result<Graphviz.Rendering, GraphvizError>?
        let leaked = stderrDuring {
            outcome = Result { () throws(GraphvizError) in try Graphviz.shared.render(dot: dot, engine: .dot, format: .pdf) }
        }
        // (Other tests running in parallel may write to stderr meanwhile: only cairo's text counts.)
        #expect(!leaked.contains("cairo"), "reached stderr: \(leaked)")
        // Graphviz 2.43's cairo prints "cairo: out of memory" and writes a PDF without its page.
        switch outcome {
        case .success(let rendering)?:
            Issue.record("a damaged PDF was returned, with warnings \(rendering.warnings)")
        case .failure(let error)?:
            #expect(error.description == "Graphviz rendering failed: cairo: out of memory", "\(error)")
        case nil:
            Issue.record("not run")
        }
        // Without such characters the same graph renders, whole.
        let clean = try Graphviz.shared.render(dot: "digraph { a [label=\"xy\"]; a -> b }", engine: .dot, format: .pdf)
        #expect(Graphviz.endsWithTrailer(clean.bytes) && clean.warnings.isEmpty)
        // The process's stderr works as before afterwards.
        let after = stderrDuring { FileHandle.standardError.write(Data("still here\n".utf8)) }
        #expect(after.contains("still here\n"))
    }

    @Test func trailerCheck() {
        #expect(Graphviz.endsWithTrailer(Array("%PDF-1.5\n...\n%%EOF\n".utf8)))
        #expect(Graphviz.endsWithTrailer(Array("%%EOF".utf8)))
        #expect(!Graphviz.endsWithTrailer(Array("%PDF-1.5\n...\nstream".utf8)))
        #expect(!Graphviz.endsWithTrailer([]))
    }
}
