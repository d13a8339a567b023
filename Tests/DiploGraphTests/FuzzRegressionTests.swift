import Foundation
import Testing
import DiploGraph
import DiploGraphIO

/// Inputs the fuzzer (Scripts/fuzz.sh) found to crash, kept so that they never crash again.
@Suite struct FuzzRegressionTests {
    /// Runs what the FuzzReaders target runs on `bytes`.
    func readEverything(_ bytes: [UInt8]) {
        let kinds = (try? DatasetReader.readKinds(bytes: bytes, name: "k.csv")) ?? KindTable()
        let actors = try? DatasetReader.readActors(bytes: bytes, name: "a.csv")
        for table in [nil, actors] {
            guard let log = try? DatasetReader.readEvents(bytes: bytes, name: "e.csv", actors: table, kinds: kinds) else { continue }
            for unit in SliceUnit.allCases {
                if let network = try? Slicer.slice(log, options: SliceOptions(slicing: .calendar(unit))) {
                    _ = CentralityTable(network: network, measures: [.degree, .betweenness, .brokerage], pathLength: .hops)
                }
            }
        }
    }

    static let crashes: [String] = [
        // Carriage returns at the end of an unterminated last record.
        "ZGF0ZSxzb3VyY2UsdGFyZ2V0LGtpbmQsd2VpZ2h0LG5vdGUKMjAxNix0cnVtcCxraW0tam9uZy11bixzdW1taXRydW1wLGtpbS1qb25nLXVuLHN1bW1pdGFpZ24gDQ0NDQ1lIA==",
        // A timeout of the output-checking target: dates 3,500 years apart (tens of thousands of
        // month slices) and weights whose sums overflow (refused, naming the lines).
        "ZGF0ZSxzb3VyY2UsdGFyZ2V0LGtpbmQsd2VpZ2ZmZmJmZmZmZmZBcnJmZmZmZmZmZmZmZmZmZmZmZmZmZmh0CjU1NDAsYSxiLHN1bW1pdCwxZTMyOAoyMDE4LGMsYixzdW1taXQsMWUzMDgKMjAxNyxhLCMsc3VtbWl0LDRlLTMyMAo=",
    ]

    @Test(arguments: crashes)
    func doesNotCrash(base64: String) {
        readEverything(Array(Data(base64Encoded: base64)!))
    }
}
