import Synchronization

/// How events are cut into time slices.
///
/// Every slice covers a half-open range of calendar periods `[first, end)`: calendar
/// snapshots cover one period each; sliding windows cover `width` periods and start every
/// `step` periods; cumulative slices all start at the first period with an event.
///
/// Make one with ``calendar(_:)``, ``cumulative(_:)`` or ``window(unit:width:step:)``; the last
/// checks its numbers.
public struct Slicing: Sendable, Equatable {
    /// How the periods of a slice are chosen.
    public enum Mode: Sendable, Equatable {
        /// One slice per calendar period (`year`, `quarter`, `month`), or one slice for `all`.
        case calendar
        /// Windows of `width` periods starting every `step` periods from the first period with
        /// an event. The first window is always made; later ones only while they end by the
        /// last period with an event.
        case window(width: Int, step: Int)
        /// Expanding slices: each from the first event's period to the end of its own period.
        case cumulative
    }

    /// The calendar unit periods are counted in.
    public let unit: SliceUnit
    /// How slices are made of periods.
    public let mode: Mode

    /// The longest span a window may cover or step, in years, whatever its unit.
    public static let maximumYears = 9_999

    /// The most periods a window may span or step in any unit: 9,999 years of months. Each
    /// unit has its own limit, ``maximumPeriods(of:)``: 9,999 years of that unit.
    public static let maximumPeriods = maximumYears * 12

    /// The most periods of `unit` a window may span or step: 9,999 years of them (9,999 years,
    /// 39,996 quarters, 119,988 months), so that every unit has the same limit in time.
    /// - Parameter unit: the unit periods are counted in.
    /// - Returns: ``maximumYears`` times the periods of `unit` in a year; 1 for `all`.
    /// - Complexity: O(1).
    public static func maximumPeriods(of unit: SliceUnit) -> Int {
        unit == .all ? 1 : maximumYears * unit.periodsPerYear
    }

    /// Slices of `unit` made as `mode` says.
    /// - Throws: ``ValueError`` for a window whose width or step is not in
    ///   1...``maximumPeriods(of:)`` of its unit (longer than 9,999 years), or a window or
    ///   cumulative slicing with the unit `all`.
    /// - Complexity: O(1).
    /// - Parameters:
    ///   - unit: the period slices are counted in.
    ///   - mode: calendar periods, cumulative slices or sliding windows.
    public init(unit: SliceUnit, mode: Mode) throws(ValueError) {
        if mode != .calendar && unit == .all {
            throw ValueError("windows and cumulative slices need a unit other than all")
        }
        if case .window(let width, let step) = mode {
            let limit = Self.maximumPeriods(of: unit)
            for (name, count) in [("width", width), ("step", step)] where !(1...limit).contains(count) {
                throw ValueError("window \(name) \(count) \(unit.rawValue)\(count == 1 ? "" : "s"): "
                                 + (count < 1 ? "must be at least 1" : "longer than 9,999 years (at most \(limit) \(unit.rawValue)s)"))
            }
        }
        self.unit = unit
        self.mode = mode
    }

    /// One slice per calendar period of `unit`.
    /// - Complexity: O(1).
    /// - Parameter unit: the period, `all` for one slice of every event.
    /// - Returns: the slicing; it cannot fail.
    public static func calendar(_ unit: SliceUnit) -> Slicing { Slicing(unchecked: unit, mode: .calendar) }

    /// Expanding slices from the first period with an event; `unit` is not `all`.
    /// - Throws: ``ValueError`` for the unit `all`.
    /// - Complexity: O(1).
    /// - Parameter unit: the period each slice grows by.
    /// - Returns: the slicing.
    public static func cumulative(_ unit: SliceUnit) throws(ValueError) -> Slicing { try Slicing(unit: unit, mode: .cumulative) }

    /// Sliding windows of `width` periods of `unit`, starting every `step` periods.
    /// - Throws: ``ValueError`` when `width` or `step` is not positive (or too large), or `unit` is `all`.
    /// - Complexity: O(1).
    /// - Parameters:
    ///   - unit: the period windows are counted in (not `all`).
    ///   - width: periods per window, 1...``maximumPeriods(of:)`` of `unit` (9,999 years).
    ///   - step: periods between the starts of consecutive windows, 1...``maximumPeriods(of:)``
    ///     (windows overlap when `step` < `width`, leave gaps when it is larger).
    /// - Returns: the slicing.
    public static func window(unit: SliceUnit, width: Int, step: Int) throws(ValueError) -> Slicing {
        try Slicing(unit: unit, mode: .window(width: width, step: step))
    }

    private init(unchecked unit: SliceUnit, mode: Mode) {
        self.unit = unit
        self.mode = mode
    }

    /// The slices over periods `first...last`, as `(label, periods)`.
    func ranges(first: Int, last: Int) -> [(label: String, periods: Range<Int>)] {
        let unit = self.unit
        func label(_ periods: Range<Int>) -> String {
            periods.count == 1 ? unit.label(validPeriod: periods.lowerBound)
                : "\(unit.label(validPeriod: periods.lowerBound))..\(unit.label(validPeriod: periods.upperBound - 1))"
        }
        switch mode {
        case .calendar:
            return (first...last).map { (unit.label(validPeriod: $0), $0..<($0 + 1)) }
        case .window(let width, let step):
            var result: [(String, Range<Int>)] = []
            var start = first
            repeat {
                let periods = start..<(start + width)
                result.append((label(periods), periods))
                start += step
            } while start + width - 1 <= last
            return result
        case .cumulative:
            return (first...last).map { end in
                let periods = first..<(end + 1)
                return (label(periods), periods)
            }
        }
    }
}

/// Who is a node of a slice graph.
public enum Roster: String, Sendable, CaseIterable {
    /// The actors of the slice's selected events.
    case active
    /// Every known actor, the inactive ones as isolates.
    case all
}

/// The choices that turn an event log into slice graphs.
public struct SliceOptions: Sendable {
    /// How time is cut.
    public var slicing: Slicing = .calendar(.year)
    /// The ids of the kinds to keep, with the kinds of ``layers``; `nil` keeps every kind unless
    /// ``layers`` names some.
    public var kinds: Set<String>? = nil
    /// The polarity layers to keep (every kind of each), with ``kinds``.
    public var layers: Set<KindLayer> = []
    /// Whether ties keep their direction.
    public var isDirected = true
    /// Which entities are nodes of each slice.
    public var roster: Roster = .active
    /// Whether actors are merged into their groups before aggregation.
    public var mergesGroups = false

    /// The most nodes summed over all slices (the rows of a centrality table) that slicing
    /// builds: the roster `all` over many slices, or long windows, would otherwise allocate
    /// until the process dies (120,000 monthly slices × 200 actors are 24 million rows).
    /// Calendar slices of active actors stay below three nodes per event and are not limited.
    public static let maximumNodeRows = 5_000_000

    /// Options for ``Slicer/slice(_:options:)``; the defaults are yearly, all kinds, directed,
    /// active actors.
    ///
    /// - Parameters:
    ///   - slicing: how time is cut.
    ///   - kinds: the ids of the kinds to keep, or `nil`.
    ///   - layers: polarity layers to keep besides `kinds`; with `kinds == nil` and no layers,
    ///     every kind is kept.
    ///   - isDirected: whether ties keep their direction.
    ///   - roster: which entities are nodes of each slice.
    ///   - mergesGroups: whether nodes are groups rather than actors.
    /// - Complexity: O(1).
    public init(slicing: Slicing = .calendar(.year), kinds: Set<String>? = nil, layers: Set<KindLayer> = [], isDirected: Bool = true,
                roster: Roster = .active, mergesGroups: Bool = false) {
        self.slicing = slicing
        self.kinds = kinds
        self.layers = layers
        self.isDirected = isDirected
        self.roster = roster
        self.mergesGroups = mergesGroups
    }

    /// Which kinds of `table` these options keep, by kind index, and the ids of ``kinds`` that
    /// `table` lacks, sorted.
    /// - Complexity: O(*k* + *s* log *s*) for *k* kinds and *s* selected ids.
    package func selectedKinds(in table: KindTable) -> (isSelected: [Bool], unknown: [String]) {
        if kinds == nil && layers.isEmpty { return ([Bool](repeating: true, count: table.count), []) }
        var isSelected = [Bool](repeating: false, count: table.count)
        var unknown: [String] = []
        for id in (kinds ?? []).sorted() {
            if let index = table.index(of: id) { isSelected[index.position] = true } else { unknown.append(id) }
        }
        for (i, kind) in table.kinds.enumerated() where layers.contains(where: { $0.polarity == kind.polarity }) {
            isSelected[i] = true
        }
        return (isSelected, unknown)
    }
}

/// A node identity across slices: an actor, or a group when actors are merged.
public struct Entity: Sendable, Hashable {
    /// The actor id, or the group name when actors are merged.
    public var id: String
    /// What tables and diagrams show.
    public var label: String
    /// The group, for colours and brokerage roles (a merged group is its own group).
    public var group: String
}

/// One time slice: its label, its nodes and its aggregated graph.
public struct Slice: Sendable {
    /// `2018`, `2018-Q2`, `2018-03`, `2017..2018` or `all`.
    public let label: String
    /// The calendar periods it covers.
    public let periods: Range<Int>
    /// `nodes[i]` is the entity of the graph's node `i`, in increasing entity order.
    public let nodes: [EntityIndex]
    /// The aggregated graph, indexed like `nodes`.
    public let graph: SliceGraph
    /// The indices in the event log of the selected events in this slice, in file order.
    public let eventIndices: [Int32]
    /// The network that made the slice (``SlicedNetwork``'s token), so that a network can
    /// refuse another network's slice, whose indices are not its own.
    package fileprivate(set) var owner: SlicedNetwork.Token = .none

    package init(label: String, periods: Range<Int>, nodes: [EntityIndex], graph: SliceGraph, eventIndices: [Int32]) {
        self.label = label
        self.periods = periods
        self.nodes = nodes
        self.graph = graph
        self.eventIndices = eventIndices
    }

    /// The graph's node for `entity`, or `nil` when the entity is not a node of this slice.
    /// - Complexity: O(log *n*) for *n* nodes (``nodes`` is sorted).
    /// - Parameter entity: an entity of the network the slice belongs to.
    public func node(of entity: EntityIndex) -> NodeIndex? {
        var low = 0, high = nodes.count
        while low < high {
            let mid = (low + high) / 2
            if nodes[mid] < entity { low = mid + 1 } else { high = mid }
        }
        return low < nodes.count && nodes[low] == entity ? NodeIndex(unchecked: Int32(low)) : nil
    }

    /// The entity of the graph's node `node`, or `nil` when `node` is not below the node count.
    /// - Complexity: O(1).
    /// - Parameter node: a node of the slice's graph.
    public func entity(at node: NodeIndex) -> EntityIndex? {
        node.position < nodes.count ? nodes[node.position] : nil
    }

    /// The graph's nodes, `0..<graph.nodeCount`, as typed indices.
    /// - Complexity: O(1) (a lazy collection).
    public var nodeIndices: LazyMapSequence<Range<Int>, NodeIndex> {
        (0..<nodes.count).lazy.map { NodeIndex(unchecked: Int32($0)) }
    }
}

/// An event log cut into slices, over one set of entities.
public struct SlicedNetwork: Sendable {
    /// The node identities shared by all slices, by ``EntityIndex``.
    public let entities: [Entity]
    /// The slices in time order.
    public let slices: [Slice]
    /// The options the network was sliced with.
    public let options: SliceOptions
    /// The entity each actor belongs to (itself, or its group), by ``ActorIndex``.
    public let entityOfActor: [EntityIndex]
    /// The events the slices were made from.
    public let log: EventLog
    /// The index of each entity by its id.
    private let entityIndexByID: [String: EntityIndex]
    /// This network's token, stamped on each of its slices.
    private let token: Token

    /// Tells one network's slices from another's: a number no other network of the process has.
    package struct Token: Sendable, Equatable {
        let value: UInt64
        static let none = Token(value: 0)
        private static let counter = Atomic<UInt64>(0)
        static func next() -> Token { Token(value: counter.add(1, ordering: .relaxed).newValue) }
    }

    init(entities: [Entity], slices: [Slice], options: SliceOptions, entityOfActor: [EntityIndex], log: EventLog) {
        self.entities = entities
        let token = Token.next()
        self.token = token
        self.slices = slices.map { slice in
            var stamped = slice
            stamped.owner = token
            return stamped
        }
        self.options = options
        self.entityOfActor = entityOfActor
        self.log = log
        var indexByID: [String: EntityIndex] = [:]
        indexByID.reserveCapacity(entities.count)
        for (index, entity) in entities.enumerated() { indexByID[entity.id] = EntityIndex(unchecked: Int32(index)) }
        entityIndexByID = indexByID
    }

    /// Whether `slice` is one of this network's slices (made by the slicing that made this
    /// network), so that its nodes and events index this network's entities and log.
    /// - Complexity: O(1).
    /// - Parameter slice: any slice.
    public func owns(_ slice: Slice) -> Bool { slice.owner == token }

    /// Throws unless `slice` is one of this network's slices.
    /// - Throws: ``ValueError`` naming the slice.
    /// - Complexity: O(1).
    func checkOwns(_ slice: Slice) throws(ValueError) {
        guard owns(slice) else { throw ValueError("slice '\(slice.label)' is not a slice of this network") }
    }

    /// The entities that are a node of at least one slice, in entity order: those that
    /// diagrams place and exports list.
    /// - Returns: the entities, each once.
    /// - Complexity: O(*e* + *N*) for *e* entities and *N* nodes over all slices.
    public func entitiesInAnySlice() -> [EntityIndex] {
        var present = [Bool](repeating: false, count: entities.count)
        for slice in slices { for node in slice.nodes { present[node.position] = true } }
        return present.indices.filter { present[$0] }.map { EntityIndex(unchecked: Int32($0)) }
    }

    /// The slice labelled `label`.
    /// - Complexity: O(*s*) for *s* slices.
    /// - Parameter label: a slice label (`2018`, `2018-Q1`, `2018-03`).
    /// - Returns: the first slice with that label, or `nil`.
    public func slice(labelled label: String) -> Slice? { slices.first { $0.label == label } }

    /// The entity `actor` belongs to: itself, or its group when actors are merged.
    /// - Returns: `nil` when `actor` is not an actor of the log.
    /// - Complexity: O(1).
    /// - Parameter actor: an actor of the network's log.
    public func entityIndex(ofActor actor: ActorIndex) -> EntityIndex? {
        actor.position < entityOfActor.count ? entityOfActor[actor.position] : nil
    }

    /// The entity with id `id`: an actor id, or a group name when actors are merged.
    /// - Parameter id: the entity's id, compared as Swift strings are (by canonical equivalence).
    /// - Throws: ``UnknownIDError`` naming the known ids when no entity has that id.
    /// - Complexity: O(1) expected; O(*n*) for the error's list of the *n* known ids.
    public func entityIndex(of id: String) throws(UnknownIDError) -> EntityIndex {
        if let index = entityIndexByID[id] { return index }
        throw UnknownIDError(id: id, what: options.mergesGroups ? .group : .actor, known: entities.map(\.id))
    }

    /// The entity at `index`, or `nil` when `index` is not an entity of this network.
    /// - Complexity: O(1).
    /// - Parameter index: an entity index.
    public func entity(at index: EntityIndex) -> Entity? {
        index.position < entities.count ? entities[index.position] : nil
    }
}

/// An id that names nothing of what was searched: no actor, group or kind has it.
public struct UnknownIDError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What the id was meant to name.
    public enum Subject: String, Sendable {
        /// An actor id.
        case actor
        /// A group name (entities of a network with actors merged into groups).
        case group
        /// A kind id.
        case kind
    }

    /// The id as given.
    public let id: String
    /// What it was meant to name.
    public let what: Subject
    /// The ids that are known, in index order.
    public let known: [String]

    /// An unknown `id` of `what`, among `known`.
    /// - Complexity: O(1).
    /// - Parameters:
    ///   - id: the id as given.
    ///   - what: what it was meant to name.
    ///   - known: the ids that are known, in index order (the message lists them).
    public init(id: String, what: Subject, known: [String]) {
        self.id = id
        self.what = what
        self.known = known
    }

    /// `unknown actor 'x' (known: a, b, c)`, listing at most 20 known ids.
    public var description: String {
        "unknown \(what.rawValue) '\(id)' (known: \(LibraryWording.listed(known)))"
    }
}
