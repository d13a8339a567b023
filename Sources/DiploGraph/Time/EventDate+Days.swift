/// Dates as spans of days: the time line that ``TemporalReach`` and the time-ordered exports
/// count in.
extension EventDate {
    /// The first day the date covers, as days since 1970-01-01 (negative before): the day
    /// itself, the first of the month, or 1 January.
    /// - Complexity: O(1).
    public var firstDay: Int {
        Self.dayNumber(year: year, month: month ?? 1, day: day ?? 1)
    }

    /// The last day the date covers, as days since 1970-01-01: the day itself, the last of the
    /// month, or 31 December.
    /// - Complexity: O(1).
    public var lastDay: Int {
        let month = self.month ?? 12
        return Self.dayNumber(year: year, month: month, day: day ?? Self.daysIn(month: month, year: year))
    }

    /// The day-precise date of day number `dayNumber` (days since 1970-01-01).
    /// - Parameter dayNumber: a day number, as ``firstDay`` gives.
    /// - Throws: ``ValueError`` when the day falls outside the years 1...9999.
    /// - Complexity: O(1).
    public init(dayNumber: Int) throws(ValueError) {
        // Howard Hinnant's civil_from_days (proleptic Gregorian).
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        try self.init(year: year, month: month, day: day)
    }

    /// Days since 1970-01-01 of a valid calendar date (Howard Hinnant's days_from_civil).
    static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}
