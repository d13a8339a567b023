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

    /// The most periods a window may span or step: 9,999 years of months.
    public static let maximumPeriods = 9_999 * 12

    /// Slices of `unit` made as `mode` says.
    /// - Throws: ``ValueError`` for a window whose width or step is not in 1...``maximumPeriods``,
    ///   or a window or cumulative slicing with the unit `all`.
    public init(unit: SliceUnit, mode: Mode) throws(ValueError) {
        if case .window(let width, let step) = mode {
            guard (1...Self.maximumPeriods).contains(width) else {
                throw ValueError("window width \(width): must be between 1 and \(Self.maximumPeriods) periods")
            }
            guard (1...Self.maximumPeriods).contains(step) else {
                throw ValueError("window step \(step): must be between 1 and \(Self.maximumPeriods) periods")
            }
        }
        if mode != .calendar && unit == .all {
            throw ValueError("windows and cumulative slices need a unit other than all")
        }
        self.unit = unit
        self.mode = mode
    }

    /// One slice per calendar period of `unit`.
    public static func calendar(_ unit: SliceUnit) -> Slicing { Slicing(unchecked: unit, mode: .calendar) }

    /// Expanding slices from the first period with an event; `unit` is not `all`.
    /// - Throws: ``ValueError`` for the unit `all`.
    public static func cumulative(_ unit: SliceUnit) throws(ValueError) -> Slicing { try Slicing(unit: unit, mode: .cumulative) }

    /// Sliding windows of `width` periods of `unit`, starting every `step` periods.
    /// - Throws: ``ValueError`` when `width` or `step` is not positive (or too large), or `unit` is `all`.
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
            periods.count == 1 ? unit.label(ofPeriod: periods.lowerBound)
                : "\(unit.label(ofPeriod: periods.lowerBound))..\(unit.label(ofPeriod: periods.upperBound - 1))"
        }
        switch mode {
        case .calendar:
            return (first...last).map { (unit.label(ofPeriod: $0), $0..<($0 + 1)) }
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
    /// The kinds to keep (`nil`: all).
    public var kinds: Set<String>? = nil
    /// Whether ties keep their direction.
    public var isDirected = true
    /// Which entities are nodes of each slice.
    public var roster: Roster = .active
    /// Whether actors are merged into their groups before aggregation.
    public var mergesGroups = false

    /// The most nodes summed over all slices (the rows of a centrality table) that slicing
    /// builds: `--roster all` over many slices, or long windows, would otherwise allocate
    /// until the process dies (120,000 monthly slices × 200 actors are 24 million rows).
    /// Calendar slices of active actors stay below three nodes per event and are not limited.
    public static let maximumNodeRows = 5_000_000

    /// Options for ``Slicer/slice(_:options:)``; the defaults are yearly, all kinds, directed, active actors.
    public init(slicing: Slicing = .calendar(.year), kinds: Set<String>? = nil, isDirected: Bool = true,
                roster: Roster = .active, mergesGroups: Bool = false) {
        self.slicing = slicing
        self.kinds = kinds
        self.isDirected = isDirected
        self.roster = roster
        self.mergesGroups = mergesGroups
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
    /// `nodes[i]` is the entity of local node `i`, in entity order.
    public let nodes: [Int32]
    /// The aggregated graph, indexed like `nodes`.
    public let graph: SliceGraph
    /// The indices in the event log of the selected events in this slice, in file order.
    public let eventIndices: [Int32]
}

/// An event log cut into slices, over one set of entities.
public struct SlicedNetwork: Sendable {
    /// The node identities shared by all slices.
    public let entities: [Entity]
    /// The slices in time order.
    public let slices: [Slice]
    /// The options the network was sliced with.
    public let options: SliceOptions
    /// The entity each actor belongs to (itself, or its group).
    public let entityOfActor: [Int32]
    /// The events the slices were made from.
    public let log: EventLog

    /// The slice labelled `label`.
    public func slice(labelled label: String) -> Slice? { slices.first { $0.label == label } }
}
