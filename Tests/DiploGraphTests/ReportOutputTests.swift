import Foundation
import Testing
import DiploGraph
import DiploGraphIO

// report.html and report.md through the public API, byte for byte against stored files
// (Fixtures/report/*.expected): the headline, the roles (alone, and tone beside stance, with
// and without rows), the grid and the slices, over data of hostile text. The diagrams are a
// fixed stand-in (the render closure's), so only the report's own views and templates are
// compared.
//
// To record the files again after an intended change to the report, run
// `DIPLOGRAPH_RECORD_REPORTS=1 swift test --filter ReportOutputTests` and review the diff.

/// A small network whose labels, groups, kinds, notes and title hold quotes, markup, Mustache
/// delimiters, pipes, backticks, underscores, line breaks and non-ASCII text.
private enum HostileReportData {
    static let actors = #"""
        id,label,group
        a_1,"Ann ""Quote"" <script>alert(1)</script>",Side|{{A}}
        b`2,Bo `tick` **bold** _under_,"Side B ünï
        code"
        c3,Ça {{title}} & {{{x}}} | pipe,Third # <b>
        d4,"Dee
        new line é 中文",Group_D <i>`g`</i>

        """#
    static let kinds = #"""
        id,polarity,label,color,style
        talks,+1,"Talks <i>""x""</i> {{y}}",#cc79a7,dotted
        pressure,-1,Pressure | `p` _q_,#d55e00,solid
        mediation,+1,Mediation,#0072b2,bold

        """#
    static let events = #"""
        date,source,target,kind,weight,note,about
        2019,a_1,b`2,talks,1,"note <script>x</script> ""q"" {{t}}",
        2019,c3,a_1,talks,2,"n|o `b` _u_
        line2",
        2019,c3,b`2,pressure,1,ü ñ 中,a_1|b`2
        2019,a_1,d4,mediation,1,m,b`2|d4
        2019,d4,a_1,talks,1,,
        2020,c3,a_1,pressure,1,{{#x}}{{/x}},
        2020,c3,b`2,talks,1,,a_1|b`2
        2020,d4,a_1,mediation,1,r,a_1|b`2
        2020,b`2,d4,talks,3,,
        2021,a_1,d4,talks,1,,

        """#
    static let title = #"T "<script>" {{x}} | `c` _u_ é"#

    /// The events sliced by year, named `hostile.events.csv`.
    static func network(_ options: SliceOptions = SliceOptions()) throws -> SlicedNetwork {
        let actors = try DatasetReader.readActors(bytes: Array(actors.utf8), name: "hostile.actors.csv")
        let kinds = try DatasetReader.readKinds(bytes: Array(kinds.utf8), name: "hostile.kinds.csv")
        let log = try DatasetReader.readEvents(bytes: Array(events.utf8), name: "hostile.events.csv", actors: actors, kinds: kinds)
        return try Slicer.slice(log, options: options)
    }
}

@Suite struct ReportOutputTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/report")

    /// Writes the report and compares report.html and report.md with
    /// `Fixtures/report/<name>.html.expected` and `.md.expected` (or records them when
    /// `DIPLOGRAPH_RECORD_REPORTS` is set).
    static func check(_ name: String, network: SlicedNetwork, options: Report.Options) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("diplograph-report-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = try StagedDirectory(path: folder.path)
        _ = try Report.write(network: network, options: options, to: output) { figure, _ in
            let name = switch figure {
            case .grid: "grid"
            case .slice(let label): "slice " + label
            }
            return "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"><title>\(Escape.html(name))</title></svg>\n"
        }
        try output.commit()
        for file in ["html", "md"] {
            let written = try String(contentsOf: folder.appendingPathComponent("report.\(file)"), encoding: .utf8)
            let stored = fixtures.appendingPathComponent("\(name).\(file).expected")
            if ProcessInfo.processInfo.environment["DIPLOGRAPH_RECORD_REPORTS"] != nil {
                try FileManager.default.createDirectory(at: fixtures, withIntermediateDirectories: true)
                try written.write(to: stored, atomically: true, encoding: .utf8)
                continue
            }
            let expected = try String(contentsOf: stored, encoding: .utf8)
            #expect(written == expected, "report.\(file) differs from Fixtures/report/\(name).\(file).expected")
        }
    }

    /// Everything at once: the headline of an actor, tone beside stance, the grid.
    @Test func headlineComparedRolesAndGrid() throws {
        let network = try HostileReportData.network()
        let a = try network.entityIndex(of: "a_1"), b = try network.entityIndex(of: "b`2")
        let tone = try ThirdPartyRoles(network: network, dyad: (a, b), rule: .min)
        let stance = try ThirdPartyRoles(network: network, dyad: (a, b), rule: .stance)
        var options = Report.Options(measures: Report.defaultMeasures, focus: a, roles: (tone, ("a_1", "b`2"), .min),
                                     title: HostileReportData.title, rolesCompared: (tone, .min, stance))
        options.diagram.layout = try DiagramLayout(entityCount: network.entities.count, positions: [:])
        try Self.check("hostile", network: network, options: options)
    }

    /// The findings first, each with what it rests on, the q-value marks, the section "How
    /// firm are these findings?" with a second coding, and the glossary; hostile labels and a
    /// hostile second file name stay escaped in every sentence the evidence adds.
    @Test func evidenceFirst() throws {
        let network = try HostileReportData.network()
        let a = try network.entityIndex(of: "a_1"), b = try network.entityIndex(of: "b`2")
        var options = Report.Options(measures: Report.defaultMeasures, focus: a, title: HostileReportData.title)
        try options.setRoles(in: network, dyad: (a, b), rule: .min, fragilityDepth: 2)
        let agreement = try CodingAgreement(a: network.log, b: network.log)
        options.evidence = try ReportEvidence(permutations: 99, seed: 7,
                                              secondCoding: .init(file: "second <b>`x`</b> {{y}}.csv", agreement: agreement, matchedByQuotes: false))
        try Self.check("evidence", network: network, options: options)
    }

    /// Groups, undirected ties, the roles table alone (no comparison), no grid, no headline.
    @Test func rolesAloneOverGroups() throws {
        let network = try HostileReportData.network(SliceOptions(isDirected: false, mergesGroups: true))
        let a = try network.entityIndex(of: "Side|{{A}}"), b = try network.entityIndex(of: "Side B ünï\ncode")
        let roles = try ThirdPartyRoles(network: network, dyad: (a, b), rule: .balance)
        let options = Report.Options(measures: [.degree, .betweenness, .brokerage], roles: (roles, ("Side|{{A}}", "Side B ünï\ncode"), .balance),
                                     title: HostileReportData.title)
        try Self.check("roles-by-group", network: network, options: options)
    }

    /// Tone beside stance when no third party has a row in any slice; the headline of a group.
    @Test func comparedRolesWithoutRows() throws {
        let network = try HostileReportData.network(SliceOptions(mergesGroups: true))
        let a = try network.entityIndex(of: "Side|{{A}}"), d = try network.entityIndex(of: "Group_D <i>`g`</i>")
        let third = try network.entityIndex(of: "Side B ünï\ncode")
        let tone = try ThirdPartyRoles(network: network, dyad: (a, d), third: third, rule: .balance)
        let stance = try ThirdPartyRoles(network: network, dyad: (a, d), third: third, rule: .stance)
        #expect(tone.rows.isEmpty && stance.rows.isEmpty)
        let options = Report.Options(measures: [.strength], focus: third, roles: (tone, ("Side|{{A}}", "Group_D"), .balance),
                                     title: "No rows", rolesCompared: (tone, .balance, stance))
        try Self.check("compared-without-rows", network: network, options: options)
    }
}

/// report.md names the events file in a code span, where Markdown escapes nothing: verbatim,
/// in a fence no run of backticks in the name can close (CommonMark 0.31, 6.1).
@Suite struct EventsFileCodeSpanTests {
    @Test func namesAreVerbatimBetweenFencesLongerThanTheirBackticks() {
        #expect(Escape.markdownCodeSpan("my_data.csv") == "`my_data.csv`")
        #expect(Escape.markdownCodeSpan(#"a*b\c|d<e>[f]#&"#) == #"`a*b\c|d<e>[f]#&`"#)
        #expect(Escape.markdownCodeSpan("x`y") == "``x`y``")
        #expect(Escape.markdownCodeSpan("x``y`z") == "```x``y`z```")
        #expect(Escape.markdownCodeSpan("한국 é.csv") == "`한국 é.csv`")
    }

    /// A backtick at either end would join the fence, and CommonMark strips one space from
    /// each side of content that starts and ends with one: both get a space of padding.
    @Test func backticksAndSpacesAtTheEndsArePadded() {
        #expect(Escape.markdownCodeSpan("`a") == "`` `a ``")
        #expect(Escape.markdownCodeSpan("a`") == "`` a` ``")
        #expect(Escape.markdownCodeSpan("``") == "``` `` ```")
        #expect(Escape.markdownCodeSpan(" a ") == "`  a  `")
        #expect(Escape.markdownCodeSpan(" a") == "` a`")
        #expect(Escape.markdownCodeSpan("   ") == "`   `")
        #expect(Escape.markdownCodeSpan("") == "` `")
    }

    /// A line break in a name could end the paragraph (or start a heading): each is a space.
    @Test func lineBreaksBecomeSpaces() {
        #expect(Escape.markdownCodeSpan("a\nb\r\nc\rd") == "`a b c d`")
        #expect(Escape.markdownCodeSpan("a\n\n# b") == "`a  # b`")
        #expect(Escape.markdownCodeSpan("`\n") == "`` `  ``")
    }

    /// The report's Events line: the name as the user gave it, unescaped, in its code span.
    @Test func reportMarkdownNamesTheEventsFileVerbatim() throws {
        let network = try HostileReportData.network()
        for (name, line) in [("my_data.events.csv", "`my_data.events.csv`"), ("a`b_c\nd*.csv", "``a`b_c d*.csv``"),
                             ("`x`.csv", "`` `x`.csv ``")] {
            let log = try EventLog(file: name, actors: network.log.actors, kinds: network.log.kinds,
                                   events: network.log.events, notes: network.log.notes)
            let renamed = try Slicer.slice(log, options: SliceOptions())
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("diplograph-report-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: folder) }
            let output = try StagedDirectory(path: folder.path)
            _ = try Report.write(network: renamed, options: Report.Options(measures: [.degree], title: "t"), to: output) { _, _ in "<svg/>" }
            try output.commit()
            let markdown = try String(contentsOf: folder.appendingPathComponent("report.md"), encoding: .utf8)
            #expect(markdown.hasPrefix("# t\n\nEvents: \(line), 10 events; 3 slices (directed).\n\n"), "\(markdown.prefix(120))")
        }
    }
}
