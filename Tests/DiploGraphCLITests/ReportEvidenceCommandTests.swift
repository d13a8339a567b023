import Foundation
import Testing

/// `report` on the default dataset leads with its findings, each with what it rests on, and
/// says how firm they are, with the coder agreement of the second coding.
@Suite struct ReportEvidenceCommandTests {
    @Test func findingsFirstWithTheirEvidence() throws {
        let d = Tool.dataset
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("report-evidence-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let result = try Tool.run(["report", "\(d).events.csv", "--actors", "\(d).actors.csv", "--kinds-file", "\(d).kinds.csv",
                                   "--focus", "moon-jae-in", "--dyad", "ROK,DPRK", "--third", "US", "--roles-by", "group",
                                   "--second-coding", "\(d).coder-b.events.csv", "--permutations", "200", "--out", scratch.path])
        #expect(result.status == 0, "\(result.stderr)")
        let html = try String(contentsOf: scratch.appendingPathComponent("report.html"), encoding: .utf8)
        let findings = try #require(html.range(of: "<section class=\"findings\" id=\"findings\""))
        // The findings come before the roles table, the chart, the grid and the slices.
        for later in ["id=\"roles\"", "<h2>Brokerage of Moon Jae-in", "<section class=\"grid\"", "id=\"glossary\""] {
            let position = try #require(html.range(of: later), "\(later)")
            #expect(findings.lowerBound < position.lowerBound, "\(later)")
        }
        #expect(html.contains("<h2 id=\"firmness\">How firm are these findings?</h2>"))
        // 2020's stance verdict rests on one act; its removal leaves no verdict.
        #expect(html.contains("rests on 1 event (line "))
        #expect(html.contains("removing it leaves no verdict"))
        #expect(html.contains("Coder agreement with a second coding"))
        // The chart's accessible name and description, and the influence whiskers.
        let chart = try String(contentsOf: scratch.appendingPathComponent("brokerage.svg"), encoding: .utf8)
        #expect(chart.contains("role=\"img\"") && chart.contains("<title id=\"chart-title\">") && chart.contains("<desc id=\"chart-desc\">"))
        #expect(chart.contains("without any one event: 1–3"))
    }
}
