import DiploGraph
import DiploGraphIO
import Foundation
import Testing

/// A network of `rows` (`date,source,target[,kind[,about]]`), sliced as one slice.
private func network(_ rows: [String], undirected: Bool = false, byGroup: Bool = false, actors: String? = nil) throws -> SlicedNetwork {
    let text = "date,source,target,kind,about\n" + rows.map { row in
        let fields = row.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        return [fields[0], fields[1], fields[2], fields.count > 3 ? fields[3] : "summit", fields.count > 4 ? fields[4] : ""].joined(separator: ",")
    }.joined(separator: "\n") + "\n"
    let table = try actors.map { try DatasetReader.readActors(bytes: Array($0.utf8), name: "actors.csv") }
    let log = try DatasetReader.readEvents(bytes: Array(text.utf8), name: "events.csv", actors: table)
    return try Slicer.slice(log, options: SliceOptions(slicing: .calendar(.all), isDirected: !undirected, mergesGroups: byGroup))
}

/// Arrival dates by actor id (`YYYY-MM-DD`), unreached actors left out.
private func arrivals(_ network: SlicedNetwork, from id: String, start: String? = nil, _ reading: TemporalReach.Reading) throws -> [String: String] {
    let reach = TemporalReach(network: network)
    let result = try reach.arrivals(from: try network.entityIndex(of: id), start: start.flatMap(EventDate.init), reading: reading)
    var out: [String: String] = [:]
    for (i, entity) in network.entities.enumerated() {
        if let date = result.arrivalDate(at: try EntityIndex(i)) { out[entity.id] = date.description }
    }
    return out
}

/// The first and last day of `date` (days since 1970-01-01), through Foundation's calendar:
/// independent of the library's day arithmetic.
private func span(_ date: EventDate) -> (first: Int, last: Int) {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    let first = calendar.date(from: DateComponents(year: date.year, month: date.month ?? 1, day: date.day ?? 1))!
    let unit: Calendar.Component = date.day != nil ? .day : date.month != nil ? .month : .year
    let next = calendar.date(byAdding: unit, value: 1, to: first)!
    let day = { (d: Date) in Int((d.timeIntervalSince1970 / 86_400).rounded()) }
    return (day(first), day(next) - 1)
}

@Suite struct TemporalReachTests {
    @Test func daysMatchTheCalendar() throws {
        for text in ["1970-01-01", "2016-02-29", "2018", "2018-02", "2020-02", "9999-12", "1969-12-31", "1600-03"] {
            let date = try #require(EventDate(text))
            let (first, last) = span(date)
            #expect(date.firstDay == first, "\(text)")
            #expect(date.lastDay == last, "\(text)")
            #expect(try EventDate(dayNumber: first).firstDay == first)
            #expect(try EventDate(dayNumber: last).lastDay == last)
        }
        #expect(try EventDate(dayNumber: 0).description == "1970-01-01")
        #expect(try EventDate(dayNumber: -1).description == "1969-12-31")
    }

    @Test func tiesOnOneDayChainBothWays() throws {
        // b → c is listed before a → b, on the same day: same-day events may follow each other.
        let net = try network(["2018-05-01,b,c", "2018-05-01,a,b", "2018-05-02,c,d"])
        for reading in TemporalReach.Reading.allCases {
            #expect(try arrivals(net, from: "a", reading) == ["b": "2018-05-01", "c": "2018-05-01", "d": "2018-05-02"], "\(reading)")
        }
        // Backwards in time there is no path.
        #expect(try arrivals(net, from: "c", .possible) == ["d": "2018-05-02"])
    }

    @Test func anEventWhoseSpanHoldsTheStart() throws {
        let net = try network(["2018-05,a,b", "2018-05-20,a,c"])
        #expect(try arrivals(net, from: "a", start: "2018-05-10", .possible) == ["b": "2018-05-10", "c": "2018-05-20"])
        #expect(try arrivals(net, from: "a", start: "2018-05-10", .certain) == ["c": "2018-05-20"])
        // A month-long start: possible from its first day, certain only from its last.
        #expect(try arrivals(net, from: "a", start: "2018-05", .possible) == ["b": "2018-05-01", "c": "2018-05-20"])
        #expect(try arrivals(net, from: "a", start: "2018-05", .certain) == [:])
        #expect(try arrivals(net, from: "a", start: "2018-06", .possible) == [:])
    }

    @Test func aMonthBetweenTwoDays() throws {
        let net = try network(["2018-03-10,a,b", "2018-03,b,c", "2018-03-20,c,d"])
        #expect(try arrivals(net, from: "a", .possible) == ["b": "2018-03-10", "c": "2018-03-10", "d": "2018-03-20"])
        // The month may have come before the 10th: not certainly in order.
        #expect(try arrivals(net, from: "a", .certain) == ["b": "2018-03-10"])
        let later = try network(["2018-02-27,a,b", "2018-03,b,c", "2018-04-02,c,d", "2018-03-15,c,e"])
        #expect(try arrivals(later, from: "a", .certain) == ["b": "2018-02-27", "c": "2018-03-31", "d": "2018-04-02"])
        #expect(try arrivals(later, from: "a", .possible) == ["b": "2018-02-27", "c": "2018-03-01", "d": "2018-04-02", "e": "2018-03-15"])
    }

    @Test func aYearPassedByTheScanIsStillTaken() throws {
        // Sorted by first day, the year comes first; it can only be taken after June.
        let net = try network(["2018,u,v", "2018-06-01,a,u"])
        #expect(try arrivals(net, from: "a", .possible) == ["u": "2018-06-01", "v": "2018-06-01"])
        #expect(try arrivals(net, from: "a", .certain) == ["u": "2018-06-01"])
    }

    @Test func undirectedEventsGoBothWaysAndRelaysCarryTheOtherSide() throws {
        let net = try network(["2018-01-02,b,a", "2018-01-03,c,b"], undirected: true)
        #expect(try arrivals(net, from: "a", .possible) == ["b": "2018-01-02", "c": "2018-01-03"])
        // A mediation m → x about a|x: the leg a → m, as in slice graphs.
        let relay = try network(["2018-04-27,m,x,mediation,a|x", "2018-05-01,x,y"])
        #expect(try arrivals(relay, from: "a", .certain) == ["m": "2018-04-27", "x": "2018-04-27", "y": "2018-05-01"])
        let via = try TemporalReach(network: relay).arrivals(from: try relay.entityIndex(of: "a"), reading: .possible)
        #expect(via.path(to: try relay.entityIndex(of: "y")).map { relay.log[$0].line } == [2, 2, 3])
    }

    @Test func groupsAreNodesWhenMerged() throws {
        let actors = "id,label,group\na,A,US\nb,B,US\nc,C,ROK\nd,D,DPRK\n"
        let net = try network(["2018-01-01,a,c", "2018-01-05,b,d", "2018-01-03,c,b"], byGroup: true, actors: actors)
        #expect(try arrivals(net, from: "ROK", .possible) == ["US": "2018-01-03", "DPRK": "2018-01-05"])
    }

    @Test func measuresCountReachedActorsPerSlice() throws {
        let text = "date,source,target,kind\n2018-01-02,a,b,summit\n2018-01-01,b,c,summit\n2018-03,c,d,summit\n2018-03-05,b,c,summit\n"
        let log = try DatasetReader.readEvents(bytes: Array(text.utf8), name: "e.csv")
        let net = try Slicer.slice(log, options: SliceOptions(slicing: .calendar(.year)))
        let values = try net.measures([.reach, .reachCertain], in: net.slices[0])
        // a: b (01-02), c (03-05), d possibly (March may be after the 5th), not certainly.
        #expect(try values[.reach, actor: "a"] == 3)
        #expect(try values[.reachCertain, actor: "a"] == 2)
        #expect(try values[.reach, actor: "b"] == 2)
        #expect(try values[.reach, actor: "d"] == 0)
    }

    /// Seeded random event files with days, months and years on few days (so that ties are
    /// common), checked against every simple path.
    @Test(arguments: 0..<300)
    func matchesPathEnumeration(seed: UInt64) throws {
        var rng = SeededGenerator(seed: seed)
        let actorCount = Int.random(in: 3...6, using: &rng)
        let ids = (0..<actorCount).map { "n\($0)" }
        var rows: [String] = []
        for _ in 0..<Int.random(in: 1...10, using: &rng) {
            let s = Int.random(in: 0..<actorCount, using: &rng)
            var t = Int.random(in: 0..<actorCount - 1, using: &rng)
            if t >= s { t += 1 }
            let precision = Int.random(in: 0..<10, using: &rng)
            let month = Int.random(in: 1...2, using: &rng)
            let date = precision < 1 ? "2018" : precision < 3 ? String(format: "2018-%02d", month)
                : String(format: "2018-%02d-%02d", month, Int.random(in: 27...28, using: &rng))
            rows.append("\(date),\(ids[s]),\(ids[t])")
        }
        let undirected = Bool.random(using: &rng)
        let net = try network(rows, undirected: undirected)
        let startChoice = Int.random(in: 0..<4, using: &rng)
        let start = [nil, "2018-01-28", "2018-02", "2018-02-27"][startChoice].flatMap(EventDate.init)
        // The arcs, straight from the rows.
        var arcs: [(u: Int, v: Int, first: Int, last: Int)] = []
        for event in net.log.events {
            let (first, last) = span(event.date)
            let u = net.entityOfActor[event.source.position].position, v = net.entityOfActor[event.target.position].position
            arcs.append((u, v, first, last))
            if undirected { arcs.append((v, u, first, last)) }
        }
        let reach = TemporalReach(network: net)
        for source in net.entities.indices {
            for reading in TemporalReach.Reading.allCases {
                let t0 = start.map { reading == .possible ? span($0).first : span($0).last } ?? Int.min
                var best = [Int](repeating: Int.max, count: net.entities.count)
                var visited = [Bool](repeating: false, count: net.entities.count)
                func walk(_ u: Int, _ t: Int) {
                    visited[u] = true
                    for arc in arcs where arc.u == u && !visited[arc.v] {
                        let arrival: Int
                        switch reading {
                        case .possible:
                            guard arc.last >= t else { continue }
                            arrival = max(t, arc.first)
                        case .certain:
                            guard arc.first >= t else { continue }
                            arrival = arc.last
                        }
                        best[arc.v] = min(best[arc.v], arrival)
                        walk(arc.v, arrival)
                    }
                    visited[u] = false
                }
                walk(source, t0)
                let found = try reach.arrivals(from: try EntityIndex(source), start: start, reading: reading)
                for v in net.entities.indices where v != source {
                    let expected = best[v] == Int.max ? nil : best[v]
                    #expect(found.arrivalDay(at: try EntityIndex(v)) == expected, "seed \(seed) \(reading) \(source)→\(v) rows \(rows)")
                    // The path it names is time-respecting and arrives then.
                    guard let expected else { continue }
                    var at = source, t = t0
                    for index in found.path(to: try EntityIndex(v)) {
                        let event = net.log[index]
                        let (first, last) = span(event.date)
                        let (s, d) = (net.entityOfActor[event.source.position].position, net.entityOfActor[event.target.position].position)
                        let next = s == at ? d : (undirected && d == at ? s : -1)
                        #expect(next >= 0, "seed \(seed): path leaves from the wrong actor")
                        switch reading {
                        case .possible:
                            #expect(last >= t)
                            t = max(t, first)
                        case .certain:
                            #expect(first >= t)
                            t = last
                        }
                        at = next
                    }
                    #expect(at == v && t == expected, "seed \(seed) \(reading): path to \(v)")
                }
            }
        }
        // Many sources at once give the same arrivals.
        let sources = net.entities.indices.map { try! EntityIndex($0) }
        try reach.forEachArrivals(from: sources, start: start, reading: .possible) { source, days in
            let single = try! reach.arrivals(from: source, start: start, reading: .possible)
            for v in net.entities.indices where v != source.position {
                let day = days[v]
                #expect((day == TemporalArrivals.unreached ? nil : Int(day)) == single.arrivalDay(at: try! EntityIndex(v)))
            }
        }
    }

    @Test func refusesAnEntityOutOfRange() throws {
        let net = try network(["2018,a,b"])
        #expect(throws: ValueError.self) { try TemporalReach(network: net).arrivals(from: try EntityIndex(5), reading: .possible) }
    }
}
