import Dispatch
import Foundation

/// Cuts an event log into slice graphs.
public enum Slicer {
    /// Slices `log` as `options` say.
    ///
    /// Events of unselected kinds are dropped; the rest are put into every slice whose
    /// periods hold their date and aggregated into one edge per ordered pair (per unordered
    /// pair when undirected), weight = sum of event weights. With `mergesGroups`, events
    /// within one group become self-loops and are dropped. A mediation event M → X with
    /// `about` A|B (X on one side, M on neither) is a relay: it also adds the leg
    /// origin → M, origin being the other side, with the event's weight.
    ///
    /// - Parameters:
    ///   - log: the events, with their actors and kinds.
    ///   - options: how to cut time, which kinds to keep (``SliceOptions/kinds`` and
    ///     ``SliceOptions/layers``), direction, roster and whether to merge actors into groups.
    /// - Returns: the slices from the first to the last period with a selected event,
    ///   including empty periods between them, so that series have no gaps.
    /// - Throws: ``InputProblems`` when a kind in `options.kinds` is unknown, when an
    ///   event's date is coarser than the slice unit, or when a selected mediation event with
    ///   `about` is no relay at the slices' level (with groups merged: its sides in one group,
    ///   its target's group on neither side, its source's group on one), each naming the line;
    ///   or when weights sum to more than the largest `Double` in a tie or around a node
    ///   (naming the lines).
    /// - Complexity: O(*e* · *w* + *s* · *n*) for *e* events, slices *w* periods wide,
    ///   *s* slices and *n* entities, plus sorting each slice's edges.
    public static func slice(_ log: EventLog, options: SliceOptions) throws(InputProblems) -> SlicedNetwork {
        try slice(log, options: options, ranges: nil)
    }

    /// Slices `log` as `options` say, into the same slices (labels and periods) as `network`,
    /// so that series over two selections of one log line up slice by slice.
    ///
    /// `options.slicing` must count periods in the unit `network` was sliced in; the slices
    /// of `network` without a selected event are empty here.
    /// - Throws: as ``slice(_:options:)``, and a problem when the two slicings count periods
    ///   in different units.
    /// - Complexity: that of ``slice(_:options:)``.
    /// - Parameters:
    ///   - log: the events, with their actors and kinds (usually `network`'s log).
    ///   - options: how to slice; its slicing must count periods in `network`'s unit.
    ///   - network: the network whose slices (labels and periods) are reused.
    /// - Returns: one slice per slice of `network`, with the same labels and periods.
    public static func slice(_ log: EventLog, options: SliceOptions, alignedWith network: SlicedNetwork) throws(InputProblems) -> SlicedNetwork {
        guard options.slicing.unit == network.options.slicing.unit else {
            throw InputProblems([InputProblem(file: log.file, line: nil,
                                              message: "aligned slices need the same period unit (\(options.slicing.unit.rawValue), not \(network.options.slicing.unit.rawValue))")])
        }
        return try slice(log, options: options, ranges: network.slices.map { ($0.label, $0.periods) })
    }

    private static func slice(_ log: EventLog, options: SliceOptions,
                              ranges fixedRanges: [(label: String, periods: Range<Int>)]?) throws(InputProblems) -> SlicedNetwork {
        var problems = ProblemCollector(file: log.file)
        // Kinds.
        let (selectedKind, unknownKinds) = options.selectedKinds(in: log.kinds)
        for id in unknownKinds {
            problems.add(line: nil, "unknown kind '\(id)' \(phrase: .inSelectedKinds) (known kinds: \(log.kinds.knownIDs))")
        }
        try problems.throwIfAny()
        // Entities.
        var entities: [Entity] = []
        var entityOfActor = [EntityIndex](repeating: EntityIndex(unchecked: 0), count: log.actors.count)
        if options.mergesGroups {
            var groupIndex: [String: EntityIndex] = [:]
            for (i, actor) in log.actors.actors.enumerated() {
                if let index = groupIndex[actor.group] {
                    entityOfActor[i] = index
                } else {
                    let index = EntityIndex(unchecked: Int32(entities.count))
                    groupIndex[actor.group] = index
                    entities.append(Entity(id: actor.group, label: actor.group, group: actor.group))
                    entityOfActor[i] = index
                }
            }
        } else {
            for (i, actor) in log.actors.actors.enumerated() {
                entities.append(Entity(id: actor.id, label: actor.label, group: actor.group, shortLabel: actor.shortLabel))
                entityOfActor[i] = EntityIndex(unchecked: Int32(i))
            }
        }
        // Periods, and relays checked at the level of the slices.
        let mediationKind = KindTable.mediation
        let unit = options.slicing.unit
        var periodOfEvent = [Int](repeating: 0, count: log.events.count)
        var first = Int.max, last = Int.min
        for (i, event) in log.events.enumerated() where selectedKind[Int(event.kind)] {
            guard let period = unit.period(of: event.date) else {
                problems.add(line: event.line, "date '\(event.date)' is coarser than the slice unit '\(unit.rawValue)' (it needs a \(unit.requiredPrecision) at least)")
                continue
            }
            if event.about != nil && event.kind == mediationKind {
                checkRelay(event, log: log, entities: entities, entityOfActor: entityOfActor, isMerged: options.mergesGroups, problems: &problems)
            }
            periodOfEvent[i] = period
            first = min(first, period)
            last = max(last, period)
        }
        try problems.throwIfAny()
        guard first <= last else {
            let empty = SliceGraph(validatedNodeCount: 0, edges: [], isDirected: options.isDirected)
            let slices = (fixedRanges ?? []).map { range in
                let nodes = options.roster == .all ? (0..<Int32(entities.count)).map { EntityIndex(unchecked: $0) } : []
                return Slice(label: range.label, periods: range.periods, nodes: nodes,
                             graph: nodes.isEmpty ? empty : SliceGraph(validatedNodeCount: nodes.count, edges: [], isDirected: options.isDirected),
                             eventIndices: [])
            }
            return SlicedNetwork(entities: entities, slices: slices, options: options, entityOfActor: entityOfActor, log: log)
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

        let ranges = fixedRanges ?? options.slicing.ranges(first: first, last: last)
        // The budget, before any slice is built.
        let entityCount = entities.count
        var nodeRows = 0
        for (_, periods) in ranges {
            if options.roster == .all {
                nodeRows += entityCount
            } else if options.slicing.mode != .calendar || fixedRanges != nil {
                // Each event brings at most three nodes (a relay's origin, mediator and target).
                let lo = max(periods.lowerBound, first) - first, hi = min(periods.upperBound, last + 1) - first
                if lo < hi { nodeRows += min(entityCount, 3 * (bucketStart[hi] - bucketStart[lo])) }
            }
        }
        if nodeRows > SliceOptions.maximumNodeRows {
            let nodes = options.mergesGroups ? "groups" : "actors"
            let message: LibraryMessage = options.roster == .all
                ? "too large to slice: \(ranges.count) slices × \(entityCount) \(nodes) \(phrase: .rosterAll) make \(nodeRows) node rows, "
                    + "over the limit of \(SliceOptions.maximumNodeRows) \(phrase: .tooLargeAdviceAll)"
                : "too large to slice: \(ranges.count) slices of up to \(entityCount) \(nodes) each make up to \(nodeRows) node rows, "
                    + "over the limit of \(SliceOptions.maximumNodeRows) \(phrase: .tooLargeAdvice)"
            problems.add(line: nil, message)
            try problems.throwIfAny()
        }
        // Slices are independent: runs of consecutive slices go to the cores, each run with its
        // own scratch rows and problem lists; they are joined in slice order, and the problems
        // are taken slice by slice up to the limit, as one pass would have found them.
        let runCount = min(ranges.count, ProcessInfo.processInfo.activeProcessorCount, 8)
        let runs = ConcurrentResults<[(Slice, [InputProblem])]>(count: runCount)
        let (periodOfFirst, periodOfLast, bucketStarts, bucketedEvents) = (first, last, bucketStart, bucketed)
        let (entityList, actorEntities) = (entities, entityOfActor)
        let sliceRun: @Sendable (Int) -> Void = { run in
            var scratch = Scratch(entityCount: entityList.count)
            var made: [(Slice, [InputProblem])] = []
            for (label, periods) in ranges[(ranges.count * run / runCount)..<(ranges.count * (run + 1) / runCount)] {
                let lo = max(periods.lowerBound, periodOfFirst) - periodOfFirst
                let hi = min(periods.upperBound, periodOfLast + 1) - periodOfFirst
                var eventIndices: [Int32] = []
                if lo < hi {
                    let range = bucketStarts[lo]..<bucketStarts[hi]
                    eventIndices = Array(bucketedEvents[range])
                    if periods.count > 1 { eventIndices.sort() }
                }
                var found = ProblemCollector(file: log.file)
                let slice = makeSlice(label: label, periods: periods, events: eventIndices, log: log, entities: entityList,
                                      entityOfActor: actorEntities, mediationKind: mediationKind, options: options, scratch: &scratch,
                                      problems: &found)
                made.append((slice, found.problems))
                // Past the limit in this run alone, later slices of the run cannot be reported.
                if found.isFull { break }
            }
            runs[run] = made
        }
        if runCount == 1 { sliceRun(0) } else { DispatchQueue.concurrentPerform(iterations: runCount, execute: sliceRun) }
        var slices: [Slice] = []
        slices.reserveCapacity(ranges.count)
        joining: for run in 0..<runCount {
            for (slice, found) in runs[run]! {
                slices.append(slice)
                for problem in found { problems.add(line: problem.line, problem.content) }
                if problems.isFull { break joining }
            }
        }
        try problems.throwIfAny()
        return SlicedNetwork(entities: entities, slices: slices, options: options, entityOfActor: entityOfActor, log: log)
    }

    /// `slice` of `network` made again from the events `events` (a subset of its own), with
    /// the network's options: what the slice would be had the other events not been in the file
    /// (``MeasureInfluence``). Slicing problems cannot arise, as the events were sliced once.
    /// - Complexity: O(*e* + *n*) for the *e* events and *n* entities, plus sorting the edges.
    package static func remade(_ slice: Slice, of network: SlicedNetwork, events: [EventIndex]) -> Slice {
        var scratch = Scratch(entityCount: network.entities.count)
        var problems = ProblemCollector(file: network.log.file)
        return makeSlice(label: slice.label, periods: slice.periods, events: events.map(\.value), log: network.log, entities: network.entities,
                         entityOfActor: network.entityOfActor, mediationKind: KindTable.mediation,
                         options: network.options, scratch: &scratch, problems: &problems)
    }

    /// `lines 2, 3` (at most ten, then a count).
    static func describe(lines: [Int]) -> String {
        let shown = lines.prefix(10).map(String.init).joined(separator: ", ")
        return (lines.count == 1 ? "line " : "lines ") + shown + (lines.count > 10 ? " and \(lines.count - 10) more" : "")
    }

    /// Records a problem, naming the event's line, when a mediation event with `about` is no
    /// relay at the level of the slices: its target must be on one side, its source on neither,
    /// and the two sides must be two entities (two groups when groups are merged).
    private static func checkRelay(_ event: Event, log: EventLog, entities: [Entity], entityOfActor: [EntityIndex], isMerged: Bool,
                                   problems: inout ProblemCollector) {
        guard let about = event.about else { return }
        let a = entityOfActor[Int(about.first)], b = entityOfActor[Int(about.second)]
        let x = entityOfActor[Int(event.target)], m = entityOfActor[Int(event.source)]
        let written = "'\(log.actors[about.first].id)|\(log.actors[about.second].id)'"
        func named(_ actor: ActorIndex, _ entity: EntityIndex) -> String {
            isMerged ? "'\(log.actors[actor].id)' (group '\(entities[Int(entity)].id)')" : "'\(log.actors[actor].id)'"
        }
        let level: LibraryMessage = isMerged ? " \(phrase: .groupLevel)" : ""
        if a == b {
            problems.add(line: event.line, "mediation about \(written)\(level): both sides are in group '\(entities[Int(a)].id)' (a relay needs two sides)" as LibraryMessage)
            return
        }
        if x != a && x != b {
            problems.add(line: event.line, "mediation about \(written)\(level): the target \(named(event.target, x)) is on neither side (a mediation's target is one of the two sides)" as LibraryMessage)
        }
        if m == a || m == b {
            problems.add(line: event.line, "mediation about \(written)\(level): the source \(named(event.source, m)) is on one of the sides (a mediator stands on neither)" as LibraryMessage)
        }
    }

    /// The entity a relay's first leg starts from: for a mediation event M → X with `about`,
    /// the side X is not on; `nil` for every other event. The event must have passed
    /// ``checkRelay``.
    @inline(__always)
    static func relayOrigin(of event: Event, mediationKind: KindIndex?, entityOfActor: [EntityIndex]) -> EntityIndex? {
        guard let about = event.about, event.kind == mediationKind else { return nil }
        // An event of another log (a caller's) may name actors this network does not have.
        guard [about.first, about.second, event.target].allSatisfy({ entityOfActor.indices.contains(Int($0)) }) else { return nil }
        let a = entityOfActor[Int(about.first)], b = entityOfActor[Int(about.second)]
        return entityOfActor[Int(event.target)] == a ? b : a
    }

    /// Reusable buffers for aggregating one slice after another.
    struct Scratch {
        var localIndex: [Int32]
        /// Per source entity: where its events start in `bySource`.
        var sourceStart: [Int32]
        var bySource: [Int32] = []
        /// For the source being aggregated: the summed weight towards each target, and which
        /// source last touched each target.
        var weightTo: [Double]
        var touchedBy: [Int32]
        var isActive: [Bool]

        init(entityCount: Int) {
            localIndex = [Int32](repeating: -1, count: entityCount)
            sourceStart = [Int32](repeating: 0, count: entityCount + 1)
            weightTo = [Double](repeating: 0, count: entityCount)
            touchedBy = [Int32](repeating: -1, count: entityCount)
            isActive = [Bool](repeating: false, count: entityCount)
        }
    }

    /// Aggregates a slice's events into its graph without hashing: a counting sort of the
    /// events by source, then one pass per source with a dense scratch row. Weights are
    /// summed in file order, so results are reproducible to the bit.
    /// - Complexity: O(*e* + *n* + *m* log *d*) for *e* events, *n* entities, *m* edges; O(1)
    ///   for a slice without events and the active roster.
    private static func makeSlice(label: String, periods: Range<Int>, events: [Int32], log: EventLog, entities: [Entity],
                                  entityOfActor: [EntityIndex], mediationKind: KindIndex?, options: SliceOptions, scratch: inout Scratch,
                                  problems: inout ProblemCollector) -> Slice {
        let entityCount = entities.count
        let directed = options.isDirected
        // A period without events, of which a long span has many: O(1), not O(entities).
        if events.isEmpty && options.roster == .active {
            return Slice(label: label, periods: periods, nodes: [], graph: SliceGraph(validatedNodeCount: 0, edges: [], isDirected: directed),
                         eventIndices: [])
        }
        // Endpoints at entity level, oriented for undirected graphs: each event's own edge,
        // then the first leg (origin → mediator) of each relay.
        var relays: [Int32] = []
        if mediationKind != nil {
            for index in events where log.events[Int(index)].about != nil && log.events[Int(index)].kind == mediationKind {
                relays.append(index)
            }
        }
        let total = events.count + relays.count
        var sources = [Int32](repeating: 0, count: total)
        var targets = [Int32](repeating: 0, count: total)
        var weights = [Double](repeating: 0, count: total)
        for i in 0..<entityCount + 1 { scratch.sourceStart[i] = 0 }
        log.events.withUnsafeBufferPointer { all in
            entityOfActor.withUnsafeBufferPointer { entityOf in
                sources.withUnsafeMutableBufferPointer { sources in
                    targets.withUnsafeMutableBufferPointer { targets in
                        weights.withUnsafeMutableBufferPointer { weights in
                            scratch.sourceStart.withUnsafeMutableBufferPointer { sourceStart in
                                for i in 0..<total {
                                    let event = all[Int(i < events.count ? events[i] : relays[i - events.count])]
                                    var u: Int32, v: Int32
                                    if i < events.count {
                                        u = entityOf[Int(event.source)].value
                                        v = entityOf[Int(event.target)].value
                                    } else {
                                        // Relays were collected as mediation events with `about`, which makes them relays.
                                        u = relayOrigin(of: event, mediationKind: mediationKind, entityOfActor: entityOfActor)?.value ?? 0
                                        v = entityOf[Int(event.source)].value
                                    }
                                    if !directed && u > v { swap(&u, &v) }
                                    sources[i] = u
                                    targets[i] = v
                                    weights[i] = event.weight
                                    if u != v { sourceStart[Int(u) + 1] += 1 }
                                }
                            }
                        }
                    }
                }
            }
        }
        /// The line of the event behind endpoint pair `i`, for messages.
        func lineOf(_ i: Int) -> Int { log.events[Int(i < events.count ? events[i] : relays[i - events.count])].line }
        for u in 0..<entityCount { scratch.sourceStart[u + 1] += scratch.sourceStart[u] }
        let kept = Int(scratch.sourceStart[entityCount])
        if scratch.bySource.count < kept { scratch.bySource = [Int32](repeating: 0, count: kept) }
        var fill = Array(scratch.sourceStart[0..<entityCount])
        for i in 0..<sources.count where sources[i] != targets[i] {
            let u = Int(sources[i])
            scratch.bySource[Int(fill[u])] = Int32(i)
            fill[u] += 1
        }
        // Entity-level edges, by source then target.
        var edgeSources: [Int32] = [], edgeTargets: [Int32] = [], edgeWeights: [Double] = []
        edgeSources.reserveCapacity(kept)
        edgeTargets.reserveCapacity(kept)
        edgeWeights.reserveCapacity(kept)
        var isReported: Set<Int> = []
        var row: [Int32] = []
        for u in 0..<entityCount {
            let range = Int(scratch.sourceStart[u])..<Int(scratch.sourceStart[u + 1])
            if range.isEmpty { continue }
            row.removeAll(keepingCapacity: true)
            // Sums in file order, with a dense row of weights and the source that last touched each target.
            scratch.bySource.withUnsafeBufferPointer { bySource in
                scratch.touchedBy.withUnsafeMutableBufferPointer { touchedBy in
                    scratch.weightTo.withUnsafeMutableBufferPointer { weightTo in
                        targets.withUnsafeBufferPointer { targets in
                            weights.withUnsafeBufferPointer { weights in
                                for slot in range {
                                    let i = Int(bySource[slot])
                                    let v = Int(targets[i])
                                    if touchedBy[v] != Int32(u) {
                                        touchedBy[v] = Int32(u)
                                        weightTo[v] = weights[i]
                                        row.append(Int32(v))
                                    } else {
                                        weightTo[v] += weights[i]
                                    }
                                }
                            }
                        }
                    }
                }
            }
            row.sort()
            for v in row where !scratch.weightTo[Int(v)].isFinite {
                let lines = Array(Set(range.map { Int(scratch.bySource[$0]) }.filter { targets[$0] == v }.map { lineOf($0) })).sorted()
                problems.add(line: nil, "weights of \(entities[u].id) \(directed ? "→" : "–") \(entities[Int(v)].id) in \(label) sum to more than 1.8e308 (\(Self.describe(lines: lines)))")
                isReported.formUnion([u, Int(v)])
            }
            for v in row {
                edgeSources.append(Int32(u))
                edgeTargets.append(v)
                edgeWeights.append(scratch.weightTo[Int(v)])
                scratch.touchedBy[Int(v)] = -1
            }
        }
        // Every sum a measure takes (strengths, Burt's proportions, PageRank's normalisation) is at
        // most the total weight around a node: when that is finite, no measure overflows.
        // Events inside one group (dropped from a graph by groups) count too: third-party roles
        // sum the weights of a party's acts whatever their target.
        var around = [Double](repeating: 0, count: entityCount)
        for i in 0..<edgeSources.count {
            around[Int(edgeSources[i])] += edgeWeights[i]
            around[Int(edgeTargets[i])] += edgeWeights[i]
        }
        for i in 0..<sources.count where sources[i] == targets[i] {
            around[Int(sources[i])] += weights[i]
        }
        for e in 0..<entityCount where !around[e].isFinite && !isReported.contains(e) {
            let lines = Array(Set((0..<sources.count).filter { sources[$0] == Int32(e) || targets[$0] == Int32(e) }
                .map { lineOf($0) })).sorted()
            problems.add(line: nil, "weights of the ties of \(entities[e].id) in \(label) sum to more than 1.8e308 (\(Self.describe(lines: lines)))")
        }
        // Nodes: the active entities, or all of them.
        var nodes: [EntityIndex]
        if options.roster == .all {
            nodes = (0..<Int32(entityCount)).map { EntityIndex(unchecked: $0) }
        } else {
            for i in 0..<edgeSources.count {
                scratch.isActive[Int(edgeSources[i])] = true
                scratch.isActive[Int(edgeTargets[i])] = true
            }
            nodes = []
            for e in 0..<entityCount where scratch.isActive[e] {
                nodes.append(EntityIndex(unchecked: Int32(e)))
                scratch.isActive[e] = false
            }
        }
        for (local, entity) in nodes.enumerated() { scratch.localIndex[Int(entity)] = Int32(local) }
        var edges: [(source: Int32, target: Int32, weight: Double)] = []
        edges.reserveCapacity(edgeSources.count)
        for i in 0..<edgeSources.count {
            edges.append((scratch.localIndex[Int(edgeSources[i])], scratch.localIndex[Int(edgeTargets[i])], edgeWeights[i]))
        }
        for entity in nodes { scratch.localIndex[Int(entity)] = -1 }
        let graph = SliceGraph(validatedNodeCount: nodes.count, edges: edges, isDirected: directed)
        return Slice(label: label, periods: periods, nodes: nodes, graph: graph, eventIndices: events.map { EventIndex(unchecked: $0) })
    }
}
