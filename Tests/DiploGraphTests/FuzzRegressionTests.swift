import Foundation
import Testing
import DiploGraph
import DiploGraphIO

/// Inputs the fuzzer (Scripts/fuzz.sh) found to crash, kept so that they never crash again,
/// with what each step of the FuzzReaders target must make of them: a value or the refusal.
@Suite struct FuzzRegressionTests {
    /// Runs what the FuzzReaders target runs on `bytes`, and says what each step gave: a count,
    /// or `refused`, the error's reason (``ErrorReason``) and its message. An error outside the
    /// library's family is shown as such, and fails the comparison.
    func readEverything(_ bytes: [UInt8]) -> [String] {
        var outcomes: [String] = []
        func outcome<T>(_ step: String, _ what: (T) -> String, _ body: () throws -> T) -> T? {
            do {
                let value = try body()
                outcomes.append("\(step): \(what(value))")
                return value
            } catch {
                guard let refusal = error as? any DiploGraphError else {
                    outcomes.append("\(step): not a DiploGraphError: \(error)")
                    return nil
                }
                outcomes.append("\(step): refused, \(Self.described(refusal.errorReason)): \(refusal)")
                return nil
            }
        }
        let kinds = outcome("kinds", { "\($0.count) kinds" }) { try DatasetReader.readKinds(bytes: bytes, name: "k.csv") } ?? KindTable()
        let actors = outcome("actors", { "\($0.count) actors" }) { try DatasetReader.readActors(bytes: bytes, name: "a.csv") }
        for (name, table): (String, ActorTable?) in [("events", nil), ("events with actors", actors)] where name == "events" || actors != nil {
            guard let log = outcome(name, { "\($0.events.count) events" }, { try DatasetReader.readEvents(bytes: bytes, name: "e.csv", actors: table, kinds: kinds) })
            else { continue }
            for unit in SliceUnit.allCases {
                guard let network = outcome("slices of \(unit)", { "\($0.slices.count) slices" }, { try Slicer.slice(log, options: SliceOptions(slicing: .calendar(unit))) })
                else { continue }
                let table = CentralityTable(network: network, measures: [.degree, .betweenness, .brokerage], pathLength: .hops)
                outcomes.append("table of \(unit): \(table.rows.count) rows")
            }
        }
        return outcomes
    }

    /// `reason` in a few words: `malformed input at e.csv:2`.
    static func described(_ reason: ErrorReason) -> String {
        switch reason {
        case let .malformedInput(file, line): "malformed input at \(file ?? "?")\(line.map { ":\($0)" } ?? "")"
        default: "\(reason)"
        }
    }

    static let crashes: [(input: String, outcomes: [String])] = [
        // Carriage returns at the end of an unterminated last record: read as a record of one
        // field, refused with the line, after the second line's bad kind and weight.
        ("ZGF0ZSxzb3VyY2UsdGFyZ2V0LGtpbmQsd2VpZ2h0LG5vdGUKMjAxNix0cnVtcCxraW0tam9uZy11bixzdW1taXRydW1wLGtpbS1qb25nLXVuLHN1bW1pdGFpZ24gDQ0NDQ1lIA==",
         ["kinds: refused, malformed input at k.csv:1: k.csv:1: missing required column 'id' (expected a header id,polarity,label)\nk.csv:1: missing required column 'polarity' (expected a header id,polarity,label)\nk.csv:1: missing required column 'label' (expected a header id,polarity,label)", "actors: refused, malformed input at a.csv:1: a.csv:1: missing required column 'id' (expected a header id,label,group)\na.csv:1: missing required column 'label' (expected a header id,label,group)\na.csv:1: missing required column 'group' (expected a header id,label,group)",
          "events: refused, malformed input at e.csv:2: e.csv:2: unknown kind 'summitrump' (known kinds: mediation, summit, pressure; declare others in a kinds file)\n"
              + "e.csv:2: invalid weight 'kim-jong-un' (expected a positive number)\ne.csv:7: expected 6 fields as in the header, found 1"]),
        // A timeout of the output-checking target: dates 3,500 years apart and huge weights under
        // a header whose fifth column is not `weight` (so the weights are not read: every event
        // weighs 1). Years make 3,524 slices; quarters and months are refused, naming the lines.
        ("ZGF0ZSxzb3VyY2UsdGFyZ2V0LGtpbmQsd2VpZ2ZmZmJmZmZmZmZBcnJmZmZmZmZmZmZmZmZmZmZmZmZmZmh0CjU1NDAsYSxiLHN1bW1pdCwxZTMyOAoyMDE4LGMsYixzdW1taXQsMWUzMDgKMjAxNyxhLCMsc3VtbWl0LDRlLTMyMAo=",
         ["kinds: refused, malformed input at k.csv:1: k.csv:1: missing required column 'id' (expected a header id,polarity,label)\nk.csv:1: missing required column 'polarity' (expected a header id,polarity,label)\nk.csv:1: missing required column 'label' (expected a header id,polarity,label)", "actors: refused, malformed input at a.csv:1: a.csv:1: missing required column 'id' (expected a header id,label,group)\na.csv:1: missing required column 'label' (expected a header id,label,group)\na.csv:1: missing required column 'group' (expected a header id,label,group)", "events: 3 events", "slices of year: 3524 slices", "table of year: 6 rows",
          "slices of quarter: refused, malformed input at e.csv:2: e.csv:2: date '5540' is coarser than the slice unit 'quarter' (it needs a month at least)\n"
              + "e.csv:3: date '2018' is coarser than the slice unit 'quarter' (it needs a month at least)\n"
              + "e.csv:4: date '2017' is coarser than the slice unit 'quarter' (it needs a month at least)",
          "slices of month: refused, malformed input at e.csv:2: e.csv:2: date '5540' is coarser than the slice unit 'month' (it needs a month at least)\n"
              + "e.csv:3: date '2018' is coarser than the slice unit 'month' (it needs a month at least)\n"
              + "e.csv:4: date '2017' is coarser than the slice unit 'month' (it needs a month at least)",
          "slices of all: 1 slices", "table of all: 4 rows"]),
    ]

    @Test(arguments: crashes.indices)
    func refusesOrReadsAsExpected(_ index: Int) throws {
        let bytes = try #require(Data(base64Encoded: Self.crashes[index].input))
        #expect(readEverything(Array(bytes)) == Self.crashes[index].outcomes)
    }
}
