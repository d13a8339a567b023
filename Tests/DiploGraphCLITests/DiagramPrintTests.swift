import Foundation
import Testing

/// What an SVG written by Graphviz draws, read back for checks.
struct DrawnSVG {
    struct Box { var name: String; var minX, minY, maxX, maxY: Double }
    /// The SVG's width in points and the scale Graphviz applied to the drawing.
    let widthInPoints: Double
    let scale: Double
    /// Boxes of the data's nodes (`n<entity>`, `p<k>_n<entity>`), from their outline's coordinates.
    let nodes: [Box]
    /// Font sizes of node labels, with the node's name.
    let nodeFonts: [(node: String, size: Double, text: String)]
    /// Font sizes of every text outside nodes (legend, titles).
    let otherFonts: [(size: Double, text: String)]
    /// Every tooltip (`xlink:title`), XML entities decoded.
    let tooltips: [String]

    init(_ svg: String) {
        func first(_ pattern: String, in text: Substring) -> String? {
            guard let range = text.range(of: pattern, options: .regularExpression) else { return nil }
            return String(text[range])
        }
        let whole = svg[...]
        let width = first(#"<svg width="[0-9.]+pt""#, in: whole).flatMap { Double($0.dropFirst(12).dropLast(3)) } ?? 0
        let scale = first(#"transform="scale\([0-9.]+"#, in: whole).flatMap { Double($0.dropFirst(17)) } ?? 1
        var nodes: [Box] = [], nodeFonts: [(String, Double, String)] = [], otherFonts: [(Double, String)] = []
        // Split at the groups Graphviz writes for nodes and edges.
        let pieces = svg.replacingOccurrences(of: "<g id=\"node", with: "\u{1}<g id=\"node")
            .replacingOccurrences(of: "<g id=\"edge", with: "\u{1}<g id=\"edge").components(separatedBy: "\u{1}")
        for piece in pieces {
            let isNode = piece.contains("class=\"node\"")
            let name = first(#"<title>[^<]*</title>"#, in: piece[...]).map { String($0.dropFirst(7).dropLast(8)) } ?? ""
            let fonts = piece.components(separatedBy: "<text").dropFirst().compactMap { text -> (Double, String)? in
                guard let size = first(#"font-size="[0-9.]+""#, in: text[...]).flatMap({ Double($0.dropFirst(11).dropLast()) }) else { return nil }
                let content = text.split(separator: ">", maxSplits: 1).last.map { String($0.prefix { $0 != "<" }) } ?? ""
                return (size, content)
            }
            let isData = name.range(of: #"^(p[0-9]+_)?n[0-9]+$"#, options: .regularExpression) != nil
            if isNode && isData {
                var xs: [Double] = [], ys: [Double] = []
                for shape in ["d=\"", "points=\""] {
                    for part in piece.components(separatedBy: shape).dropFirst() {
                        let numbers = part.prefix { $0 != "\"" }.split(whereSeparator: { !"0123456789.-".contains($0) }).compactMap { Double($0) }
                        for k in stride(from: 0, to: numbers.count - 1, by: 2) { xs.append(numbers[k]); ys.append(numbers[k + 1]) }
                    }
                }
                if let minX = xs.min(), let maxX = xs.max(), let minY = ys.min(), let maxY = ys.max() {
                    nodes.append(Box(name: name, minX: minX, minY: minY, maxX: maxX, maxY: maxY))
                }
                nodeFonts += fonts.map { (name, $0.0, $0.1) }
            } else if !isNode || !isData {
                // Edge labels do not exist; everything else is legend and titles.
                if !piece.contains("class=\"edge\"") { otherFonts += fonts }
            }
        }
        var tooltips: [String] = []
        for part in svg.components(separatedBy: "xlink:title=\"").dropFirst() {
            tooltips.append(decodeXMLText(String(part.prefix { $0 != "\"" })))
        }
        self.widthInPoints = width
        self.scale = scale
        self.nodes = nodes
        self.nodeFonts = nodeFonts
        self.otherFonts = otherFonts
        self.tooltips = tooltips
    }

    /// Pairs of node boxes that overlap by more than `tolerance` points.
    func overlaps(tolerance: Double = 0.5) -> [(String, String)] {
        var found: [(String, String)] = []
        for i in nodes.indices {
            for j in nodes.indices where j > i {
                let a = nodes[i], b = nodes[j]
                if a.minX + tolerance < b.maxX && b.minX + tolerance < a.maxX && a.minY + tolerance < b.maxY && b.minY + tolerance < a.maxY {
                    found.append((a.name, b.name))
                }
            }
        }
        return found
    }
}

func decodeXMLText(_ text: String) -> String {
    var out = text
    for (entity, value) in [("&#45;", "-"), ("&#10;", "\n"), ("&#39;", "'"), ("&quot;", "\""), ("&lt;", "<"), ("&gt;", ">"), ("&#160;", "\u{A0}")] {
        out = out.replacingOccurrences(of: entity, with: value)
    }
    return out.replacingOccurrences(of: "&amp;", with: "&")
}

/// Events of `actors` actors in `groups` groups over `slices` years, every actor in every year.
func syntheticEvents(actors: Int, groups: Int, years: Int, seed: UInt64 = 7) -> (events: String, actors: String) {
    var state = seed
    func next(_ bound: Int) -> Int { state = state &* 6364136223846793005 &+ 1442695040888963407; return Int((state >> 33) % UInt64(bound)) }
    var events = "date,source,target,kind,weight,note\n"
    let kinds = ["summit", "pressure", "mediation"]
    for year in 0..<years {
        for a in 0..<actors {
            var b = next(actors - 1)
            if b >= a { b += 1 }
            events += "\(2000 + year),a\(a),a\(b),\(kinds[next(3)]),\(1 + next(3)),event \(a)-\(b)\n"
        }
    }
    var actorsFile = "id,label,group\n"
    for a in 0..<actors { actorsFile += "a\(a),Actor number \(a) of group \(a % groups),G\(a % groups)\n" }
    return (events, actorsFile)
}

@Suite struct DiagramPrintTests {
    static let data = [Tool.dataset + ".events.csv", "--actors", Tool.dataset + ".actors.csv", "--kinds-file", Tool.dataset + ".kinds.csv"]

    static let cases: [(engine: String, sizeBy: Bool, byGroup: Bool)] =
        ["neato", "fdp", "sfdp", "dot", "circo"].flatMap { engine in [false, true].flatMap { size in [false, true].map { (engine, size, $0) } } }

    /// Every engine, with and without --size-by and --by group (ghosts on): no two node boxes
    /// overlap in any slice or in the grid, and Graphviz warns about nothing.
    @Test(arguments: 0..<cases.count)
    func noOverlapsAndNoWarnings(index: Int) throws {
        let (engine, sizeBy, byGroup) = Self.cases[index]
        let scratch = try Scratch()
        var arguments = Self.data + ["--engine", engine, "--ghosts"]
        if sizeBy { arguments += ["--size-by", "brokerage"] }
        if byGroup { arguments += ["--by", "group"] }
        for grid in [false, true] {
            let out = scratch.path(grid ? "grid" : "slices")
            let result = try Tool.run(["render"] + arguments + ["--out", out] + (grid ? ["--grid"] : []))
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stderr.isEmpty, "\(engine) \(arguments): \(result.stderr)")
            for file in try FileManager.default.contentsOfDirectory(atPath: out) where file.hasSuffix(".svg") {
                let drawn = DrawnSVG(try String(contentsOfFile: out + "/" + file, encoding: .utf8))
                #expect(!drawn.nodes.isEmpty)
                let overlaps = drawn.overlaps()
                #expect(overlaps.isEmpty, "\(engine) \(arguments) \(file): \(overlaps)")
            }
        }
    }

    /// At --width 6.5in labels are at least 7 pt and legend text at least 6 pt, measured from
    /// the SVG's width and font sizes, for the default dataset and a 30-actor slice.
    @Test func legibleAtPrintWidth() throws {
        let scratch = try Scratch()
        let synthetic = syntheticEvents(actors: 30, groups: 4, years: 1)
        let events = try scratch.file("s.events.csv", synthetic.events)
        let actors = try scratch.file("s.actors.csv", synthetic.actors)
        for (name, data) in [("default", Self.data + ["--size-by", "brokerage", "--title", "A title"]), ("thirty", [events, "--actors", actors])] {
            for grid in [false, true] {
                let out = scratch.path(name + (grid ? "-grid" : ""))
                let result = try Tool.run(["render"] + data + ["--width", "6.5in", "--out", out] + (grid ? ["--grid"] : []))
                #expect(result.status == 0, "\(result.stderr)")
                #expect(!result.stderr.contains("warning"), "\(result.stderr)")
                for file in try FileManager.default.contentsOfDirectory(atPath: out) where file.hasSuffix(".svg") {
                    let drawn = DrawnSVG(try String(contentsOfFile: out + "/" + file, encoding: .utf8))
                    #expect(abs(drawn.widthInPoints - 468) <= 1, "\(name) \(file): \(drawn.widthInPoints) pt wide")
                    let labels = drawn.nodeFonts.map { $0.size * drawn.scale }
                    let legend = drawn.otherFonts.map { $0.size * drawn.scale }
                    #expect(!labels.isEmpty && !legend.isEmpty)
                    #expect(labels.allSatisfy { $0 >= 7 }, "\(name) \(file): labels \(labels.min() ?? 0) pt")
                    #expect(legend.allSatisfy { $0 >= 6 }, "\(name) \(file): legend \(legend.min() ?? 0) pt")
                }
            }
        }
        // Other units give other widths; PDF has the same size.
        let cm = try Tool.run(["render"] + Self.data + ["--width", "17cm", "--out", scratch.path("cm")])
        #expect(cm.status == 0)
        #expect(abs(DrawnSVG(try String(contentsOfFile: scratch.path("cm/2018.svg"), encoding: .utf8)).widthInPoints - 17 / 2.54 * 72) <= 1)
        let pdf = try Tool.run(["render"] + Self.data + ["--format", "pdf", "--out", scratch.path("pdf")])
        #expect(pdf.status == 0)
        let pdfText = String(decoding: try Data(contentsOf: URL(fileURLWithPath: scratch.path("pdf/2018.pdf"))), as: UTF8.self)
        #expect(pdfText.contains("/MediaBox [ 0 0 468 "))
        let bad = try Tool.run(["render"] + Self.data + ["--width", "wide", "--out", scratch.path("bad")])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("--width: 'wide' is not a width"))
    }

    /// One --size-by scale for all slices: the same value is drawn at the same size in two slices.
    @Test func sameValueSameSizeInEverySlice() throws {
        let scratch = try Scratch()
        // a has degree 2 in both years; 2019 has a node of degree 4, 2018 none above 2.
        let events = try scratch.file("s.events.csv", """
            date,source,target,kind
            2018,a,b,summit
            2018,a,c,summit
            2019,a,b,summit
            2019,a,c,summit
            2019,d,b,summit
            2019,d,c,summit
            2019,d,e,summit
            2019,d,f,summit
            """)
        func fontOfA(_ year: Int) throws -> String {
            let dot = try Tool.run(["dot", events, "--size-by", "degree", "--slice-label", "\(year)"])
            #expect(dot.status == 0, "\(dot.stderr)")
            let line = dot.stdout.split(separator: "\n").first { $0.contains("label=\"a\"") } ?? ""
            return line.range(of: #"fontsize=[0-9.]+"#, options: .regularExpression).map { String(line[$0]) } ?? "none"
        }
        #expect(try fontOfA(2018) == fontOfA(2019))
        let svg = try Tool.run(["render", events, "--size-by", "degree", "--out", scratch.path("out")])
        #expect(svg.status == 0)
        // The legend says what the number after a name is; labels carry it.
        let drawn = try String(contentsOfFile: scratch.path("out/2018.svg"), encoding: .utf8)
        #expect(drawn.contains(">Number after a name<") && drawn.contains(">degree in that slice<"))
        #expect(drawn.contains(">a (2)<") && drawn.contains(">b (1)<"))
    }

    /// The grid: every slice in one figure, panels titled, one legend; standalone SVGs carry
    /// the title and the slice label.
    @Test func gridAndTitles() throws {
        let scratch = try Scratch()
        let result = try Tool.run(["render"] + Self.data + ["--grid", "--title", "Koreas & <the US>", "--out", scratch.path("g")])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path("g")).filter { !$0.hasPrefix(".") } == ["grid.svg"])
        let grid = try String(contentsOfFile: scratch.path("g/grid.svg"), encoding: .utf8)
        for year in 2016...2020 { #expect(grid.contains(">\(year)<")) }
        #expect(grid.components(separatedBy: ">Kinds of tie<").count == 2)
        #expect(grid.contains(">Koreas &amp; &lt;the US&gt;<"))
        let single = try Tool.run(["render"] + Self.data + ["--title", "Koreas", "--out", scratch.path("s")])
        #expect(single.status == 0)
        let svg = try String(contentsOfFile: scratch.path("s/2018.svg"), encoding: .utf8)
        #expect(svg.contains(">Koreas<") && svg.contains(">2018<"))
        // Empty or blank text never makes an empty HTML-like element (a Graphviz syntax error; found by fuzzing).
        for blank in ["", "  "] {
            let result = try Tool.run(["render"] + Self.data + ["--grid", "--title", blank, "--out", scratch.path("blank\(blank.count)")])
            #expect(result.status == 0, "\(result.stderr)")
        }
    }

    /// Kinds differ by line pattern, not only by colour, so that they survive greyscale printing.
    @Test func defaultKindsDifferInGrey() throws {
        let scratch = try Scratch()
        let events = try scratch.file("k.events.csv", "date,source,target,kind\n2018,a,b,mediation\n2018,b,c,summit\n2018,c,a,pressure\n")
        let dot = try Tool.run(["dot", events]).stdout
        var patterns: Set<String> = []
        for line in dot.split(separator: "\n") where line.contains(" -> ") {
            let style = line.range(of: #"style=[a-z]+"#, options: .regularExpression).map { String(line[$0]) } ?? ""
            let double = line.contains(":invis:") ? "double" : "single"
            patterns.insert(style + double)
        }
        #expect(patterns.count == 3, "\(patterns)")
        // bold from a kinds file is a pattern of its own (double dashed), not a width: width is weight alone.
        let kinds = try scratch.file("k.kinds.csv", "id,polarity,label,color,style\nloud,+1,Loud,#000000,bold\nquiet,+1,Quiet,#000000,solid\n")
        let both = try scratch.file("b.events.csv", "date,source,target,kind\n2018,a,b,loud\n2018,b,c,quiet\n")
        let boldDOT = try Tool.run(["dot", both, "--kinds-file", kinds]).stdout
        #expect(boldDOT.contains("color=\"#000000:invis:#000000\", style=dashed, penwidth=0.90"), "\(boldDOT)")
        #expect(boldDOT.contains("color=\"#000000\", style=solid, penwidth=0.90"))
    }

    /// Tooltips show the data verbatim: Graphviz's escapes (\N \G \E \T \H \L) are not expanded.
    @Test func tooltipsAreVerbatim() throws {
        let scratch = try Scratch()
        let label = #"\N \G \E \T \H \L \n \\ & &amp; <b>"#
        let note = #"note \E \T \H \G \N \L ends\"#
        let actors = try scratch.file("t.actors.csv", "id,label,group\na,\"\(label.replacingOccurrences(of: "\"", with: "\"\""))\",G\nb,B,H\n")
        let events = try scratch.file("t.events.csv", "date,source,target,kind,note\n2018,a,b,summit,\"\(note)\"\n")
        let result = try Tool.run(["render", events, "--actors", actors, "--out", scratch.path("out")])
        #expect(result.status == 0, "\(result.stderr)")
        let drawn = DrawnSVG(try String(contentsOfFile: scratch.path("out/2018.svg"), encoding: .utf8))
        #expect(drawn.tooltips.contains("\(label) (a, G)"), "\(drawn.tooltips)")
        #expect(drawn.tooltips.contains { $0.hasSuffix("• " + note) }, "\(drawn.tooltips)")
    }

    /// More nodes than one figure holds: refused at once, before any Graphviz call, with advice.
    @Test func tooManyNodesAreRefusedQuickly() throws {
        let scratch = try Scratch()
        var events = "date,source,target,kind\n"
        for pair in 0..<2_500 { events += "2018,x\(2 * pair),x\(2 * pair + 1),summit\n" }
        let file = try scratch.file("big.events.csv", events)
        let start = Date()
        let result = try Tool.run(["render", file, "--out", scratch.path("out")])
        #expect(Date().timeIntervalSince(start) < 10)
        #expect(result.status == 1)
        #expect(result.stderr.contains("5000 actors to draw: diagrams hold at most 2500 nodes"), "\(result.stderr)")
        #expect(result.stderr.contains("--by group"))
        #expect(!FileManager.default.fileExists(atPath: scratch.path("out")))
    }

    /// Many groups share one legend entry ("N other groups") instead of one line each.
    @Test func manyGroupsCollapseInTheLegend() throws {
        let scratch = try Scratch()
        var events = "date,source,target,kind\n"
        for k in 0..<40 { events += "2018,g\(k),g\((k + 1) % 40),summit\n" }
        let file = try scratch.file("g.events.csv", events)
        let result = try Tool.run(["render", file, "--out", scratch.path("out")])
        #expect(result.status == 0, "\(result.stderr)")
        let svg = try String(contentsOfFile: scratch.path("out/2018.svg"), encoding: .utf8)
        #expect(svg.contains(">33 other groups (octagon)<"))
        // 40 actors and 40 ties are past the spline budget: said once, on stderr.
        #expect(result.stderr.components(separatedBy: "edges drawn straight").count == 2, "\(result.stderr)")
    }
}
