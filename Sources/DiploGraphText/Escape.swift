import Foundation
import DiploGraph

/// Escaping of data into the text formats DiploGraph writes.
///
/// Data (ids, labels, notes, groups) reaches DOT, SVG, HTML, CSV and Markdown only through
/// these functions; JSON goes through `JSONValue` (Foundation's `JSONEncoder`), and GEXF and
/// GraphML through `XMLWriter`.
public enum Escape {
    /// A DOT quoted string's content for `label` and `tooltip`: backslash, quote and
    /// newline escaped, `&` as `&amp;` (labels expand entities), other control characters dropped.
    ///
    /// Graphviz then draws exactly the original text: `\\` and `&amp;` come back as `\` and `&`,
    /// and `\N`-style escapes in data stay literal.
    /// - Parameter text: the data, such as a label.
    /// - Returns: the content to put between `"` and `"`.
    /// - Complexity: O(*n*) for *n* bytes of `text`.
    public static func dotString(_ text: String) -> String { dotContent(text, backslashes: 2, escapesQuotes: true) }

    /// A DOT quoted string's content for `tooltip` (and any other escString attribute that
    /// Graphviz reads twice): a hover then shows exactly the original text.
    ///
    /// Graphviz 2.43 unescapes a tooltip once when it turns `\n` into line breaks and once more
    /// when it expands `\N`, `\G`, `\E`, `\T`, `\H` and `\L`: each backslash of the data is
    /// written as four, so that one survives both passes and no escape is expanded. Quotes,
    /// line breaks, `&` and control characters are treated as in ``dotString(_:)``.
    /// - Parameter text: the data, such as a note.
    /// - Returns: the content to put between `"` and `"`.
    /// - Complexity: O(*n*) for *n* bytes of `text`.
    public static func dotEscString(_ text: String) -> String { dotContent(text, backslashes: 4, escapesQuotes: true) }

    /// ``dotString(_:)`` as Graphviz holds it after parsing (`"` not escaped): the text of a
    /// `DOTValue.Form.string` value.
    package static func dotStringValue(_ text: String) -> String { dotContent(text, backslashes: 2, escapesQuotes: false) }

    /// ``dotEscString(_:)`` as Graphviz holds it after parsing (`"` not escaped).
    package static func dotEscStringValue(_ text: String) -> String { dotContent(text, backslashes: 4, escapesQuotes: false) }

    /// The common work of ``dotString(_:)`` and ``dotEscString(_:)``: each backslash written
    /// `backslashes` times, `"` as `\"` when `escapesQuotes`, line breaks as `\n`, `&` as
    /// `&amp;`, control characters and what XML cannot carry dropped; built as bytes.
    private static func dotContent(_ text: String, backslashes: Int, escapesQuotes: Bool) -> String {
        // Most text needs nothing: return it whole.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x5C || $0 == 0x22 || $0 == 0x26 || $0 == 0x7F || $0 == 0xC2 || $0 == 0xEF }) {
            return text
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 16)
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": bytes += repeatElement(0x5C, count: backslashes)
            case "\"": if escapesQuotes { bytes.append(0x5C) }; bytes.append(0x22)
            case "&": bytes += "&amp;".utf8
            case "\r": bytes += [0x5C, 0x6E]
            case "\n": if !previousWasCR { bytes += [0x5C, 0x6E] }
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value) || !isXMLCharacter(scalar) { break }
                // Characters outside the Basic Multilingual Plane pass as they are (UTF-8 DOT).
                if scalar.isASCII { bytes.append(UInt8(scalar.value)) } else { UTF8.encode(scalar) { bytes.append($0) } }
            }
            previousWasCR = scalar == "\r"
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Text for HTML and XML element content and attribute values; control characters other
    /// than tab and newline, U+FFFE and U+FFFF (which XML 1.0 cannot carry) are dropped.
    /// - Parameter text: the data.
    /// - Returns: `text` with `&`, `<`, `>`, `"` and `'` as references.
    /// - Complexity: O(*n*) for *n* characters of `text`.
    public static func html(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        appendMarkup(text, to: &result, as: .html)
        return result
    }

    /// Where ``appendMarkup(_:to:as:)`` puts text.
    package enum MarkupContext {
        /// HTML: a carriage return is dropped.
        case html
        /// XML element content: a carriage return as `&#13;`.
        case xmlText
        /// An XML attribute value: tab, line feed and carriage return as character references.
        case xmlAttribute
    }

    /// Appends `text` with `&`, `<`, `>`, `"` and `'` as references and the characters XML 1.0
    /// cannot carry dropped; line breaks and tabs as `context` needs them.
    package static func appendMarkup(_ text: String, to output: inout String, as context: MarkupContext) {
        // Most text needs nothing: append it whole.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 || $0 == 0xEF }) {
            output += text
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&#39;"
            case "\r": if context != .html { output += "&#13;" }
            case "\n" where context == .xmlAttribute: output += "&#10;"
            case "\t" where context == .xmlAttribute: output += "&#9;"
            default:
                if isXMLCharacter(scalar) { output.unicodeScalars.append(scalar) }
            }
        }
    }

    /// Whether XML 1.0 can carry `scalar` (its `Char` production: tab, newline, carriage
    /// return, U+0020 to U+D7FF, U+E000 to U+FFFD, U+10000 and above; Swift strings hold no
    /// lone surrogates).
    /// - Parameter scalar: a Unicode scalar.
    /// - Returns: `true` when XML 1.0 allows it.
    /// - Complexity: O(1).
    @inline(__always)
    public static func isXMLCharacter(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x20 { return value == 0x09 || value == 0x0A || value == 0x0D }
        return value != 0xFFFE && value != 0xFFFF
    }

    /// `text` without the characters XML 1.0 cannot carry (see ``isXMLCharacter(_:)``): the
    /// last guard on whole documents (report.html) whose parts come from several writers.
    /// - Parameter text: a document.
    /// - Returns: `text` itself when it has nothing to drop.
    /// - Complexity: O(*n*) for *n* scalars of `text`.
    public static func xmlCharacters(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { !isXMLCharacter($0) }) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where isXMLCharacter(scalar) { result.append(scalar) }
        return String(result)
    }

    /// Text for a terminal (messages, aligned text tables): every control character (all of C0,
    /// line feed and tab included, DEL, C1) and the bidirectional overrides shown as `\u{1B}`,
    /// `\u{A}`, `\u{9}`, so that data cannot move the cursor, change colours, ring the bell,
    /// reorder what is shown, or start a line or a column of its own.
    /// - Parameter text: the data.
    /// - Returns: `text` itself when nothing needs escaping.
    /// - Complexity: O(*n*) for *n* scalars of `text`.
    public static func terminal(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsTerminalEscape) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if needsTerminalEscape(scalar) {
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static func needsTerminalEscape(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x20 { return true }
        return value == 0x7F || (0x80..<0xA0).contains(value) || (0x202A...0x202E).contains(value)
            || (0x2066...0x2069).contains(value) || value == 0xFFFE || value == 0xFFFF
    }

    /// `text` cut to at most `limit` characters, ending in `… (N more characters)` when cut:
    /// for tooltips and messages, where a 10 MB note would stall Graphviz or flood a terminal.
    /// The full text stays in CSV and JSON output.
    /// - Parameters:
    ///   - text: the data.
    ///   - limit: the most characters kept (grapheme clusters), before the `… (N more characters)` note.
    /// - Returns: `text` itself when it is no longer than `limit`.
    /// - Complexity: O(*n*) for *n* characters of `text`.
    public static func truncated(_ text: String, limit: Int) -> String {
        guard text.utf8.count > limit else { return text }
        var count = 0
        var end = text.startIndex
        while end < text.endIndex && count < limit {
            end = text.index(after: end)
            count += 1
        }
        guard end < text.endIndex else { return text }
        let rest = text[end...].count
        return String(text[..<end]) + "… (\(rest) more character\(rest == 1 ? "" : "s"))"
    }

    /// A CSV field, quoted when it holds a comma, quote or line break (RFC 4180).
    ///
    /// A field with a space at either end is quoted too; quotes inside are doubled.
    /// - Parameter text: the data.
    /// - Returns: the field, ready to join with commas.
    /// - Complexity: O(*n*) for *n* characters of `text`.
    public static func csv(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) || text.hasPrefix(" ") || text.hasSuffix(" ") else {
            return text
        }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A Markdown table cell: pipes, backslashes and markup characters escaped, line breaks as spaces.
    /// - Parameter text: the data.
    /// - Returns: the cell's content, to put between `|` separators.
    /// - Complexity: O(*n*) for *n* characters of `text`.
    public static func markdownCell(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "|", "\\", "*", "_", "`", "[", "]", "<", ">", "#", "!": result += "\\" + String(character)
            case "&": result += "&amp;"
            case "\n", "\r", "\r\n": result += " "
            default: result.append(character)
            }
        }
        return result
    }

    /// `text` as a Markdown code span that shows it verbatim (CommonMark 0.31, section 6.1).
    ///
    /// Nothing is escaped inside a code span, so the fence is one backtick longer than the
    /// longest run of backticks in `text` and no run inside can close it. A space pads each
    /// side when `text` starts or ends with a backtick (which would join the fence), or starts
    /// and ends with a space (CommonMark strips one space from each side of such content).
    /// Line breaks (CR, LF, CRLF) become spaces, as a code span shows them anyway, so the span
    /// cannot end its paragraph. An empty `text` gives a span of one space (CommonMark has no
    /// empty code span).
    /// - Parameter text: what the span shows, such as a file name.
    /// - Returns: the span, fences included: `` `my_data.csv` ``, ```` `` a`b `` ````.
    /// - Complexity: O(*n*) for *n* characters of `text`.
    package static func markdownCodeSpan(_ text: String) -> String {
        var content = ""
        var longestRun = 0, run = 0
        for character in text {
            switch character {
            case "\n", "\r", "\r\n": content += " "
            default: content.append(character)
            }
            run = character == "`" ? run + 1 : 0
            longestRun = max(longestRun, run)
        }
        guard !content.isEmpty else { return "` `" }
        let fence = String(repeating: "`", count: longestRun + 1)
        let padded = content.first == "`" || content.last == "`"
            || (content.first == " " && content.last == " " && content.contains { $0 != " " })
        return padded ? fence + " " + content + " " + fence : fence + content + fence
    }
}
