import Foundation
import Testing
import DiploGraph
import DiploGraphIO
import DiploGraphviz

/// The text of every `<text>` element of an SVG, XML entities decoded.
func svgTexts(_ svg: String) -> [String] {
    var texts: [String] = []
    var rest = svg[...]
    while let open = rest.range(of: "<text"), let close = rest.range(of: "</text>", range: open.upperBound..<rest.endIndex) {
        let element = rest[open.upperBound..<close.lowerBound]
        // Graphviz writes runs of spaces as no-break spaces so that they show: the same visible text.
        if let start = element.firstIndex(of: ">") {
            texts.append(decodeXML(String(element[element.index(after: start)...])).replacingOccurrences(of: "\u{A0}", with: " "))
        }
        rest = rest[close.upperBound...]
    }
    return texts
}

func decodeXML(_ text: String) -> String {
    var out = ""
    var rest = text[...]
    while let amp = rest.firstIndex(of: "&") {
        out += rest[..<amp]
        guard let semi = rest[amp...].firstIndex(of: ";") else { out += rest[amp...]; return out }
        let entity = String(rest[rest.index(after: amp)..<semi])
        switch entity {
        case "amp": out += "&"
        case "lt": out += "<"
        case "gt": out += ">"
        case "quot": out += "\""
        case "apos": out += "'"
        default:
            if entity.hasPrefix("#x"), let code = UInt32(entity.dropFirst(2), radix: 16), let scalar = Unicode.Scalar(code) {
                out.unicodeScalars.append(scalar)
            } else if entity.hasPrefix("#"), let code = UInt32(entity.dropFirst()), let scalar = Unicode.Scalar(code) {
                out.unicodeScalars.append(scalar)
            } else {
                out += "&\(entity);"
            }
        }
        rest = rest[rest.index(after: semi)...]
    }
    return out + rest
}

func svg(_ dot: String, engine: LayoutEngine = .dot) throws -> String {
    String(decoding: try Graphviz.shared.render(dot: dot, engine: engine, format: .svg).bytes, as: UTF8.self)
}

@Suite struct GraphvizTests {
    @Test func pluginsArePresent() throws {
        try Graphviz.shared.checkPlugins()
    }

    @Test(arguments: LayoutEngine.allCases)
    func everyEngineRenders(engine: LayoutEngine) throws {
        let dot = #"digraph { a [pos="0,0!"]; b [pos="100,50!"]; a -> b }"#
        #expect(try svg(dot, engine: engine).contains("<svg"))
    }

    @Test(arguments: [OutputFormat.png, .pdf])
    func otherFormats(format: OutputFormat) throws {
        let bytes = try Graphviz.shared.render(dot: "digraph { a -> b }", format: format).bytes
        #expect(bytes.starts(with: format == .png ? [0x89, 0x50, 0x4E, 0x47] : Array("%PDF".utf8)))
    }

    @Test func syntaxErrorsCarryGraphvizsMessage() throws {
        do {
            _ = try svg("digraph { a -> }")
            Issue.record("expected a syntax error")
        } catch let error as GraphvizError {
            guard case .syntax(let message) = error else { Issue.record("wrong error \(error)"); return }
            #expect(message.contains("syntax error"), "\(message)")
        }
        // The next job is not disturbed by the failed one.
        #expect(try svg("digraph { x -> y }").contains("<svg"))
    }

    @Test func warningsAreCapturedPerJob() throws {
        let warned = try Graphviz.shared.render(dot: "digraph { a [shape=nonsense]; a -> b }")
        #expect(warned.warnings.contains { $0.contains("nonsense") }, "\(warned.warnings)")
        // Without Graphviz's own "Warning: " (the tool adds "warning: Graphviz, slice …: "), each once.
        #expect(!warned.warnings.contains { $0.lowercased().hasPrefix("warning") }, "\(warned.warnings)")
        #expect(Set(warned.warnings).count == warned.warnings.count)
        #expect(svgTexts(String(decoding: warned.bytes, as: UTF8.self)) == ["a", "b"])
        // The next job starts with no warnings of its own.
        #expect(try Graphviz.shared.render(dot: "digraph { a -> b }").warnings.isEmpty)
    }

    @Test func trailingGraphsAreRejectedAndDrained() throws {
        #expect(throws: GraphvizError.syntax("more than one graph in the input")) {
            _ = try svg("digraph { a -> b } digraph { c -> d }")
        }
        let after = try svg("digraph { only -> this }")
        #expect(svgTexts(after) == ["only", "this"])
    }

    @Test func emptyAndNulInputs() {
        #expect(throws: GraphvizError.self) { _ = try svg("") }
        #expect(throws: GraphvizError.self) { _ = try svg("digraph { a\u{0} }") }
    }

    @Test func layoutErrorsAreErrorsEvenWhenGraphvizReturnsSuccess() {
        // nop needs positions on every node.
        #expect(throws: GraphvizError.self) { _ = try svg("digraph { a -> b }", engine: .pinned) }
    }

    @Test func positionsAreReadBack() throws {
        let positions = try Graphviz.shared.positions(dot: "graph { a -- b -- c }", engine: .neato, nodes: ["a", "b", "c", "d"])
        #expect(positions.count == 4 && positions[0...2].allSatisfy { $0 != nil } && positions[3] == nil)
        let pinned = try Graphviz.shared.positions(dot: #"graph { graph [notranslate=true]; a [pos="10,20!"]; b [pos="30,40!"] }"#,
                                                   engine: .pinned, nodes: ["b", "a"])
        #expect(try pinned == [Point(x: 30, y: 40), Point(x: 10, y: 20)])
        let boxes = try Graphviz.shared.boxes(dot: #"graph { graph [notranslate=true]; a [shape=box, fixedsize=true, width=1, height=0.5, pos="10,20!"] }"#,
                                              engine: .pinned, nodes: ["a"])
        #expect(try boxes == [Box(center: Point(x: 10, y: 20), size: Size(width: 72, height: 36))])
    }

    static let oddLabels = [
        #"say "hi""#, #"back\slash"#, "trailing\\", #"\N \G \E \T \H \L \n \l"#, "<script>alert(1)</script>",
        "A & B &amp; C", "<b>bold</b>", "digraph { a -> b }", "]; n9 [label=\"x", "한국어 · 조선말", "🇰🇷 🇰🇵 🇺🇸",
        "ends with quote\"", "{ } | < > record", "x\u{7}y", "  spaced  out  ",
    ]

    /// Odd labels go through the DOT writer's escaping and Graphviz's parser and come out verbatim.
    @Test(arguments: oddLabels)
    func escapedLabelsRoundTrip(label: String) throws {
        let dot = "digraph { n0 [label=\"\(Escape.dotString(label))\", tooltip=\"\(Escape.dotString(label))\"] }"
        let attributes = try Graphviz.shared.nodeAttributes(dot: dot, names: ["label"])
        #expect(attributes.keys.sorted() == ["n0"], "the label must not create nodes")
        let expected = label.unicodeScalars.filter { $0.value >= 0x20 }.map(String.init).joined()
        let texts = svgTexts(try svg(dot))
        #expect(texts == [expected])
    }

    @Test func newlinesBecomeLines() throws {
        let texts = svgTexts(try svg("digraph { n0 [label=\"\(Escape.dotString("first\nsecond"))\"] }"))
        #expect(texts == ["first", "second"])
    }

    /// A property test: random strings from a hostile alphabet round-trip verbatim.
    @Test func randomStringsRoundTrip() throws {
        let alphabet: [String] = ["a", "Z", "0", " ", "\"", "\\", "&", ";", "<", ">", "/", "{", "}", "[", "]", "|", "=", ",", "'",
                                  "N", "G", "l", "r", "#", "é", "한", "😀", "\u{200B}", "amp", "lt", "-", ">", "\\N", "%"]
        var state: UInt64 = 42
        func next(_ bound: Int) -> Int { state = state &* 6364136223846793005 &+ 1442695040888963407; return Int((state >> 33) % UInt64(bound)) }
        for _ in 0..<300 {
            var text = ""
            for _ in 0..<(1 + next(24)) { text += alphabet[next(alphabet.count)] }
            // Graphviz drops leading/trailing spaces of a line in its layout text: keep the ends printable.
            text = "x" + text + "x"
            let dot = "digraph { n0 [label=\"\(Escape.dotString(text))\"] }"
            let texts = svgTexts(try svg(dot))
            #expect(texts == [text], "\(text.debugDescription)")
        }
    }

    /// 500 renders from concurrent tasks, serialised through the one owner, each correct.
    @Test func concurrentRendersAreSerialised() async throws {
        try await withThrowingTaskGroup(of: (Int, String).self) { group in
            for i in 0..<500 {
                group.addTask {
                    (i, try svg("digraph { n\(i) [label=\"node \(i)\"]; n\(i) -> m\(i) }", engine: i % 2 == 0 ? .dot : .neato))
                }
            }
            var seen = 0
            for try await (i, output) in group {
                #expect(svgTexts(output) == ["node \(i)", "m\(i)"])
                seen += 1
            }
            #expect(seen == 500)
        }
    }

    /// 2,000 renders grow resident memory by less than 20 MB.
    @Test func rendersDoNotLeak() throws {
        let dot = #"digraph "slice" { n0 [label="Moon Jae-in", pos="0,0!"]; n1 [label="Kim", pos="200,100!"]; n2 [label="Trump", pos="-100,80!"]; n0 -> n1; n1 -> n2; n2 -> n0 }"#
        for _ in 0..<100 { _ = try Graphviz.shared.render(dot: dot, engine: .pinned) }
        let before = residentBytes()
        for _ in 0..<2000 { _ = try Graphviz.shared.render(dot: dot, engine: .pinned) }
        let growth = residentBytes() - before
        #expect(growth < 20 << 20, "resident memory grew by \(growth >> 20) MB")
    }

    func residentBytes() -> Int {
        let statm = (try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8)) ?? "0 0"
        return (Int(statm.split(separator: " ")[1]) ?? 0) * Int(sysconf(Int32(_SC_PAGESIZE)))
    }
}
