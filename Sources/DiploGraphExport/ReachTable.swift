import DiploGraph
import DiploGraphText

/// Who could reach whom in time order: the earliest possible and certain arrival at every
/// entity from one or more sources (the `reach` subcommand's output).
public struct ReachTable: Sendable {
    /// Output formats.
    public enum Format: String, Sendable, CaseIterable {
        /// An aligned text table; `-` for no arrival.
        case table
        /// `actor,possible,certain` (with `from,` first for several sources, and
        /// `,possible_via,certain_via` last with paths).
        case csv
        /// An array of objects, one per row.
        case json
    }

    /// One entity's arrivals from one source.
    public struct Row: Sendable {
        /// The source's id.
        public let from: String
        /// The entity's id.
        public let actor: String
        /// The earliest possible arrival (`YYYY-MM-DD`), or `nil`.
        public let possible: String?
        /// The earliest certain arrival, or `nil`.
        public let certain: String?
        /// The line numbers of one path achieving ``possible``, first to last.
        public let possibleVia: [Int]
        /// The line numbers of one path achieving ``certain``.
        public let certainVia: [Int]
    }

    /// The rows: for each source in turn, every other entity in entity order.
    public let rows: [Row]
    /// Whether several sources were given (a `from` column) .
    public let hasSeveralSources: Bool
    /// Whether the rows carry paths.
    public let includesPaths: Bool

    /// Arrivals from each of `sources` in `network`'s selected events.
    ///
    /// - Parameters:
    ///   - network: the sliced events (options select kinds, direction, groups).
    ///   - sources: the entities to start from.
    ///   - start: the start date, or `nil` for none.
    ///   - includesPaths: whether rows name one path per arrival (line numbers).
    /// - Throws: ``/DiploGraph/ValueError`` when a source is not an entity of `network`, or
    ///   when no selected event exists (nothing to put in time order).
    /// - Complexity: O(*e* log *e* + *s* (*n* + *e*)) for *e* events, *s* sources and *n* entities.
    public init(network: SlicedNetwork, sources: [EntityIndex], start: EventDate?, includesPaths: Bool) throws(ValueError) {
        let reach = TemporalReach(network: network)
        guard reach.arcCount > 0 else {
            throw ValueError("\(network.log.file): no events of the selected kinds between two actors (or groups): nothing to put in time order")
        }
        var rows: [Row] = []
        let log = network.log
        func lines(_ events: [EventIndex]) -> [Int] { events.map { log[$0].line } }
        // Each day's text once: many actors arrive on the same days.
        var dayText: [Int: String] = [:]
        func text(_ day: Int?) -> String? {
            guard let day else { return nil }
            if let known = dayText[day] { return known }
            let written = (try? EventDate(dayNumber: day))?.description
            dayText[day] = written
            return written
        }
        for source in sources {
            let possible = try reach.arrivals(from: source, start: start, reading: .possible)
            let certain = try reach.arrivals(from: source, start: start, reading: .certain)
            for index in network.entities.indices where index != source.position {
                let entity = EntityIndex(unchecked: Int32(index))
                rows.append(Row(from: network.entities[source.position].id, actor: network.entities[index].id,
                                possible: text(possible.arrivalDay(at: entity)),
                                certain: text(certain.arrivalDay(at: entity)),
                                possibleVia: includesPaths ? lines(possible.path(to: entity)) : [],
                                certainVia: includesPaths ? lines(certain.path(to: entity)) : []))
            }
        }
        self.rows = rows
        hasSeveralSources = sources.count > 1
        self.includesPaths = includesPaths
    }

    private var header: [String] {
        (hasSeveralSources ? ["from"] : []) + ["actor", "possible", "certain"] + (includesPaths ? ["possible_via", "certain_via"] : [])
    }

    private func cells(_ row: Row, empty: String) -> [String] {
        var cells = hasSeveralSources ? [row.from] : []
        cells += [row.actor, row.possible ?? empty, row.certain ?? empty]
        if includesPaths {
            cells += [row.possibleVia.map(String.init).joined(separator: ";"), row.certainVia.map(String.init).joined(separator: ";")]
        }
        return cells
    }

    /// The table in `format`.
    /// - Parameter format: the output format.
    /// - Returns: the text, ending in a newline.
    /// - Throws: ``/DiploGraph/ValueError`` only if JSON could not be written.
    /// - Complexity: O(*r*) for *r* rows.
    public func formatted(as format: Format) throws(ValueError) -> String {
        switch format {
        case .table:
            return TextTable.render(header: header, rows: rows.map { cells($0, empty: "-") }, rightAligned: [])
        case .csv:
            var out = header.joined(separator: ",") + "\n"
            for row in rows { out += cells(row, empty: "").map(Escape.csv).joined(separator: ",") + "\n" }
            return out
        case .json:
            return try JSONValue.array(rows.map { row in
                var fields: [(String, JSONValue)] = [("actor", .string(row.actor)),
                                                     ("possible", row.possible.map(JSONValue.string) ?? .number(nil)),
                                                     ("certain", row.certain.map(JSONValue.string) ?? .number(nil))]
                if hasSeveralSources { fields.append(("from", .string(row.from))) }
                if includesPaths {
                    fields.append(("possible_via", .array(row.possibleVia.map(JSONValue.integer))))
                    fields.append(("certain_via", .array(row.certainVia.map(JSONValue.integer))))
                }
                return .object(fields)
            }).text()
        }
    }
}
