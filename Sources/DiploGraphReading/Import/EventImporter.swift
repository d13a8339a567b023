import Foundation
import DiploGraph

/// Streams ICEWS and GDELT event files into DiploGraph events.
///
/// The file is read in chunks and each kept event is handed to a callback, so memory does
/// not grow with the file (GDELT daily files are large). Actors are countries; rows without
/// both countries or with the same country on both sides are skipped, as are codes the
/// mapping does not cover. Malformed rows are errors naming file and line, unless
/// `skipsBadRows`, which counts them instead.
///
/// Bytes: a row with bytes that are not UTF-8 in any field is malformed (engines that read
/// the files as text, DuckDB among them, cannot read it at all), and so is one whose date,
/// countries or CAMEO code hold a NUL byte. A NUL byte elsewhere does not make the row bad:
/// in the event id and the actors' names (the event's note) it is read as U+FFFD, and the
/// other fields are not read. ``SQLQuery`` follows the same rules.
public enum EventImporter {
    /// The characters removed around a country, as Unicode scalars: Unicode's `White_Space`
    /// (tab, line feed, vertical tab, form feed, carriage return, space, U+0085, no-break
    /// space, U+1680, U+2000 to U+200A, U+2028, U+2029, U+202F, U+205F, U+3000) and the zero
    /// width space U+200B. ``SQLQuery`` trims exactly these in every dialect.
    public static let trimmedWhitespace: [Unicode.Scalar] = [
        "\u{09}", "\u{0A}", "\u{0B}", "\u{0C}", "\u{0D}", "\u{20}", "\u{85}", "\u{A0}", "\u{1680}",
        "\u{2000}", "\u{2001}", "\u{2002}", "\u{2003}", "\u{2004}", "\u{2005}", "\u{2006}", "\u{2007}",
        "\u{2008}", "\u{2009}", "\u{200A}", "\u{200B}", "\u{2028}", "\u{2029}", "\u{202F}", "\u{205F}", "\u{3000}",
    ]
    private static let trimmedSet = Set(trimmedWhitespace)

    /// `text` without the ``trimmedWhitespace`` around it (scalar by scalar, so a combining
    /// mark after a space stays).
    /// - Parameter text: a country as written.
    /// - Returns: the text without leading and trailing ``trimmedWhitespace``.
    /// - Complexity: O(*k*) for *k* scalars.
    public static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !trimmedSet.contains($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !trimmedSet.contains($0) })!
        if first == scalars.startIndex && last == scalars.index(before: scalars.endIndex) { return text }
        return String(scalars[first...last])
    }

    /// A field's text (the row is UTF-8), each NUL byte read as U+FFFD: for the fields that
    /// only go into an event's id or note, which a NUL byte does not make bad.
    static func lenientText(_ reader: CSVReader, _ index: Int) -> String {
        let text = reader.withFieldBytes(index) { String(decoding: $0, as: UTF8.self) }
        return reader.recordContainsNUL && text.utf8.contains(0) ? text.replacingOccurrences(of: "\u{0}", with: "\u{FFFD}") : text
    }

    /// GDELT column positions (0-based), the same in 1.0 and 2.0.
    static let gdeltEventID = 0, gdeltDate = 1, gdeltActor1Name = 6, gdeltActor1Country = 7
    static let gdeltActor2Name = 16, gdeltActor2Country = 17, gdeltEventCode = 26

    /// Reads `path` and calls `emit` for every event kept.
    ///
    /// - Parameters:
    ///   - source: the dataset's layout.
    ///   - path: the file.
    ///   - displayName: the file's name in messages, when it differs from `path` (a temporary
    ///     copy, say); `nil` names `path`.
    ///   - mapping: CAMEO codes to kinds.
    ///   - skipsBadRows: count malformed rows instead of failing.
    ///   - progress: called every 100,000 rows with the rows read so far.
    ///   - emit: receives each kept event in file order.
    /// - Returns: the counts of rows read, kept and skipped.
    /// - Throws: ``/DiploGraph/AnyDiploGraphError`` holding ``/DiploGraph/InputProblems`` naming
    ///   file and line, or what `emit` throws.
    /// - Complexity: O(*b*) time for *b* bytes, O(1) memory beyond one chunk and the countries.
    public static func read(_ source: EventSource, path: String, displayName: String? = nil, mapping: CAMEOMapping,
                            skipsBadRows: Bool = false, progress: ((Int) -> Void)? = nil,
                            emit: (ImportedEvent) throws(AnyDiploGraphError) -> Void) throws(AnyDiploGraphError) -> ImportSummary {
        let name = displayName ?? path
        var problems = ProblemCollector(file: name)
        var reader: CSVReader
        do {
            reader = try CSVReader(path: path, dialect: .eventTSV)
        } catch {
            throw AnyDiploGraphError(InputProblems([InputProblem(file: name, line: nil, message: "cannot be read: \(error.reason)")]))
        }
        var summary = ImportSummary()
        var columns: (date: Int, source: Int, target: Int, code: Int, id: Int, sourceName: Int?, targetName: Int?, text: Int?)
        var expectedCount: Int?
        if source == .icews {
            let headerLine: Int?
            do { headerLine = try reader.nextRecord() } catch {
                throw AnyDiploGraphError(InputProblems([InputProblem(file: name, line: error.line, message: error.message)]))
            }
            guard headerLine != nil else {
                throw AnyDiploGraphError(InputProblems([InputProblem(file: name, line: nil, message: "empty file: expected an ICEWS header row")]))
            }
            var index: [String: Int] = [:]
            for i in 0..<reader.fieldCount { if let field = reader.field(i) { index[field.trimmingCharacters(in: .whitespaces)] = i } }
            let required = ["Event ID", "Event Date", "Source Country", "Target Country", "CAMEO Code"]
            let missing = required.filter { index[$0] == nil }
            guard missing.isEmpty else {
                throw AnyDiploGraphError(InputProblems([InputProblem(file: name, line: 1, message: "not an ICEWS header: missing \(missing.map { "'\($0)'" }.joined(separator: ", "))")]))
            }
            columns = (index["Event Date"]!, index["Source Country"]!, index["Target Country"]!, index["CAMEO Code"]!,
                       index["Event ID"]!, index["Source Name"], index["Target Name"], index["Event Text"])
            expectedCount = reader.fieldCount
        } else {
            columns = (gdeltDate, gdeltActor1Country, gdeltActor2Country, gdeltEventCode, gdeltEventID, gdeltActor1Name, gdeltActor2Name, nil)
        }
        var kindCache: [String: String?] = [:]
        while true {
            let line: Int?
            do { line = try reader.nextRecord() } catch {
                problems.add(line: error.line, error.message)
                break
            }
            guard let line else { break }
            summary.rows += 1
            if summary.rows % 100_000 == 0 { progress?(summary.rows) }
            func bad(_ message: String) {
                if skipsBadRows { summary.badRows += 1 } else { problems.add(line: line, message) }
            }
            let count = reader.fieldCount
            // A NUL byte in a row of the wrong shape is most likely a binary file.
            let binary = reader.recordContainsNUL ? "NUL byte: this looks like a binary file, not text; " : ""
            if let expectedCount, count != expectedCount {
                bad(binary + "expected \(expectedCount) tab-separated fields as in the header, found \(count)")
                if problems.isFull { break } else { continue }
            }
            if source == .gdelt && count != 58 && count != 61 {
                bad(binary + "expected 58 (GDELT 1.0) or 61 (GDELT 2.0) tab-separated fields, found \(count)")
                if problems.isFull { break } else { continue }
            }
            if let field = (0..<count).first(where: { !reader.isUTF8($0) }) {
                bad("field \(field + 1) is not UTF-8 text")
                if problems.isFull { break } else { continue }
            }
            let decisive = [("date", columns.date), ("source country", columns.source), ("target country", columns.target), ("CAMEO code", columns.code)]
            if reader.recordContainsNUL, let (what, _) = decisive.first(where: { reader.withFieldBytes($0.1) { $0.contains(0) } }) {
                bad("the \(what) holds a NUL byte")
                if problems.isFull { break } else { continue }
            }
            let dateText = reader.field(columns.date)!, writtenSource = reader.field(columns.source)!
            let writtenTarget = reader.field(columns.target)!, code = reader.field(columns.code)!
            let date: EventDate?
            if source == .gdelt {
                // SQLDATE: YYYYMMDD
                let digits = Array(dateText.utf8)
                if digits.count == 8, digits.allSatisfy({ (48...57).contains($0) }) {
                    let value = Int(dateText)!
                    date = EventDate(checkedYear: value / 10000, month: value / 100 % 100, day: value % 100)
                } else {
                    date = nil
                }
            } else {
                date = EventDate(dateText)
            }
            guard let date else {
                bad("invalid date '\(dateText)' (expected \(source == .gdelt ? "YYYYMMDD" : "YYYY-MM-DD"))")
                if problems.isFull { break } else { continue }
            }
            guard !code.isEmpty, code.utf8.allSatisfy({ (48...57).contains($0) }) else {
                bad("invalid CAMEO code '\(code)' (expected digits)")
                if problems.isFull { break } else { continue }
            }
            // Countries become actor ids: no whitespace around them, one Unicode form (NFC).
            let sourceCountry = DatasetReader.normalized(trimmed(writtenSource))
            let targetCountry = DatasetReader.normalized(trimmed(writtenTarget))
            guard !sourceCountry.isEmpty, !targetCountry.isEmpty else {
                summary.withoutBothCountries += 1
                if (sourceCountry.isEmpty && !writtenSource.isEmpty) || (targetCountry.isEmpty && !writtenTarget.isEmpty) { summary.blankCountries += 1 }
                continue
            }
            if sourceCountry.utf8.count != writtenSource.utf8.count && sourceCountry.count != writtenSource.count { summary.trimmedCountries += 1 }
            if targetCountry.utf8.count != writtenTarget.utf8.count && targetCountry.count != writtenTarget.count { summary.trimmedCountries += 1 }
            guard sourceCountry != targetCountry else { summary.domestic += 1; continue }
            let kind: String?
            if let cached = kindCache[code] { kind = cached } else {
                kind = mapping.kind(for: code)
                kindCache[code] = kind
            }
            guard let kind else { summary.unmapped += 1; continue }
            var note = ""
            if let text = columns.text.map({ lenientText(reader, $0) }), !text.isEmpty { note = text }
            if let sourceName = columns.sourceName.map({ lenientText(reader, $0) }), let targetName = columns.targetName.map({ lenientText(reader, $0) }),
               !sourceName.isEmpty || !targetName.isEmpty {
                note += (note.isEmpty ? "" : ": ") + "\(sourceName) → \(targetName)"
            }
            let eventID = lenientText(reader, columns.id)
            summary.imported += 1
            try emit(ImportedEvent(date: date, source: sourceCountry, target: targetCountry, kind: kind, cameo: code, eventID: eventID, note: note))
        }
        try AnyDiploGraphError.wrapping { () throws(InputProblems) in try problems.throwIfAny() }
        return summary
    }
}
