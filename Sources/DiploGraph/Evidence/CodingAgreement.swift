/// How far two codings of one source agree: which rows are the same unit, and Krippendorff's
/// alpha (nominal) per field over the matched rows.
///
/// Rows are matched one to one, either by their spans in the source text (rows whose quotes
/// overlap are the same unit, the pairs of greatest overlap first, ties in file order), or,
/// without the text, on equal date, source, target and kind (in file order when several rows
/// share them). The fields compared are `date`, `source`, `target`, `kind` and `about` (an
/// empty `about` is a value: "no relationship named"). Unmatched rows are counted, not coded.
public struct CodingAgreement: Sendable {
    /// One field's agreement.
    public struct Field: Sendable, Equatable {
        /// `date`, `source`, `target`, `kind` or `about`.
        public let name: String
        /// Krippendorff's alpha over the matched rows, `nil` where undefined (every value the same).
        public let alpha: Double?
    }

    /// The fields compared, in order.
    public static let fieldNames = ["date", "source", "target", "kind", "about"]

    /// The matched rows: event indices into A's log and B's log (``EventLog/event(at:)``
    /// reads each).
    public let matches: [(a: EventIndex, b: EventIndex)]
    /// A's rows without a match, in file order, as indices into A's log.
    public let onlyA: [EventIndex]
    /// B's rows without a match, in file order, as indices into B's log.
    public let onlyB: [EventIndex]
    /// Alpha per field, in ``fieldNames`` order.
    public let fields: [Field]

    /// Matches the rows of `a` and `b` and measures their agreement.
    /// - Parameters:
    ///   - a: the first coding.
    ///   - b: the second coding of the same source.
    ///   - spansA: each of A's rows' span in the source text (character offsets), to match by
    ///     overlap; `nil` to match on date, source, target and kind.
    ///   - spansB: the same for B; given with `spansA` or not at all.
    /// - Throws: ``ValueError`` when only one coding has spans, or a coding has not one span per row.
    /// - Complexity: O(*p* log *p* + *a* + *b*) for *p* overlapping pairs of spans, or O(*a* + *b*)
    ///   expected by keys.
    public init(a: EventLog, b: EventLog, spansA: [Range<Int>]? = nil, spansB: [Range<Int>]? = nil) throws(ValueError) {
        var matches: [(a: Int, b: Int)] = []
        switch (spansA, spansB) {
        case let (spansA?, spansB?):
            guard spansA.count == a.events.count, spansB.count == b.events.count else {
                throw ValueError("give one span per row (\(a.events.count) and \(b.events.count) rows)")
            }
            matches = Self.matchByOverlap(spansA, spansB)
        case (nil, nil):
            var waiting: [String: [Int]] = [:]
            for (j, event) in b.events.enumerated() { waiting[Self.key(event, in: b), default: []].append(j) }
            var next: [String: Int] = [:]
            for (i, event) in a.events.enumerated() {
                let key = Self.key(event, in: a)
                let taken = next[key, default: 0]
                if let queue = waiting[key], taken < queue.count {
                    matches.append((i, queue[taken]))
                    next[key] = taken + 1
                }
            }
        default:
            throw ValueError("give the spans of both codings, or of neither")
        }
        let matchedA = Set(matches.map(\.a)), matchedB = Set(matches.map(\.b))
        onlyA = a.eventIndices.filter { !matchedA.contains($0.position) }
        onlyB = b.eventIndices.filter { !matchedB.contains($0.position) }
        var fields: [Field] = []
        for (f, name) in Self.fieldNames.enumerated() {
            let data = [matches.map { Optional(Self.value(f, of: a.events[$0.a], in: a)) },
                        matches.map { Optional(Self.value(f, of: b.events[$0.b], in: b)) }]
            fields.append(Field(name: name, alpha: try KrippendorffAlpha.nominal(data)))
        }
        self.matches = matches.map { (EventIndex(unchecked: Int32($0.a)), EventIndex(unchecked: Int32($0.b))) }
        self.fields = fields
    }

    /// The one-to-one pairs of overlapping spans, greatest overlap first (ties in file order).
    /// - Parameters:
    ///   - a: spans of A's rows.
    ///   - b: spans of B's rows.
    /// - Returns: the matched pairs, by A's row.
    /// - Complexity: O((*a* + *b*) log(*a* + *b*) + *p* log *p*) for *p* overlapping pairs.
    public static func matchByOverlap(_ a: [Range<Int>], _ b: [Range<Int>]) -> [(a: Int, b: Int)] {
        var candidates: [(overlap: Int, a: Int, b: Int)] = []
        let order = b.indices.sorted { b[$0].lowerBound < b[$1].lowerBound }
        for (i, span) in a.enumerated() {
            for j in order {
                if b[j].lowerBound >= span.upperBound { break }
                let overlap = Swift.min(span.upperBound, b[j].upperBound) - Swift.max(span.lowerBound, b[j].lowerBound)
                if overlap > 0 { candidates.append((overlap, i, j)) }
            }
        }
        candidates.sort { ($0.overlap, -$0.a, -$0.b) > ($1.overlap, -$1.a, -$1.b) }
        var usedA = Set<Int>(), usedB = Set<Int>()
        var pairs: [(a: Int, b: Int)] = []
        for candidate in candidates where !usedA.contains(candidate.a) && !usedB.contains(candidate.b) {
            usedA.insert(candidate.a); usedB.insert(candidate.b)
            pairs.append((candidate.a, candidate.b))
        }
        return pairs.sorted { $0.a < $1.a }
    }

    static func key(_ event: Event, in log: EventLog) -> String {
        (0..<4).map { value($0, of: event, in: log) }.joined(separator: "\u{0}")
    }

    /// Field `f` (in ``fieldNames`` order) of `event`, as text.
    static func value(_ f: Int, of event: Event, in log: EventLog) -> String {
        switch f {
        case 0: return "\(event.date)"
        case 1: return log.actors.actors[event.source.position].id
        case 2: return log.actors.actors[event.target.position].id
        case 3: return log.kinds[event.kind].id
        default:
            guard let about = event.about else { return "" }
            return [log.actors.actors[about.first.position].id, log.actors.actors[about.second.position].id].sorted().joined(separator: "|")
        }
    }
}
