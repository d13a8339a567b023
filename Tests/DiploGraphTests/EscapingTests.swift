import Testing
@testable import DiploGraph

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

    @Test func htmlJSONCSVMarkdown() {
        #expect(Escape.html("<script>alert('x')</script> & \"") == "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;")
        #expect(Escape.json("a\"b\\c\n</script>") == #""a\"b\\c\n\u003c/script\u003e""#)
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
