/// The earliest arrivals from one source in time order, with one path for each: what
/// ``TemporalReach/arrivals(from:start:reading:)`` returns.
public struct TemporalArrivals: Sendable {
    /// The arrival day of an entity that is not reached, in the buffers of
    /// ``TemporalReach/forEachArrivals(from:start:reading:_:)``.
    public static let unreached = Int32.max
    /// The arrival day of the source when no start date was given.
    public static let beforeAll = Int32.min

    /// The entity the paths start from.
    public let source: EntityIndex
    /// How spans were placed.
    public let reading: TemporalReach.Reading
    /// The start day (days since 1970-01-01), or `nil` when no start date was given.
    public let startDay: Int?
    private let days: [Int32]
    private let via: [Int32]
    private let reach: TemporalReach

    init(source: EntityIndex, reading: TemporalReach.Reading, startDay: Int32?, days: [Int32], via: [Int32], reach: TemporalReach) {
        self.source = source
        self.reading = reading
        self.startDay = startDay.flatMap { $0 == Self.beforeAll ? nil : Int($0) }
        self.days = days
        self.via = via
        self.reach = reach
    }

    /// The earliest arrival at `entity` as days since 1970-01-01, or `nil` when no
    /// time-respecting path reaches it (and for the source itself).
    /// - Parameter entity: an entity of the network.
    /// - Complexity: O(1).
    public func arrivalDay(at entity: EntityIndex) -> Int? {
        guard entity != source, entity.position < days.count, days[entity.position] != Self.unreached else { return nil }
        return Int(days[entity.position])
    }

    /// The earliest arrival at `entity` as a day-precise date, or `nil` when it is not reached.
    /// - Parameter entity: an entity of the network.
    /// - Complexity: O(1).
    public func arrivalDate(at entity: EntityIndex) -> EventDate? {
        arrivalDay(at: entity).flatMap { try? EventDate(dayNumber: $0) }
    }

    /// The entities reached (the source not counted).
    /// - Complexity: O(*n*) for *n* entities.
    public var reachedCount: Int {
        days.indices.reduce(0) { $0 + (days[$1] != Self.unreached && $1 != source.position ? 1 : 0) }
    }

    /// One path that achieves the earliest arrival at `entity`: the indices in the log's events
    /// of its events, first to last (a relay's first leg names the relay's event).
    /// - Parameter entity: an entity of the network.
    /// - Returns: the events, or an empty list when `entity` is the source or not reached.
    /// - Complexity: O(*l*) for a path of *l* events.
    public func path(to entity: EntityIndex) -> [EventIndex] {
        guard arrivalDay(at: entity) != nil else { return [] }
        var events: [EventIndex] = []
        var v = entity.position
        while v != source.position, via[v] >= 0, events.count <= days.count {
            let arc = Int(via[v])
            events.append(EventIndex(unchecked: reach.arcEvent[arc]))
            v = Int(reach.arcFrom[arc])
        }
        return events.reversed()
    }
}
