import Foundation
import Testing

/// Labels, notes, ids and kinds full of markup, DOT syntax, escapes and Unicode come out as
/// the same text in every diagram and report, and never as markup, scripts or links.
@Suite struct HostileTextTests {
    static let labels = [
        #"<script>alert("x")</script>"#,
        #"Kim "Jong" \ Un\"#,
        #"\N \G \L & &amp; <b>bold</b>"#,
        #"]; n99 [label="injected"]; //"#,
        "<img src=x onerror=alert(1)>",
        "한국 · 조선 🇰🇷",
    ]

    @Test func hostileTextStaysText() throws {
        let scratch = try Scratch()
        func csvField(_ text: String) -> String { "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        var actors = "id,label,group\n"
        for (i, label) in Self.labels.enumerated() {
            actors += "\(csvField(i == 0 ? "<id onmouseover=alert(1)>" : "a\(i)")),\(csvField(label)),\(csvField(i % 2 == 0 ? "<style>body{}</style>" : "G&\"B\""))\n"
        }
        let actorsFile = try scratch.file("h.actors.csv", actors)
        let kinds = try scratch.file("h.kinds.csv", "id,polarity,label\nodd,+1,\(csvField("<svg onload=alert(1)> kind"))\n")
        var events = "date,source,target,kind,weight,note\n"
        for i in 0..<Self.labels.count {
            let source = i == 0 ? "<id onmouseover=alert(1)>" : "a\(i)"
            let target = "a\((i + 1) % Self.labels.count == 0 ? 1 : (i + 1) % Self.labels.count)"
            events += "2018,\(csvField(source)),\(target),\(i % 2 == 0 ? "odd" : "summit"),1,\(csvField("<a href=\"javascript:alert(1)\">click</a> \\"))\n"
        }
        let eventsFile = try scratch.file("h.events.csv", events)
        let out = scratch.path("out")
        let result = try Tool.run(["report", eventsFile, "--actors", actorsFile, "--kinds-file", kinds, "--focus", "<id onmouseover=alert(1)>",
                                   "--dyad", "a1,a2", "--title", "<script>alert('title')</script>", "--out", out])
        #expect(result.status == 0, "\(result.stderr)")
        let check = try runScript("Scripts/check_markup_safety.py",
                                  [out + "/report.html", out + "/2018.svg", "--expect-text"] + Self.labels + ["<svg onload=alert(1)> kind"])
        #expect(check.status == 0, "\(check.stderr)")
        // Tooltips show the data as it is: Graphviz's escapes (\N, \G, \L …) are not expanded.
        let tooltips = DrawnSVG(try String(contentsOfFile: out + "/2018.svg", encoding: .utf8)).tooltips
        for label in Self.labels {
            #expect(tooltips.contains { $0.hasPrefix(label + " (") }, "no tooltip shows \(label) verbatim: \(tooltips)")
        }
        #expect(tooltips.contains { $0.contains("• <a href=\"javascript:alert(1)\">click</a> \\") }, "\(tooltips)")
        // The DOT keeps data inside quoted strings: every line is one DiploGraph wrote, and data
        // never reaches URL, href, image, font or file attributes.
        let dot = try String(contentsOfFile: out + "/2018.dot", encoding: .utf8)
        let shape = #"^(digraph "slice" \{|\}|  (graph|node|edge) \[.*\];|  n[0-9]+ \[.*\];|  n[0-9]+ -> n[0-9]+ \[.*\];|  (corner|title)_[a-z0-9_]+ \[.*\];|  // [a-z ,]+)$"#
        for line in dot.split(separator: "\n") {
            #expect(line.range(of: shape, options: .regularExpression) != nil, "unexpected DOT line: \(line)")
            for attribute in ["URL=", "href=", "image=", "shapefile=", "fontpath=", "stylesheet="] {
                // Outside quoted strings (the data), no such attribute appears.
                let outside = line.replacingOccurrences(of: #""([^"\\]|\\.)*""#, with: "\"\"", options: .regularExpression)
                #expect(!outside.contains(attribute), "\(attribute) in \(line)")
            }
        }
        // Markdown: every < of the data is backslash-escaped, so it renders as text.
        let markdown = try String(contentsOfFile: out + "/report.md", encoding: .utf8)
        #expect(markdown.range(of: #"(?<!\\)<"#, options: .regularExpression) == nil)
        #expect(markdown.contains(#"\<script\>alert("x")\</script\>"#))
    }

    /// Found by the FuzzDiagram target: Graphviz 2.43 rejects an HTML-like label text made only
    /// of `]` characters, so a kind or group named `]` broke the legend.
    @Test func legendTextOfBracketsDraws() throws {
        let scratch = try Scratch()
        let kinds = try scratch.file("k.kinds.csv", "id,polarity,label\nk,+1,]\n")
        let actors = try scratch.file("a.actors.csv", "id,label,group\na,],]]\nb,b,g\n")
        let events = try scratch.file("e.events.csv", "date,source,target,kind\n2018,a,b,k\n")
        let result = try Tool.run(["render", events, "--kinds-file", kinds, "--actors", actors, "--out", scratch.path("out")])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty, "\(result.stderr)")
        let svg = try String(contentsOfFile: scratch.path("out/2018.svg"), encoding: .utf8)
        #expect(svg.contains(">]</text>") || svg.contains(">]]</text>"))
    }
}
