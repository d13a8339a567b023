import Testing
import DiploGraph
import DiploGraphReport

@Suite struct BrokerageChartTests {
    /// The whiskers have a key under the panels when one is drawn, and none otherwise (a range
    /// that is one value draws no whisker); the figure grows by the key's line.
    @Test func whiskersHaveAKeyWhenDrawn() throws {
        var ranged = BrokerageChart.Point(slice: "2018", brokerage: 2, betweenness: 0.1, mediation: 1, mediationLayerBrokerage: 1)
        ranged.brokerageRange = 1...2
        var flat = ranged
        flat.brokerageRange = 2...2
        let plain = BrokerageChart.Point(slice: "2018", brokerage: 2, betweenness: 0.1, mediation: 1, mediationLayerBrokerage: 1)
        let key = "Whiskers: the least and greatest value when any one event of the year is removed"
        func chart(_ point: BrokerageChart.Point) throws -> String {
            try BrokerageChart.svg(series: [BrokerageChart.Point(slice: "2017", brokerage: 0, betweenness: 0), point],
                                   actorLabel: "Moon Jae-in", group: "ROK", level: "actors", axis: "Year")
        }
        let withWhisker = try chart(ranged), withoutWhisker = try chart(flat), withoutRanges = try chart(plain)
        // The visible key (the description names the whiskers whenever ranges are given).
        #expect(withWhisker.contains(">" + key + "</text>"))
        #expect(!withoutWhisker.contains(">Whiskers:") && !withoutRanges.contains(">Whiskers:"))
        func height(_ svg: String) -> Double? {
            guard let range = svg.range(of: #"height="([0-9.]+)pt""#, options: .regularExpression) else { return nil }
            return Double(svg[range].dropFirst(8).dropLast(3))
        }
        let tall = try #require(height(withWhisker)), short = try #require(height(withoutRanges))
        #expect(tall > short && height(withoutWhisker) == short)
    }
}
