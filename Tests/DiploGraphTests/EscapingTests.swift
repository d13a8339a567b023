import Testing
@testable import DiploGraph
import DiploGraphIO
@testable import DiploGraphText
@testable import DiploGraphExport

@Suite struct EscapingTests {
    @Test func dotStrings() {
        #expect(Escape.dotString(#"say "hi" \ now"#) == #"say \"hi\" \\ now"#)
        #expect(Escape.dotString("trailing\\") == "trailing\\\\")
        #expect(Escape.dotString("a&b") == "a&amp;b")
        #expect(Escape.dotString("line\nbreak\r\nx") == "line\\nbreak\\nx")
        #expect(Escape.dotString("\\N \\G") == "\\\\N \\\\G")
        #expect(Escape.dotString("bell\u{7}") == "bell")
        #expect(Escape.dotString("한국 🇰🇷") == "한국 🇰🇷")
    }

    @Test func htmlCSVMarkdown() {
        #expect(Escape.html("<script>alert('x')</script> & \"") == "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;")
        #expect(Escape.csv("plain") == "plain")
        #expect(Escape.csv("a,b") == "\"a,b\"")
        #expect(Escape.csv("say \"x\"") == "\"say \"\"x\"\"\"")
        #expect(Escape.markdownCell("a|b <i>") == "a\\|b \\<i\\>")
    }

    @Test func exactNumbersReadBack() {
        var rng = SeededGenerator(seed: 3)
        for _ in 0..<5000 {
            let value = Double(bitPattern: rng.next() & 0x3FFF_FFFF_FFFF_FFFF)
            #expect(Double(NumberFormat.exact(value)) == value)
        }
        #expect(NumberFormat.exact(3) == "3")
        #expect(NumberFormat.exact(0.5) == "0.5")
    }
}

/// Characters XML 1.0 forbids never reach SVG, GEXF, GraphML or HTML; terminals see escapes.
@Suite struct TextHygieneEscapingTests {
    static let forbidden = "a\u{0}b\u{1}c\u{8}d\u{B}e\u{C}f\u{1B}g\u{1F}h\u{FFFE}i\u{FFFF}j"

    @Test func xmlForbiddenCharactersAreDropped() {
        #expect(Escape.html(Self.forbidden) == "abcdefghij")
        #expect(Escape.dotString(Self.forbidden) == "abcdefghij")
        #expect(Escape.xmlCharacters(Self.forbidden) == "abcdefghij")
        #expect(Escape.xmlCharacters("tab\tline\ncr\r") == "tab\tline\ncr\r")
        #expect(Escape.html("keep \u{FFFD} \u{10FFFF} \u{E000}") == "keep \u{FFFD} \u{10FFFF} \u{E000}")
        for scalar in (0..<0x20).compactMap(Unicode.Scalar.init) + ["\u{FFFE}", "\u{FFFF}"] {
            #expect(Escape.isXMLCharacter(scalar) == (scalar == "\t" || scalar == "\n" || scalar == "\r"))
        }
    }

    @Test func terminalTextShowsControlsAsEscapes() {
        #expect(Escape.terminal("red \u{1B}[31m bell \u{7} del \u{7F} c1 \u{9B}") == #"red \u{1B}[31m bell \u{7} del \u{7F} c1 \u{9B}"#)
        // Line feed and tab too: a cell or a message stays one line, a column one column.
        #expect(Escape.terminal("tab\tnewline\n한국") == #"tab\u{9}newline\u{A}한국"#)
        #expect(Escape.terminal("plain 한국 · \u{A0}") == "plain 한국 · \u{A0}")
        for value in Array(0..<0x20) + [0x7F] + Array(0x80..<0xA0) as [UInt32] {
            let scalar = Unicode.Scalar(value)!
            let shown = Escape.terminal("a\(Character(scalar))b")
            #expect(shown == "a\\u{\(String(value, radix: 16, uppercase: true))}b", "U+\(value)")
            #expect(!shown.unicodeScalars.contains { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) })
        }
        #expect(Escape.terminal("\u{202E}evil") == #"\u{202E}evil"#)
    }

    @Test func truncationKeepsShortTextAndCountsTheRest() {
        #expect(Escape.truncated("short", limit: 10) == "short")
        #expect(Escape.truncated("exactly10!", limit: 10) == "exactly10!")
        #expect(Escape.truncated("abcdefghijkl", limit: 10) == "abcdefghij… (2 more characters)")
        #expect(Escape.truncated("한국한국한국", limit: 4) == "한국한국… (2 more characters)")
        #expect(Escape.truncated(String(repeating: "x", count: 11), limit: 10).hasSuffix("(1 more character)"))
    }

    @Test func textTablesEscapeControls() {
        let table = TextTable.render(header: ["a", "b"], rows: [["x\u{1B}[2J", "1"]], rightAligned: [1])
        #expect(!table.unicodeScalars.contains("\u{1B}"))
        #expect(table.contains(#"x\u{1B}[2J"#))
    }
}
