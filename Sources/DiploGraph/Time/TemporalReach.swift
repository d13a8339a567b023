/// Who could reach whom through dated events, in time order: earliest arrival along
/// time-respecting paths whose events have dates of mixed precision.
///
/// A *time-respecting path* (Kempe, Kleinberg & Kumar 2002, "Connectivity and inference
/// problems for temporal networks", J. Comput. Syst. Sci. 64(4)) is a sequence of events, each
/// event's target the next one's source, at non-decreasing times. R's tsna computes these for
/// point times (`tPath`, forward reachable sets); here every event's date is a *span* of days (a
/// day, a month or a year), and a path is read in two ways:
///
/// - ``Reading/possible``: *some* placement of each event inside its span keeps the path in
///   order. An event can be taken at day *t* if its span ends on or after *t*; it arrives on the
///   later of *t* and its first day.
/// - ``Reading/certain``: *every* placement does. An event can be taken at *t* if its span
///   starts on or after *t*; it arrives on its last day.
///
/// Time is counted in whole days and the order is non-strict: two events of one day can follow
/// each other (a day-precise date says nothing of the hour, so a strict order would lose every
/// same-day chain, such as a mediator's two calls on one day). A start date is a span too:
/// the possible reading starts on its first day, the certain reading on its last.
///
/// The events are those the network's options select (kinds, `--by group`, direction): an
/// undirected network can take each event both ways, events inside one group are dropped when
/// actors are merged, and a mediation relay M → X about A|B also gives the leg A → M with the
/// same date, as slice graphs do (see ``Slicer/slice(_:options:)``), so that a relay carries
/// news from one side through the mediator to the other.
///
/// The algorithm is the earliest-arrival scan of Wu et al. (2014, "Path problems in temporal
/// graphs", Proc. VLDB Endow. 7(9)): one pass over the events sorted by their first day. Spans
/// need one addition: when an actor is first reached on day *c*, the events out of it that were
/// already passed by the scan but whose span still holds *c* (possible reading), or that start
/// on *c* (ties of one day, both readings), are taken at once, as a search that only ever
/// reaches actors at *c*. Each actor is reached at most once per day of the scan in the
/// possible reading and its out-events are looked at through a binary search on their first
/// day, so the pass stays linear in the number of events (plus a logarithm per reached actor).
/// Why one pass is exact: every arrival the scan makes is at the current day of the scan
/// (possible) or at an event's last day, which is not before its first day (certain); days
/// of the scan never decrease, so an arrival before the current day is final when it is read.
public struct TemporalReach: Sendable {
    /// How an event's date, a span of days, is placed in time.
    public enum Reading: String, Sendable, CaseIterable {
        /// Some placement of each event inside its span keeps the path in order.
        case possible
        /// Every placement of each event inside its span keeps the path in order.
        case certain
    }

    /// The number of entities (actors, or groups when merged): arrivals are indexed by ``EntityIndex``.
    public let entityCount: Int
    /// Arcs (an event taken one way), sorted by first day, ties in file order.
    let arcFrom: [Int32]
    let arcTo: [Int32]
    let arcFirst: [Int32]
    let arcLast: [Int32]
    /// The arc's event, as an index into the log's events.
    let arcEvent: [Int32]
    /// Out-arcs of each entity, ascending (so by first day): `outArcs[outStart[u]..<outStart[u+1]]`.
    let outStart: [Int32]
    let outArcs: [Int32]
    /// The longest span (last − first day) of an entity's out-arcs.
    let longestSpan: [Int32]

    /// The time order of `network`'s selected events.
    ///
    /// - Parameter network: the sliced events: their options say which kinds, whether
    ///   directed, and whether actors are merged into groups; its slices are not used.
    /// - Complexity: O(*e* log *e*) for *e* selected events (the sort).
    public init(network: SlicedNetwork) {
        let (isSelected, _) = network.options.selectedKinds(in: network.log.kinds)
        var chosen: [EventIndex] = []
        chosen.reserveCapacity(network.log.events.count)
        for (i, event) in network.log.events.enumerated() where isSelected[event.kind.position] { chosen.append(EventIndex(unchecked: Int32(i))) }
        self.init(network: network, eventIndices: chosen)
    }

    /// The time order of the events `eventIndices` of `network`'s log (a slice's events).
    package init(network: SlicedNetwork, eventIndices: [EventIndex]) {
        let log = network.log
        let entityOf = network.entityOfActor
        let mediationKind = KindTable.mediation
        let directed = network.options.isDirected
        // Arcs in file order (a relay's first leg before its event's own arc), with their days.
        var from: [Int32] = [], to: [Int32] = [], event: [Int32] = [], firstDays: [Int32] = [], lastDays: [Int32] = []
        let expected = eventIndices.count * (directed ? 1 : 2)
        from.reserveCapacity(expected)
        to.reserveCapacity(expected)
        event.reserveCapacity(expected)
        firstDays.reserveCapacity(expected)
        lastDays.reserveCapacity(expected)
        log.events.withUnsafeBufferPointer { events in
            entityOf.withUnsafeBufferPointer { entityOf in
                for index in eventIndices {
                    let e = events[Int(index)]
                    let first = Int32(e.date.firstDay), last = e.date.precision == .day ? first : Int32(e.date.lastDay)
                    let m = entityOf[e.source.position].value, x = entityOf[e.target.position].value
                    var legs = 1
                    var origin: Int32 = 0
                    if e.about != nil, e.kind == mediationKind, let about = e.about {
                        let a = entityOf[about.first.position].value, b = entityOf[about.second.position].value
                        origin = x == a ? b : a
                        legs = 2
                    }
                    for leg in 0..<legs {
                        let (u, v) = leg == 0 && legs == 2 ? (origin, m) : (m, x)
                        if u == v { continue }
                        from.append(u); to.append(v); event.append(index.value); firstDays.append(first); lastDays.append(last)
                        if !directed { from.append(v); to.append(u); event.append(index.value); firstDays.append(first); lastDays.append(last) }
                    }
                }
            }
        }
        // Sorted by first day; ties keep file order.
        var keys = [Int64](repeating: 0, count: from.count)
        for i in 0..<from.count { keys[i] = Int64(firstDays[i]) << 32 | Int64(i) }
        keys.sort()
        let n = network.entities.count
        var sFrom = [Int32](repeating: 0, count: keys.count), sTo = sFrom, sFirst = sFrom, sLast = sFrom, sEvent = sFrom
        var start = [Int32](repeating: 0, count: n + 1)
        var span = [Int32](repeating: 0, count: n)
        for (k, key) in keys.enumerated() {
            let i = Int(key & 0xFFFF_FFFF)
            sFrom[k] = from[i]
            sTo[k] = to[i]
            sFirst[k] = firstDays[i]
            sLast[k] = lastDays[i]
            sEvent[k] = event[i]
            start[Int(from[i]) + 1] += 1
            span[Int(from[i])] = max(span[Int(from[i])], lastDays[i] - firstDays[i])
        }
        for u in 0..<n { start[u + 1] += start[u] }
        var fill = Array(start[0..<n])
        var out = [Int32](repeating: 0, count: keys.count)
        for k in 0..<keys.count {
            let u = Int(sFrom[k])
            out[Int(fill[u])] = Int32(k)
            fill[u] += 1
        }
        entityCount = n
        arcFrom = sFrom
        arcTo = sTo
        arcFirst = sFirst
        arcLast = sLast
        arcEvent = sEvent
        outStart = start
        outArcs = out
        longestSpan = span
    }

    /// The number of events taken one way (twice the events when undirected, plus relays' first legs).
    public var arcCount: Int { arcFrom.count }

    /// The first and last day of the events, or `nil` when there are none.
    public var dayRange: ClosedRange<Int>? {
        guard let first = arcFirst.first, let last = arcLast.max() else { return nil }
        return Int(first)...Int(last)
    }

    /// The earliest arrival at every entity along time-respecting paths from `source`.
    ///
    /// - Parameters:
    ///   - source: the entity news starts from.
    ///   - start: the date it starts on, or `nil` for no earliest day (any event of the
    ///     source can begin a path). The possible reading starts on its first day, the certain
    ///     reading on its last.
    ///   - reading: how spans are placed.
    /// - Returns: the arrivals, with one path per reached entity.
    /// - Throws: ``ValueError`` when `source` is not an entity of the network.
    /// - Complexity: O(*a* + *r* log *d*) for *a* arcs after the start, *r* arrivals and *d*
    ///   the largest out-degree (the binary searches), after the O(*n*) reset of *n* entities.
    public func arrivals(from source: EntityIndex, start: EventDate? = nil, reading: Reading) throws(ValueError) -> TemporalArrivals {
        guard source.position < entityCount else {
            throw ValueError("entity index \(source) is out of range (\(entityCount) entities)")
        }
        var search = Search(entityCount: entityCount)
        run(&search, source: source.value, start: start, reading: reading)
        return TemporalArrivals(source: source, reading: reading, startDay: startDay(start, reading),
                                days: search.arrival, via: search.via, reach: self)
    }

    /// How many entities each of `sources` reaches (itself not counted), reusing one set of
    /// buffers for every source: what a benchmark or a measure runs many times.
    ///
    /// - Parameters:
    ///   - sources: the entities to start from, in turn.
    ///   - start: as in ``arrivals(from:start:reading:)``.
    ///   - reading: how spans are placed.
    ///   - body: called for each source with the source and the arrival day of every entity
    ///     (``TemporalArrivals/unreached`` where not reached), which is valid only during the call.
    /// - Throws: ``ValueError`` when a source is not an entity of the network (before any is run).
    /// - Complexity: that of ``arrivals(from:start:reading:)`` for each source.
    public func forEachArrivals(from sources: [EntityIndex], start: EventDate? = nil, reading: Reading,
                                _ body: (EntityIndex, UnsafeBufferPointer<Int32>) -> Void) throws(ValueError) {
        for source in sources where source.position >= entityCount {
            throw ValueError("entity index \(source) is out of range (\(entityCount) entities)")
        }
        var search = Search(entityCount: entityCount)
        for source in sources {
            run(&search, source: source.value, start: start, reading: reading)
            search.arrival.withUnsafeBufferPointer { body(source, $0) }
        }
    }

    /// The number of other entities each entity reaches in time order, with no start date.
    /// - Parameter reading: how spans are placed.
    /// - Returns: one count per entity, by ``EntityIndex``.
    /// - Complexity: O(*n* (*n* + *a* + *r* log *d*)) for *n* entities and *a* arcs.
    public func reachedCounts(reading: Reading) -> EntityValues<Int> {
        EntityValues(reachedCountValues(reading: reading))
    }

    /// ``reachedCounts(reading:)`` as an array in entity order.
    package func reachedCountValues(reading: Reading) -> [Int] {
        var counts = [Int](repeating: 0, count: entityCount)
        var search = Search(entityCount: entityCount)
        for source in 0..<entityCount where outStart[source] < outStart[source + 1] {
            run(&search, source: Int32(source), start: nil, reading: reading)
            var reached = 0
            for v in 0..<entityCount where search.arrival[v] != Search.unreached { reached += 1 }
            counts[source] = reached - 1
        }
        return counts
    }

    func startDay(_ start: EventDate?, _ reading: Reading) -> Int32 {
        guard let start else { return Search.beforeAll }
        return Int32(reading == .possible ? start.firstDay : start.lastDay)
    }

    /// Buffers for one search.
    struct Search {
        static let unreached = Int32.max
        static let beforeAll = Int32.min
        var arrival: [Int32]
        var via: [Int32]
        var stack: [Int32] = []

        init(entityCount: Int) {
            arrival = [Int32](repeating: Self.unreached, count: entityCount)
            via = [Int32](repeating: -1, count: entityCount)
        }
    }

    /// The first position in `outArcs[range]` whose arc starts on or after `day`.
    @inline(__always)
    private func firstOut(from lo: Int, to hi: Int, startingOnOrAfter day: Int, first: UnsafeBufferPointer<Int32>,
                          out: UnsafeBufferPointer<Int32>) -> Int {
        var lo = lo, hi = hi
        while lo < hi {
            let mid = (lo + hi) >> 1
            if Int(first[Int(out[mid])]) < day { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    private func run(_ search: inout Search, source: Int32, start: EventDate?, reading: Reading) {
        let t0 = startDay(start, reading)
        for i in 0..<entityCount { search.arrival[i] = Search.unreached; search.via[i] = -1 }
        search.arrival[Int(source)] = t0
        search.stack.removeAll(keepingCapacity: true)
        arcFrom.withUnsafeBufferPointer { from in
        arcTo.withUnsafeBufferPointer { to in
        arcFirst.withUnsafeBufferPointer { first in
        arcLast.withUnsafeBufferPointer { last in
        outStart.withUnsafeBufferPointer { outStart in
        outArcs.withUnsafeBufferPointer { out in
        longestSpan.withUnsafeBufferPointer { span in
        search.arrival.withUnsafeMutableBufferPointer { arrival in
        search.via.withUnsafeMutableBufferPointer { via in
            var stack = search.stack
            defer { search.stack = stack }
            // Arcs before the start cannot begin a path (in the possible reading, those whose
            // span holds the start are taken by the search from the source below).
            var begin = 0, end = first.count
            while begin < end {
                let mid = (begin + end) >> 1
                if first[mid] < t0 { begin = mid + 1 } else { end = mid }
            }
            switch reading {
            case .possible:
                // Every actor reached on day c, and from it the arcs whose span holds c.
                func spread(_ c: Int32) {
                    while let w = stack.popLast() {
                        let lo = Int(outStart[Int(w)]), hi = Int(outStart[Int(w) + 1])
                        var k = firstOut(from: lo, to: hi, startingOnOrAfter: Int(c) - Int(span[Int(w)]), first: first, out: out)
                        while k < hi {
                            let arc = Int(out[k])
                            if first[arc] > c { break }
                            let v = Int(to[arc])
                            if last[arc] >= c && arrival[v] > c {
                                arrival[v] = c
                                via[v] = Int32(arc)
                                stack.append(Int32(v))
                            }
                            k += 1
                        }
                    }
                }
                if t0 != Search.beforeAll {
                    stack.append(source)
                    spread(t0)
                }
                for arc in begin..<first.count {
                    let c = first[arc]
                    let v = Int(to[arc])
                    if arrival[Int(from[arc])] <= c && arrival[v] > c {
                        arrival[v] = c
                        via[v] = Int32(arc)
                        stack.append(Int32(v))
                        spread(c)
                    }
                }
            case .certain:
                // Actors reached on day c itself, and from them the arcs starting on c.
                func spread(_ c: Int32) {
                    while let w = stack.popLast() {
                        let hi = Int(outStart[Int(w) + 1])
                        var k = firstOut(from: Int(outStart[Int(w)]), to: hi, startingOnOrAfter: Int(c), first: first, out: out)
                        while k < hi {
                            let arc = Int(out[k])
                            if first[arc] != c { break }
                            let v = Int(to[arc]), b = last[arc]
                            if b < arrival[v] {
                                arrival[v] = b
                                via[v] = Int32(arc)
                                if b == c { stack.append(Int32(v)) }
                            }
                            k += 1
                        }
                    }
                }
                for arc in begin..<first.count {
                    let c = first[arc]
                    let v = Int(to[arc]), b = last[arc]
                    if arrival[Int(from[arc])] <= c && b < arrival[v] {
                        arrival[v] = b
                        via[v] = Int32(arc)
                        if b == c {
                            stack.append(Int32(v))
                            spread(c)
                        }
                    }
                }
            }
        }}}}}}}}}
    }
}
