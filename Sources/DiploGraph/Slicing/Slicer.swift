/// Cuts an event log into slice graphs.
public enum Slicer {
    /// Slices `log` as `options` say.
    ///
    /// Events of unselected kinds are dropped; the rest are put into every slice whose
    /// periods hold their date and aggregated into one edge per ordered pair (per unordered
    /// pair when undirected), weight = sum of event weights. With `mergesGroups`, events
    /// within one group become self-loops and are dropped.
    ///
    /// - Returns: the slices from the first to the last period with a selected event,
    ///   including empty periods between them, so that series have no gaps.
    /// - Throws: ``InputProblems`` when a kind in `options.kinds` is unknown, or when an
    ///   event's date is coarser than the slice unit (naming the line).
    /// - Complexity: O(*e* · *w* + *s* · *n*) for *e* events, slices *w* periods wide,
    ///   *s* slices and *n* entities, plus sorting each slice's edges.
    public static func slice(_ log: EventLog, options: SliceOptions) throws(InputProblems) -> SlicedNetwork {
        var problems = ProblemCollector(file: log.file)
        // Kinds.
        var selectedKind = [Bool](repeating: options.kinds == nil, count: log.kinds.count)
        if let kinds = options.kinds {
            for id in kinds.sorted() {
                if let index = log.kinds.index(of: id) {
                    selectedKind[Int(index)] = true
                } else {
                    problems.add(line: nil, "unknown kind '\(id)' in --kinds (known kinds: \(log.kinds.knownIDs))")
                }
            }
            try problems.throwIfAny()
        }
        // Entities.
        var entities: [Entity] = []
        var entityOfActor = [Int32](repeating: 0, count: log.actors.count)
        if options.mergesGroups {
            var groupIndex: [String: Int32] = [:]
            for (i, actor) in log.actors.actors.enumerated() {
                if let index = groupIndex[actor.group] {
                    entityOfActor[i] = index
                } else {
                    let index = Int32(entities.count)
                    groupIndex[actor.group] = index
                    entities.append(Entity(id: actor.group, label: actor.group, group: actor.group))
                    entityOfActor[i] = index
                }
            }
        } else {
            for (i, actor) in log.actors.actors.enumerated() {
                entities.append(Entity(id: actor.id, label: actor.label, group: actor.group))
                entityOfActor[i] = Int32(i)
            }
        }
        // Periods.
        let unit = options.slicing.unit
        var periodOfEvent = [Int](repeating: 0, count: log.events.count)
        var first = Int.max, last = Int.min
        for (i, event) in log.events.enumerated() where selectedKind[Int(event.kind)] {
            guard event.date.precision >= unit.requiredPrecision else {
                problems.add(line: event.line, "date '\(event.date)' is coarser than the slice unit '\(unit.rawValue)' (it needs a \(unit.requiredPrecision) at least)")
                continue
            }
            let period = unit.period(of: event.date)
            periodOfEvent[i] = period
            first = min(first, period)
            last = max(last, period)
        }
        try problems.throwIfAny()
        guard first <= last else {
            return SlicedNetwork(entities: entities, slices: [], options: options, entityOfActor: entityOfActor, log: log)
        }
        // Events bucketed by period, in file order within each.
        let periodCount = last - first + 1
        var bucketStart = [Int](repeating: 0, count: periodCount + 1)
        for (i, event) in log.events.enumerated() where selectedKind[Int(event.kind)] {
            bucketStart[periodOfEvent[i] - first + 1] += 1
        }
        for p in 0..<periodCount { bucketStart[p + 1] += bucketStart[p] }
        var fill = bucketStart
        var bucketed = [Int32](repeating: 0, count: bucketStart[periodCount])
        for (i, event) in log.events.enumerated() where selectedKind[Int(event.kind)] {
            let p = periodOfEvent[i] - first
            bucketed[fill[p]] = Int32(i)
            fill[p] += 1
        }

        var slices: [Slice] = []
        var localIndex = [Int32](repeating: -1, count: entities.count)
        for (label, periods) in options.slicing.ranges(first: first, last: last) {
            let lo = max(periods.lowerBound, first) - first
            let hi = min(periods.upperBound, last + 1) - first
            var eventIndices: [Int32] = []
            if lo < hi {
                let range = bucketStart[lo]..<bucketStart[hi]
                eventIndices = Array(bucketed[range])
                if periods.count > 1 { eventIndices.sort() }
            }
            slices.append(makeSlice(label: label, periods: periods, events: eventIndices, log: log, entityCount: entities.count,
                                    entityOfActor: entityOfActor, options: options, localIndex: &localIndex))
        }
        return SlicedNetwork(entities: entities, slices: slices, options: options, entityOfActor: entityOfActor, log: log)
    }

    private static func makeSlice(label: String, periods: Range<Int>, events: [Int32], log: EventLog, entityCount: Int,
                                  entityOfActor: [Int32], options: SliceOptions, localIndex: inout [Int32]) -> Slice {
        // Aggregate entity pairs in file order, so sums are reproducible.
        var weightOfPair: [UInt64: Double] = [:]
        weightOfPair.reserveCapacity(events.count)
        var pairs: [UInt64] = []
        for index in events {
            let event = log.events[Int(index)]
            var u = entityOfActor[Int(event.source)], v = entityOfActor[Int(event.target)]
            if u == v { continue }
            if !options.isDirected && u > v { swap(&u, &v) }
            let key = UInt64(UInt32(u)) << 32 | UInt64(UInt32(v))
            if let sum = weightOfPair[key] {
                weightOfPair[key] = sum + event.weight
            } else {
                weightOfPair[key] = event.weight
                pairs.append(key)
            }
        }
        pairs.sort()
        // Nodes: the active entities, or all of them.
        var nodes: [Int32]
        if options.roster == .all {
            nodes = (0..<Int32(entityCount)).map { $0 }
        } else {
            var isActive = [Bool](repeating: false, count: entityCount)
            for key in pairs {
                isActive[Int(key >> 32)] = true
                isActive[Int(key & 0xFFFF_FFFF)] = true
            }
            nodes = []
            for e in 0..<entityCount where isActive[e] { nodes.append(Int32(e)) }
        }
        for (local, entity) in nodes.enumerated() { localIndex[Int(entity)] = Int32(local) }
        var edges: [(source: Int32, target: Int32, weight: Double)] = []
        edges.reserveCapacity(pairs.count)
        for key in pairs {
            let u = localIndex[Int(key >> 32)], v = localIndex[Int(key & 0xFFFF_FFFF)]
            edges.append((u, v, weightOfPair[key]!))
        }
        for entity in nodes { localIndex[Int(entity)] = -1 }
        let graph = SliceGraph(nodeCount: nodes.count, edges: edges, isDirected: options.isDirected)
        return Slice(label: label, periods: periods, nodes: nodes, graph: graph, eventIndices: events)
    }
}
