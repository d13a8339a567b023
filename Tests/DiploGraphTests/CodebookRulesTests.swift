import Foundation
import Testing
import DiploGraph
import DiploGraphIO

/// The mechanical rules of `docs/codebook.md`, checked on the default dataset.
///
/// Each rule is a function from the rows to the problems it finds, one message per bad row
/// naming its line, so that the same function is also run on rows made to break it: every
/// rule is shown able to fail.
@Suite struct CodebookRulesTests {
    /// The package root: this file is Tests/DiploGraphTests/CodebookRulesTests.swift in it.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    static let base = root + "/graphs/korean-peninsula"
    /// The article the dataset is coded from; it lives beside the repository, not in it: in
    /// `shared/sources` next to the package root (where CI has it).
    static let articlePath = URL(fileURLWithPath: root).deletingLastPathComponent()
        .appendingPathComponent("shared/sources/trump-inter-korean-relations.txt").path
    static let hasArticle = FileManager.default.isReadableFile(atPath: articlePath)

    /// One data row of the events file, by column name.
    struct Row {
        var line: Int
        var fields: [String: String]
        subscript(_ column: String) -> String { fields[column] ?? "" }
        var at: String { "korean-peninsula.events.csv:\(line)" }
    }

    struct Dataset {
        var header: [String]
        var rows: [Row]
        /// Actor id → group.
        var groups: [String: String]
        var kinds: Set<String>
    }

    static let dataset: Dataset = {
        var reader = try! CSVReader(path: base + ".events.csv")
        let (header, rows) = table(of: &reader)
        let actors = try! DatasetReader.readActors(path: base + ".actors.csv")
        let kinds = try! DatasetReader.readKinds(path: base + ".kinds.csv")
        return Dataset(header: header, rows: rows,
                       groups: Dictionary(uniqueKeysWithValues: actors.actors.map { ($0.id, $0.group) }),
                       kinds: Set(kinds.kinds.map(\.id)))
    }()

    // MARK: The rules

    /// The two ids of an `about`, or `nil` when it is not of the form `A|B`.
    static func sides(_ about: String) -> (String, String)? {
        let parts = about.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        return parts.count == 2 ? (parts[0], parts[1]) : nil
    }

    /// Rule 1.2/1.3: a meeting or exchange is one row, so no act appears in both directions on
    /// the same date with the same kind. Two rows are one act when they also share the passage
    /// they come from (their quote) or their note: two acts of opposite direction that the
    /// article reports apart may share a kind and a year-only date.
    static func bothDirections(_ rows: [Row]) -> [String] {
        var problems: [String] = []
        for (index, row) in rows.enumerated() {
            for other in rows[..<index] where other["date"] == row["date"] && other["kind"] == row["kind"]
                && other["source"] == row["target"] && other["target"] == row["source"]
                && (other["quote"] == row["quote"] || other["note"] == row["note"]) {
                problems.append("\(row.at): \(row["kind"]) \(row["source"])→\(row["target"]) on \(row["date"]) is line \(other.line) in the other direction (one row per act)")
            }
        }
        return problems
    }

    /// Rule 1.4: one row per act, side to side and kind, on one occasion. Two rows with the
    /// same date, kind, source side and target side that come from the same passage (their
    /// quote) are one act coded twice.
    static func oneRowPerOccasion(_ rows: [Row], groups: [String: String]) -> [String] {
        var problems: [String] = []
        for (index, row) in rows.enumerated() {
            guard let source = groups[row["source"]], let target = groups[row["target"]] else { continue }
            for other in rows[..<index] where other["date"] == row["date"] && other["kind"] == row["kind"]
                && other["quote"] == row["quote"] && groups[other["source"]] == source && groups[other["target"]] == target {
                problems.append("\(row.at): \(row["kind"]) \(source)→\(target) on \(row["date"]) from the passage of line \(other.line) (one row per side, kind and occasion)")
            }
        }
        return problems
    }

    /// Rule 6: every row has a note.
    static func notes(_ rows: [Row]) -> [String] {
        rows.filter { $0["note"].trimmingCharacters(in: .whitespaces).isEmpty }.map { "\($0.at): empty note" }
    }

    /// Rule 5: an `about` is two distinct ids of the actors file, in different groups, and
    /// names a relationship other than the act's own.
    static func abouts(_ rows: [Row], groups: [String: String]) -> [String] {
        var problems: [String] = []
        for row in rows where !row["about"].isEmpty {
            guard let pair = sides(row["about"]) else {
                problems.append("\(row.at): about '\(row["about"])' is not two actor ids A|B")
                continue
            }
            let (a, b) = pair
            if a == b { problems.append("\(row.at): about '\(row["about"])' names one actor twice") }
            for id in [a, b] where groups[id] == nil {
                problems.append("\(row.at): about names '\(id)', not in the actors file")
            }
            guard let groupA = groups[a], let groupB = groups[b], a != b else { continue }
            if groupA == groupB {
                problems.append("\(row.at): about '\(row["about"])' is within one side (\(groupA))")
            }
            if let source = groups[row["source"]], let target = groups[row["target"]],
               Set([groupA, groupB]) == Set([source, target]) {
                problems.append("\(row.at): about '\(row["about"])' is the act's own relationship; leave it empty")
            }
        }
        return problems
    }

    /// Rule 5: a mediation row is a relay: it has an `about`, its target is one of the two
    /// sides (the same id), and its source is in neither side's group.
    static func relays(_ rows: [Row], groups: [String: String]) -> [String] {
        var problems: [String] = []
        for row in rows where row["kind"] == "mediation" {
            guard let pair = sides(row["about"]) else {
                problems.append("\(row.at): mediation without about A|B (the sides it stood between)")
                continue
            }
            let (a, b) = pair
            if row["target"] != a && row["target"] != b {
                problems.append("\(row.at): mediation target '\(row["target"])' is neither side of about '\(row["about"])'")
            }
            if let source = groups[row["source"]], source == groups[a] || source == groups[b] {
                problems.append("\(row.at): mediator '\(row["source"])' is on a side of about '\(row["about"])' (group \(source))")
            }
        }
        return problems
    }

    /// Rule 4: no act within one side, and every actor is in the actors file.
    static func withinOneSide(_ rows: [Row], groups: [String: String]) -> [String] {
        var problems: [String] = []
        for row in rows {
            for id in [row["source"], row["target"]] where groups[id] == nil {
                problems.append("\(row.at): actor '\(id)' is not in the actors file")
            }
            if let source = groups[row["source"]], source == groups[row["target"]] {
                problems.append("\(row.at): \(row["source"]) and \(row["target"]) are both \(source): no act within one side")
            }
        }
        return problems
    }

    /// Rule 2: every kind is built in or declared in the kinds file.
    static func kinds(_ rows: [Row], known: Set<String>) -> [String] {
        rows.filter { !known.contains($0["kind"]) }.map { "\($0.at): kind '\($0["kind"])' is not declared (known: \(known.sorted().joined(separator: ", ")))" }
    }

    /// Rule 3: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, a real calendar date.
    static func dates(_ rows: [Row]) -> [String] {
        rows.filter { EventDate($0["date"]) == nil }.map { "\($0.at): date '\($0["date"])' is not YYYY, YYYY-MM or YYYY-MM-DD" }
    }

    /// Rule 7: every weight is 1.
    static func weights(_ rows: [Row]) -> [String] {
        rows.filter { $0["weight"] != "1" }.map { "\($0.at): weight '\($0["weight"])', the codebook keeps every weight 1" }
    }

    /// Runs of white space as one space, so a quote matches across the article's line breaks.
    static func collapsed(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace || $0.isNewline }).joined(separator: " ")
    }

    /// Rule 6: every row has a quote found verbatim in the article.
    static func quotes(_ rows: [Row], article: String) -> [String] {
        let text = collapsed(article)
        return rows.compactMap { row in
            let quote = collapsed(row["quote"])
            if quote.isEmpty { return "\(row.at): empty quote" }
            return text.contains(quote) ? nil : "\(row.at): quote not found verbatim in the article: \(quote)"
        }
    }

    /// Rule 6: two rows' quotes are the same span of the article or do not overlap, so that
    /// each row is one unit of the text and a second coding can be matched to it row by row.
    static func overlappingQuotes(_ rows: [Row], article: String) -> [String] {
        let text = collapsed(article)
        let spans: [(row: Row, span: Range<String.Index>)] = rows.compactMap { row in
            let quote = collapsed(row["quote"])
            guard !quote.isEmpty, let span = text.range(of: quote) else { return nil }
            return (row, span)
        }
        var problems: [String] = []
        for (j, later) in spans.enumerated() {
            if let earlier = spans[..<j].first(where: { $0.span != later.span && $0.span.overlaps(later.span) }) {
                problems.append("\(later.row.at): quote overlaps the quote of line \(earlier.row.line) without being the same span")
            }
        }
        return problems
    }

    // MARK: On the dataset

    static func expectNone(_ problems: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(problems.isEmpty, "\(problems.count) problem(s):\n\(problems.joined(separator: "\n"))", sourceLocation: sourceLocation)
    }

    @Test func headerIsTheCodebooks() {
        #expect(Self.dataset.header == ["date", "source", "target", "kind", "weight", "note", "about", "quote"])
        #expect(Self.dataset.rows.count > 0)
    }

    @Test func noActInBothDirectionsOnOneDateWithOneKind() { Self.expectNone(Self.bothDirections(Self.dataset.rows)) }

    @Test func oneRowPerSideKindAndOccasion() {
        Self.expectNone(Self.oneRowPerOccasion(Self.dataset.rows, groups: Self.dataset.groups))
    }

    @Test func everyRowHasANote() { Self.expectNone(Self.notes(Self.dataset.rows)) }

    @Test func everyAboutIsTwoKnownActorsOfTwoSides() {
        Self.expectNone(Self.abouts(Self.dataset.rows, groups: Self.dataset.groups))
    }

    @Test func everyMediationIsARelayBetweenTheSidesOfItsAbout() {
        Self.expectNone(Self.relays(Self.dataset.rows, groups: Self.dataset.groups))
    }

    @Test func everyActIsBetweenTwoSides() { Self.expectNone(Self.withinOneSide(Self.dataset.rows, groups: Self.dataset.groups)) }

    @Test func everyKindIsDeclared() { Self.expectNone(Self.kinds(Self.dataset.rows, known: Self.dataset.kinds)) }

    @Test func everyDateIsValid() { Self.expectNone(Self.dates(Self.dataset.rows)) }

    @Test func everyWeightIsOne() { Self.expectNone(Self.weights(Self.dataset.rows)) }

    // The article is kept beside the repository (../shared/sources), not in it: a checkout
    // without it skips this one test, saying what it needs; CI has it and checks that it ran.
    @Test(.enabled(if: hasArticle, Comment(rawValue: "needs the source article to check every quote against: put it at \(articlePath) "
        + "(../shared/sources/trump-inter-korean-relations.txt beside the package root, as CI has it)")))
    func everyQuoteIsFoundVerbatimInTheArticle() throws {
        let article = try String(contentsOfFile: Self.articlePath, encoding: .utf8)
        Self.expectNone(Self.quotes(Self.dataset.rows, article: article))
    }

    @Test(.enabled(if: hasArticle, "the article ../shared/sources/trump-inter-korean-relations.txt is not beside the repository"))
    func quotesAreOneSpanOrApart() throws {
        let article = try String(contentsOfFile: Self.articlePath, encoding: .utf8)
        Self.expectNone(Self.overlappingQuotes(Self.dataset.rows, article: article))
    }

    // MARK: Every rule can fail

    static func rows(_ lines: [String]) -> [Row] {
        var reader = CSVReader(bytes: Array(("date,source,target,kind,weight,note,about,quote\n" + lines.joined(separator: "\n")).utf8))
        return table(of: &reader).rows
    }

    /// The header and the data rows `reader` reads, each row by the header's column names.
    static func table(of reader: inout CSVReader) -> (header: [String], rows: [Row]) {
        var header: [String] = []
        var rows: [Row] = []
        while let line = try! reader.nextRecord() {
            let fields = (0..<reader.fieldCount).map { reader.field($0) ?? "" }
            if header.isEmpty { header = fields; continue }
            rows.append(Row(line: line, fields: Dictionary(uniqueKeysWithValues: zip(header, fields))))
        }
        return (header, rows)
    }

    static let groups = ["t": "US", "u": "US", "m": "ROK", "k": "DPRK", "n": "DPRK"]

    @Test func eachRuleFindsABrokenRow() {
        let good = Self.rows(["2018-06,t,k,summit,1,met,,they met", "2018,m,k,mediation,1,between,k|u,stood between",
                              "2018,t,m,cooperation,1,supports,m|k,supports"])
        let article = "they met. He stood between them; he supports it."
        #expect(Self.bothDirections(good).isEmpty)
        #expect(Self.notes(good).isEmpty)
        #expect(Self.oneRowPerOccasion(good, groups: Self.groups).isEmpty)
        #expect(Self.abouts(good, groups: Self.groups).isEmpty)
        #expect(Self.relays(good, groups: Self.groups).isEmpty)
        #expect(Self.withinOneSide(good, groups: Self.groups).isEmpty)
        #expect(Self.kinds(good, known: ["summit", "mediation", "cooperation"]).isEmpty)
        #expect(Self.dates(good).isEmpty)
        #expect(Self.weights(good).isEmpty)
        #expect(Self.quotes(good, article: article).isEmpty)
        #expect(Self.overlappingQuotes(good, article: article).isEmpty)

        let twice = Self.bothDirections(Self.rows(["2018-06,t,k,summit,1,met,,", "2018-06,k,t,summit,1,met,,"]))
        #expect(twice == ["korean-peninsula.events.csv:3: summit k→t on 2018-06 is line 2 in the other direction (one row per act)"])
        #expect(Self.bothDirections(Self.rows(["2019,t,k,pressure,1,a,,one passage", "2019,k,t,pressure,1,b,,another passage"])).isEmpty)
        #expect(Self.bothDirections(Self.rows(["2019,t,k,pressure,1,a,,one passage", "2019,k,t,pressure,1,b,,one passage"])).count == 1)
        let occasion = Self.oneRowPerOccasion(Self.rows(["2019-02,t,k,pressure,1,a,,at Hanoi", "2019-02,u,n,pressure,1,b,,at Hanoi",
                                                         "2019-02,t,k,talks,1,c,,at Hanoi", "2019-02,t,m,pressure,1,d,,at Hanoi",
                                                         "2019-03,t,k,pressure,1,e,,at Hanoi"]), groups: Self.groups)
        #expect(occasion == ["korean-peninsula.events.csv:3: pressure US→DPRK on 2019-02 from the passage of line 2 (one row per side, kind and occasion)"])
        #expect(Self.notes(Self.rows(["2018,t,k,summit,1,,,", "2018,t,k,summit,1, ,,"])).count == 2)
        let abouts = Self.abouts(Self.rows(["2018,t,m,cooperation,1,x,k,", "2018,t,m,cooperation,1,x,k|k,",
                                            "2018,t,m,cooperation,1,x,k|zz,", "2018,t,m,cooperation,1,x,k|n,",
                                            "2018,t,m,cooperation,1,x,m|u,", "2018,t,m,cooperation,1,x,k|m|u,"]), groups: Self.groups)
        #expect(abouts.map { $0.components(separatedBy: ": ")[0] } == (2...7).map { "korean-peninsula.events.csv:\($0)" })
        let relays = Self.relays(Self.rows(["2018,m,k,mediation,1,x,,", "2018,m,n,mediation,1,x,k|u,",
                                            "2018,m,k,mediation,1,x,k|m,"]), groups: Self.groups)
        #expect(relays.count == 3)
        #expect(relays[1].contains("neither side"))
        #expect(relays[2].contains("is on a side"))
        #expect(Self.withinOneSide(Self.rows(["2018,k,n,pressure,1,x,,", "2018,t,zz,pressure,1,x,,"]), groups: Self.groups).count == 2)
        #expect(Self.kinds(Self.rows(["2018,t,k,meeting,1,x,,"]), known: ["summit"]).count == 1)
        #expect(Self.dates(Self.rows(["2018-13,t,k,summit,1,x,,", "2019-02-29,t,k,summit,1,x,,", "18,t,k,summit,1,x,,"])).count == 3)
        #expect(Self.weights(Self.rows(["2018,t,k,summit,2,x,,"])).count == 1)
        #expect(Self.quotes(Self.rows(["2018,t,k,summit,1,x,,they  met", "2018,t,k,summit,1,x,,", "2018,t,k,summit,1,x,,They met!"]),
                            article: article).count == 2)
        let overlapping = Self.overlappingQuotes(Self.rows(["2018,t,k,summit,1,x,,stood between them", "2018,t,k,summit,1,x,,between",
                                                            "2018,t,k,talks,1,x,,stood between them", "2018,t,k,talks,1,x,,they met"]),
                                                 article: article)
        // Line 4 is line 2's span (allowed), but overlaps line 3's; line 5 is apart.
        #expect(overlapping == ["korean-peninsula.events.csv:3: quote overlaps the quote of line 2 without being the same span",
                                "korean-peninsula.events.csv:4: quote overlaps the quote of line 3 without being the same span"])
    }
}
