import Testing
import DiploGraph
import DiploGraphIO

@Suite struct MeasureInfluenceTests {
    /// Measures whose value for an isolate is 0 whatever the graph, so that the oracle can name it.
    static let measures: [Measure] = [.degree, .strength, .betweenness, .harmonic, .brokerage, .liaison, .mediation]

    @Test(arguments: [false, true])
    func matchesReslicingWithoutEachEvent(mergesGroups: Bool) throws {
        var rng = SeededGenerator(seed: mergesGroups ? 5 : 4)
        let actors = try DatasetReader.readActors(bytes: Array("id,label,group\na,A,G\nb,B,H\nc,C,G\nd,D,I\ne,E,H\n".utf8), name: "a.csv")
        for trial in 0..<12 {
            var lines = ["date,source,target,kind,weight,about"]
            for _ in 0..<(6 + trial) {
                let source = ["a", "b", "c", "d", "e"].randomElement(using: &rng)!
                let target = ["a", "b", "c", "d", "e"].filter { $0 != source }.randomElement(using: &rng)!
                let relay = !mergesGroups && source == "d" && (target == "a" || target == "b") && Bool.random(using: &rng)
                let about = relay ? (target == "a" ? "a|b" : "b|a") : ""
                lines.append("\(Int.random(in: 2017...2018, using: &rng)),\(source),\(target),\(relay ? "mediation" : "summit"),\([1, 2, 3].randomElement(using: &rng)!),\(about)")
            }
            let log = try DatasetReader.readEvents(bytes: Array(lines.joined(separator: "\n").utf8), name: "e.csv", actors: actors)
            let options = SliceOptions(isDirected: trial % 2 == 0, mergesGroups: mergesGroups)
            let network = try Slicer.slice(log, options: options)
            let influence = try MeasureInfluence(network: network, measures: Self.measures)
            for (s, slice) in network.slices.enumerated() {
                var low = [[Double?]](repeating: [Double?](repeating: nil, count: slice.nodes.count), count: Self.measures.count)
                var high = low
                for removed in slice.eventIndices {
                    let kept = log.events.enumerated().filter { $0.offset != Int(removed) }.map(\.element)
                    let reduced = try EventLog(file: log.file, actors: log.actors, kinds: log.kinds, events: kept)
                    let again = try Slicer.slice(reduced, options: options, alignedWith: network)
                    let measured = try again.measures(Self.measures, in: again.slices[s])
                    for (v, entity) in slice.nodes.enumerated() {
                        for c in Self.measures.indices {
                            let value = again.slices[s].node(of: entity).flatMap { measured.table.columns[c][$0.position] } ?? 0
                            low[c][v] = min(low[c][v] ?? value, value)
                            high[c][v] = max(high[c][v] ?? value, value)
                        }
                    }
                }
                for c in Self.measures.indices {
                    expectClose(influence.minimum[s][c], low[c], "trial \(trial) slice \(slice.label) \(Self.measures[c]) min")
                    expectClose(influence.maximum[s][c], high[c], "trial \(trial) slice \(slice.label) \(Self.measures[c]) max")
                }
            }
        }
    }
}

extension MeasureInfluenceTests {
    @Test func refusesASliceTooLargeNamingIt() throws {
        // 2,000 events over 1,000 actors in 2018: 2,000 × 1,000 × 3,000 steps, over the limit.
        var rows = ["date,source,target,kind", "2017,a0,a1,summit"]
        for i in 0..<2000 { rows.append("2018,a\(i % 1000),a\((i * 7 + 1) % 1000 == i % 1000 ? (i + 1) % 1000 : (i * 7 + 1) % 1000),summit") }
        let log = try DatasetReader.readEvents(bytes: Array(rows.joined(separator: "\n").utf8), name: "big.csv")
        let network = try Slicer.slice(log, options: SliceOptions())
        #expect(throws: ValueError.self) { try MeasureInfluence(network: network, measures: [.degree]) }
        do {
            _ = try MeasureInfluence(network: network, measures: [.degree])
        } catch {
            #expect(error.description.hasPrefix("slice 2018: measuring it again without each of its 2000 events"), "\(error.description)")
        }
    }
}
