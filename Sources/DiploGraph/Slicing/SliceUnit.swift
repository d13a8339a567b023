/// The calendar unit that cuts events into slices.
public enum SliceUnit: String, Sendable, CaseIterable {
    /// Calendar years.
    case year
    /// Calendar quarters (January–March is Q1).
    case quarter
    /// Calendar months.
    case month
    /// One period for everything.
    case all

    /// The least precise date an event may have to fall in one slice of this unit.
    public var requiredPrecision: EventDate.Precision {
        switch self {
        case .year, .all: .year
        case .quarter, .month: .month
        }
    }

    /// The ordinal of the period that holds `date`: consecutive periods have consecutive ordinals.
    /// - Returns: `nil` when `date` is coarser than ``requiredPrecision`` (a `2018` date has no month).
    /// - Complexity: O(1).
    /// - Parameter date: an event's date.
    public func period(of date: EventDate) -> Int? {
        switch self {
        case .year: return date.year
        case .quarter: return date.month.map { date.year * 4 + ($0 - 1) / 3 }
        case .month: return date.month.map { date.year * 12 + ($0 - 1) }
        case .all: return 0
        }
    }

    /// The periods in a year: 1, 4 or 12 (1 for `all`).
    var periodsPerYear: Int {
        switch self {
        case .year, .all: 1
        case .quarter: 4
        case .month: 12
        }
    }

    /// The label of period `ordinal`: `2017`, `2017-Q1`, `2017-03`, `all`.
    /// - Complexity: O(1).
    /// - Parameter ordinal: a period's ordinal, as ``period(of:)`` returns it: a period of year 1
    ///   or later (a window's last period may lie past year 9999); 0 for `all`.
    /// - Returns: the label; years below 1000 padded to four digits.
    /// - Throws: ``ValueError`` for an ordinal before year 1 (a negative one would read `0000-Q0`),
    ///   or another than 0 for `all`.
    public func label(ofPeriod ordinal: Int) throws(ValueError) -> String {
        if self == .all ? ordinal != 0 : ordinal < periodsPerYear {
            throw ValueError("period \(ordinal): not a period of \(self == .all ? "the unit all (only 0 is)" : "year 1 or later in \(rawValue)s")")
        }
        return label(validPeriod: ordinal)
    }

    /// ``label(ofPeriod:)`` of an ordinal known to be valid (slicing makes them from dates).
    func label(validPeriod ordinal: Int) -> String {
        func year(_ y: Int) -> String { (0..<1000).contains(y) ? String(repeating: "0", count: 4 - String(y).count) + String(y) : String(y) }
        switch self {
        case .year: return year(ordinal)
        case .quarter: return "\(year(ordinal / 4))-Q\(ordinal % 4 + 1)"
        case .month:
            let month = ordinal % 12 + 1
            return "\(year(ordinal / 12))-\(month < 10 ? "0" : "")\(month)"
        case .all: return "all"
        }
    }
}
