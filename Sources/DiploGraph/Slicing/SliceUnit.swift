/// The calendar unit that cuts events into slices.
public enum SliceUnit: String, Sendable, CaseIterable {
    case year, quarter, month, all

    /// The least precise date an event may have to fall in one slice of this unit.
    public var requiredPrecision: EventDate.Precision {
        switch self {
        case .year, .all: .year
        case .quarter, .month: .month
        }
    }

    /// The ordinal of the period that holds `date`: consecutive periods have consecutive ordinals.
    /// - Precondition: `date` is at least as precise as ``requiredPrecision``.
    public func period(of date: EventDate) -> Int {
        switch self {
        case .year: date.year
        case .quarter: date.year * 4 + (date.month! - 1) / 3
        case .month: date.year * 12 + (date.month! - 1)
        case .all: 0
        }
    }

    /// The label of period `ordinal`: `2017`, `2017-Q1`, `2017-03`, `all`.
    public func label(ofPeriod ordinal: Int) -> String {
        func year(_ y: Int) -> String { y >= 1000 ? String(y) : String(repeating: "0", count: 4 - String(y).count) + String(y) }
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
