import Testing
import DiploGraph
import DiploGraphIO

/// Messages whose phrases naming a choice of options are kept apart: the library's words by
/// default, a front end's words through `worded(_:)`, with no search of the text.
@Suite struct LibraryMessageTests {
    @Test func phrasesAreKeptApartFromText() {
        let kind = "talks"
        let message: LibraryMessage = "unknown kind '\(kind)' \(phrase: .inSelectedKinds) (known kinds: a)"
        #expect(message.parts == [.text("unknown kind 'talks' "), .phrase(.inSelectedKinds), .text(" (known kinds: a)")])
        #expect(message.description == "unknown kind 'talks' in the selected kinds (known kinds: a)")
        #expect(message.worded { _ in "in --kinds" } == "unknown kind 'talks' in --kinds (known kinds: a)")
        let joined = message + " and \(phrase: .groupLevel)"
        #expect(joined.parts.count == 4)
        #expect(joined.parts.last == .phrase(.groupLevel))
    }

    @Test func textThatLooksLikeAPhraseIsText() {
        // An id that reads like a phrase stays as written whatever the front end's words.
        let id = LibraryMessage.Phrase.inSelectedKinds.text
        let message: LibraryMessage = "unknown actor '\(id)'"
        #expect(message.worded { _ in "REPLACED" } == "unknown actor 'in the selected kinds'")
    }

    @Test func slicerProblemsCarryTheirPhrases() throws {
        var text = "date,source,target,kind\n0001-01,a0,a1,summit\n9999-12,a0,a1,summit\n"
        for i in 2..<200 { text += "5000-01,a\(i),a\(i + 1),summit\n" }
        let log = try DatasetReader.readEvents(bytes: Array(text.utf8), name: "m.csv")
        do {
            _ = try Slicer.slice(log, options: SliceOptions(slicing: .calendar(.month), roster: .all))
            Issue.record("sliced 24 million node rows")
        } catch {
            let parts = error.problems[0].content.parts
            #expect(parts.contains(.phrase(.rosterAll)) && parts.contains(.phrase(.tooLargeAdviceAll)))
            #expect(error.lines(wording: { _ in "X" })[0].hasSuffix("over the limit of 5000000 X"))
        }
    }
}
