import Foundation
import DiploGraph

extension DatasetReader {
    /// Where each row's `quote` (a verbatim span of the source text) stands in the text, to
    /// match two codings of one source (``/DiploGraph/CodingAgreement``).
    ///
    /// The span is the quote's first occurrence in `text`, in bytes of UTF-8. Rows are those
    /// of the events file, in order.
    /// - Parameters:
    ///   - events: the events file, with a `quote` column.
    ///   - text: the source text.
    ///   - textName: the source's file name, for messages.
    /// - Returns: one span per row.
    /// - Throws: ``/DiploGraph/InputProblems`` naming the file and line of each empty quote and
    ///   each quote not in the text, or the file when it has no `quote` column.
    /// - Complexity: O(*r* · *t*) for *r* rows and a text of *t* bytes in the worst case.
    public static func quoteSpans(events: String, text: String, textName: String) throws(InputProblems) -> [Range<Int>] {
        var table = try TableFile(path: events, required: ["quote"],
                                  expectedHeader: "date,source,target,kind and quote (a verbatim span of the --text source)")
        let column = table.column("quote")!
        let haystack = Array(text.utf8)
        var spans: [Range<Int>] = []
        while table.next() {
            guard let quote = table.text(column) else { spans.append(0..<0); continue }
            let needle = Array(quote.trimmingCharacters(in: .whitespacesAndNewlines).utf8)
            guard !needle.isEmpty else {
                table.problem("empty quote: --text matches rows by their quotes")
                spans.append(0..<0)
                continue
            }
            guard let start = Self.firstIndex(of: needle, in: haystack) else {
                let shown = quote.count > 60 ? String(quote.prefix(60)) + "…" : quote
                table.problem("quote '\(shown)' is not in \(textName)")
                spans.append(0..<0)
                continue
            }
            spans.append(start..<(start + needle.count))
        }
        try table.problems.throwIfAny()
        return spans
    }

    static func firstIndex(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard needle.count <= haystack.count else { return nil }
        let first = needle[0]
        var i = 0
        while i <= haystack.count - needle.count {
            if haystack[i] == first && haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }
}
