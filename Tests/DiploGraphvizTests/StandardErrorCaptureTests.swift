import Foundation
import Testing
@testable import DiploGraphviz

/// What Graphviz and cairo print straight to stderr joins the job's messages, and a PDF is
/// either whole or an error.
@Suite(.serialized) struct StandardErrorCaptureTests {
    /// Characters that upset cairo reach it only through hand-written DOT (DiploGraph's own
    /// drops them); whatever it prints is captured, and the PDF is whole or the job fails.
    @Test func cairoMessagesAreCapturedAndPDFsAreWhole() throws {
        let dot = "digraph { a [label=\"x\u{FFFE}\u{FFFF}y\"]; a -> b [tooltip=\"\u{FFFF}\"] }"
        // The test does not redirect stderr itself: another test's Graphviz job would swap
        // descriptors with it. cairo's text arriving in the error shows it was captured.
        let outcome = Result { () throws(GraphvizError) in
            try Graphviz.shared.render(dot: dot, engine: .dot, format: .pdf, capturingStandardError: true)
        }
        // Graphviz 2.43's cairo prints "cairo: out of memory" and writes a PDF without its page.
        switch outcome {
        case .success(let rendering):
            Issue.record("a damaged PDF was returned, with warnings \(rendering.warnings)")
        case .failure(let error):
            #expect(error.description.hasPrefix("Graphviz rendering failed: ") && error.description.contains("cairo: out of memory"), "\(error)")
        }
        // Without such characters the same graph renders, whole.
        let clean = try Graphviz.shared.render(dot: "digraph { a [label=\"xy\"]; a -> b }", engine: .dot, format: .pdf, capturingStandardError: true)
        #expect(Graphviz.endsWithTrailer(clean.bytes))
    }

    @Test func trailerCheck() {
        #expect(Graphviz.endsWithTrailer(Array("%PDF-1.5\n...\n%%EOF\n".utf8)))
        #expect(Graphviz.endsWithTrailer(Array("%%EOF".utf8)))
        #expect(!Graphviz.endsWithTrailer(Array("%PDF-1.5\n...\nstream".utf8)))
        #expect(!Graphviz.endsWithTrailer([]))
    }
}
