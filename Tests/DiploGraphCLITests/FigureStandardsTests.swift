import Foundation
import Testing

/// Node outlines and edge paths of a Graphviz SVG, in the drawing's coordinates.
struct FigureGeometry {
    enum Outline { case box(minX: Double, minY: Double, maxX: Double, maxY: Double), ellipse(x: Double, y: Double, rx: Double, ry: Double) }
    struct Node { var name: String; var outline: Outline; var fill: String; var tooltip: String }
    struct Edge { var tail: String; var head: String; var paths: [[(Double, Double)]] }
    var nodes: [Node] = []
    var edges: [Edge] = []

    static func numbers(_ text: Substring) -> [Double] {
        text.split(whereSeparator: { !"0123456789.-e".contains($0) }).compactMap { Double($0) }
    }

    static func attribute(_ name: String, in text: String) -> String? {
        guard let range = text.range(of: " \(name)=\"") else { return nil }
        return String(text[range.upperBound...].prefix { $0 != "\"" })
    }

    init(_ svg: String) {
        let pieces = svg.replacingOccurrences(of: "<g id=\"node", with: "\u{1}<g id=\"node")
            .replacingOccurrences(of: "<g id=\"edge", with: "\u{1}<g id=\"edge").components(separatedBy: "\u{1}")
        for piece in pieces {
            guard let titleRange = piece.range(of: #"<title>[^<]*</title>"#, options: .regularExpression) else { continue }
            let title = piece[titleRange].dropFirst(7).dropLast(8)
                .replacingOccurrences(of: "&#45;", with: "-").replacingOccurrences(of: "&gt;", with: ">")
            if piece.contains("class=\"node\"") {
                guard title.range(of: #"^(p[0-9]+_)?n[0-9]+$"#, options: .regularExpression) != nil else { continue }
                let tooltip = Self.attribute("xlink:title", in: piece) ?? ""
                if let start = piece.range(of: "<ellipse") {
                    let element = String(piece[start.lowerBound...].prefix { $0 != ">" })
                    let values = ["cx", "cy", "rx", "ry"].compactMap { Self.attribute($0, in: element).flatMap(Double.init) }
                    guard values.count == 4 else { continue }
                    nodes.append(Node(name: title, outline: .ellipse(x: values[0], y: values[1], rx: values[2], ry: values[3]),
                                      fill: Self.attribute("fill", in: element) ?? "", tooltip: tooltip))
                } else if let start = piece.range(of: "<polygon") {
                    let element = String(piece[start.lowerBound...].prefix { $0 != ">" })
                    let values = Self.numbers((Self.attribute("points", in: element) ?? "")[...])
                    let xs = stride(from: 0, to: values.count - 1, by: 2).map { values[$0] }
                    let ys = stride(from: 1, to: values.count, by: 2).map { values[$0] }
                    guard let minX = xs.min(), let maxX = xs.max(), let minY = ys.min(), let maxY = ys.max() else { continue }
                    nodes.append(Node(name: title, outline: .box(minX: minX, minY: minY, maxX: maxX, maxY: maxY),
                                      fill: Self.attribute("fill", in: element) ?? "", tooltip: tooltip))
                }
            } else if piece.contains("class=\"edge\"") {
                let ends = title.components(separatedBy: title.contains("->") ? "->" : "--")
                guard ends.count == 2 else { continue }
                var paths: [[(Double, Double)]] = []
                for part in piece.components(separatedBy: "<path").dropFirst() {
                    guard let d = Self.attribute("d", in: part) else { continue }
                    // "M x,y C x,y x,y x,y ...": a B-spline of cubic pieces, sampled.
                    let values = Self.numbers(d[...])
                    let points = stride(from: 0, to: values.count - 1, by: 2).map { (values[$0], values[$0 + 1]) }
                    var sampled: [(Double, Double)] = []
                    var k = 0
                    while k + 3 < points.count {
                        let (p0, p1, p2, p3) = (points[k], points[k + 1], points[k + 2], points[k + 3])
                        for step in 0...24 {
                            let t = Double(step) / 24, u = 1 - t
                            let a = u * u * u, b = 3 * u * u * t, c = 3 * u * t * t, e = t * t * t
                            sampled.append((a * p0.0 + b * p1.0 + c * p2.0 + e * p3.0, a * p0.1 + b * p1.1 + c * p2.1 + e * p3.1))
                        }
                        k += 3
                    }
                    paths.append(sampled)
                }
                edges.append(Edge(tail: ends[0], head: ends[1], paths: paths))
            }
        }
    }

    /// Edges that pass inside the outline of a node they do not join (by more than `tolerance`
    /// points), as `tail->head behind node`.
    func edgesBehindNodes(tolerance: Double = 1) -> [String] {
        var found: [String] = []
        for edge in edges {
            for node in nodes where node.name != edge.tail && node.name != edge.head {
                let hit = edge.paths.contains { path in
                    path.contains { point in
                        switch node.outline {
                        case let .box(minX, minY, maxX, maxY):
                            return point.0 > minX + tolerance && point.0 < maxX - tolerance && point.1 > minY + tolerance && point.1 < maxY - tolerance
                        case let .ellipse(x, y, rx, ry):
                            let (a, b) = (rx - tolerance, ry - tolerance)
                            guard a > 0, b > 0 else { return false }
                            return pow((point.0 - x) / a, 2) + pow((point.1 - y) / b, 2) < 1
                        }
                    }
                }
                if hit { found.append("\(edge.tail)->\(edge.head) behind \(node.name)") }
            }
        }
        return found
    }
}

/// CIE L* of an sRGB colour `#rrggbb` (D65 white): the lightness a greyscale print keeps.
func cieLightness(_ hex: String) -> Double? {
    guard hex.count == 7, hex.hasPrefix("#"), let value = Int(hex.dropFirst(), radix: 16) else { return nil }
    func linear(_ channel: Int) -> Double {
        let c = Double(channel) / 255
        return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
    }
    let y = 0.2126 * linear(value >> 16) + 0.7152 * linear(value >> 8 & 0xFF) + 0.0722 * linear(value & 0xFF)
    let f = y > 216.0 / 24389 ? pow(y, 1.0 / 3) : (24389.0 / 27 * y + 16) / 116
    return 116 * f - 16
}

/// The figures as printed: no edge behind a node it does not join, groups apart in greyscale,
/// legible text at print width, an accessible name on every SVG.
@Suite(.serialized) struct FigureStandardsTests {
    static let data = [Tool.dataset + ".events.csv", "--actors", Tool.dataset + ".actors.csv", "--kinds-file", Tool.dataset + ".kinds.csv"]

    static func svgs(in folder: String) throws -> [(name: String, text: String)] {
        try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".svg") }.sorted().map {
            ($0, try String(contentsOfFile: folder + "/" + $0, encoding: .utf8))
        }
    }

    /// Seeded random events: `actors` actors in `groups` groups over two years, every kind.
    static func randomEvents(seed: UInt64, actors: Int, groups: Int, events: Int, in scratch: Scratch) throws -> [String] {
        var state = seed &* 0x9E37_79B9_7F4A_7C15 | 1
        func next(_ bound: Int) -> Int {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return Int(state % UInt64(bound))
        }
        let kinds = ["mediation", "summit", "pressure"]
        var csv = "date,source,target,kind,weight\n"
        for _ in 0..<events {
            let a = next(actors)
            var b = next(actors - 1)
            if b >= a { b += 1 }
            csv += "\(2018 + next(2)),a\(a),a\(b),\(kinds[next(3)]),\(1 + next(3))\n"
        }
        var actorsCSV = "id,label,group\n"
        for a in 0..<actors { actorsCSV += "a\(a),Actor number \(a),G\(a % groups)\n" }
        return [try scratch.file("r\(seed).events.csv", csv), "--actors", try scratch.file("r\(seed).actors.csv", actorsCSV)]
    }

    /// Every yearly figure and the grid of the default report, every engine's figures and grid,
    /// and seeded random data: no edge path enters the box of a node it does not join.
    @Test func noEdgeBehindANode() throws {
        let scratch = try Scratch()
        var runs: [(String, [String])] = [("report", ["report"] + Self.data + ["--focus", "moon-jae-in", "--size-by", "brokerage"])]
        for engine in ["dot", "neato", "fdp", "sfdp", "circo"] {
            runs.append(("\(engine)", ["render"] + Self.data + ["--engine", engine]))
            runs.append(("\(engine)-grid", ["render"] + Self.data + ["--engine", engine, "--grid"]))
        }
        for seed in UInt64(1)...3 {
            let data = try Self.randomEvents(seed: seed, actors: 14, groups: 6, events: 45, in: scratch)
            runs.append(("random\(seed)", ["render"] + data))
            runs.append(("random\(seed)-grid", ["render"] + data + ["--grid"]))
        }
        for (name, arguments) in runs {
            let result = try Tool.run(arguments + ["--out", scratch.path(name)])
            #expect(result.status == 0, "\(name): \(result.stderr)")
            for svg in try Self.svgs(in: scratch.path(name)) where svg.name != "brokerage.svg" {
                let geometry = FigureGeometry(svg.text)
                #expect(!geometry.nodes.isEmpty, "\(name)/\(svg.name): no nodes read")
                let behind = geometry.edgesBehindNodes()
                #expect(behind.isEmpty, "\(name)/\(svg.name): \(behind)")
            }
        }
    }

    /// Groups that share a node shape differ in CIE L* by at least 15 (default data, and eight
    /// groups and more, where shapes are needed).
    @Test func groupsStayApartInGreyscale() throws {
        let scratch = try Scratch()
        var runs: [(String, [String])] = [("default", ["render"] + Self.data)]
        runs.append(("many", ["render"] + (try Self.randomEvents(seed: 7, actors: 30, groups: 10, events: 90, in: scratch))))
        for (name, arguments) in runs {
            let result = try Tool.run(arguments + ["--out", scratch.path(name), "--no-ghosts"])
            #expect(result.status == 0, "\(result.stderr)")
            // Group (from the tooltip "label (id, group)") → shape and fill.
            var looks: [String: (shape: String, fill: String)] = [:]
            for svg in try Self.svgs(in: scratch.path(name)) {
                for node in FigureGeometry(svg.text).nodes {
                    guard let open = node.tooltip.lastIndex(of: ","), node.tooltip.hasSuffix(")") else { continue }
                    let group = String(node.tooltip[node.tooltip.index(open, offsetBy: 2)...].dropLast())
                    let shape: String
                    switch node.outline { case .box: shape = "polygon"; case .ellipse: shape = "ellipse" }
                    if let earlier = looks[group] { #expect(earlier.fill == node.fill, "group \(group) drawn in two fills") }
                    looks[group] = (shape, node.fill)
                }
            }
            #expect(looks.count >= (name == "default" ? 4 : 8), "\(name): \(looks)")
            let groups = looks.keys.sorted()
            for (i, a) in groups.enumerated() {
                for b in groups[(i + 1)...] where looks[a]!.shape == looks[b]!.shape && looks[a]!.fill != "#dddddd" && looks[b]!.fill != "#dddddd" {
                    let la = try #require(cieLightness(looks[a]!.fill)), lb = try #require(cieLightness(looks[b]!.fill))
                    #expect(abs(la - lb) >= 15, "\(name): \(a) \(looks[a]!) and \(b) \(looks[b]!): L* \(la) and \(lb)")
                }
            }
        }
        // The lightness conversion itself: black, white, mid grey (L* 53.6 for #777777).
        #expect(abs(cieLightness("#000000")! - 0) < 1e-9 && abs(cieLightness("#ffffff")! - 100) < 1e-6)
        #expect(abs(cieLightness("#777777")! - 50.03) < 0.05)
    }

    /// Five years in a grid of two columns leave the sixth cell empty: the legend goes there,
    /// beside the last panel, not under the grid; with six years (no empty cell) it stays under.
    @Test func legendInTheGridsEmptyCell() throws {
        let scratch = try Scratch()
        // The report's figures: two panels to a row.
        let result = try Tool.run(["render"] + Self.data + ["--grid", "--size-by", "brokerage", "--out", scratch.path("grid")])
        #expect(result.status == 0, "\(result.stderr)")
        let svg = try String(contentsOfFile: scratch.path("grid/grid.svg"), encoding: .utf8)
        /// Where the legend's first text ("Groups") is, in the drawing's coordinates.
        func legendOrigin(_ svg: String) throws -> (x: Double, y: Double) {
            let group = try #require(svg.range(of: #"<g class="legend" transform="translate\([-0-9.e]+ [-0-9.e]+\)">"#, options: .regularExpression))
            let shift = FigureGeometry.numbers(svg[group].dropFirst(35))
            let text = try #require(svg[group.upperBound...].range(of: #"<text[^>]* x="[-0-9.]+" y="[-0-9.]+""#, options: .regularExpression))
            let element = String(svg[text])
            let x = try #require(FigureGeometry.attribute("x", in: element).flatMap(Double.init))
            let y = try #require(FigureGeometry.attribute("y", in: element).flatMap(Double.init))
            return (x + shift[0], y + shift[1])
        }
        let legend = try legendOrigin(svg)
        let panels = FigureGeometry(svg).nodes
        let last = panels.filter { $0.name.hasPrefix("p4_") }, others = panels.filter { !$0.name.hasPrefix("p4_") }
        #expect(!last.isEmpty && !others.isEmpty)
        func box(_ node: FigureGeometry.Node) -> (minX: Double, minY: Double, maxX: Double, maxY: Double) {
            switch node.outline {
            case let .box(minX, minY, maxX, maxY): return (minX, minY, maxX, maxY)
            case let .ellipse(x, y, rx, ry): return (x - rx, y - ry, x + rx, y + ry)
            }
        }
        // Right of every box of the last panel, and above its lowest box (SVG y grows downwards).
        #expect(legend.x > last.map { box($0).maxX }.max()!, "legend at \(legend)")
        #expect(legend.y < last.map { box($0).maxY }.max()!, "legend at \(legend)")
        // Below every box of the panels above it: it starts in the last row.
        #expect(legend.y > others.map { box($0).maxY }.max()!, "legend at \(legend)")
        // Six years fill two columns of three rows: the legend goes under all the boxes.
        let events = try String(contentsOfFile: Self.data[0], encoding: .utf8)
        let header = events.prefix { $0 != "\n" }
        let extra = try scratch.file("six.events.csv", events + "2021,moon-jae-in,kim-jong-un,summit,1,,,\n")
        #expect(header == "date,source,target,kind,weight,note,about,quote", "\(header)")
        let six = try Tool.run(["render", extra] + Self.data.dropFirst() + ["--grid", "--size-by", "brokerage", "--out", scratch.path("six")])
        #expect(six.status == 0, "\(six.stderr)")
        let sixSVG = try String(contentsOfFile: scratch.path("six/grid.svg"), encoding: .utf8)
        let under = try legendOrigin(sixSVG)
        #expect(under.y > FigureGeometry(sixSVG).nodes.map { box($0).maxY }.max()!, "legend at \(under)")
        // Without the numbers after the names the panels go three to a row, and the one empty
        // cell is narrower than the legend's longest lines: they wrap, and the legend still goes
        // into the cell, right of the last panel and in its row.
        let three = try Tool.run(["render"] + Self.data + ["--grid", "--out", scratch.path("three")])
        #expect(three.status == 0, "\(three.stderr)")
        let threeSVG = try String(contentsOfFile: scratch.path("three/grid.svg"), encoding: .utf8)
        let inCell = try legendOrigin(threeSVG)
        let threePanels = FigureGeometry(threeSVG).nodes
        let lastOfThree = threePanels.filter { $0.name.hasPrefix("p4_") }, aboveIt = threePanels.filter { $0.name.hasPrefix("p0_") }
        #expect(!lastOfThree.isEmpty && !aboveIt.isEmpty)
        #expect(inCell.x > lastOfThree.map { box($0).maxX }.max()!, "legend at \(inCell)")
        #expect(inCell.y < lastOfThree.map { box($0).maxY }.max()!, "legend at \(inCell)")
        #expect(inCell.y > aboveIt.map { box($0).maxY }.max()!, "legend at \(inCell)")
    }

    /// Yearly figures share one canvas, cropped to the union of what they draw: without ghosts
    /// every year has the same size and placement, an actor the same box in every year it is
    /// drawn, and the boxes of all years together reach both sides of the drawing, while a year
    /// alone does not.
    @Test func yearlyFiguresShareOneCanvasCroppedToTheUnion() throws {
        let scratch = try Scratch()
        let result = try Tool.run(["render"] + Self.data + ["--no-ghosts", "--out", scratch.path("years")])
        #expect(result.status == 0, "\(result.stderr)")
        let figures = try Self.svgs(in: scratch.path("years"))
        #expect(figures.count == 5)
        func header(_ svg: String) -> String? {
            svg.range(of: #"<svg width="[0-9.]+pt" height="[0-9.]+pt""#, options: .regularExpression).map { String(svg[$0]) }
        }
        func placement(_ svg: String) -> String? {
            svg.range(of: #"<g id="graph0" class="graph" transform="[^"]*""#, options: .regularExpression).map { String(svg[$0]) }
        }
        #expect(Set(figures.map { header($0.text) }).count == 1, "\(figures.map { header($0.text) ?? "?" })")
        #expect(Set(figures.map { placement($0.text) }).count == 1, "\(figures.map { placement($0.text) ?? "?" })")
        func box(_ node: FigureGeometry.Node) -> [Double] {
            switch node.outline {
            case let .box(minX, minY, maxX, maxY): return [minX, minY, maxX, maxY]
            case let .ellipse(x, y, rx, ry): return [x - rx, y - ry, x + rx, y + ry]
            }
        }
        var boxes: [String: [Double]] = [:]
        var extents: [[Double]] = []
        for figure in figures {
            let nodes = FigureGeometry(figure.text).nodes
            #expect(!nodes.isEmpty, "\(figure.name)")
            for node in nodes {
                let outline = box(node)
                if let earlier = boxes[node.name] {
                    #expect(zip(earlier, outline).allSatisfy { abs($0 - $1) < 0.01 }, "\(node.name) moves in \(figure.name)")
                }
                boxes[node.name] = outline
            }
            extents.append([nodes.map { box($0)[0] }.min()!, nodes.map { box($0)[2] }.max()!])
        }
        let width = try #require(header(figures[0].text).map { FigureGeometry.numbers($0[...]) }?.first)
        let translate = try #require(placement(figures[0].text)?.components(separatedBy: "translate(").last)
        let shift = FigureGeometry.numbers(translate[...])
        let left = extents.map { $0[0] }.min()!, right = extents.map { $0[1] }.max()!
        // Graphviz draws from the pad on the left to the pad on the right.
        #expect(abs(left) < 1 && abs(right - (width - 2 * shift[0])) < 1, "union \(left)...\(right) in \(width) pt")
        #expect(extents.contains { $0[0] > left + 20 || $0[1] < right - 20 }, "every year spans the union: \(extents)")
    }

    /// report.html in Chromium (when chromium and node are installed), at 390x844 (a phone,
    /// emulated through the DevTools protocol) and 1440x900: no sideways scroll, the findings
    /// on the first screen, borders of at least 3:1 contrast, every event detail reached by Tab.
    @Test func reportOnAPhoneAndALaptop() throws {
        let scratch = try Scratch()
        func which(_ name: String) -> String? {
            ["/usr/bin/", "/usr/local/bin/", "/bin/"].map { $0 + name }.first { FileManager.default.isExecutableFile(atPath: $0) }
        }
        guard let node = which("node"), which("chromium") != nil else { return }
        let result = try Tool.run(["report"] + Self.data + ["--focus", "moon-jae-in", "--dyad", "ROK,DPRK", "--third", "US",
                                                            "--roles-by", "group", "--size-by", "brokerage", "--out", scratch.path("out")])
        #expect(result.status == 0, "\(result.stderr)")
        for (width, height, mobile) in [(390, 844, true), (1440, 900, false)] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: node)
            process.arguments = [Tool.root.appendingPathComponent("Scripts/browser-layout.js").path, "file://" + scratch.path("out/report.html"),
                                 "\(width)", "\(height)"] + (mobile ? ["--mobile"] : []) + ["--tab", "400", "#findings"]
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
            let layout = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            let scrollWidth = try #require(layout["scrollWidth"] as? Double)
            #expect(scrollWidth <= Double(width), "\(width) px: the page is \(scrollWidth) px wide")
            let findings = try #require((layout["elements"] as? [String: Any])?["#findings"] as? [String: Any])
            #expect(try #require(findings["top"] as? Double) < Double(height), "\(width) px: findings at \(findings)")
            let borders = try #require(layout["borders"] as? [String: Any])
            #expect(try #require(borders["lowest"] as? Double) >= 3, "\(width) px: \(borders)")
            let summaries = try #require(layout["summaries"] as? Int), tabbed = try #require(layout["tabbed"] as? Int)
            #expect(summaries > 0 && tabbed == summaries, "\(width) px: Tab reaches \(tabbed) of \(summaries) event details")
        }
    }

    /// The actors file's `short` column labels the grid's panels (full names in the tooltips
    /// and the grid's legend); a kinds file's `symmetric` kind has no arrowhead.
    @Test func shortLabelsAndSymmetricKinds() throws {
        let scratch = try Scratch()
        let actors = try scratch.file("s.actors.csv", "id,label,group,short\na,Alpha Long Name,G,AL\nb,Beta,H,\nc,Gamma,G,\n")
        let kinds = try scratch.file("s.kinds.csv", "id,polarity,label,symmetric\nmeet,+1,Meeting,yes\ncall,+1,Call,no\n")
        let events = try scratch.file("s.events.csv", "date,source,target,kind\n2018,a,b,meet\n2018,b,a,call\n2018,c,b,summit\n2019,a,c,pressure\n")
        let data = [events, "--actors", actors, "--kinds-file", kinds]
        let grid = try Tool.run(["render"] + data + ["--grid", "--out", scratch.path("grid")])
        #expect(grid.status == 0, "\(grid.stderr)")
        let svg = try String(contentsOfFile: scratch.path("grid/grid.svg"), encoding: .utf8)
        #expect(svg.contains(">AL<") && svg.contains(">Short names<") && svg.contains(">Alpha Long Name<"))
        #expect(svg.contains("xlink:title=\"Alpha Long Name (a, G)\""))
        let single = try Tool.run(["render"] + data + ["--out", scratch.path("single")])
        #expect(single.status == 0)
        #expect(try String(contentsOfFile: scratch.path("single/2018.svg"), encoding: .utf8).contains(">Alpha Long Name<"))
        let dot = try Tool.run(["dot"] + data + ["--slice-label", "2018"]).stdout
        let edges = dot.split(separator: "\n").filter { $0.contains(" -> ") }
        #expect(edges.filter { $0.contains("dir=none") }.count == 2, "\(edges)")  // meet and the built-in summit
        #expect(edges.contains { $0.contains("Call") && !$0.contains("dir=none") })
        let bad = try scratch.file("b.kinds.csv", "id,polarity,label,symmetric\nmeet,+1,Meeting,maybe\n")
        let refused = try Tool.run(["dot", events, "--actors", actors, "--kinds-file", bad, "--slice-label", "2018"])
        #expect(refused.status == 1 && refused.stderr.contains("b.kinds.csv:2: invalid symmetric 'maybe' for kind 'meet' (expected yes or no)"), "\(refused.stderr)")
    }

    /// Every SVG of the report at print width: text at least 7 pt, the year the largest text of
    /// its yearly figure, lines at least 0.75 pt, and `role="img"` with a title and a description.
    @Test func textSizesLinesAndNamesAtPrintWidth() throws {
        let scratch = try Scratch()
        let result = try Tool.run(["report"] + Self.data + ["--focus", "moon-jae-in", "--size-by", "brokerage", "--out", scratch.path("out")])
        #expect(result.status == 0, "\(result.stderr)")
        let svgs = try Self.svgs(in: scratch.path("out"))
        #expect(svgs.map(\.name).contains("brokerage.svg") && svgs.map(\.name).contains("grid.svg"))
        for svg in svgs {
            let text = svg.text
            #expect(text.range(of: #"<svg [^>]*role="img""#, options: .regularExpression) != nil, "\(svg.name): no role=img")
            #expect(text.contains("<title") && text.contains("<desc"), "\(svg.name): no title or desc")
            let width = try #require(text.range(of: #"<svg[^>]* width="[0-9.]+pt""#, options: .regularExpression).map {
                Double(text[$0].split(separator: "\"").last!.dropLast(2))! }, "\(svg.name): no width in points")
            #expect(abs(width - 468) < 1, "\(svg.name): \(width) pt wide")
            let viewBox = try #require(FigureGeometry.attribute("viewBox", in: text).map { FigureGeometry.numbers($0[...]) })
            // Graphviz scales a figure too wide for the width by a transform on its drawing.
            let drawingScale = text.range(of: #"transform="scale\([0-9.]+"#, options: .regularExpression).flatMap { Double(text[$0].dropFirst(17)) } ?? 1
            let scale = width / viewBox[2] * drawingScale
            var sizes: [(Double, String)] = []
            for part in text.components(separatedBy: "<text").dropFirst() {
                guard let size = FigureGeometry.attribute("font-size", in: String(part.prefix { $0 != ">" })).flatMap(Double.init) else { continue }
                let content = part.split(separator: ">", maxSplits: 1).last.map { String($0.prefix { $0 != "<" }) } ?? ""
                sizes.append((size * scale, content))
                #expect(size * scale >= 7 - 1e-6, "\(svg.name): '\(content)' at \(size * scale) pt")
            }
            for part in text.components(separatedBy: "stroke-width=\"").dropFirst() {
                let value = Double(part.prefix { $0 != "\"" }) ?? 0
                #expect(value * scale >= 0.75 - 1e-6, "\(svg.name): a line of \(value * scale) pt")
            }
            if let year = Int(svg.name.dropLast(4)) {
                let largest = try #require(sizes.max { $0.0 < $1.0 })
                #expect(largest.1 == "\(year)", "\(svg.name): the largest text is '\(largest.1)'")
            }
        }
        // The chart: one point per year (no lines joining them), one y scale, "Year", the focus named, absence marked.
        let chart = try #require(svgs.first { $0.name == "brokerage.svg" }?.text)
        #expect(!chart.contains("<polyline"))
        #expect(chart.contains(">Year<") && chart.contains("Moon Jae-in") && chart.contains(">absent<"))
        let tickLabels = chart.components(separatedBy: "text-anchor=\"end\"").count - 1
        #expect(tickLabels % 2 == 0 && tickLabels > 0)
    }
}
