import Foundation
import Testing
import DiploGraph
import DiploGraphIO

@Suite struct CodingAgreementTests {
    struct Reference: Decodable {
        struct Case: Decodable {
            let data: [[Int?]]
            let alpha: Double
        }
        let package: String
        let cases: [Case]
    }

    @Test func alphaEqualsTheKrippendorffPackage() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/alpha-reference.json")
        let reference = try JSONDecoder().decode(Reference.self, from: Data(contentsOf: url))
        #expect(reference.package.hasPrefix("krippendorff 0.9"))
        #expect(reference.cases.count == 12)
        for (index, testCase) in reference.cases.enumerated() {
            let alpha = try #require(try KrippendorffAlpha.nominal(testCase.data), "case \(index)")
            #expect(abs(alpha - testCase.alpha) <= 1e-9, "case \(index): \(alpha), krippendorff \(testCase.alpha)")
        }
    }

    @Test func undefinedAndRefused() throws {
        #expect(try KrippendorffAlpha.nominal([["a", "a"], ["a", "a"]]) == nil)
        #expect(try KrippendorffAlpha.nominal([[String?]]()) == nil)
        #expect(throws: ValueError.self) { try KrippendorffAlpha.nominal([["a"], ["a", "b"]]) }
        // Perfect agreement over two values.
        #expect(try KrippendorffAlpha.nominal([["a", "b"], ["a", "b"]]) == 1)
    }

    @Test func overlapMatchingIsOneToOneGreatestFirst() {
        // A0 overlaps B0 by 5 and B1 by 2; A1 overlaps B1 by 4: A0–B0, A1–B1. A2 overlaps nothing.
        let pairs = CodingAgreement.matchByOverlap([0..<10, 12..<20, 40..<45], [5..<14, 8..<16, 30..<35])
        #expect(pairs.map { [$0.a, $0.b] } == [[0, 0], [1, 1]])
        // Two rows of A on one span of B: the greater overlap wins, the other stays unmatched.
        let crowded = CodingAgreement.matchByOverlap([0..<4, 2..<10], [1..<10])
        #expect(crowded.map { [$0.a, $0.b] } == [[1, 0]])
    }

    @Test func matchingOnKeysAndAlphaPerField() throws {
        var kinds = KindTable()
        try kinds.declare(Kind(id: "talks", polarity: .neutral, label: "Talks"))
        func log(_ rows: [String]) throws -> EventLog {
            try DatasetReader.readEvents(bytes: Array(("date,source,target,kind,weight,about\n" + rows.joined(separator: "\n")).utf8), name: "e.csv", kinds: kinds)
        }
        let a = try log(["2018,a,b,summit,1,", "2018,a,b,summit,1,c|d", "2019,c,d,talks,1,a|b", "2019,d,c,talks,1,"])
        let b = try log(["2018,a,b,summit,1,c|d", "2018,a,b,summit,1,", "2019,c,d,talks,1,", "2020,a,d,talks,1,"])
        let agreement = try CodingAgreement(a: a, b: b)
        // In file order among equal keys: A0–B0, A1–B1 (about swapped), A2–B2 (about differs).
        #expect(agreement.matches.map { [$0.a.position, $0.b.position] } == [[0, 0], [1, 1], [2, 2]])
        #expect(agreement.onlyA.map(\.position) == [3] && agreement.onlyB.map(\.position) == [3])
        #expect(agreement.fields.map(\.name) == ["date", "source", "target", "kind", "about"])
        // about: A = ["", "c|d", "a|b"], B = ["c|d", "", ""]: a reference value by hand via the package's formula.
        let expected = try KrippendorffAlpha.nominal([["", "c|d", "a|b"], ["c|d", "", ""]])
        #expect(agreement.fields[4].alpha == expected && expected! < 0)
        #expect(agreement.fields[0].alpha == 1)
    }
}
