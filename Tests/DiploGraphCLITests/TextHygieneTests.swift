import Foundation
import Testing

/// Runs Python code with arguments; its exit status and stderr.
func runPython(_ code: String, _ arguments: [String]) throws -> (status: Int32, stderr: String) {
    try runPython3(["-c", code] + arguments)
}

func csvField(_ text: String) -> String { "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

/// Any text in the data gives valid files, terminals that show it escaped, and one actor per
/// id whatever its Unicode form.
@Suite struct TextHygieneTests {
    /// Characters XML 1.0 forbids, and terminal controls.
    static let hostile = "x\u{1}\u{8}\u{B}\u{C}\u{1B}[31m\u{7}\u{1F}\u{FFFE}\u{FFFF}y"

    func forbiddenScalars(in text: String) -> [UInt32] {
        text.unicodeScalars.filter { ($0.value < 0x20 && !"\t\n\r".unicodeScalars.contains($0)) || $0.value == 0xFFFE || $0.value == 0xFFFF }.map(\.value)
    }

    func hostileDataset(_ scratch: Scratch) throws -> (events: String, actors: String, kinds: String) {
        let actors = try scratch.file("h.actors.csv", "id,label,group\na,\(csvField("label " + Self.hostile)),\(csvField("group " + Self.hostile))\nb,B,\(csvField("G\u{FFFF}"))\nc,C,H\n")
        let kinds = try scratch.file("h.kinds.csv", "id,polarity,label\nodd,+1,\(csvField("kind " + Self.hostile))\n")
        let events = try scratch.file("h.events.csv", "date,source,target,kind,note,about\n"
            + "2018,a,b,odd,\(csvField("note " + Self.hostile)),\n2018,c,a,mediation,\(csvField("\u{FFFE}")),a|b\n2019,b,c,summit,plain,\n")
        return (events, actors, kinds)
    }

    @Test func everyXMLFileIsWellFormedWhateverTheText() throws {
        let scratch = try Scratch()
        let (events, actors, kinds) = try hostileDataset(scratch)
        let out = scratch.path("out")
        let report = try Tool.run(["report", events, "--actors", actors, "--kinds-file", kinds, "--focus", "c", "--dyad", "a,b",
                                   "--title", "title " + Self.hostile, "--out", out])
        #expect(report.status == 0, "\(report.stderr)")
        var xmlFiles = [out + "/2018.svg", out + "/2019.svg"]
        for format in ["gexf", "graphml"] {
            let file = scratch.path("h.\(format)")
            let export = try Tool.run(["export", events, "--actors", actors, "--kinds-file", kinds, "--to", format, "--out", file])
            #expect(export.status == 0, "\(export.stderr)")
            xmlFiles.append(file)
        }
        let parse = try runPython("import sys, xml.dom.minidom\nfor f in sys.argv[1:]: xml.dom.minidom.parse(f)", xmlFiles)
        #expect(parse.status == 0, "\(parse.stderr)")
        for file in xmlFiles + [out + "/report.html"] {
            let text = try String(contentsOfFile: file, encoding: .utf8)
            #expect(forbiddenScalars(in: text).isEmpty, "\(file): \(forbiddenScalars(in: text))")
        }
        // The text around the dropped characters is kept.
        #expect(try String(contentsOfFile: out + "/report.html", encoding: .utf8).contains("title x[31my"))
    }

    @Test(arguments: ["pdf", "png", "svg"])
    func renderingIsWholeWhateverTheText(format: String) throws {
        let scratch = try Scratch()
        let (events, actors, kinds) = try hostileDataset(scratch)
        let out = scratch.path("out")
        let result = try Tool.run(["render", events, "--actors", actors, "--kinds-file", kinds, "--format", format, "--out", out])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stderr.contains("cairo"), "\(result.stderr)")
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: out + "/2018.\(format)")))
        switch format {
        case "pdf":
            let tail = String(decoding: bytes.suffix(16), as: UTF8.self)
            #expect(tail.contains("%%EOF"))
            // The page is there: a PDF cairo gave up on has no page content stream.
            #expect(String(decoding: bytes, as: UTF8.self).contains("/Type /Page"))
        case "png":
            #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) && String(decoding: bytes.suffix(8), as: UTF8.self).hasPrefix("IEND"))
        default:
            #expect(forbiddenScalars(in: String(decoding: bytes, as: UTF8.self)).isEmpty)
        }
    }

    @Test func controlCharactersReachTerminalsEscaped() throws {
        let scratch = try Scratch()
        let events = try scratch.file("t.events.csv", "date,source,target,kind\n2018,\(csvField("evil\u{1B}]0;pwned\u{7}")),b,summit\n2018,b,c,\(csvField("\u{1B}[2Jkind"))\n")
        let bad = try Tool.run(["centrality", events])
        #expect(bad.status == 1)
        #expect(!bad.stderr.contains("\u{1B}") && !bad.stderr.contains("\u{7}"))
        #expect(bad.stderr.contains(#"unknown kind '\u{1B}[2Jkind'"#), "\(bad.stderr)")
        let good = try scratch.file("g.events.csv", "date,source,target,kind\n2018,\(csvField("evil\u{1B}]0;pwned\u{7}")),b,summit\n")
        let table = try Tool.run(["centrality", good, "--format", "table"])
        #expect(table.status == 0)
        #expect(table.stdout.contains(#"evil\u{1B}]0;pwned\u{7}"#), "\(table.stdout)")
        #expect(!table.stdout.contains("\u{1B}") && !table.stdout.contains("\u{7}"))
        let roles = try Tool.run(["roles", good, "--dyad", "b,nobody\u{1B}"])
        #expect(roles.status == 1 && roles.stderr.contains(#"unknown actor 'nobody\u{1B}'"#), "\(roles.stderr)")
        // CSV keeps the data as it is.
        let csv = try Tool.run(["centrality", good, "--format", "csv"])
        #expect(csv.stdout.contains("evil\u{1B}]0;pwned\u{7}"))
    }

    @Test func idsAreComparedInNFC() throws {
        let scratch = try Scratch()
        let nfc = "Jos\u{E9}", nfd = "Jose\u{301}"
        let actors = try scratch.file("n.actors.csv", "id,label,group\n\(nfc),José,X\nb,B,Y\nm,M,Z\n")
        let events = try scratch.file("n.events.csv", "date,source,target,kind,about\n2018,\(nfd),b,summit,\n2018,b,\(nfc),summit,\n2018,m,b,mediation,\(nfd)|b\n")
        let withActors = try Tool.run(["centrality", events, "--actors", actors, "--measures", "degree", "--format", "csv", "--undirected"])
        #expect(withActors.status == 0, "\(withActors.stderr)")
        #expect(withActors.stdout.split(separator: "\n").count == 4, "\(withActors.stdout)")
        let without = try Tool.run(["centrality", events, "--measures", "degree", "--format", "csv", "--undirected"])
        #expect(without.stdout == withActors.stdout)
        let report = try Tool.run(["report", events, "--actors", actors, "--focus", nfd, "--dyad", "\(nfd),b", "--third", "m", "--out", scratch.path("out")])
        #expect(report.status == 0, "\(report.stderr)")
        let roles = try Tool.run(["roles", events, "--dyad", "\(nfc), b", "--format", "csv"])
        #expect(roles.status == 0, "\(roles.stderr)")
    }

    @Test func whitespaceAroundAnIdIsAnErrorNamingItsLine() throws {
        let scratch = try Scratch()
        let events = try scratch.file("w.events.csv", "date,source,target,kind\n2018,c,b,summit\n2018,c ,b,summit\n")
        let result = try Tool.run(["centrality", events])
        #expect(result.status == 1)
        #expect(result.stderr == "\(events):3: source actor id 'c ' starts or ends with whitespace (remove it: ids are compared exactly)\n")
    }
}
