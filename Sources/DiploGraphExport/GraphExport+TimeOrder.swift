import DiploGraph
import DiploGraphText

/// Events in time order for relational event models, and edge spells for networkDynamic.
extension GraphExport {
    static let remHeader = "time,source,target,kind,weight,line,precision\n"
    static let spellsHeader = "onset,terminus,tail,head\n"
    static let spellVerticesHeader = "vertex.id,actor,label,group\n"

    /// The selected events (``SlicedNetwork/options``: kinds, groups) in time order, as
    /// relational event models (R remify/relevent, goldfish, eventnet) read them.
    struct TimedEvent {
        let index: Int
        let source: EntityIndex
        let target: EntityIndex
        let firstDay: Int
    }

    /// The selected events between two entities, sorted by first day, ties in file order,
    /// and the first event's first day.
    static func timedEvents(_ network: SlicedNetwork) throws(ValueError) -> (events: [TimedEvent], dayZero: Int) {
        let (isSelected, _) = network.options.selectedKinds(in: network.log.kinds)
        var events: [TimedEvent] = []
        for (i, event) in network.log.events.enumerated() where isSelected[event.kind.position] {
            let source = network.entityOfActor[event.source.position], target = network.entityOfActor[event.target.position]
            if source != target { events.append(TimedEvent(index: i, source: source, target: target, firstDay: event.date.firstDay)) }
        }
        guard let dayZero = events.map(\.firstDay).min() else {
            throw ValueError("\(network.log.file): no events of the selected kinds between two actors (or groups): nothing to put in time order")
        }
        // A stable sort: ties keep file order.
        events = events.enumerated().sorted { ($0.element.firstDay, $0.offset) < ($1.element.firstDay, $1.offset) }.map(\.element)
        return (events, dayZero)
    }

    /// One row per selected event in time order: `time,source,target,kind,weight,line,precision`.
    ///
    /// `time` is the number of days from the first event's first day to the event's first day
    /// (a month- or year-precise date counts from its first day); events of one day keep
    /// their file order. `line` is the event's line in the events file; `precision` (`day`,
    /// `month` or `year`) says which dates were coarser than a day. Sources and targets are
    /// actor ids, or groups with actors merged (events inside one group are left out); each
    /// event is one row as written, also when undirected, and a relay is one row (its first
    /// leg is the slice graphs' reading, not an event).
    /// - Parameter network: the sliced events; only its options are used.
    /// - Returns: the CSV text.
    /// - Throws: ``/DiploGraph/ValueError`` when there is no selected event.
    /// - Complexity: O(*e* log *e*) for *e* events.
    public static func rem(_ network: SlicedNetwork) throws(ValueError) -> String {
        let (events, dayZero) = try timedEvents(network)
        var out = remHeader
        for timed in events {
            let event = network.log.events[timed.index]
            out += [String(timed.firstDay - dayZero), Escape.csv(network.entities[timed.source.position].id),
                    Escape.csv(network.entities[timed.target.position].id), Escape.csv(network.log.kinds[event.kind].id),
                    NumberFormat.exact(event.weight), String(event.line), event.date.precision.description].joined(separator: ",") + "\n"
        }
        return out
    }

    /// The vertices of ``spells(_:)``: the entities of the selected events, in entity order,
    /// numbered from 1.
    static func spellVertexIDs(_ network: SlicedNetwork, _ events: [TimedEvent]) -> [Int32] {
        var id = [Int32](repeating: 0, count: network.entities.count)
        for event in events {
            id[event.source.position] = 1
            id[event.target.position] = 1
            if let origin = network.relayOrigin(of: network.log.events[event.index]) { id[origin.position] = 1 }
        }
        var next: Int32 = 0
        for e in id.indices where id[e] != 0 {
            next += 1
            id[e] = next
        }
        return id
    }

    /// networkDynamic edge spells: `onset,terminus,tail,head`, one row per spell.
    ///
    /// Each selected event makes its pair of vertices active over its date's days as the
    /// half-open interval [onset, terminus) of networkDynamic, in days since the first event's
    /// first day: a day-precise event on day 3 is [3, 4), a month the month's days. Spells of one
    /// (tail, head) that overlap or touch are joined into one, so that no two spells of an edge
    /// overlap. A relay's first leg (the other side → the mediator) is an edge as in the slice
    /// graphs; with `--undirected` the smaller vertex id is the tail. Vertex ids are 1...n in
    /// entity order (``spellVertices(_:)`` lists them).
    /// - Parameter network: the sliced events; only its options are used.
    /// - Returns: the CSV text, sorted by tail, head and onset.
    /// - Throws: ``/DiploGraph/ValueError`` when there is no selected event.
    /// - Complexity: O(*e* log *e*) for *e* events.
    public static func spells(_ network: SlicedNetwork) throws(ValueError) -> String {
        let (events, dayZero) = try timedEvents(network)
        let id = spellVertexIDs(network, events)
        var raw: [(tail: Int32, head: Int32, onset: Int, terminus: Int)] = []
        raw.reserveCapacity(events.count)
        for timed in events {
            let event = network.log.events[timed.index]
            let onset = timed.firstDay - dayZero, terminus = event.date.lastDay - dayZero + 1
            func add(_ u: EntityIndex, _ v: EntityIndex) {
                guard u != v else { return }
                var (tail, head) = (id[u.position], id[v.position])
                if !network.options.isDirected && tail > head { swap(&tail, &head) }
                raw.append((tail, head, onset, terminus))
            }
            if let origin = network.relayOrigin(of: event) { add(origin, timed.source) }
            add(timed.source, timed.target)
        }
        raw.sort { ($0.tail, $0.head, $0.onset, $0.terminus) < ($1.tail, $1.head, $1.onset, $1.terminus) }
        var out = spellsHeader
        var i = 0
        while i < raw.count {
            var spell = raw[i]
            var j = i + 1
            while j < raw.count && raw[j].tail == spell.tail && raw[j].head == spell.head && raw[j].onset <= spell.terminus {
                spell.terminus = max(spell.terminus, raw[j].terminus)
                j += 1
            }
            out += "\(spell.onset),\(spell.terminus),\(spell.tail),\(spell.head)\n"
            i = j
        }
        return out
    }

    /// The vertex table of ``spells(_:)``: `vertex.id,actor,label,group`.
    /// - Parameter network: the sliced events; only its options are used.
    /// - Returns: the CSV text, one row per vertex id from 1.
    /// - Throws: ``/DiploGraph/ValueError`` when there is no selected event.
    /// - Complexity: O(*e* log *e* + *n*) for *e* events and *n* entities.
    public static func spellVertices(_ network: SlicedNetwork) throws(ValueError) -> String {
        let (events, _) = try timedEvents(network)
        let id = spellVertexIDs(network, events)
        var out = spellVerticesHeader
        for e in id.indices where id[e] != 0 {
            let entity = network.entities[e]
            out += [String(id[e]), Escape.csv(entity.id), Escape.csv(entity.label), Escape.csv(entity.group)].joined(separator: ",") + "\n"
        }
        return out
    }

    /// Where ``write(_:as:toFile:force:)`` puts the vertex table of spells written to `path`:
    /// `spells.csv` → `spells.vertices.csv` (`.vertices.csv` added to a path not ending in `.csv`).
    /// - Parameter path: the spells file.
    /// - Returns: the vertex table's path.
    /// - Complexity: O(*p*) for a path of *p* characters.
    public static func spellVerticesPath(besideSpells path: String) -> String {
        (path.hasSuffix(".csv") ? String(path.dropLast(4)) : path) + ".vertices.csv"
    }
}
