import Foundation
import Testing

/// Large numbers and large inputs: values that do not depend on the weights' scale stay the
/// reference values at any finite scale, and inputs too large to build are refused up front.
@Suite struct ScaleAndLimitsTests {
    @Test(arguments: ["1", "1e155", "1e200", "8e307"])
    func scaleFreeMeasuresKeepTheirValuesAtAnyScale(weight: String) throws {
        let scratch = try Scratch()
        let events = try scratch.file("c.events.csv", "date,source,target,kind,weight\n2018,a,b,summit,\(weight)\n2018,b,c,summit,\(weight)\n2018,c,a,summit,\(weight)\n")
        for direction in [[], ["--undirected"]] {
            let result = try Tool.run(["centrality", events, "--measures", "eigenvector,pagerank,constraint,effective_size", "--format", "csv"] + direction)
            #expect(result.status == 0, "\(result.stderr)")
            for row in result.stdout.split(separator: "\n").dropFirst() {
                let cells = row.split(separator: ",").map(String.init)
                #expect(abs(Double(cells[2])! - 1 / 3.0.squareRoot()) < 1e-12, "\(weight) \(direction): \(row)")
                #expect(abs(Double(cells[3])! - 1 / 3.0) < 1e-12, "\(weight) \(direction): \(row)")
                #expect(Double(cells[4]) == 1.125, "\(weight) \(direction): \(row)")
                #expect(Double(cells[5]) == 1, "\(weight) \(direction): \(row)")
            }
        }
    }
}
